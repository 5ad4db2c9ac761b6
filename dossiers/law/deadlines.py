"""Deadlines of a dossier, nearest first: limitation last day, opposition to an
injonction de payer, follow-up after an avis de réception, plan instalments.

Pure: ``today`` is passed in. A deadline whose day is before ``today`` is marked
``overdue``; the last day itself is still on time (a period ends at midnight).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from . import references as refs
from .checks import SEVERITY_RANK, Severity
from .checks.procedures import ACT_EARLY, ProceduralDeadline, one_month_deadline
from .dates import format_date
from .holidays import is_non_working_day

FOLLOW_UP_DAYS: Final = 30
"""Practical delay (not a legal one) before chasing an unanswered letter."""

LIMITATION_KINDS: Final = frozenset({"prescription", "forclusion"})


class DeadlineInputError(ValueError):
    """Invalid input for the deadlines; the message is in French."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """A dated deadline with its reason and legal basis."""

    code: str
    title: str
    due: dt.date
    severity: Severity
    basis: tuple[str, ...]
    explanation: str
    overdue: bool = False
    uncertain: bool = False


def compute_deadlines(
    *,
    today: dt.date,
    limitation_last_day: dt.date | None = None,
    limitation_kind: str | None = None,
    limitation_basis: tuple[str, ...] = (),
    limitation_enforcement: bool = False,
    limitation_partly_barred: bool = False,
    injonction_signified_on: dt.date | None = None,
    commandement_on: dt.date | None = None,
    alsace_moselle: bool = False,
    ar_received_on: Sequence[dt.date] = (),
    answer_received_after_ar: bool = False,
    plan_instalments: Sequence[dt.date] = (),
) -> tuple[Deadline, ...]:
    """Return the dossier's deadlines sorted nearest first.

    Codes: ``limitation`` (last day of the prescription or forclusion; of the
    ten years to enforce a court title when ``limitation_enforcement``),
    ``injonction_opposition`` (one month after signification, CPC 1416, to the
    next working day, CPC 642), ``commandement`` (the month of a wage-seizure
    commandement, from its date; « à vérifier » as the act's kind is not
    known), ``follow_up`` (30 days after the latest avis de réception, unless
    an answer came after it) and ``instalment`` (each date of an agreed plan).
    ``alsace_moselle``: two more public holidays (CPC 642). Raises
    ``DeadlineInputError`` on dates in the future that must be in the past.
    """
    _check_inputs(today, limitation_kind, injonction_signified_on, ar_received_on)
    _check_inputs(today, None, commandement_on, ())
    deadlines: list[Deadline] = []
    if limitation_last_day is not None:
        deadlines.append(
            _limitation(
                limitation_last_day,
                limitation_kind,
                limitation_basis,
                today,
                _Scope(limitation_enforcement, limitation_partly_barred),
            )
        )
    if injonction_signified_on is not None:
        deadline = one_month_deadline(
            injonction_signified_on, alsace_moselle=alsace_moselle
        )
        deadlines.append(_opposition(deadline, today))
    if commandement_on is not None:
        deadline = one_month_deadline(commandement_on, alsace_moselle=alsace_moselle)
        deadlines.append(_commandement(deadline, today))
    if ar_received_on and not answer_received_after_ar:
        deadlines.append(_follow_up(max(ar_received_on), today))
    deadlines.extend(_instalments(plan_instalments, today))
    return tuple(sorted(deadlines, key=_sort_key))


def _sort_key(deadline: Deadline) -> tuple[dt.date, int, str]:
    return (deadline.due, SEVERITY_RANK[deadline.severity], deadline.code)


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _check_inputs(
    today: dt.date,
    kind: str | None,
    signified: dt.date | None,
    ars: Sequence[dt.date],
) -> None:
    if not _is_date(today):
        raise DeadlineInputError("Date du jour invalide.")
    if kind is not None and kind not in LIMITATION_KINDS:
        raise DeadlineInputError(f"Type de délai inconnu « {kind} ».")
    if signified is not None and signified > today:
        raise DeadlineInputError(
            "La date de signification ne peut pas être dans le futur."
        )
    if any(not _is_date(day) or day > today for day in ars):
        raise DeadlineInputError(
            "La date de l'avis de réception ne peut pas être dans le futur."
        )


_LIMITATION_TITLES: Final = {
    "prescription": "Fin du délai de prescription (estimation)",
    "forclusion": "Fin du délai de forclusion (estimation)",
    None: "Fin du délai pour agir en justice (estimation)",
}
_ENFORCEMENT_TITLE: Final = "Fin du délai pour faire exécuter le jugement (estimation)"


@dataclass(frozen=True, slots=True)
class _Scope:
    enforcement: bool = False
    """The ten years to enforce a court title (L111-4), not a period to sue."""
    partly_barred: bool = False


def _limitation(
    last: dt.date,
    kind: str | None,
    basis: tuple[str, ...],
    today: dt.date,
    scope: _Scope,
) -> Deadline:
    overdue = last < today
    weekend_uncertain = kind != "prescription" and is_non_working_day(last)
    title = _ENFORCEMENT_TITLE if scope.enforcement else _LIMITATION_TITLES[kind]
    return Deadline(
        code="limitation",
        title=title,
        due=last,
        severity="info",
        basis=basis,
        explanation=_limitation_text(last, kind, overdue, weekend_uncertain, scope),
        overdue=overdue,
        uncertain=weekend_uncertain,
    )


def _limitation_text(
    last: dt.date,
    kind: str | None,
    overdue: bool,
    weekend_uncertain: bool,
    scope: _Scope,
) -> str:
    act = (
        "faire exécuter le jugement (saisies)"
        if scope.enforcement
        else "agir en justice"
    )
    if overdue:
        text = (
            f"Le délai a pris fin le {format_date(last)} : le créancier ne peut "
            f"plus {act}, sauf acte qui l'aurait interrompu et que vous ne "
            "connaîtriez pas."
        )
    else:
        text = (
            f"Jusqu'au {format_date(last)} inclus, le créancier peut encore {act} ; "
            "après, il ne le pourra plus, sauf acte qui interrompt le délai. D'ici "
            "là, ne reconnaissez pas la dette sans l'avoir vérifiée."
        )
    if scope.partly_barred and not overdue:
        text = (
            "Une partie de la dette est déjà prescrite. Pour les sommes qui ne le "
            f"sont pas encore, le dernier délai finit le {format_date(last)} : "
            "chacune a sa propre date (voyez le détail par échéance). " + text
        )
    if kind == "prescription" and is_non_working_day(last):
        text += (
            " Ce délai n'est pas prolongé s'il finit un samedi, un dimanche ou un "
            "jour férié."
        )
    if weekend_uncertain:
        text += (
            " Ce jour n'est pas un jour ouvrable : un report au jour ouvrable "
            "suivant est incertain (à vérifier)."
        )
    return text


def _opposition(deadline: ProceduralDeadline, today: dt.date) -> Deadline:
    last = deadline.last_day
    overdue = last < today
    text = (
        f"Injonction de payer signifiée le {format_date(deadline.start)} : faites "
        "opposition au greffe du tribunal qui a rendu l'ordonnance. Un courrier à "
        f"l'agence ne suffit pas. {deadline.sentence()} {ACT_EARLY}"
    )
    if overdue:
        text += (
            " Le délai semble dépassé : si l'acte ne vous a pas été remis en "
            "personne, l'opposition peut rester possible (à vérifier d'urgence)."
        )
    return Deadline(
        code="injonction_opposition",
        title="URGENT : opposition à l'injonction de payer",
        due=last,
        severity="urgent",
        basis=(refs.CPC_1416, refs.CPC_641, refs.CPC_642),
        explanation=text,
        overdue=overdue,
        uncertain=overdue,
    )


def _commandement(deadline: ProceduralDeadline, today: dt.date) -> Deadline:
    """The one month of a commandement before a wage seizure (loi 2023-1059,
    décret 2025-125), counted from the act like the opposition's month."""
    last = deadline.last_day
    text = (
        f"Acte du {format_date(deadline.start)} : s'il s'agit d'un commandement de "
        "payer avant saisie sur salaire, vous avez un mois pour payer, trouver un "
        "accord ou contester devant le juge de l'exécution. "
        f"{deadline.sentence()} Pour un autre acte, le délai est écrit sur l'acte "
        f"(à vérifier). {ACT_EARLY}"
    )
    return Deadline(
        code="commandement",
        title="URGENT : délai de l'acte du commissaire de justice (à vérifier)",
        due=last,
        severity="urgent",
        basis=(refs.WAGE_SEIZURE_2025, refs.CPC_641, refs.CPC_642),
        explanation=text,
        overdue=last < today,
        uncertain=True,
    )


def _follow_up(ar_day: dt.date, today: dt.date) -> Deadline:
    due = ar_day + dt.timedelta(days=FOLLOW_UP_DAYS)
    return Deadline(
        code="follow_up",
        title="Relancer l'agence : pas de réponse à votre lettre",
        due=due,
        severity="important",
        basis=(),
        explanation=(
            f"Votre lettre a été reçue le {format_date(ar_day)} (avis de "
            f"réception). Sans réponse {FOLLOW_UP_DAYS} jours après, relancez par "
            "lettre recommandée et rappelez votre demande. C'est un délai "
            "pratique, pas un délai fixé par la loi."
        ),
        overdue=due < today,
    )


def _instalments(days: Sequence[dt.date], today: dt.date) -> list[Deadline]:
    if any(not _is_date(day) for day in days):
        raise DeadlineInputError("Date d'échéance invalide.")
    return [
        Deadline(
            code="instalment",
            title=f"Échéance n° {number} du plan de paiement",
            due=day,
            severity="important",
            basis=(refs.R124_6,),
            explanation=(
                "Payez par un moyen qui laisse une trace et demandez un reçu "
                "(quittance) pour chaque paiement."
            ),
            overdue=day < today,
        )
        for number, day in enumerate(sorted(days), start=1)
    ]
