"""Court procedures that cannot wait: injonction de payer, commandement,
assignation (CPC 1416), and what a mise en demeure changes."""

from __future__ import annotations

import datetime as dt
from typing import Final

from dossiers.law import references as refs
from dossiers.law.dates import format_date, one_month_after

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


def opposition_last_day(signification_date: dt.date) -> dt.date:
    """Last day to oppose an injonction de payer: one month after signification.

    Same day number one month later, clamped to the end of a shorter month
    (CPC 641). The CPC 642 extension (weekend, holiday) is not applied: this is
    the safe date.
    """
    return one_month_after(signification_date)


def check_letter_kind(
    kind: str, *, signification_date: dt.date | None, today: dt.date
) -> list[Finding]:
    """Urgent guidance for court procedures (injonction, commandement, assignation)."""
    letter = require_code(kind, LETTER_KINDS, "Type de courrier")
    if letter == "injonction_signifiee":
        return [_injonction(signification_date, today)]
    if letter == "commandement":
        return [_enforcement_act()]
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
    "L'opposition vous permet de faire valoir la prescription, de contester les "
    "montants et de demander des délais. Contactez vite une association ou un "
    "avocat."
)


def _injonction(signified: dt.date | None, today: dt.date) -> Finding:
    if signified is None:
        return _injonction_without_date()
    if signified > today:
        raise CheckInputError(
            "La date de signification ne peut pas être dans le futur."
        )
    last = opposition_last_day(signified)
    overdue = today > last
    return Finding(
        code="injonction_opposition",
        severity="urgent",
        title=f"URGENT : opposition à faire au plus tard le {format_date(last)}",
        explanation=_injonction_text(signified, last, overdue),
        basis=(refs.CPC_1416, refs.CPC_641, refs.CPC_1422),
        uncertain=overdue or last.weekday() >= 5,
        due=last,
    )


def _injonction_text(signified: dt.date, last: dt.date, overdue: bool) -> str:
    text = (
        f"L'ordonnance vous a été signifiée le {format_date(signified)} : vous avez "
        f"un mois, soit jusqu'au {format_date(last)} inclus. {_OPPOSITION_HOW}"
    )
    if last.weekday() >= 5:
        text += (
            " Ce jour tombe un week-end : le délai peut être prolongé au premier "
            "jour ouvrable suivant (CPC 642), mais n'attendez pas : à vérifier."
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


def _enforcement_act() -> Finding:
    return Finding(
        code="enforcement_act",
        severity="urgent",
        title="URGENT : acte de commissaire de justice",
        explanation=(
            "Un commissaire de justice ne peut saisir que s'il existe une décision "
            "de justice ou un autre titre exécutoire : lisez l'acte pour savoir "
            "lequel. Les délais sont courts : par exemple, un commandement de payer "
            "avant une saisie sur salaire vous laisse un mois pour payer, trouver "
            "un accord ou contester devant le juge de l'exécution. Pour les autres "
            "actes, le délai est à vérifier sur l'acte. Ne l'ignorez pas : "
            "contactez vite une association ou un avocat."
        ),
        basis=(refs.L111_2, refs.WAGE_SEIZURE_2025),
        uncertain=True,
    )


def _court_summons() -> Finding:
    return Finding(
        code="court_summons",
        severity="urgent",
        title="URGENT : vous êtes convoqué au tribunal (assignation)",
        explanation=(
            "Allez à l'audience indiquée sur l'acte, ou faites-vous représenter. "
            "Le juge ne peut pas soulever la prescription à votre place : c'est à "
            "vous de l'invoquer, ce qui est possible à tout moment du procès. Vous "
            "pouvez aussi contester les montants et demander des délais de "
            "paiement (deux ans au plus). Contactez vite une association ou un "
            "avocat."
        ),
        basis=(refs.CIV_2247, refs.CIV_2248, refs.CIV_1343_5),
    )


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
