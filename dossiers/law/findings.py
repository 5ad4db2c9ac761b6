"""Triage: from the facts collected by the wizard to findings, ordered responses
(letter slugs) and explicit warnings.

Pure: no Django, ``today`` passed in. The limitation estimate is given as a
:class:`LimitationView` (plain values mapped by the caller from the engine's
``Estimate``) so that this module does not depend on the engine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from . import references as refs
from .budget import JUDICIAL_DELAYS_TEXT, Budget
from .checks import (
    AGENCY_ROLES,
    DOCUMENTS,
    LETTER_KINDS,
    R124_4_MENTIONS,
    RECOGNITION,
    SEVERITY_RANK,
    WARNING_SIGNS,
    AmountLine,
    Finding,
    check_amounts,
    check_documents,
    check_letter_kind,
    check_mentions,
    check_ownership,
    check_warning_signs,
    require_code,
    require_codes,
)
from .dates import format_date
from .limitation_findings import (
    LIMITATION_STATUSES,
    FactsError,
    LimitationView,
    limitation_findings,
)

__all__ = [
    "LIMITATION_STATUSES",
    "RESPONSE_TITLES",
    "Assessment",
    "Facts",
    "FactsError",
    "Finding",
    "LimitationView",
    "Response",
    "assess",
]

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
_PROOF_CODES: Final = frozenset(
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
        "r124_4_missing",
        "r124_4_missing_role_unknown",
    }
)
_URGENT_PROCEDURES: Final = frozenset(
    {"injonction_opposition", "enforcement_act", "court_summons"}
)
_SCAM_CODES: Final = frozenset({"scam_payment", "fake_court_document"})
_FEE_CODES: Final = frozenset(
    {"fees_not_chargeable", "fees_to_check", "fees_professional_to_check"}
)


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the wizard collects that the rules need.

    Codes: ``letter_kind`` in ``LETTER_KINDS``, ``agency_role`` in
    ``AGENCY_ROLES``, ``recognises`` in ``RECOGNITION``, ``documents_received``
    in ``DOCUMENTS``, ``warning_signs`` in ``WARNING_SIGNS``,
    ``mentions_present`` in ``R124_4_MENTIONS`` (``None``: not checked yet);
    ``recognises`` is ``None`` while the checks step is not answered (no
    finding about the proofs then: nothing was said about them).
    """

    letter_kind: str = "relance"
    letter_date: dt.date | None = None
    received_on: dt.date | None = None
    signification_date: dt.date | None = None
    agency_role: str = "unknown"
    is_consumer: bool = True
    has_court_title: bool = False
    amount_lines: tuple[AmountLine, ...] = ()
    total_claimed: Decimal | None = None
    mentions_present: frozenset[str] | None = None
    documents_received: frozenset[str] = field(default_factory=frozenset)
    recognises: str | None = "unknown"
    warning_signs: frozenset[str] = field(default_factory=frozenset)
    limitation: LimitationView | None = None
    budget: Budget | None = None
    considers_payment: bool = False
    surendettement_admissible: bool = False
    alsace_moselle: bool = False
    """She lives in Moselle, Bas-Rhin or Haut-Rhin: two more holidays (CPC 642)."""
    sender_is_commissaire: bool = False
    """The letter comes from a commissaire de justice acting amicably."""

    def __post_init__(self) -> None:
        try:
            self._check_codes()
        except ValueError as exc:
            raise FactsError(str(exc)) from exc
        if (
            self.letter_date is not None
            and self.received_on is not None
            and self.received_on < self.letter_date
        ):
            raise FactsError(
                "Le courrier ne peut pas avoir été reçu avant d'avoir été écrit."
            )

    def _check_codes(self) -> None:
        require_code(self.letter_kind, LETTER_KINDS, "Type de courrier")
        require_code(self.agency_role, AGENCY_ROLES, "Rôle de l'agence")
        if self.recognises is not None:
            require_code(self.recognises, RECOGNITION, "Reconnaissance de la dette")
        require_codes(self.documents_received, DOCUMENTS, "Document")
        require_codes(self.warning_signs, WARNING_SIGNS, "Signe d'alerte")
        if self.mentions_present is not None:
            require_codes(self.mentions_present, R124_4_MENTIONS, "Mention")


@dataclass(frozen=True, slots=True)
class Response:
    """A possible answer (letter slug), why, and whether it is advised."""

    slug: str
    title: str
    reason: str
    recommended: bool
    available: bool
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """Findings (urgent first), responses (recommended first) and warnings."""

    findings: tuple[Finding, ...]
    responses: tuple[Response, ...]
    warnings: tuple[str, ...]

    @property
    def recommended(self) -> tuple[Response, ...]:
        """The recommended responses only."""
        return tuple(response for response in self.responses if response.recommended)


def assess(facts: Facts, *, today: dt.date) -> Assessment:
    """Run every rule on ``facts`` and order the findings and the responses."""
    _check_dates(facts, today)
    findings = _sorted(_collect(facts, today))
    codes = frozenset(finding.code for finding in findings)
    context = _Context(facts, codes)
    responses = _responses(findings, context)
    return Assessment(
        findings=findings,
        responses=responses,
        warnings=_warnings(findings, responses, context),
    )


def _check_dates(facts: Facts, today: dt.date) -> None:
    for day in (facts.letter_date, facts.received_on, facts.signification_date):
        if day is not None and day > today:
            raise FactsError("Une date ne peut pas être dans le futur.")


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda finding: SEVERITY_RANK[finding.severity]))


def _collect(facts: Facts, today: dt.date) -> list[Finding]:
    findings = check_letter_kind(
        facts.letter_kind,
        signification_date=facts.signification_date,
        today=today,
        alsace_moselle=facts.alsace_moselle,
    )
    findings += limitation_findings(facts.limitation)
    if facts.mentions_present is not None:
        findings += check_mentions(
            facts.mentions_present,
            agency_role=facts.agency_role,
            commissaire=facts.sender_is_commissaire,
        )
    findings += check_amounts(
        facts.amount_lines,
        facts.total_claimed,
        is_consumer=facts.is_consumer,
        has_court_title=facts.has_court_title,
        agency_role=facts.agency_role,
    )
    findings += check_ownership(facts.agency_role)
    if facts.recognises is not None:
        findings += check_documents(facts.documents_received, facts.recognises)
    findings += check_warning_signs(facts.warning_signs)
    findings += _budget_findings(facts)
    findings += _negotiation_findings(facts, findings)
    return findings


# --- Budget and negotiation --------------------------------------------------


def _budget_findings(facts: Facts) -> list[Finding]:
    findings = []
    if facts.surendettement_admissible:
        findings.append(_admissible())
    elif facts.budget is not None and facts.budget.over_indebted:
        findings.append(_with_judicial_delays(_over_indebted(facts.budget), facts))
    return findings


_NO_DELAYS: Final = frozenset({"barred", "partly_barred"})


def _with_judicial_delays(finding: Finding, facts: Facts) -> Finding:
    """Délais de paiement (C. civ. 1343-5), always said to acknowledge the debt,
    and never suggested for a barred or partly barred debt, nor for a
    maintenance debt (« dettes d'aliment », excluded by 1343-5)."""
    limitation = facts.limitation
    if limitation is not None and (
        limitation.status in _NO_DELAYS or limitation.nature == "alimony"
    ):
        return finding
    return dataclasses.replace(
        finding,
        explanation=f"{finding.explanation} {JUDICIAL_DELAYS_TEXT}",
        basis=tuple(dict.fromkeys((*finding.basis, refs.CIV_1343_5, refs.CIV_2240))),
    )


def _admissible() -> Finding:
    return Finding(
        code="surendettement_admissible",
        severity="important",
        title="Dossier de surendettement recevable : ne payez pas l'agence",
        explanation=(
            "Votre dossier a été déclaré recevable : vous ne devez plus payer "
            "directement vos anciennes dettes (sauf dettes alimentaires) sans "
            "l'accord du juge, et les saisies sont suspendues. Envoyez à l'agence "
            "une copie de la décision de recevabilité."
        ),
        basis=(refs.L722_5, refs.L722_2),
    )


def _over_indebted(budget: Budget) -> Finding:
    """The budget's own figures and caveat come first: it is an estimate."""
    return Finding(
        code="over_indebtedness",
        severity="important",
        title="Votre budget ne permet pas d'échéancier tenable (estimation)",
        explanation=budget.explanation,
        basis=budget.basis,
        uncertain=budget.is_estimate,
    )


def _payment_blocked(facts: Facts, codes: frozenset[str]) -> bool:
    return bool(
        facts.surendettement_admissible
        or codes & (_SCAM_CODES | _PROOF_CODES | _URGENT_PROCEDURES | _FEE_CODES)
    )


def _negotiation_findings(facts: Facts, findings: Sequence[Finding]) -> list[Finding]:
    codes = frozenset(finding.code for finding in findings)
    budget = facts.budget
    if (
        facts.recognises != "yes"
        or facts.limitation is None
        or facts.limitation.status != "not_barred"
        or budget is None
        or not budget.plan_sustainable
        or _payment_blocked(facts, codes)
    ):
        return []
    slugs = ("quittance", "echeancier") if budget.single_payment else ("echeancier",)
    return [
        Finding(
            code="negotiation_possible",
            severity="info",
            title="Vous pouvez proposer un paiement",
            explanation=(
                "Vous reconnaissez la dette, elle ne semble pas prescrite et votre "
                "budget permet de la payer. Proposez un échéancier (ou un paiement "
                "en une fois) et demandez un reçu pour chaque paiement (quittance)."
            ),
            basis=(*budget.basis, refs.R124_6),
            responses=slugs,
        )
    ]


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
    if context.codes & _SCAM_CODES:
        return _SCAM_WARNING
    return None


def _discouraged(slug: str, context: _Context) -> str | None:
    if slug not in PAYMENT_SLUGS:
        return None
    codes = context.codes
    if codes & _URGENT_PROCEDURES:
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
    if context.facts.recognises != "yes" or codes & _PROOF_CODES:
        return _PROOF_WARNING
    if codes & _FEE_CODES:
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
        elif finding.code in _URGENT_PROCEDURES:
            warnings.append(
                "Un courrier à l'agence ne suffit pas : contactez vite une "
                "association ou un avocat."
            )
    return warnings


def _payment_warnings(context: _Context, plan_possible: bool) -> list[str]:
    codes = context.codes
    warnings = []
    if codes & _SCAM_CODES:
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
        codes & _PROOF_CODES
        or context.status in {None, "uncertain"}
        or context.facts.recognises != "yes"
    ):
        warnings.append(_PROOF_WARNING)
    if plan_possible:
        warnings.append(_acknowledgment_warning(context.kind))
    return warnings


def _fee_warnings(codes: frozenset[str]) -> list[str]:
    if codes & _FEE_CODES:
        return [
            "Ne payez pas les frais contestés : demandez un décompte sans ces frais."
        ]
    return []
