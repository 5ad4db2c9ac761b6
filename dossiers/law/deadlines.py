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
from .checks import SEVERITY_RANK, Severity, opposition_last_day
from .dates import format_date

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
    injonction_signified_on: dt.date | None = None,
    ar_received_on: Sequence[dt.date] = (),
    answer_received_after_ar: bool = False,
    plan_instalments: Sequence[dt.date] = (),
) -> tuple[Deadline, ...]:
    """Return the dossier's deadlines sorted nearest first.

    Codes: ``limitation`` (last day of the prescription or forclusion),
    ``injonction_opposition`` (one month after signification, CPC 1416),
    ``follow_up`` (30 days after the latest avis de réception, unless an answer
    came after it) and ``instalment`` (each date of an agreed plan). Raises
    ``DeadlineInputError`` on dates in the future that must be in the past.
    """
    _check_inputs(today, limitation_kind, injonction_signified_on, ar_received_on)
    deadlines: list[Deadline] = []
    if limitation_last_day is not None:
        deadlines.append(
            _limitation(limitation_last_day, limitation_kind, limitation_basis, today)
        )
    if injonction_signified_on is not None:
        deadlines.append(_opposition(injonction_signified_on, today))
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


def _limitation(
    last: dt.date, kind: str | None, basis: tuple[str, ...], today: dt.date
) -> Deadline:
    overdue = last < today
    weekend_uncertain = kind != "prescription" and last.weekday() >= 5
    return Deadline(
        code="limitation",
        title=_LIMITATION_TITLES[kind],
        due=last,
        severity="info",
        basis=basis,
        explanation=_limitation_text(last, kind, overdue, weekend_uncertain),
        overdue=overdue,
        uncertain=weekend_uncertain,
    )


def _limitation_text(
    last: dt.date, kind: str | None, overdue: bool, weekend_uncertain: bool
) -> str:
    if overdue:
        text = (
            f"Le délai a pris fin le {format_date(last)} : le créancier ne peut "
            "plus agir en justice, sauf acte qui l'aurait interrompu et que vous "
            "ne connaîtriez pas."
        )
    else:
        text = (
            f"Jusqu'au {format_date(last)} inclus, le créancier peut encore agir "
            "en justice ; après, il ne le pourra plus, sauf acte qui interrompt le "
            "délai. D'ici là, ne reconnaissez pas la dette sans l'avoir vérifiée."
        )
    if kind == "prescription" and last.weekday() >= 5:
        text += " Ce délai n'est pas prolongé s'il finit un samedi ou un dimanche."
    if weekend_uncertain:
        text += (
            " Ce jour tombe un week-end : un report au jour ouvrable suivant est "
            "incertain (à vérifier)."
        )
    return text


def _opposition(signified: dt.date, today: dt.date) -> Deadline:
    last = opposition_last_day(signified)
    overdue = last < today
    text = (
        f"Injonction de payer signifiée le {format_date(signified)} : faites "
        "opposition au greffe du tribunal qui a rendu l'ordonnance. Un courrier à "
        "l'agence ne suffit pas."
    )
    if last.weekday() >= 5:
        text += (
            " Ce jour tombe un week-end : le délai peut être prolongé au premier "
            "jour ouvrable suivant, mais n'attendez pas (à vérifier)."
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
        uncertain=overdue or last.weekday() >= 5,
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
