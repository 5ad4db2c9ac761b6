"""The letters that pay: payment plan and payment in full (reference §7 (c)).

The plan's sum is the one the budget used (``dossiers.assessment.payable_amount``:
the total without the contested fees), so the page and the letter show the same
schedule (issue 18, item 15). No fee may be added (L111-8 al. 2: fees, not
interest — legal interest runs from the mise en demeure, C. civ. 1344-1, so
waiving it is asked, not claimed); a receipt under R124-6 only from a collector
acting for a creditor (§4.1); no article the letter does not use (item 6).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from dossiers.assessment import DossierAssessment
from dossiers.law import references as refs
from dossiers.law.citations import plan_articles, receipt_articles
from dossiers.law.dates import add_months, format_date
from dossiers.law.money import format_euros
from dossiers.law.prose import cited
from dossiers.law.schedule import Instalment, ScheduleInputError, payment_schedule

from .common import (
    LetterContext,
    LetterInput,
    common,
    debt_without_fees,
    fee_lines,
    letter_situation,
)


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
    conditions: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ReceiptContext(LetterContext):
    amount_text: str
    fees_excluded: bool
    receipt_ref: str


def plan_conditions(basis: tuple[str, ...]) -> tuple[str, ...]:
    """What the plan asks in return, citing only what applies."""
    confirm = "Je vous demande de me confirmer par écrit le solde total restant dû"
    if refs.L111_8_AL2 in basis:
        confirm += (
            " et qu'aucun frais de recouvrement ne sera ajouté "
            f"({cited([refs.L111_8_AL2])})"
        )
    receipt = "Je vous demande également de me délivrer un reçu pour chaque paiement"
    if refs.R124_6 in basis:
        receipt += f" ({cited([refs.R124_6])})"
    return (
        "Cette proposition est faite sous réserve de votre accord écrit.",
        confirm + ".",
        "Je vous demande aussi de renoncer aux intérêts de retard pendant "
        "l'exécution de ce plan.",
        receipt + ".",
    )


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
    basis = plan_articles(letter_situation(data))
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
        conditions=plan_conditions(basis),
        basis=basis,
    )


def quittance(data: LetterInput) -> ReceiptContext:
    amount = debt_without_fees(data)
    excluded = bool(fee_lines(data))
    basis = receipt_articles(letter_situation(data), fees_excluded=excluded)
    return ReceiptContext(
        **common(
            data,
            object_line="Règlement pour solde de tout compte et demande de quittance",
        ),
        amount_text=format_euros(amount) if amount is not None else "",
        fees_excluded=excluded,
        receipt_ref=f" ({cited([refs.R124_6])})" if refs.R124_6 in basis else "",
        basis=basis,
    )
