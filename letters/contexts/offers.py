"""Offers that acknowledge the debt: settlement for less (reference §8.1 (g))
and a deferral or reduced payments (§8.2 (h)). Offered only where the payment
plan is (never for a barred debt, nor while a surendettement file is
admissible); the page warns that they acknowledge the debt."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from dossiers.law import references as refs
from dossiers.law.money import format_euros

from .common import LetterContext, LetterInput, agency_role, common


@dataclass(frozen=True, kw_only=True)
class SettlementContext(LetterContext):
    amount_text: str
    creditor: str
    mandate: bool


def _amount(value: object) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def reglement(data: LetterInput) -> SettlementContext:
    amount = _amount(data.options.get("amount"))
    mandate = agency_role(data) == "mandate"
    # R124-6 (receipt) binds a collector acting for a creditor (§4.1).
    receipt = (refs.R124_6,) if mandate else ()
    fields = common(
        data, object_line="Proposition de règlement pour solde de tout compte"
    )
    return SettlementContext(
        **fields,
        amount_text=format_euros(amount) if amount is not None else "",
        creditor=fields["recipient"].creditor,
        mandate=mandate,
        basis=(refs.CIV_2044, refs.CIV_1350, refs.L111_8_AL2, *receipt),
    )


REASON_TEXTS = {
    "job_loss": "une perte d'emploi",
    "illness": "une maladie",
    "income_drop": "une baisse de mes revenus",
    "separation": "une séparation",
    "other": "une difficulté passagère",
}


@dataclass(frozen=True, kw_only=True)
class DeferralContext(LetterContext):
    reason: str
    months: int
    monthly_text: str
    pays_nothing: bool
    income_text: str
    charges_text: str


def delais(data: LetterInput) -> DeferralContext:
    options = data.options
    monthly = _amount(options.get("monthly")) or Decimal(0)
    budget = data.assessment.budget
    try:
        months = int(str(options.get("months", 0)))
    except ValueError:
        months = 0
    return DeferralContext(
        **common(data, object_line="Demande de report ou de mensualités réduites"),
        reason=REASON_TEXTS.get(str(options.get("reason")), REASON_TEXTS["other"]),
        months=months,
        monthly_text=format_euros(monthly),
        pays_nothing=monthly <= 0,
        income_text=format_euros(budget.monthly_income) if budget else "",
        charges_text=format_euros(budget.fixed_charges) if budget else "",
        basis=(refs.L111_8_AL2,),
    )
