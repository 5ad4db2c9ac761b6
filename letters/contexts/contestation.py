"""Contestation et demande de justificatifs (reference §7 (a))."""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from dossiers.answers import Verifications
from dossiers.law import references as refs
from dossiers.law.checks import DOCUMENTS
from dossiers.law.citations import contestation_articles
from dossiers.law.prose import cited

from .common import (
    NO_ACKNOWLEDGMENT,
    LetterContext,
    LetterInput,
    agency_role,
    common,
    letter_situation,
    recipient,
)
from .facts import missing_mentions
from .fees import fees_sentence


@dataclass(frozen=True, kw_only=True)
class ContestationContext(LetterContext):
    contest_sentence: str
    proof_sentence: str
    fees_sentence: str
    creditor: str
    agency_role: str
    documents: tuple[str, ...]
    received: tuple[str, ...]
    missing_mentions: tuple[str, ...]
    """The R124-4 mentions the agency's letter lacks (when that recommended it)."""
    mentions_role: str


CONTRACTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "consumer_credit": "la copie de l'offre de crédit signée",
        "overdraft": "la copie de la convention de compte et de l'autorisation de "
        "découvert",
        "real_estate_loan": "la copie de l'offre de prêt signée",
        "telecom": "la copie du contrat d'abonnement",
        "residential_rent": "la copie du bail",
        "insurance_premium": "la copie du contrat d'assurance (conditions "
        "particulières)",
        "judgment": "la copie de la décision de justice et de l'acte de signification",
        "alimony": "la copie de la décision ou de la convention qui fixe la pension",
        "public_debt": "la copie du titre de recettes",
    }
)
"""What « the contract » is for each nature of debt (reference §7 (a): the offer
of credit for a credit only)."""
DEFAULT_CONTRACT: Final = "la copie du contrat signé ou du bon de commande"
NO_INVOICE: Final = frozenset({"judgment", "alimony", "consumer_credit", "overdraft"})
CREDIT: Final = frozenset({"consumer_credit", "overdraft", "real_estate_loan"})


def requested_documents(data: LetterInput) -> tuple[str, ...]:
    """The proofs the debt's nature calls for, each unless she has it."""
    received = data.answers.get(Verifications).documents
    nature = letter_situation(data).nature
    wanted = []
    if "contract" not in received:
        wanted.append(CONTRACTS.get(nature, DEFAULT_CONTRACT))
    if "invoices" not in received and nature not in NO_INVOICE:
        wanted.append(
            "les avis d'échéance des loyers et charges réclamés"
            if nature == "residential_rent"
            else "les factures correspondant à la somme réclamée"
        )
    if "statement" not in received:
        wanted.append(_statement(agency_role(data)))
    if "payment_history" not in received:
        wanted.append(
            "l'historique des paiements et la date du premier incident de paiement "
            "non régularisé"
            if nature in CREDIT
            else "l'historique des paiements reçus"
        )
    if "mandate_or_deed" not in received:
        wanted.append(ownership_request(agency_role(data)))
    return tuple(wanted) or ("tout document justifiant le montant exact de la créance",)


def _statement(role: str) -> str:
    text = (
        "un décompte détaillé distinguant le principal, les intérêts et les accessoires"
    )
    if role == "mandate":  # R124-4 binds a collector acting for a creditor (§4.1)
        return f"{text} ({cited([refs.R124_4_3])})"
    return text


def ownership_request(role: str) -> str:
    deed = (
        "l'acte de cession de créance et l'annexe identifiant ma dette, ainsi que "
        f"la preuve que cette cession m'a été notifiée ({cited([refs.CIV_1324])})"
    )
    mandate = (
        "le mandat ou la convention vous autorisant à recouvrer cette créance pour "
        f"le compte du créancier ({cited([refs.R124_3])})"
    )
    if role == "purchase":
        return deed
    if role == "mandate":
        return mandate
    return (
        f"si vous agissez pour le créancier, {mandate}, ou, si vous avez racheté "
        f"la créance, {deed}"
    )


CONTEST_SENTENCES = {
    "no": "Je conteste cette créance, dans son principe comme dans son montant.",
    "partly": "Je conteste le montant de cette créance tel que vous le réclamez.",
    "yes": "Avant tout règlement, je vous demande de justifier votre créance.",
}
"""What she said in « Vérifications » (recognises the debt?) sets how far the
letter goes; anything else: she does not recognise it as it stands."""
BARRED_YES = "Je vous demande de justifier votre créance."
"""For a barred debt nothing may read as if the rest were payable (§2.3)."""


def contest_sentence(data: LetterInput) -> str:
    recognises = data.answers.get(Verifications).recognises or "unknown"
    estimate = data.assessment.estimate
    if (
        recognises == "yes"
        and estimate
        and estimate.status in {"barred", "partly_barred"}
    ):
        return BARRED_YES
    return CONTEST_SENTENCES.get(
        recognises, "Je ne reconnais pas cette créance en l'état de vos explications."
    )


def contestation(data: LetterInput) -> ContestationContext:
    received = data.answers.get(Verifications).documents
    missing, mentions_role = missing_mentions(
        data.answers.verifications,
        (finding.code for finding in data.assessment.result.findings),
    )
    basis = contestation_articles(letter_situation(data))
    if missing:  # the letter names them: the rule and its penalty (R124-7)
        basis = tuple(dict.fromkeys((*basis, refs.R124_4, refs.R124_7)))
    return ContestationContext(
        **common(
            data,
            object_line="Contestation de la créance et demande de justificatifs",
        ),
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        contest_sentence=contest_sentence(data),
        proof_sentence=(
            "Il appartient à celui qui réclame l'exécution d'une obligation de la "
            f"prouver ({cited([refs.CIV_1353])})."
        ),
        fees_sentence=fees_sentence(basis),
        creditor=recipient(data).creditor,
        agency_role=agency_role(data),
        documents=requested_documents(data),
        received=tuple(
            spec.label for code, spec in DOCUMENTS.items() if code in received
        ),
        missing_mentions=missing,
        mentions_role=mentions_role,
        basis=basis,
        enclosures=("Copie de votre courrier",),
    )
