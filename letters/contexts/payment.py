"""The letters that pay: payment plan and payment in full (reference §7 (d))."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from dossiers.assessment import DossierAssessment
from dossiers.law import references as refs
from dossiers.law.dates import add_months, format_date
from dossiers.law.money import format_euros
from dossiers.law.schedule import Instalment, ScheduleInputError, payment_schedule

from .common import LetterContext, LetterInput, common, debt_without_fees, fee_lines


@dataclass(frozen=True)
class PlanRow:
    number: int
    due_text: str
    amount_text: str


@dataclass(frozen=True, kw_only=True)
class PlanContext(LetterContext):
    rows: tuple[PlanRow, ...]
    count: int
    monthly_text: str
    last_adjusted_text: str
    plan_total_text: str
    first_due_text: str
    fees_excluded: bool
    sustainable: bool


@dataclass(frozen=True, kw_only=True)
class ReceiptContext(LetterContext):
    amount_text: str
    fees_excluded: bool


def default_first_due(today: dt.date) -> dt.date:
    """The 5th of next month: time for the agency to answer the proposal."""
    return add_months(today.replace(day=5), 1)


def suggested_monthly(assessment: DossierAssessment) -> Decimal | None:
    """The budget's sustainable instalment, when a budget exists."""
    budget = assessment.budget
    if budget is None or budget.sustainable_instalment <= 0:
        return None
    return budget.sustainable_instalment


def plan(data: LetterInput) -> tuple[Instalment, ...]:
    """The schedule; raises ScheduleInputError (French) on missing input."""
    total = debt_without_fees(data)
    monthly = data.monthly or suggested_monthly(data.assessment)
    if total is None or total <= 0:
        raise ScheduleInputError("Le montant de la dette n'est pas connu.")
    if monthly is None:
        raise ScheduleInputError("Indiquez le montant de chaque échéance.")
    first = data.first_due or default_first_due(data.today)
    return payment_schedule(total=total, monthly=monthly, first_due=first)


def echeancier(data: LetterInput) -> PlanContext:
    instalments = plan(data)
    first, last = instalments[0], instalments[-1]
    budget = data.assessment.budget
    return PlanContext(
        **common(data, object_line="Proposition d'échéancier de paiement"),
        rows=tuple(
            PlanRow(item.number, format_date(item.due), format_euros(item.amount))
            for item in instalments
        ),
        count=len(instalments),
        monthly_text=format_euros(first.amount),
        last_adjusted_text=format_euros(last.amount)
        if last.amount != first.amount
        else "",
        plan_total_text=format_euros(sum((i.amount for i in instalments), Decimal(0))),
        first_due_text=format_date(first.due),
        fees_excluded=bool(fee_lines(data)),
        sustainable=budget is None or budget.plan_sustainable,
        basis=(refs.L111_8_AL2, refs.R124_6, refs.CIV_1343_5),
    )


def quittance(data: LetterInput) -> ReceiptContext:
    amount = debt_without_fees(data)
    return ReceiptContext(
        **common(
            data,
            object_line="Règlement pour solde de tout compte et demande de quittance",
        ),
        amount_text=format_euros(amount) if amount is not None else "",
        fees_excluded=bool(fee_lines(data)),
        basis=(refs.R124_6, refs.L111_8_AL2),
    )
