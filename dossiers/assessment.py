"""From a dossier's typed answers to the pure legal rules, and back.

This module turns :class:`~dossiers.answers.Answers` into the law's inputs
(``Facts``, budget and deadline arguments; the ``Claim`` comes from
``dossiers.claims``) and runs the rules. It reads, it never writes.

The law runs once per distinct input and per request: results are memoised on
the ``Dossier`` instance a request works with (:func:`law_memo`), keyed by the
inputs themselves (the answers are immutable and hashable), so the wizard's
conditions, the step's page, the summary refresh and the letters share one
estimate and one triage.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .answers import (
    Answers,
    Coordonnees,
    Courrier,
    Montants,
    Prescription,
    Situation,
    Verifications,
)
from .claims import claim_from, unpaid_instalments
from .law import actions as action_rules
from .law import budget as budget_rules
from .law import deadlines as deadline_rules
from .law import findings as finding_rules
from .law import triage as triage_rules
from .law.checks import AmountLine, payable_total
from .law.holidays import is_alsace_moselle
from .law.instalments import DebtPart, InstalmentInputError, priced_parts
from .law.prescription import NATURES, Claim, Estimate, LawInputError, estimate
from .models import Dossier
from .timeline_facts import Marks, Timeline, marks_of, timeline_from


@dataclass(frozen=True)
class DossierAssessment:
    """Everything the dossier page and the letters show about one dossier."""

    estimate: Estimate | None
    limitation_error: str | None
    budget: budget_rules.Budget | None
    result: finding_rules.Assessment
    deadlines: tuple[deadline_rules.Deadline, ...]
    parts: tuple[DebtPart, ...] = ()
    """An instalment debt's instalments and capital, with amounts and statuses."""
    actions: tuple[action_rules.Action, ...] = ()
    """« Ce que je fais maintenant » (at most three)."""
    timeline: Timeline = field(default_factory=Timeline)
    """The timeline's facts the rules read (letters sent, a later injonction…)."""

    @property
    def urgent(self) -> bool:
        return any(f.severity == "urgent" for f in self.result.findings)

    @property
    def next_deadline(self) -> dt.date | None:
        upcoming = [d.due for d in self.deadlines if not d.overdue]
        return min(upcoming) if upcoming else None


# --- Memo: the law once per input --------------------------------------------------


@dataclass
class LawMemo:
    """The law's results for one dossier in one request, by input.

    ``estimate`` also remembers the engine's refusal (``LawInputError``), so a
    form's input check and the assessment share one run.
    """

    estimates: dict[tuple[Claim, dt.date], Estimate | LawInputError] = field(
        default_factory=dict
    )
    assessments: dict[tuple[Answers, Marks, dt.date], DossierAssessment] = field(
        default_factory=dict
    )

    def estimate(self, claim: Claim, today: dt.date) -> Estimate:
        """The engine's estimate of ``claim`` (raises ``LawInputError``)."""
        key = (claim, today)
        if key not in self.estimates:
            try:
                self.estimates[key] = estimate(claim, today=today)
            except LawInputError as refused:
                self.estimates[key] = refused
        result = self.estimates[key]
        if isinstance(result, LawInputError):
            raise result
        return result


def law_memo(dossier: Dossier | None) -> LawMemo:
    """The memo of this dossier instance (a fresh one without a dossier)."""
    if dossier is None:
        return LawMemo()
    memo = dossier.__dict__.get("_law_memo")
    if memo is None:
        memo = dossier.__dict__["_law_memo"] = LawMemo()
    return memo


# --- Answers → the law's inputs ------------------------------------------------------


def run_estimate(
    answers: Answers,
    today: dt.date,
    memo: LawMemo | None = None,
    mediations: tuple[dt.date, ...] = (),
) -> tuple[Estimate | None, str | None]:
    try:
        claim = claim_from(answers, mediations)
    except InstalmentInputError as exc:
        return None, str(exc)
    if claim is None:
        return None, None
    try:
        return (memo or LawMemo()).estimate(claim, today), None
    except LawInputError as exc:
        return None, str(exc)


def debt_parts(answers: Answers, result: Estimate | None) -> tuple[DebtPart, ...]:
    """The estimate's parts with the amounts she gave."""
    prescription = answers.prescription
    if result is None or prescription is None or not result.parts:
        return ()
    try:
        instalments = unpaid_instalments(prescription)
    except InstalmentInputError:
        return ()
    return priced_parts(result.parts, instalments, prescription.capital_amount)


def limitation_view(
    prescription: Prescription | None,
    result: Estimate | None,
    parts: tuple[DebtPart, ...] = (),
) -> finding_rules.LimitationView | None:
    if prescription is None:
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
        parts=parts,
        enforcement=result.enforcement,
        nature=result.nature,
    )


def creditor_names(answers: Answers) -> tuple[str, ...]:
    """The creditor's and the agency's names (« Le courrier »)."""
    courrier = answers.get(Courrier)
    return (courrier.creditor_name, courrier.agency_name)


def wants_to_pay(answers: Answers) -> bool:
    """She said, in « Vérifications », that she considers paying."""
    return answers.get(Verifications).payment_considered


def situation_applies(answers: Answers, *, barred: bool) -> bool:
    """« Ma situation » applies only when she considers paying and the debt does
    not seem time-barred: paying a barred debt is exactly what the findings
    advise against. The wizard shows the step, and the assessment reads its
    answers, by this one rule."""
    return wants_to_pay(answers) and not barred


def situation_answers(answers: Answers, *, barred: bool = False) -> Situation | None:
    """« Ma situation », only while it still applies: answers of a step she
    skipped since (no longer paying, or the debt now seems barred) are ignored."""
    return answers.situation if situation_applies(answers, barred=barred) else None


def payable_amount(answers: Answers) -> Decimal | None:
    """The total claimed without the contested fees: the budget, the plan page
    and the payment letters all use this one sum."""
    montants = answers.get(Montants)
    checks = answers.verifications
    return payable_total(
        amount_lines(montants),
        montants.total_claimed,
        is_consumer=montants.is_consumer,
        has_court_title=checks is not None and checks.has_court_title == "yes",
    )


def run_budget(answers: Answers, *, barred: bool = False) -> budget_rules.Budget | None:
    situation = situation_answers(answers, barred=barred)
    total = payable_amount(answers)
    if situation is None or situation.monthly_income is None or not total:
        return None
    try:
        return budget_rules.assess_budget(
            monthly_income=situation.monthly_income,
            fixed_charges=situation.fixed_charges or Decimal(0),
            other_debt_payments=situation.other_debt_payments or Decimal(0),
            dependants=situation.dependants,
            debt_total=total,
        )
    except ValueError:
        return None


def amount_lines(montants: Montants | None) -> tuple[AmountLine, ...]:
    rows = montants.lines if montants is not None else ()
    return tuple(
        AmountLine(label=row.label, kind=row.kind, amount=row.amount) for row in rows
    )


def facts_from(
    answers: Answers,
    limitation: finding_rules.LimitationView | None,
    budget: budget_rules.Budget | None,
) -> finding_rules.Facts:
    courrier = answers.courrier
    montants = answers.get(Montants)
    checks = answers.verifications
    barred = limitation is not None and limitation.status == "barred"
    situation = situation_answers(answers, barred=barred)
    return finding_rules.Facts(
        letter_kind=(courrier.letter_kind if courrier else "") or "relance",
        letter_date=courrier.letter_date if courrier else None,
        received_on=courrier.received_date if courrier else None,
        signification_date=courrier.signification_date if courrier else None,
        agency_role=(courrier.agency_role if courrier else "") or "unknown",
        is_consumer=montants.is_consumer,
        has_court_title=checks is not None and checks.has_court_title == "yes",
        amount_lines=amount_lines(montants),
        total_claimed=montants.total_claimed,
        mentions_present=checks.mentions if checks else None,
        documents_received=checks.documents if checks else frozenset(),
        # Not asked yet until « Vérifications » is answered: no finding then.
        recognises=(checks.recognises or "unknown") if checks else None,
        warning_signs=checks.warning_signs if checks else frozenset(),
        limitation=limitation,
        budget=budget,
        considers_payment=wants_to_pay(answers),
        surendettement_admissible=situation is not None
        and situation.surendettement_admissible,
        alsace_moselle=is_alsace_moselle(answers.get(Coordonnees).postal_code),
        sender_is_commissaire=courrier is not None and courrier.commissaire_amiable,
    )


def with_timeline(answers: Answers, timeline: Timeline) -> Answers:
    """The answers as the rules read them: an injonction de payer signified
    since « Le courrier » (a timeline event) is the latest court act, the one
    the findings, the estimate and the deadlines answer."""
    if timeline.injonction_on is None:
        return answers
    courrier = answers.get(Courrier).replace(
        letter_kind="injonction_signifiee", signification_date=timeline.injonction_on
    )
    return answers.with_step(courrier)


def assess_answers(
    answers: Answers,
    *,
    today: dt.date,
    timeline: Timeline | None = None,
    memo: LawMemo | None = None,
) -> DossierAssessment:
    """Run every rule on a dossier's answers and timeline (``today`` injected)."""
    timeline = timeline or Timeline()
    answers = with_timeline(answers, timeline)
    result, error = run_estimate(answers, today, memo, timeline.mediations)
    parts = debt_parts(answers, result)
    limitation = limitation_view(answers.prescription, result, parts)
    budget = run_budget(
        answers, barred=result is not None and result.status == "barred"
    )
    facts = facts_from(answers, limitation, budget)
    assessment = triage_rules.triage(facts, today=today, story=timeline.story)
    deadlines = deadline_rules.compute_deadlines(
        today=today,
        limitation_last_day=result.last_day if result else None,
        limitation_kind=limitation.kind if limitation else None,
        limitation_basis=tuple(result.basis) if result else (),
        limitation_enforcement=result is not None and result.enforcement,
        limitation_partly_barred=limitation is not None
        and limitation.status == "partly_barred",
        injonction_signified_on=_signified(answers, "injonction_signifiee"),
        commandement_on=_signified(answers, "commandement"),
        alsace_moselle=facts.alsace_moselle,
        ar_received_on=timeline.ar_received_on,
        answer_received_after_ar=timeline.answer_after_ar,
    )
    actions = action_rules.next_actions(
        assessment,
        deadlines,
        today=today,
        story=timeline.story,
        limitation_kind=limitation.kind if limitation else None,
    )
    return DossierAssessment(
        result, error, budget, assessment, deadlines, parts, actions, timeline
    )


def _signified(answers: Answers, kind: str) -> dt.date | None:
    courrier = answers.courrier
    if courrier is None or courrier.letter_kind != kind:
        return None
    return courrier.signification_date


def assess_dossier(
    dossier: Dossier, *, today: dt.date, answers: Answers | None = None
) -> DossierAssessment:
    """Assess the dossier's answers (or ``answers`` about to replace them),
    with the facts of its timeline; once per input and instance."""
    answers = dossier.answers if answers is None else answers
    marks = marks_of(dossier)
    memo = law_memo(dossier)
    key = (answers, marks, today)
    if key not in memo.assessments:
        memo.assessments[key] = _assess(answers, marks, today, memo)
    return memo.assessments[key]


def _assess(
    answers: Answers, marks: Marks, today: dt.date, memo: LawMemo
) -> DossierAssessment:
    timeline = timeline_from(marks, today)
    return assess_answers(answers, today=today, timeline=timeline, memo=memo)


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


def chosen_letters(answers: Answers) -> tuple[str, ...]:
    """The letters she ticked in the « Ma réponse » step."""
    return answers.reponse.letters if answers.reponse else ()
