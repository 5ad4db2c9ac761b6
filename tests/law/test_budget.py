"""Budget estimate: reste à vivre, sustainable instalment, 24-month horizon and
the pointer to the Banque de France over-indebtedness procedure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dossiers.law import references as refs
from dossiers.law.budget import (
    ESTIMATE_NOTE,
    HEURISTIC,
    BudgetInputError,
    assess_budget,
)

D = Decimal


def _budget(**overrides: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "monthly_income": D("2000"),
        "fixed_charges": D("900"),
        "dependants": 0,
        "debt_total": D("1200"),
    }
    values.update(overrides)
    return assess_budget(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("overrides", "instalment", "months", "sustainable"),
    [
        pytest.param({}, D("250"), 5, True, id="margin-split-in-half"),
        pytest.param({"dependants": 1}, D("125"), 10, True, id="dependant-allowance"),
        pytest.param(
            {"other_debt_payments": D("200")}, D("150"), 8, True, id="other-loans"
        ),
        pytest.param({"debt_total": D("100")}, D("100"), 1, True, id="capped-at-debt"),
        pytest.param(
            {"debt_total": D("6001")}, D("250"), 25, False, id="beyond-24-months"
        ),
        pytest.param({"debt_total": D("6000")}, D("250"), 24, True, id="exactly-24"),
        pytest.param(
            {"monthly_income": D("1400")}, D("0"), None, False, id="nothing-left"
        ),
        pytest.param(
            {"monthly_income": D("500")}, D("0"), None, False, id="charges-over-income"
        ),
    ],
)
def test_instalment_and_horizon(
    overrides: dict[str, object],
    instalment: Decimal,
    months: int | None,
    sustainable: bool,
) -> None:
    budget = _budget(**overrides)
    assert budget.sustainable_instalment == instalment
    assert budget.months_needed == months
    assert budget.plan_sustainable is sustainable
    assert budget.over_indebted is not sustainable
    assert budget.is_estimate


def test_reste_a_vivre_is_income_minus_charges_and_other_debts() -> None:
    budget = _budget(monthly_income=D("1500"), other_debt_payments=D("100.50"))
    assert budget.reste_a_vivre == D("499.50")
    assert budget.margin == D(0)


def test_instalment_rounded_down_to_the_euro() -> None:
    budget = _budget(monthly_income=D("1601.99"))
    assert budget.sustainable_instalment == D("50")


def test_single_payment_when_debt_fits_one_instalment() -> None:
    assert _budget(debt_total=D("250")).single_payment
    assert not _budget(debt_total=D("251")).single_payment


def test_sustainable_plan_is_labelled_estimate_and_cites_1343_5() -> None:
    budget = _budget()
    assert ESTIMATE_NOTE in budget.explanation
    assert budget.basis == (refs.CIV_1343_5,)
    assert "5 mois" in budget.explanation


def test_no_plan_points_to_banque_de_france() -> None:
    budget = _budget(monthly_income=D("1000"))
    assert "Banque de France" in budget.explanation
    assert "gratuit" in budget.explanation
    assert {refs.L711_1, refs.L722_2, refs.L722_5} <= set(budget.basis)


def test_heuristic_constants_live_in_one_place() -> None:
    assert HEURISTIC.horizon_months == 24
    assert HEURISTIC.living_allowance_adult > 0
    assert 0 < HEURISTIC.repayment_share <= 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"monthly_income": D("-1")}, "négatif", id="income-negative"),
        pytest.param({"fixed_charges": D("-1")}, "négatif", id="charges-negative"),
        pytest.param({"other_debt_payments": D("-1")}, "négatif", id="other-negative"),
        pytest.param({"debt_total": D("-1")}, "négatif", id="debt-negative"),
        pytest.param({"debt_total": D("0")}, "supérieur à 0", id="debt-zero"),
        pytest.param(
            {"monthly_income": D("2000000")}, "trop élevé", id="income-absurd"
        ),
        pytest.param({"fixed_charges": D("1e7")}, "trop élevé", id="charges-absurd"),
        pytest.param({"debt_total": D("1e9")}, "trop élevé", id="debt-absurd"),
        pytest.param({"monthly_income": D("NaN")}, "invalide", id="nan"),
        pytest.param({"monthly_income": D("Infinity")}, "invalide", id="infinity"),
        pytest.param({"monthly_income": 1500.5}, "invalide", id="float"),
        pytest.param({"monthly_income": "1500"}, "invalide", id="string"),
        pytest.param({"monthly_income": D("10.001")}, "centime", id="sub-cent"),
        pytest.param({"dependants": -1}, "entre 0", id="dependants-negative"),
        pytest.param({"dependants": 21}, "entre 0", id="dependants-absurd"),
        pytest.param({"dependants": True}, "invalide", id="dependants-bool"),
        pytest.param({"dependants": 1.5}, "invalide", id="dependants-float"),
    ],
)
def test_bad_input_raises_french_error(
    overrides: dict[str, object], message: str
) -> None:
    with pytest.raises(BudgetInputError, match=message):
        _budget(**overrides)


def test_int_amounts_are_accepted() -> None:
    budget = _budget(monthly_income=2000, fixed_charges=900, debt_total=1200)
    assert budget.sustainable_instalment == D("250")
