"""From the findings to the responses (letter slugs: available, recommended,
discouraged, with their cautions) and the explicit warnings.

Pure: no Django. :func:`respond` is called by
:func:`dossiers.law.findings.assess` with the sorted findings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from .checks import Finding
from .dates import format_date
from .facts import Facts

DISCLAIMER: Final = (
    "Cet assistant est une aide : il ne remplace pas le conseil d'un juriste, "
    "d'une association ou d'un avocat."
)
"""Plain statement that the product is an aid, not legal advice."""

RESPONSE_TITLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "prescription": "Lettre à l'agence : dette prescrite ou forclose",
        "contestation": "Contestation et demande de justificatifs",
        "frais": "Contestation des frais de recouvrement",
        "harcelement": "Demande de cessation des pratiques abusives",
        "echeancier": "Proposition d'échéancier",
        "quittance": "Paiement et demande de quittance",
        "reglement": "Offre de règlement pour solde de tout compte",
        "delais": "Demande de report ou de mensualités réduites",
    }
)
"""Letter slugs in their default order, with their French titles."""

_DEFAULT_REASONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "prescription": "Pour invoquer une dette prescrite ou forclose.",
        "contestation": "Pour contester la dette et demander les justificatifs.",
        "frais": "Pour contester des frais de recouvrement réclamés.",
        "harcelement": "Pour exiger la fin d'appels ou de pressions abusifs.",
        "echeancier": "Pour proposer de payer en plusieurs fois.",
        "quittance": "Pour payer en une fois contre un reçu (quittance).",
        "reglement": "Pour proposer une somme pour solde de tout compte, contre "
        "l'accord écrit du créancier.",
        "delais": "Pour demander quelques mois de report ou des mensualités réduites.",
    }
)

PAYMENT_SLUGS: Final = frozenset({"echeancier", "quittance", "reglement", "delais"})
"""Letters that pay or offer to pay: they acknowledge the debt (§7 (c), §8.1, §8.2)."""

# Findings that hold a payment back (here, and no negotiation finding in
# ``findings``): proofs missing, a court procedure, a scam, contested fees.
UNPROVEN_CODES: Final = frozenset(
    {
        "no_breakdown",
        "total_missing",
        "total_mismatch",
        "documents_missing",
        "debt_contested",
        "debt_partly_contested",
        "debt_unclear",
        "debt_sold",
        "owner_unknown",
    }
)
"""The debt, its amount or its owner not proven (also a ground of opposition)."""
PROOF_CODES: Final = UNPROVEN_CODES | {"r124_4_missing", "r124_4_missing_role_unknown"}
URGENT_PROCEDURES: Final = frozenset(
    {"injonction_opposition", "enforcement_act", "court_summons"}
)
SCAM_CODES: Final = frozenset({"scam_payment", "fake_court_document"})
FEE_CODES: Final = frozenset(
    {"fees_not_chargeable", "fees_to_check", "fees_professional_to_check"}
)


@dataclass(frozen=True, slots=True)
class Response:
    """A possible answer (letter slug), why, and whether it is advised."""

    slug: str
    title: str
    reason: str
    recommended: bool
    available: bool
    warning: str | None = None


def respond(
    findings: Sequence[Finding], facts: Facts
) -> tuple[tuple[Response, ...], tuple[str, ...]]:
    """The responses (recommended first) and the warnings for ``findings``."""
    context = _Context(facts, frozenset(finding.code for finding in findings))
    responses = _responses(findings, context)
    return responses, _warnings(findings, responses, context)


# --- Responses ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    facts: Facts
    codes: frozenset[str]

    @property
    def status(self) -> str | None:
        limitation = self.facts.limitation
        return None if limitation is None else limitation.status

    @property
    def kind(self) -> str | None:
        limitation = self.facts.limitation
        return None if limitation is None else limitation.kind


def _recommending(findings: Sequence[Finding]) -> dict[str, list[str]]:
    reasons: dict[str, list[str]] = {}
    for finding in findings:
        if finding.severity == "info" and finding.code != "negotiation_possible":
            continue
        for slug in finding.responses:
            reasons.setdefault(slug, []).append(finding.title)
    return reasons


def _responses(findings: Sequence[Finding], context: _Context) -> tuple[Response, ...]:
    reasons = _recommending(findings)
    mentioned = {slug for finding in findings for slug in finding.responses}
    built = [
        _response(slug, reasons.get(slug, []), slug in mentioned, context)
        for slug in _slug_order(findings)
    ]
    return tuple(sorted(built, key=_response_rank))


def _slug_order(findings: Sequence[Finding]) -> list[str]:
    """Default order, except payment slugs follow the negotiation finding."""
    order = [slug for slug in RESPONSE_TITLES if slug not in PAYMENT_SLUGS]
    for finding in findings:
        if finding.code == "negotiation_possible":
            order += [slug for slug in finding.responses if slug in PAYMENT_SLUGS]
    order += [slug for slug in RESPONSE_TITLES if slug not in order]
    return order


def _response_rank(response: Response) -> int:
    if response.recommended:
        return 0
    return 1 if response.available else 2


def _response(
    slug: str, reasons: list[str], mentioned: bool, context: _Context
) -> Response:
    unavailable = _unavailable(slug, mentioned, context)
    discouraged = None if unavailable else _discouraged(slug, context)
    recommended = bool(reasons) and unavailable is None and discouraged is None
    return Response(
        slug=slug,
        title=RESPONSE_TITLES[slug],
        reason=" ; ".join(reasons) if recommended else _DEFAULT_REASONS[slug],
        recommended=recommended,
        available=unavailable is None,
        warning=unavailable or discouraged or _caution(slug, context),
    )


def _barred_warning(kind: str | None) -> str:
    if kind == "forclusion":
        return (
            "La dette semble forclose : ne payez pas et ne proposez aucun paiement "
            "dans votre lettre."
        )
    return (
        "La dette semble prescrite : ne payez pas, ne reconnaissez pas la dette et "
        "ne proposez aucun paiement dans votre lettre (risque de renonciation à la "
        "prescription, C. civ. 2250-2251)."
    )


_ADMISSIBLE_WARNING: Final = (
    "Dossier de surendettement recevable : ne payez pas directement l'agence "
    "(C. consom. L722-5)."
)
_SCAM_WARNING: Final = (
    "Signes d'escroquerie : ne payez rien avant d'avoir vérifié l'agence par vous-même."
)
_PROOF_WARNING: Final = "Ne payez rien avant d'avoir reçu les justificatifs."


def _unavailable(slug: str, mentioned: bool, context: _Context) -> str | None:
    if slug == "prescription" and context.status not in {"barred", "partly_barred"}:
        return "Aucune prescription acquise selon l'estimation actuelle."
    if slug == "frais" and not mentioned:
        return "Aucun frais contestable n'a été repéré dans le détail des montants."
    if slug in PAYMENT_SLUGS:
        return _payment_unavailable(context)
    return None


def _payment_unavailable(context: _Context) -> str | None:
    if context.status == "barred":
        return _barred_warning(context.kind)
    if context.facts.surendettement_admissible:
        return _ADMISSIBLE_WARNING
    if context.codes & SCAM_CODES:
        return _SCAM_WARNING
    return None


def _discouraged(slug: str, context: _Context) -> str | None:
    if slug not in PAYMENT_SLUGS:
        return None
    codes = context.codes
    if codes & URGENT_PROCEDURES:
        return (
            "Une procédure en justice est en cours : un courrier à l'agence ne "
            "remplace pas votre réponse au tribunal."
        )
    if context.status == "partly_barred":
        return (
            "Une partie de la dette semble prescrite : ne proposez de payer que "
            "la partie non prescrite, après vérification."
        )
    if context.status in {None, "uncertain"}:
        return (
            "Vérifiez d'abord la prescription : proposer un paiement reconnaît la "
            "dette."
        )
    if context.facts.recognises != "yes" or codes & PROOF_CODES:
        return _PROOF_WARNING
    if codes & FEE_CODES:
        return (
            "Faites d'abord corriger le décompte : ne payez pas les frais qui ne "
            "sont pas dus."
        )
    if "over_indebtedness" in codes:
        return "Aucun paiement tenable selon votre budget (estimation)."
    return None


def _caution(slug: str, context: _Context) -> str | None:
    if slug == "echeancier":
        return _acknowledgment_warning(context.kind)
    if slug in _OFFER_CAUTIONS:
        return _offer_caution(slug, context.kind)
    if slug == "prescription":
        return "N'ajoutez aucune proposition de paiement à cette lettre."
    return None


_OFFER_CAUTIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "reglement": "Cette offre reconnaît la dette",
        "delais": "Cette demande reconnaît la dette",
    }
)
_PAY_AFTER_WRITING: Final = {
    "reglement": " Ne payez qu'après avoir reçu l'accord écrit du créancier."
}


def _offer_caution(slug: str, kind: str | None) -> str:
    """§8.1, §8.2: an offer acknowledges the debt (2240), which restarts a
    prescription (not a forclusion)."""
    restarts = (
        ""
        if kind == "forclusion"
        else (" et fait repartir la prescription (C. civ., art. 2240)")
    )
    return f"{_OFFER_CAUTIONS[slug]}{restarts}.{_PAY_AFTER_WRITING.get(slug, '')}"


def _acknowledgment_warning(kind: str | None) -> str:
    if kind == "forclusion":
        return (
            "Proposer un échéancier vaut reconnaissance de dette ; s'il est "
            "accepté, il peut faire repartir le délai de forclusion à partir du "
            "premier impayé qui suit."
        )
    return (
        "Proposer un échéancier vaut reconnaissance de dette et fait repartir la "
        "prescription."
    )


# --- Warnings ----------------------------------------------------------------


def _warnings(
    findings: Sequence[Finding], responses: Sequence[Response], context: _Context
) -> tuple[str, ...]:
    plan_possible = any(
        response.slug == "echeancier" and response.available for response in responses
    )
    warnings = [
        *_procedure_warnings(findings),
        *_payment_warnings(context, plan_possible),
        *_fee_warnings(context.codes),
        DISCLAIMER,
    ]
    return tuple(dict.fromkeys(warnings))


def _procedure_warnings(findings: Sequence[Finding]) -> list[str]:
    warnings = []
    for finding in findings:
        if finding.code == "injonction_opposition":
            when = f" avant le {format_date(finding.due)}" if finding.due else ""
            warnings.append(
                "Un courrier à l'agence ne suffit pas : faites opposition au greffe "
                f"du tribunal{when}."
            )
        elif finding.code in URGENT_PROCEDURES:
            warnings.append(
                "Un courrier à l'agence ne suffit pas : contactez vite une "
                "association ou un avocat."
            )
    return warnings


def _payment_warnings(context: _Context, plan_possible: bool) -> list[str]:
    codes = context.codes
    warnings = []
    if codes & SCAM_CODES:
        warnings.append(_SCAM_WARNING)
    if context.facts.surendettement_admissible:
        warnings.append(_ADMISSIBLE_WARNING)
    if context.status == "barred":
        warnings.append(_barred_warning(context.kind))
    if context.status == "partly_barred":
        warnings.append(
            "Une partie de la dette semble prescrite : ne reconnaissez pas la dette "
            "entière et ne proposez aucun paiement dans votre lettre à l'agence."
        )
    if (
        codes & PROOF_CODES
        or context.status in {None, "uncertain"}
        or context.facts.recognises != "yes"
    ):
        warnings.append(_PROOF_WARNING)
    if plan_possible:
        warnings.append(_acknowledgment_warning(context.kind))
    return warnings


def _fee_warnings(codes: frozenset[str]) -> list[str]:
    if codes & FEE_CODES:
        return [
            "Ne payez pas les frais contestés : demandez un décompte sans ces frais."
        ]
    return []
