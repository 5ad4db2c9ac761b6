"""Facts the letters state from the dossier, beyond its answers: which R124-4
mentions the agency's letter lacks, and when the agency's contacts were
unreasonable (a Sunday, before 8 a.m., after 8 p.m.).

Plain values for ``contexts``; the templates lay them out.
"""

from collections.abc import Iterable
from typing import Final

from dossiers.answers import Verifications
from dossiers.law.checks import R124_4_MENTIONS
from dossiers.law.dates import format_date

from .common import Contact

MENTION_TEXTS: Final = {
    "collector_identity": "votre nom ou dénomination, votre adresse et "
    "l'indication de votre activité de recouvrement amiable (1°)",
    "creditor_identity": "le nom ou la dénomination et l'adresse du créancier (2°)",
    "debt_details": "le fondement et le montant de la somme due, distinguant "
    "principal, intérêts et accessoires (3°)",
    "payment_terms": "l'indication d'avoir à payer et les modalités de paiement (4°)",
    "fees_article": "la reproduction du texte de loi sur les frais de recouvrement "
    "(5°)",
}
"""R124-4's five mentions as the letter names them (reference §4.3)."""

MENTION_FINDINGS: Final = {
    "r124_4_missing": "mandate",
    "r124_4_missing_role_unknown": "unknown",
}
"""The triage's findings about missing mentions, and the agency's role each
one assumes."""


def missing_mentions(
    verifications: Verifications | None, finding_codes: Iterable[str]
) -> tuple[tuple[str, ...], str]:
    """The mentions the letter lacks (as the letter names them) and the role
    the triage assumed (``mandate`` or ``unknown``); nothing when the triage
    found no missing mention (a buyer of the debt, or all five present)."""
    role = next(
        (MENTION_FINDINGS[c] for c in finding_codes if c in MENTION_FINDINGS), ""
    )
    if not role or verifications is None or verifications.mentions is None:
        return (), ""
    present = verifications.mentions
    missing = tuple(
        MENTION_TEXTS[code] for code in R124_4_MENTIONS if code not in present
    )
    return missing, role if missing else ""


SUNDAY: Final = 6


def contact_moment(event: Contact) -> str:
    """Why a contact came at an unreasonable moment (« un dimanche, le soir »),
    or « » for a reasonable one."""
    reasons = []
    if event.occurred_on.weekday() == SUNDAY:
        reasons.append("un dimanche")
    at = event.occurred_at_time
    if at is not None and at.hour >= 20:
        reasons.append("le soir, après 20 heures")
    elif at is not None and at.hour < 8:
        reasons.append("tôt le matin, avant 8 heures")
    return ", ".join(reasons)


def unreasonable_moments(events: Iterable[Contact]) -> tuple[str, ...]:
    """``le 29 novembre 2026 à 21 h 30 (un dimanche, le soir, après 20 heures)``
    for each contact on a Sunday or outside 8 a.m.–8 p.m., oldest first."""
    lines = []
    for event in events:
        moment = contact_moment(event)
        if not moment:
            continue
        when = f"le {format_date(event.occurred_on)}"
        if event.occurred_at_time is not None:
            at = event.occurred_at_time
            when += f" à {at.hour} h {at.minute:02d}"
        lines.append(f"{when} ({moment})")
    return tuple(lines)
