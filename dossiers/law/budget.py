"""What the debtor can really pay: reste à vivre and a sustainable instalment.

**This is a heuristic, not law.** The law reference gives no legal method for a
"reste à vivre" or a "quotité saisissable" that applies to an amicable payment
plan, so the method below is an explicit estimate that the UI must label as such
(``Budget.is_estimate`` / ``ESTIMATE_NOTE``). All its constants are in
``HEURISTIC``. Only two points rest on law:

* the 24-month horizon mirrors the two-year limit of judicial payment delays
  (C. civ. 1343-5);
* when no plan is sustainable, the Banque de France over-indebtedness procedure
  (C. consom. L711-1) is pointed to; once the file is admissible, enforcement is
  suspended (L722-2) and the debtor must not pay her creditors directly (L722-5).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Final

from . import references as refs
from .money import cents, format_euros


@dataclass(frozen=True, slots=True)
class Heuristic:
    """Constants of the budget estimate (euros per month unless stated)."""

    living_allowance_adult: Decimal = Decimal("600")
    """Kept for the debtor's own daily life (food, clothes, transport…)."""
    living_allowance_dependant: Decimal = Decimal("250")
    """Kept for each dependant."""
    repayment_share: Decimal = Decimal("0.5")
    """Share of what is left after that which is offered to the creditor."""
    horizon_months: int = 24
    """Longest plan considered sustainable (cf. C. civ. 1343-5: two years)."""


HEURISTIC: Final = Heuristic()
"""The one place where the estimate's constants live."""

ESTIMATE_NOTE: Final = (
    "Estimation indicative : ce calcul aide à fixer un montant réaliste, ce n'est "
    "pas une règle de droit."
)

MAX_MONTHLY: Final = Decimal("1000000")
MAX_DEBT: Final = Decimal("10000000")
MAX_DEPENDANTS: Final = 20


class BudgetInputError(ValueError):
    """Invalid budget input; the message is in French."""


@dataclass(frozen=True, slots=True)
class Budget:
    """Result of :func:`assess_budget` (all amounts in euros per month)."""

    monthly_income: Decimal
    fixed_charges: Decimal
    other_debt_payments: Decimal
    dependants: int
    debt_total: Decimal
    reste_a_vivre: Decimal
    living_allowance: Decimal
    margin: Decimal
    sustainable_instalment: Decimal
    months_needed: int | None
    plan_sustainable: bool
    explanation: str
    basis: tuple[str, ...]
    is_estimate: bool = True

    @property
    def over_indebted(self) -> bool:
        """No sustainable plan: point to the Banque de France procedure."""
        return not self.plan_sustainable

    @property
    def single_payment(self) -> bool:
        """The whole debt fits in one sustainable payment."""
        return self.months_needed == 1


def _money(value: object, what: str, *, maximum: Decimal) -> Decimal:
    return cents(
        value, what, error=BudgetInputError, allow_negative=False, maximum=maximum
    )


def _dependants(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BudgetInputError("Personnes à charge : nombre invalide.")
    if not 0 <= value <= MAX_DEPENDANTS:
        raise BudgetInputError(
            f"Personnes à charge : indiquez un nombre entre 0 et {MAX_DEPENDANTS}."
        )
    return value


def assess_budget(
    *,
    monthly_income: Decimal,
    fixed_charges: Decimal,
    dependants: int,
    debt_total: Decimal,
    other_debt_payments: Decimal = Decimal(0),
) -> Budget:
    """Estimate the reste à vivre and a sustainable monthly instalment.

    reste à vivre = income − fixed charges − other debt payments; the
    instalment is ``repayment_share`` of what remains above the living
    allowance, rounded down to the euro and capped at the debt. A plan is
    sustainable if it repays the debt within ``horizon_months``. Raises
    ``BudgetInputError`` (French message) on negative or absurd input.
    """
    income = _money(monthly_income, "Revenus mensuels", maximum=MAX_MONTHLY)
    charges = _money(fixed_charges, "Charges fixes", maximum=MAX_MONTHLY)
    others = _money(other_debt_payments, "Autres remboursements", maximum=MAX_MONTHLY)
    people = _dependants(dependants)
    debt = _money(debt_total, "Montant de la dette", maximum=MAX_DEBT)
    if debt == 0:
        raise BudgetInputError("Montant de la dette : il doit être supérieur à 0 €.")
    reste = income - charges - others
    allowance = (
        HEURISTIC.living_allowance_adult + HEURISTIC.living_allowance_dependant * people
    )
    margin = max(Decimal(0), reste - allowance)
    instalment = min(_floor_euro(margin * HEURISTIC.repayment_share), debt)
    months = _months_needed(debt, instalment)
    sustainable = months is not None and months <= HEURISTIC.horizon_months
    return Budget(
        monthly_income=income,
        fixed_charges=charges,
        other_debt_payments=others,
        dependants=people,
        debt_total=debt,
        reste_a_vivre=reste,
        living_allowance=allowance,
        margin=margin,
        sustainable_instalment=instalment,
        months_needed=months,
        plan_sustainable=sustainable,
        explanation=_explain(reste, allowance, instalment, months, sustainable, debt),
        basis=_basis(sustainable),
    )


def _floor_euro(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal(1), rounding=ROUND_FLOOR)


def _months_needed(debt: Decimal, instalment: Decimal) -> int | None:
    if instalment <= 0:
        return None
    return int((debt / instalment).to_integral_value(rounding=ROUND_CEILING))


def _share_text() -> str:
    percent = (HEURISTIC.repayment_share * 100).normalize()
    return f"{percent:f}\u00a0% au plus"


def _basis(sustainable: bool) -> tuple[str, ...]:
    if sustainable:
        return (refs.CIV_1343_5,)
    return (refs.CIV_1343_5, refs.L711_1, refs.L722_2, refs.L722_5)


def _explain(
    reste: Decimal,
    allowance: Decimal,
    instalment: Decimal,
    months: int | None,
    sustainable: bool,
    debt: Decimal,
) -> str:
    text = (
        f"Après vos charges fixes et vos autres remboursements, il vous reste "
        f"{format_euros(reste)} par mois (reste à vivre). Nous gardons "
        f"{format_euros(allowance)} pour vivre ; sur le reste, {_share_text()} "
        f"peut aller au remboursement : {format_euros(instalment)} par mois. "
        f"{ESTIMATE_NOTE}"
    )
    if sustainable:
        return text + f" Il faudrait {months} mois pour payer {format_euros(debt)}."
    return text + " " + OVER_INDEBTEDNESS_TEXT


OVER_INDEBTEDNESS_TEXT: Final = (
    f"Selon cette estimation, aucun échéancier tenable sur {HEURISTIC.horizon_months} "
    "mois n'apparaît : ne promettez pas des paiements que vous ne pourriez pas tenir. "
    "Faites-vous aider par un Point conseil budget ou une association. Si vous avez aussi "
    "d'autres dettes que vous ne parvenez pas à payer, votre situation relève peut-être "
    "du surendettement (impossibilité manifeste de faire face à l'ensemble de ses "
    "dettes) : le dépôt d'un dossier à la Banque de France est gratuit ; une fois le "
    "dossier déclaré recevable, les saisies sont suspendues et vous ne devez plus payer "
    "directement vos créanciers."
)
"""Pointer to the Banque de France procedure (L711-1, L722-2, L722-5). Judicial
payment delays (C. civ. 1343-5) are suggested by the triage, which knows
whether the debt is barred: asking for them acknowledges the debt."""

JUDICIAL_DELAYS_TEXT: Final = (
    "Vous pouvez aussi demander au juge des délais de paiement (deux ans au plus) : "
    "c'est une reconnaissance de dette, qui fait repartir la prescription."
)
"""Always with its warning (reference §2.2, §5.4); never for a barred part."""
