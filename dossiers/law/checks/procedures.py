"""Court procedures that cannot wait: injonction de payer, commandement,
assignation (CPC 1416), and what a mise en demeure changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from dossiers.law import references as refs
from dossiers.law.dates import (
    add_months,
    format_date,
    format_weekday_date,
    one_month_after,
)
from dossiers.law.holidays import next_working_day, why_not_working

from .base import CheckInputError, Finding, code_table, require_code

LETTER_KINDS: Final = code_table(
    [
        ("relance", "Relance amiable", "Un courrier qui vous demande de payer."),
        (
            "mise_en_demeure",
            "Mise en demeure",
            "Un courrier intitulé « mise en demeure », souvent en recommandé.",
        ),
        (
            "injonction_signifiee",
            "Injonction de payer signifiée",
            "Une ordonnance d'un juge, remise par un commissaire de justice "
            "(ex-huissier) : le délai pour réagir est court.",
        ),
        (
            "commandement",
            "Acte de commissaire de justice / commandement de payer",
            "Un acte remis par un commissaire de justice, par exemple un "
            "commandement de payer avant une saisie.",
        ),
        (
            "assignation",
            "Assignation (convocation au tribunal)",
            "Un acte qui vous convoque à une audience devant un tribunal.",
        ),
        ("autre", "Autre", "Un autre type de courrier."),
    ]
)
"""Kinds of letter received."""


@dataclass(frozen=True, slots=True)
class ProceduralDeadline:
    """A one-month procedural deadline: its nominal end (CPC 641) and its legal
    last day once a Saturday, Sunday or public holiday is skipped (CPC 642)."""

    start: dt.date
    nominal: dt.date
    last_day: dt.date
    alsace_moselle: bool = False

    @property
    def extended(self) -> bool:
        return self.last_day != self.nominal

    def sentence(self) -> str:
        """« Le délai d'un mois finit le … » in French, with the CPC 642 report."""
        if not self.extended:
            return f"Vous avez un mois, soit jusqu'au {format_weekday_date(self.last_day)} inclus."
        why = why_not_working(self.nominal, alsace_moselle=self.alsace_moselle)
        return (
            f"Le délai d'un mois finirait le {format_weekday_date(self.nominal)}, {why} : il "
            "est reporté au premier jour ouvrable suivant (CPC, art. 642). Dernier "
            f"jour légal : le {format_weekday_date(self.last_day)} inclus."
        )


def one_month_deadline(
    start: dt.date, *, alsace_moselle: bool = False
) -> ProceduralDeadline:
    """One month from ``start`` (same day number, clamped to a shorter month:
    CPC 641), extended to the next working day (CPC 642; C. trav. L3133-1
    holidays, and Alsace-Moselle's two more when ``alsace_moselle``)."""
    nominal = one_month_after(start)
    last = next_working_day(nominal, alsace_moselle=alsace_moselle)
    return ProceduralDeadline(start, nominal, last, alsace_moselle)


def opposition_last_day(
    signification_date: dt.date, *, alsace_moselle: bool = False
) -> dt.date:
    """Legal last day to oppose an injonction de payer (CPC 1416, 641, 642)."""
    return one_month_deadline(
        signification_date, alsace_moselle=alsace_moselle
    ).last_day


ACT_EARLY: Final = (
    "N'attendez pas ce dernier jour : agissez dès que possible, un envoi "
    "recommandé met plusieurs jours à arriver."
)


def check_letter_kind(
    kind: str,
    *,
    signification_date: dt.date | None,
    today: dt.date,
    alsace_moselle: bool = False,
) -> list[Finding]:
    """Urgent guidance for court procedures (injonction, commandement, assignation).

    ``alsace_moselle``: the debtor lives in Moselle, Bas-Rhin or Haut-Rhin (two
    more public holidays there, for CPC 642)."""
    letter = require_code(kind, LETTER_KINDS, "Type de courrier")
    if signification_date is not None and signification_date > today:
        raise CheckInputError(
            "La date de signification ne peut pas être dans le futur."
        )
    deadline = (
        one_month_deadline(signification_date, alsace_moselle=alsace_moselle)
        if signification_date is not None
        else None
    )
    if letter == "injonction_signifiee":
        return [_injonction(deadline, today)]
    if letter == "commandement":
        return [_enforcement_act(deadline, today)]
    if letter == "assignation":
        return [_court_summons()]
    if letter == "mise_en_demeure":
        return [_mise_en_demeure()]
    return []


_OPPOSITION_HOW: Final = (
    "Faites opposition au greffe du tribunal qui a rendu l'ordonnance (lettre "
    "recommandée avec avis de réception, ou déclaration au greffe ; formulaire "
    "Cerfa 15602). Un courrier à l'agence ne suffit pas. Sans opposition, "
    "l'ordonnance a les effets d'un jugement et peut être exécutée (saisies). "
    "L'opposition vous permet de faire valoir la prescription et de contester les "
    "montants ; pour une somme non prescrite, vous pourrez aussi demander des "
    "délais de paiement, mais c'est une reconnaissance de dette. Contactez vite "
    "une association ou un avocat."
)
SIGNIFICATION_RULE_CHANGE: Final = dt.date(2026, 9, 1)
"""Orders from this date may have three months, not six, to be signified
(CPC 1411; single third-party source: [U], reference §5.2)."""


def _injonction(deadline: ProceduralDeadline | None, today: dt.date) -> Finding:
    if deadline is None:
        return _injonction_without_date()
    overdue = today > deadline.last_day
    basis = [refs.CPC_1416, refs.CPC_641, refs.CPC_642, refs.CPC_1422]
    text = _injonction_text(deadline, overdue)
    if deadline.start >= add_months(SIGNIFICATION_RULE_CHANGE, 3):
        text += " " + _SIGNIFICATION_DELAY
        basis.append(refs.CPC_1411)
    return Finding(
        code="injonction_opposition",
        severity="urgent",
        title=f"URGENT : opposition à faire au plus tard le {format_date(deadline.last_day)}",
        explanation=text,
        basis=tuple(basis),
        uncertain=overdue,
        due=deadline.last_day,
    )


_SIGNIFICATION_DELAY: Final = (
    "Une ordonnance doit être signifiée dans les six mois de sa date, sinon elle "
    "est non avenue (CPC, art. 1411). Pour une ordonnance rendue à partir du "
    "1er septembre 2026, ce délai serait de trois mois selon une source que nous "
    "n'avons pas pu vérifier : comparez la date de l'ordonnance et celle de la "
    "signification (à vérifier)."
)


def _injonction_text(deadline: ProceduralDeadline, overdue: bool) -> str:
    text = (
        f"L'ordonnance vous a été signifiée le {format_date(deadline.start)}. "
        f"{deadline.sentence()} {ACT_EARLY} {_OPPOSITION_HOW}"
    )
    if overdue:
        text += (
            " Ce délai semble dépassé. Si l'acte n'a pas été remis à vous-même "
            "(en personne), l'opposition peut rester possible un mois après le "
            "premier acte remis en personne ou la première saisie : à vérifier "
            "d'urgence avec une association ou un avocat."
        )
    return text


def _injonction_without_date() -> Finding:
    return Finding(
        code="injonction_opposition",
        severity="urgent",
        title="URGENT : injonction de payer, le délai d'opposition est d'un mois",
        explanation=(
            "Indiquez la date de signification écrite sur l'acte du commissaire de "
            "justice : vous avez un mois à partir de cette date pour faire "
            f"opposition (date à vérifier sur l'acte). {_OPPOSITION_HOW}"
        ),
        basis=(refs.CPC_1416, refs.CPC_1422),
        uncertain=True,
    )


def _enforcement_act(deadline: ProceduralDeadline | None, today: dt.date) -> Finding:
    """The kind of act is not known: one month is the wage-seizure commandement's
    (loi 2023-1059, décret 2025-125); for another act, « à vérifier »."""
    when = (
        "Indiquez la date de l'acte (sa signification) pour connaître ce délai."
        if deadline is None
        else f"L'acte est daté du {format_date(deadline.start)} : s'il s'agit d'un "
        f"commandement de payer avant saisie sur salaire, {_lower(deadline.sentence())}"
        f" {ACT_EARLY}"
    )
    if deadline is not None and today > deadline.last_day:
        when += " Ce délai semble dépassé : faites-vous conseiller d'urgence."
    return Finding(
        code="enforcement_act",
        severity="urgent",
        title="URGENT : acte de commissaire de justice",
        explanation=(
            "Un commissaire de justice ne peut saisir que s'il existe une décision "
            "de justice ou un autre titre exécutoire : lisez l'acte pour savoir "
            "lequel. Les délais sont courts : un commandement de payer avant une "
            "saisie sur salaire vous laisse un mois pour payer, trouver un accord "
            f"ou contester devant le juge de l'exécution. {when} Pour un autre "
            "acte, le délai est à vérifier sur l'acte. Ne l'ignorez pas : "
            "contactez vite une association ou un avocat."
        ),
        basis=(refs.L111_2, refs.WAGE_SEIZURE_2025)
        + ((refs.CPC_642,) if deadline is not None and deadline.extended else ()),
        uncertain=True,
        due=deadline.last_day if deadline is not None else None,
    )


def _lower(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


def _court_summons() -> Finding:
    return Finding(
        code="court_summons",
        severity="urgent",
        title="URGENT : vous êtes convoqué au tribunal (assignation)",
        explanation=(
            "Allez à l'audience indiquée sur l'acte, ou faites-vous représenter. "
            "Le juge ne peut pas soulever la prescription à votre place : c'est à "
            "vous de l'invoquer, ce qui est possible à tout moment du procès. Vous "
            "pouvez aussi contester les montants. Pour une somme qui n'est pas "
            "prescrite, vous pouvez demander au juge des délais de paiement (deux "
            f"ans au plus) : {JUDICIAL_DELAYS_ACKNOWLEDGE} Contactez vite une "
            "association ou un avocat."
        ),
        basis=(refs.CIV_2247, refs.CIV_2248, refs.CIV_1343_5),
    )


JUDICIAL_DELAYS_ACKNOWLEDGE: Final = (
    "c'est une reconnaissance de dette, qui fait repartir la prescription ; ne "
    "le demandez pas pour une somme prescrite."
)
"""What always goes with « demander au juge des délais de paiement » (§2.2, §5.4)."""


def _mise_en_demeure() -> Finding:
    return Finding(
        code="mise_en_demeure",
        severity="info",
        title="Une mise en demeure n'est pas une décision de justice",
        explanation=(
            "Une mise en demeure, même en recommandé, n'interrompt pas la "
            "prescription et ne permet aucune saisie. Elle fait courir les intérêts "
            "au taux légal."
        ),
        basis=(refs.FORMAL_NOTICE_2022, refs.CIV_1344_1),
    )
