"""From a dossier's stored answers to the pure legal rules, and back.

The wizard stores cleaned answers as JSON (dates as ISO strings, amounts as
strings). This module turns them into the law's inputs (``Claim``, ``Facts``,
budget and deadline arguments) and runs the rules. It reads, it never writes.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .law import budget as budget_rules
from .law import deadlines as deadline_rules
from .law import findings as finding_rules
from .law.checks import AmountLine
from .law.prescription import NATURES, Claim, Estimate, Event, LawInputError, estimate
from .models import Dossier, TimelineEvent, TimelineKind

Answers = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class DossierAssessment:
    """Everything the dossier page and the letters show about one dossier."""

    estimate: Estimate | None
    limitation_error: str | None
    budget: budget_rules.Budget | None
    result: finding_rules.Assessment
    deadlines: tuple[deadline_rules.Deadline, ...]

    @property
    def urgent(self) -> bool:
        return any(f.severity == "urgent" for f in self.result.findings)

    @property
    def next_deadline(self) -> dt.date | None:
        upcoming = [d.due for d in self.deadlines if not d.overdue]
        return min(upcoming) if upcoming else None


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def as_decimal(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def consumer_debt(answers: Answers) -> bool:
    """Whether the debt comes from her private life (« Les montants »; yes
    until she says otherwise): consumer law (L121-21…) applies then."""
    return (answers.get("montants") or {}).get("is_consumer", True) is not False


def claim_from(prescription: dict[str, Any]) -> Claim | None:
    """The limitation claim, or None when the starting point is unknown."""
    start = as_date(prescription.get("start"))
    nature = prescription.get("nature")
    if not nature or start is None:
        return None
    events = tuple(
        Event(row["kind"], as_date(row["on"]), as_date(row.get("end")))  # type: ignore[arg-type]
        for row in prescription.get("events", [])
        if row.get("kind") and as_date(row.get("on"))
    )
    return Claim(
        nature=nature,
        start=start,
        events=tuple(sorted(events, key=lambda e: e.on)),
        acceleration=as_date(prescription.get("acceleration")),
    )


def run_estimate(
    prescription: dict[str, Any], today: dt.date
) -> tuple[Estimate | None, str | None]:
    claim = claim_from(prescription)
    if claim is None:
        return None, None
    try:
        return estimate(claim, today=today), None
    except LawInputError as exc:
        return None, str(exc)


def limitation_view(
    prescription: dict[str, Any], result: Estimate | None
) -> finding_rules.LimitationView | None:
    if not prescription:
        return None
    if result is None:
        return finding_rules.LimitationView(status="uncertain")
    spec = NATURES.get(result.nature)
    return finding_rules.LimitationView(
        status=str(result.status),
        last_day=result.last_day,
        basis=tuple(result.basis),
        kind=spec.kind if spec else None,
        explanation=" ".join(result.explanation),
    )


def wants_to_pay(answers: Answers) -> bool:
    """She said, in « Vérifications », that she considers paying."""
    return (answers.get("verifications") or {}).get("payment_considered") == "yes"


def situation_applies(answers: Answers, *, barred: bool) -> bool:
    """« Ma situation » applies only when she considers paying and the debt does
    not seem time-barred: paying a barred debt is exactly what the findings
    advise against. The wizard shows the step, and the assessment reads its
    answers, by this one rule."""
    return wants_to_pay(answers) and not barred


def situation_answers(answers: Answers, *, barred: bool = False) -> dict[str, Any]:
    """« Ma situation », only while it still applies: answers of a step she
    skipped since (no longer paying, or the debt now seems barred) are ignored."""
    applies = situation_applies(answers, barred=barred)
    return (answers.get("situation") or {}) if applies else {}


def run_budget(answers: Answers, *, barred: bool = False) -> budget_rules.Budget | None:
    situation = situation_answers(answers, barred=barred)
    total = as_decimal((answers.get("montants") or {}).get("total_claimed"))
    income = as_decimal(situation.get("monthly_income"))
    if not situation or income is None or not total:
        return None
    try:
        return budget_rules.assess_budget(
            monthly_income=income,
            fixed_charges=as_decimal(situation.get("fixed_charges")) or Decimal(0),
            other_debt_payments=as_decimal(situation.get("other_debt_payments"))
            or Decimal(0),
            dependants=int(situation.get("dependants") or 0),
            debt_total=total,
        )
    except ValueError:
        return None


def amount_lines(montants: dict[str, Any]) -> tuple[AmountLine, ...]:
    return tuple(
        AmountLine(
            label=row["label"],
            kind=row["kind"],
            amount=as_decimal(row["amount"]) or Decimal(0),
        )
        for row in montants.get("lines", [])
    )


def facts_from(
    answers: Answers,
    limitation: finding_rules.LimitationView | None,
    budget: budget_rules.Budget | None,
) -> finding_rules.Facts:
    courrier = answers.get("courrier") or {}
    montants = answers.get("montants") or {}
    checks = answers.get("verifications") or {}
    barred = limitation is not None and limitation.status == "barred"
    situation = situation_answers(answers, barred=barred)
    return finding_rules.Facts(
        letter_kind=courrier.get("letter_kind") or "relance",
        letter_date=as_date(courrier.get("letter_date")),
        received_on=as_date(courrier.get("received_date")),
        signification_date=as_date(courrier.get("signification_date")),
        agency_role=courrier.get("agency_role") or "unknown",
        is_consumer=consumer_debt(answers),
        has_court_title=checks.get("has_court_title") == "yes",
        amount_lines=amount_lines(montants),
        total_claimed=as_decimal(montants.get("total_claimed")),
        mentions_present=frozenset(checks["mentions"])
        if "mentions" in checks
        else None,
        documents_received=frozenset(checks.get("documents") or ()),
        # Not asked yet until « Vérifications » is answered: no finding then.
        recognises=(checks.get("recognises") or "unknown") if checks else None,
        warning_signs=frozenset(checks.get("warning_signs") or ()),
        limitation=limitation,
        budget=budget,
        considers_payment=checks.get("payment_considered") == "yes",
        surendettement_admissible=situation.get("surendettement_admissible") == "yes",
    )


def assess_answers(
    answers: Answers,
    *,
    today: dt.date,
    ar_received_on: tuple[dt.date, ...] = (),
    answer_received_after_ar: bool = False,
) -> DossierAssessment:
    """Run every rule on a dossier's answers (``today`` injected)."""
    prescription = answers.get("prescription") or {}
    result, error = run_estimate(prescription, today)
    limitation = limitation_view(prescription, result)
    budget = run_budget(
        answers, barred=result is not None and result.status == "barred"
    )
    assessment = finding_rules.assess(
        facts_from(answers, limitation, budget), today=today
    )
    courrier = answers.get("courrier") or {}
    signified = as_date(courrier.get("signification_date"))
    deadlines = deadline_rules.compute_deadlines(
        today=today,
        limitation_last_day=result.last_day if result else None,
        limitation_kind=limitation.kind if limitation else None,
        limitation_basis=tuple(result.basis) if result else (),
        injonction_signified_on=(
            signified if courrier.get("letter_kind") == "injonction_signifiee" else None
        ),
        ar_received_on=ar_received_on,
        answer_received_after_ar=answer_received_after_ar,
    )
    return DossierAssessment(result, error, budget, assessment, deadlines)


DEADLINE_EVENT_KINDS = (TimelineKind.AR_RECEIVED, TimelineKind.LETTER_RECEIVED)
"""The only timeline events the deadlines read."""


def timeline_marks_for(dossier: Dossier) -> list[list[str]]:
    """The (kind, ISO date) pairs stored in ``Dossier.timeline_marks``."""
    rows = TimelineEvent.objects.filter(
        dossier=dossier, kind__in=DEADLINE_EVENT_KINDS
    ).values_list("kind", "occurred_on")
    return sorted([kind, day.isoformat()] for kind, day in rows)


def deadline_events(dossier: Dossier) -> list[tuple[str, dt.date]]:
    """(kind, day) of the timeline events deadlines depend on (no query)."""
    return [
        (kind, day)
        for kind, iso in (dossier.timeline_marks or [])
        if (day := as_date(iso)) is not None
    ]


def ar_dates_for(
    dossier: Dossier, events: list[tuple[str, dt.date]] | None = None
) -> tuple[dt.date, ...]:
    """Days on which an avis de réception came back, oldest first.

    Read from the timeline (kind ``ar_received``): the events typed in by the
    debtor and those the ``letters`` app keeps for each generated letter whose
    avis de réception is recorded (``source`` ``letter:<kind>:ar``).
    """
    events = deadline_events(dossier) if events is None else events
    return tuple(
        sorted(day for kind, day in events if kind == TimelineKind.AR_RECEIVED)
    )


def answer_received_after(events: list[tuple[str, dt.date]], day: dt.date) -> bool:
    """Whether a letter from the agency is in the timeline after ``day``."""
    return any(kind == TimelineKind.LETTER_RECEIVED and on > day for kind, on in events)


def assess_dossier(dossier: Dossier, *, today: dt.date) -> DossierAssessment:
    """Assess the answers, with the avis de réception of the timeline."""
    events = deadline_events(dossier)
    ars = tuple(day for day in ar_dates_for(dossier, events) if day <= today)
    if not ars:
        return assess_answers(dossier.answers or {}, today=today)
    return assess_answers(
        dossier.answers or {},
        today=today,
        ar_received_on=ars,
        answer_received_after_ar=answer_received_after(events, max(ars)),
    )


def upcoming_deadlines(
    dossiers: Iterable[Dossier], *, today: dt.date, limit: int = 2
) -> dict[int, tuple[deadline_rules.Deadline, ...]]:
    """Per dossier id, the ``limit`` nearest deadlines not yet passed (no query)."""
    return {
        dossier.pk: tuple(
            d for d in assess_dossier(dossier, today=today).deadlines if not d.overdue
        )[:limit]
        for dossier in dossiers
    }
