"""Contestation et demande de justificatifs (reference §7 (a))."""

from dataclasses import dataclass

from dossiers.answers import Verifications
from dossiers.law import references as refs
from dossiers.law.checks import DOCUMENTS

from .common import (
    NO_ACKNOWLEDGMENT,
    LetterContext,
    LetterInput,
    agency_role,
    common,
    recipient,
)
from .facts import missing_mentions


@dataclass(frozen=True, kw_only=True)
class ContestationContext(LetterContext):
    contest_sentence: str
    creditor: str
    agency_role: str
    documents: tuple[str, ...]
    received: tuple[str, ...]
    missing_mentions: tuple[str, ...]
    """The R124-4 mentions the agency's letter lacks (when that recommended it)."""
    mentions_role: str


REQUESTED_DOCUMENTS = (
    (
        "contract",
        "la copie du contrat signé (offre de crédit, bon de commande ou contrat)",
    ),
    ("invoices", "les factures correspondant à la somme réclamée"),
    (
        "statement",
        "un décompte détaillé distinguant le principal, les intérêts et les "
        "accessoires (CPCE, art. R124-4, 3°)",
    ),
    (
        "payment_history",
        "l'historique des paiements et la date du premier incident de paiement "
        "non régularisé",
    ),
)
"""The proofs asked for, each unless she says she already has it."""


def requested_documents(data: LetterInput) -> tuple[str, ...]:
    received = data.answers.get(Verifications).documents
    wanted = [item for key, item in REQUESTED_DOCUMENTS if key not in received]
    if "mandate_or_deed" not in received:
        wanted.append(ownership_request(agency_role(data)))
    return tuple(wanted) or ("tout document justifiant le montant exact de la créance",)


def ownership_request(role: str) -> str:
    if role == "purchase":
        return (
            "l'acte de cession de créance et l'annexe identifiant ma dette, ainsi que "
            "la preuve que cette cession m'a été notifiée (C. civ., art. 1324)"
        )
    return (
        "le mandat ou la convention vous autorisant à recouvrer cette créance pour "
        "le compte du créancier (CPCE, art. R124-3)"
    )


CONTEST_SENTENCES = {
    "no": "Je conteste cette créance, dans son principe comme dans son montant.",
    "partly": "Je conteste le montant de cette créance tel que vous le réclamez.",
    "yes": "Avant tout règlement, je vous demande de justifier votre créance.",
}
"""What she said in « Vérifications » (recognises the debt?) sets how far the
letter goes; anything else: she does not recognise it as it stands."""


def contest_sentence(data: LetterInput) -> str:
    recognises = data.answers.get(Verifications).recognises or "unknown"
    return CONTEST_SENTENCES.get(
        recognises, "Je ne reconnais pas cette créance en l'état de vos explications."
    )


def contestation(data: LetterInput) -> ContestationContext:
    received = data.answers.get(Verifications).documents
    missing, mentions_role = missing_mentions(
        data.answers.verifications,
        (finding.code for finding in data.assessment.result.findings),
    )
    return ContestationContext(
        **common(
            data,
            object_line="Contestation de la créance et demande de justificatifs",
        ),
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        contest_sentence=contest_sentence(data),
        creditor=recipient(data).creditor,
        agency_role=agency_role(data),
        documents=requested_documents(data),
        received=tuple(
            spec.label for code, spec in DOCUMENTS.items() if code in received
        ),
        missing_mentions=missing,
        mentions_role=mentions_role,
        basis=(
            refs.CIV_1353,
            *((refs.R124_4, refs.R124_7) if missing else (refs.R124_4_3,)),
            refs.L111_8_AL2,
            refs.L121_21,
        ),
        enclosures=("Copie de votre courrier",),
    )
