"""Triage: from the facts collected by the wizard (:class:`Facts`, in ``facts``)
to findings, then ordered responses (letter slugs) and explicit warnings (in
``responses``); :func:`assess` runs the three.

Pure: no Django, ``today`` passed in. The limitation estimate is given as a
:class:`LimitationView` (plain values mapped by the caller from the engine's
``Estimate``) so that this module does not depend on the engine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from . import references as refs
from .budget import JUDICIAL_DELAYS_TEXT, Budget
from .checks import (
    SEVERITY_RANK,
    Finding,
    check_amounts,
    check_documents,
    check_letter_kind,
    check_mentions,
    check_ownership,
    check_warning_signs,
)
from .facts import Facts
from .limitation_findings import (
    LIMITATION_STATUSES,
    FactsError,
    LimitationView,
    limitation_findings,
)
from .responses import (
    DISCLAIMER,
    FEE_CODES,
    PAYMENT_SLUGS,
    PROOF_CODES,
    RESPONSE_TITLES,
    SCAM_CODES,
    URGENT_PROCEDURES,
    Response,
    respond,
)

__all__ = [
    "DISCLAIMER",
    "LIMITATION_STATUSES",
    "PAYMENT_SLUGS",
    "RESPONSE_TITLES",
    "Assessment",
    "Facts",
    "FactsError",
    "Finding",
    "LimitationView",
    "Response",
    "assess",
]


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
    responses, warnings = respond(findings, facts)
    return Assessment(findings=findings, responses=responses, warnings=warnings)


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
        or codes & (SCAM_CODES | PROOF_CODES | URGENT_PROCEDURES | FEE_CODES)
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
