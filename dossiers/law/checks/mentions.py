"""The five mandatory mentions of an amicable collector's letter (CPCE R124-4)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from dossiers.law import references as refs

from .base import (
    AGENCY_ROLES,
    Finding,
    code_table,
    labels_of,
    require_code,
    require_codes,
)

R124_4_MENTIONS: Final = code_table(
    [
        (
            "collector_identity",
            "Nom et adresse de l'agence, et le fait qu'elle fait du recouvrement "
            "amiable",
            "1° : le nom (ou la raison sociale) et l'adresse de l'agence, avec "
            "l'indication qu'elle exerce une activité de recouvrement amiable.",
        ),
        (
            "creditor_identity",
            "Nom et adresse du créancier (celui à qui la dette est due)",
            "2° : le nom (ou la raison sociale) et l'adresse du créancier.",
        ),
        (
            "debt_details",
            "Origine et détail de la somme : principal, intérêts et autres "
            "accessoires, séparés",
            "3° : le fondement et le montant de la somme due, en distinguant "
            "principal, intérêts et autres accessoires.",
        ),
        (
            "payment_terms",
            "Demande de payer et façons de payer (modalités de paiement)",
            "4° : l'indication d'avoir à payer et les modalités de paiement.",
        ),
        (
            "fees_article",
            "Texte de l'article L111-8 sur les frais de recouvrement recopié",
            "5° : le courrier recopie les alinéas de l'article L111-8 : « Les frais "
            "de recouvrement entrepris sans titre exécutoire restent à la charge du "
            "créancier… ».",
        ),
    ]
)
"""The five mandatory mentions of CPCE R124-4, in the order of the article."""


def check_mentions(
    present: frozenset[str], *, agency_role: str, commissaire: bool = False
) -> list[Finding]:
    """Check the five R124-4 mentions against the agency's role.

    They bind a person collecting *for a creditor* (R124-1); a buyer collecting
    its own claim is not bound (Que Choisir, [S]); when the role is unknown the
    conclusion is "à vérifier". ``commissaire``: the letter comes from a
    commissaire de justice acting amicably, whom R124-1 may exclude (reference
    §4.1, §9 point 3: [U]) — « à vérifier » too.
    """
    present = require_codes(present, R124_4_MENTIONS, "Mention obligatoire")
    role = require_code(agency_role, AGENCY_ROLES, "Rôle de l'agence")
    missing = [code for code in R124_4_MENTIONS if code not in present]
    if role == "purchase":
        return [_mentions_not_applicable()]
    if not missing:
        return []
    if commissaire:
        return [_mentions_missing_commissaire(missing)]
    if role == "mandate":
        return [_mentions_missing(missing)]
    return [_mentions_missing_role_unknown(missing)]


def _mentions_missing_commissaire(missing: Sequence[str]) -> Finding:
    return Finding(
        code="r124_4_missing_role_unknown",
        severity="important",
        title="Des mentions obligatoires manquent peut-être (à vérifier)",
        explanation=(
            f"{_missing_text(missing)} Ces mentions s'imposent aux sociétés de "
            "recouvrement amiable. Un commissaire de justice (ancien huissier) qui "
            "relance à l'amiable en est peut-être dispensé : les sources se "
            "contredisent (à vérifier). Les frais de recouvrement restent, eux, "
            "à la charge du créancier. Demandez les justificatifs avant tout "
            "paiement."
        ),
        basis=(refs.R124_4, refs.R124_1, refs.L111_8_AL2),
        uncertain=True,
        responses=("contestation",),
    )


def _missing_text(missing: Sequence[str]) -> str:
    return "Il manque : " + labels_of(missing, R124_4_MENTIONS) + "."


def _mentions_missing(missing: Sequence[str]) -> Finding:
    return Finding(
        code="r124_4_missing",
        severity="important",
        title="Le courrier est irrégulier : des mentions obligatoires manquent",
        explanation=(
            f"{_missing_text(missing)} Une agence qui réclame une dette pour le "
            "compte d'un créancier doit faire figurer ces mentions dans son "
            "courrier (mentions obligatoires). Les oublier est une infraction "
            "(contravention de 5e classe). Cela ne fait pas disparaître la dette ; "
            "les autres conséquences ne sont pas tranchées (à vérifier). "
            "Demandez les justificatifs avant tout paiement."
        ),
        basis=(refs.R124_4, refs.R124_7),
        responses=("contestation",),
    )


def _mentions_missing_role_unknown(missing: Sequence[str]) -> Finding:
    return Finding(
        code="r124_4_missing_role_unknown",
        severity="important",
        title="Des mentions obligatoires manquent peut-être (à vérifier)",
        explanation=(
            f"{_missing_text(missing)} Si l'agence réclame pour le compte du "
            "créancier, ces mentions sont obligatoires et leur absence est une "
            "infraction. Si elle a racheté la dette, elles ne s'imposent pas. "
            "Demandez-lui à quel titre elle agit : à vérifier."
        ),
        basis=(refs.R124_4, refs.R124_7, refs.R124_1),
        uncertain=True,
        responses=("contestation",),
    )


def _mentions_not_applicable() -> Finding:
    return Finding(
        code="r124_4_not_applicable",
        severity="info",
        title="Mentions obligatoires : non applicables si la dette a été rachetée",
        explanation=(
            "L'agence dit avoir racheté la dette et la réclame pour elle-même : la "
            "liste des mentions obligatoires des agences de recouvrement ne "
            "s'applique pas. Les autres règles restent valables : pas de frais de "
            "recouvrement à votre charge, prescription, preuve du rachat."
        ),
        basis=(refs.R124_1, refs.R124_4),
    )
