"""Who owns the debt (mandate or sale, C. civ. 1324) and the proofs received."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
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

RECOGNITION: Final = code_table(
    [
        ("yes", "Oui", "Vous reconnaissez devoir cette somme."),
        ("partly", "En partie", "Vous devez une partie, mais pas tout."),
        ("no", "Non", "Vous ne devez pas cette somme."),
        ("unknown", "Je ne sais pas", "Vous ne reconnaissez pas cette dette."),
    ]
)
"""Does the debtor recognise the debt?"""

DOCUMENTS: Final = code_table(
    [
        (
            "contract",
            "Contrat signé (offre de crédit, bon de commande…)",
            "Le document que vous avez signé avec le créancier d'origine.",
        ),
        ("invoices", "Factures", "Les factures qui correspondent à la dette."),
        (
            "statement",
            "Décompte détaillé",
            "Le détail de la somme : principal, intérêts, frais.",
        ),
        (
            "payment_history",
            "Historique des paiements",
            "Les paiements faits et la date du premier impayé.",
        ),
        (
            "mandate_or_deed",
            "Mandat du créancier ou acte de cession de la dette",
            "La preuve que l'agence peut réclamer cette dette.",
        ),
    ]
)
"""Documents the debtor may have received."""


def check_ownership(agency_role: str) -> list[Finding]:
    """Debt bought, or role unknown: ask the deed of sale and its notification."""
    role = require_code(agency_role, AGENCY_ROLES, "Rôle de l'agence")
    if role == "purchase":
        return [_debt_sold()]
    if role == "unknown":
        return [_owner_unknown()]
    return []


def _debt_sold() -> Finding:
    return Finding(
        code="debt_sold",
        severity="important",
        title="Dette rachetée : demandez la preuve du rachat",
        explanation=(
            "L'agence dit avoir racheté la dette (cession de créance). Ce rachat "
            "ne compte à votre égard que s'il vous a été notifié. Demandez l'acte "
            "de cession, la liste qui montre que votre dette en fait partie, et la "
            "preuve de la notification. Vous gardez contre le racheteur les mêmes "
            "moyens de défense que contre le créancier d'origine, y compris la "
            "prescription."
        ),
        basis=(refs.CIV_1324,),
        responses=("contestation",),
    )


def _owner_unknown() -> Finding:
    return Finding(
        code="owner_unknown",
        severity="important",
        title="On ne sait pas pour qui l'agence réclame (à vérifier)",
        explanation=(
            "Le courrier ne dit pas clairement si l'agence agit pour le créancier "
            "(mandat) ou si elle a racheté la dette. Demandez-lui le mandat du "
            "créancier, ou l'acte de cession et la preuve qu'il vous a été "
            "notifié. Vos droits en dépendent : à vérifier."
        ),
        basis=(refs.CIV_1324, refs.R124_3),
        uncertain=True,
        responses=("contestation",),
    )


_ESSENTIAL_DOCUMENTS: Final = frozenset({"statement"})
_CONTRACT_OR_INVOICES: Final = frozenset({"contract", "invoices"})


def check_documents(received: frozenset[str], recognises: str) -> list[Finding]:
    """Debt not (fully) recognised, or proofs missing: the creditor must prove it."""
    received = require_codes(received, DOCUMENTS, "Document")
    answer = require_code(recognises, RECOGNITION, "Reconnaissance de la dette")
    missing = [code for code in DOCUMENTS if code not in received]
    if answer != "yes":
        return [_not_recognised(answer, missing)]
    if _essentials_missing(received):
        return [_documents_missing(missing)]
    return []


def _essentials_missing(received: frozenset[str]) -> bool:
    return not (received >= _ESSENTIAL_DOCUMENTS and _CONTRACT_OR_INVOICES & received)


_NOT_RECOGNISED: Final[Mapping[str, tuple[str, str, str]]] = MappingProxyType(
    {
        "no": (
            "debt_contested",
            "Vous contestez la dette : c'est au créancier de la prouver",
            "Vous dites ne pas devoir cette somme.",
        ),
        "partly": (
            "debt_partly_contested",
            "Vous contestez une partie de la dette : elle doit être prouvée",
            "Vous reconnaissez une partie seulement de la somme.",
        ),
        "unknown": (
            "debt_unclear",
            "Vous ne reconnaissez pas cette dette : demandez les preuves",
            "Vous ne savez pas à quoi correspond cette somme.",
        ),
    }
)


def _missing_documents_text(missing: Sequence[str]) -> str:
    if not missing:
        return ""
    return f" Documents non reçus : {labels_of(missing, DOCUMENTS)}."


def _not_recognised(answer: str, missing: Sequence[str]) -> Finding:
    code, title, situation = _NOT_RECOGNISED[answer]
    return Finding(
        code=code,
        severity="important",
        title=title,
        explanation=(
            f"{situation} C'est à celui qui réclame une somme de prouver qu'elle "
            "est due (charge de la preuve). Contestez par écrit et demandez les "
            "justificatifs ; ne payez rien avant de les avoir reçus."
            f"{_missing_documents_text(missing)}"
        ),
        basis=(refs.CIV_1353,),
        responses=("contestation",),
    )


def _documents_missing(missing: Sequence[str]) -> Finding:
    return Finding(
        code="documents_missing",
        severity="important",
        title="Des justificatifs manquent",
        explanation=(
            "Même si vous reconnaissez la dette, vérifiez son montant sur pièces : "
            "c'est au créancier de le prouver (charge de la preuve). Demandez les "
            f"justificatifs avant de payer.{_missing_documents_text(missing)}"
        ),
        basis=(refs.CIV_1353,),
        responses=("contestation",),
    )
