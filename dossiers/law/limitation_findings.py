"""Findings from the limitation estimate (« Ce que nous avons relevé »).

The estimate comes as a :class:`LimitationView` (plain values mapped by the
caller from the engine's ``Estimate``), so that the triage does not depend on
the engine. An instalment debt's view carries its parts, so that a partly
barred debt says plainly which sums are barred and which can still be claimed
(reference §1.2, §7 (b)); a court title's ten years are the time to *enforce*
it, not to sue (§1.9).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

from . import references as refs
from .checks import Finding
from .dates import format_date
from .instalments import DebtPart, span, total
from .money import format_euros

LimitationKind = Literal["prescription", "forclusion"]


class FactsError(ValueError):
    """Incoherent facts (unknown code, impossible dates); French message."""


LIMITATION_STATUSES: Final = frozenset(
    {"not_barred", "barred", "partly_barred", "uncertain"}
)
"""Values of ``LimitationView.status`` (those of the engine's ``Status``)."""


@dataclass(frozen=True, slots=True)
class LimitationView:
    """The limitation estimate as plain values (mapped from the engine).

    ``status``: one of ``LIMITATION_STATUSES``; ``kind``: ``"prescription"``,
    ``"forclusion"`` or ``None`` when unknown. ``parts``: an instalment debt's
    instalments and capital with their amounts and statuses; ``enforcement``:
    the period is the ten years to enforce a court title (CPCE L111-4), not a
    period to sue; ``nature``: the engine's code of the debt.
    """

    status: str
    last_day: dt.date | None = None
    basis: tuple[str, ...] = ()
    kind: LimitationKind | None = None
    explanation: str = ""
    parts: tuple[DebtPart, ...] = ()
    enforcement: bool = False
    nature: str = ""

    def __post_init__(self) -> None:
        if self.status not in LIMITATION_STATUSES:
            raise FactsError(f"Statut de prescription inconnu « {self.status} ».")
        if self.kind not in {"prescription", "forclusion", None}:
            raise FactsError(f"Type de délai inconnu « {self.kind} ».")


_NAMES: Final[Mapping[str | None, str]] = MappingProxyType(
    {
        "prescription": "prescrite",
        "forclusion": "forclose",
        None: "prescrite ou forclose",
    }
)


def _until(view: LimitationView) -> str:
    if view.last_day is None:
        return ""
    return f" (dernier jour estimé : {format_date(view.last_day)})"


def limitation_findings(view: LimitationView | None) -> list[Finding]:
    if view is None:
        return [_limitation_unknown()]
    builders = {
        "barred": _barred,
        "partly_barred": _partly_barred,
        "uncertain": _limitation_uncertain,
        "not_barred": _not_barred,
    }
    return [builders[view.status](view)]


def _renunciation_basis(view: LimitationView) -> tuple[str, ...]:
    if view.kind == "forclusion":
        return view.basis
    return (*view.basis, refs.CIV_2250, refs.CIV_2251)


def _do_not_pay(kind: str | None) -> str:
    if kind == "forclusion":
        return "Ne payez pas et ne proposez aucun paiement."
    return (
        "Ne payez pas et ne reconnaissez pas la dette : une reconnaissance claire "
        "après la fin du délai peut être vue comme une renonciation à la "
        "prescription."
    )


def _barred(view: LimitationView) -> Finding:
    if view.enforcement:
        return _enforcement_barred(view)
    return Finding(
        code="limitation_barred",
        severity="important",
        title=f"La dette semble {_NAMES[view.kind]} : elle ne peut plus être "
        "réclamée en justice",
        explanation=(
            f"Le délai pour agir en justice est dépassé{_until(view)}, sans acte "
            "connu qui l'aurait interrompu. Invoquez-le par écrit et demandez la "
            f"clôture du dossier. {_do_not_pay(view.kind)}"
        ),
        basis=_renunciation_basis(view),
        responses=("prescription",),
    )


def _enforcement_barred(view: LimitationView) -> Finding:
    """The ten years of CPCE L111-4 are the time to enforce (seizures)."""
    return Finding(
        code="limitation_barred",
        severity="important",
        title="Le délai pour faire exécuter le jugement semble expiré",
        explanation=(
            "Le créancier avait dix ans pour faire exécuter la décision (saisies)"
            f"{_until(view)}, sans acte connu qui l'aurait interrompu. Invoquez-le "
            f"par écrit et demandez la clôture du dossier. {_do_not_pay(view.kind)}"
        ),
        basis=_renunciation_basis(view),
        responses=("prescription",),
    )


def _partly_barred(view: LimitationView) -> Finding:
    """Says plainly which sums are barred and which can still be claimed."""
    return Finding(
        code="limitation_partly_barred",
        severity="important",
        title="Une partie de la dette semble prescrite",
        explanation=" ".join(
            [
                *_parts_sentences(view.parts),
                "Invoquez la prescription pour les sommes prescrites seulement, et "
                "demandez le détail du reste. Ne reconnaissez pas la dette et ne "
                "proposez aucun paiement dans cette lettre.",
            ]
        ),
        basis=_renunciation_basis(view),
        responses=("prescription", "contestation"),
    )


def _parts_sentences(parts: Sequence[DebtPart]) -> list[str]:
    barred = [part for part in parts if part.barred]
    claimable = [part for part in parts if part.claimable]
    if not barred:
        return [
            "Certaines sommes (par exemple les échéances les plus anciennes) ne "
            "peuvent plus être réclamées en justice."
        ]
    sentences = [
        "Ne peuvent plus être réclamées en justice (prescrites) : "
        f"{span(barred)}{_total_words(barred)}."
    ]
    if claimable:
        oldest = min(
            (part.last_day for part in claimable if part.last_day is not None),
            default=None,
        )
        until = (
            f" ; la plus ancienne de ces sommes peut l'être jusqu'au "
            f"{format_date(oldest)} inclus"
            if oldest is not None
            else ""
        )
        sentences.append(
            "Peuvent encore être réclamées en justice : "
            f"{span(claimable)}{_total_words(claimable)}{until}."
        )
    return sentences


def _total_words(parts: Sequence[DebtPart]) -> str:
    """The sum, when ``span`` named more than one group (instalments, capital)."""
    amount = total(parts)
    groups = {part.label.startswith("Échéance") for part in parts}
    if amount is None or len(groups) < 2:
        return ""
    return f", soit {format_euros(amount)} en tout"


def _limitation_uncertain(view: LimitationView) -> Finding:
    return Finding(
        code="limitation_uncertain",
        severity="important",
        title="Prescription incertaine : des dates manquent (à vérifier)",
        explanation=(
            "On ne peut pas dire si la dette est prescrite sans connaître les "
            "dates. Demandez l'historique des paiements et la date du premier "
            "impayé non régularisé. Ne reconnaissez pas la dette en attendant."
        ),
        basis=view.basis,
        uncertain=True,
        responses=("contestation",),
    )


def _not_barred(view: LimitationView) -> Finding:
    action = (
        "faire exécuter la décision de justice (saisies)"
        if view.enforcement
        else "agir en justice"
    )
    return Finding(
        code="limitation_not_barred",
        severity="info",
        title="La dette ne semble pas prescrite",
        explanation=(
            f"Le créancier peut encore {action}{_until(view)}. Vérifiez "
            "tout de même le montant et les justificatifs."
        ),
        basis=view.basis,
    )


def _limitation_unknown() -> Finding:
    return Finding(
        code="limitation_unknown",
        severity="info",
        title="Prescription pas encore estimée",
        explanation=(
            "Indiquez la nature de la dette et ses dates pour savoir si elle peut "
            "encore être réclamée en justice."
        ),
        uncertain=True,
    )
