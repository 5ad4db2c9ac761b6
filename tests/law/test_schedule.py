"""Payment schedules: monthly dates anchored on the first due date, amounts that
add up exactly to the total, French errors on bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from dossiers.law.dates import add_months, format_date
from dossiers.law.money import format_euros
from dossiers.law.schedule import MAX_MONTHS, ScheduleInputError, payment_schedule

D = Decimal


@pytest.mark.parametrize(
    ("first_due", "months", "expected"),
    [
        pytest.param(
            dt.date(2024, 1, 31),
            3,
            [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 3, 31)],
            id="anchored-end-of-month-leap-year",
        ),
        pytest.param(
            dt.date(2025, 1, 31),
            4,
            [
                dt.date(2025, 1, 31),
                dt.date(2025, 2, 28),
                dt.date(2025, 3, 31),
                dt.date(2025, 4, 30),
            ],
            id="anchored-end-of-month-common-year",
        ),
        pytest.param(
            dt.date(2025, 11, 15),
            3,
            [dt.date(2025, 11, 15), dt.date(2025, 12, 15), dt.date(2026, 1, 15)],
            id="across-the-new-year",
        ),
    ],
)
def test_monthly_dates_are_anchored_on_first_due(
    first_due: dt.date, months: int, expected: list[dt.date]
) -> None:
    schedule = payment_schedule(total=D("300"), months=months, first_due=first_due)
    assert [line.due for line in schedule] == expected
    assert [line.number for line in schedule] == list(range(1, months + 1))


@pytest.mark.parametrize(
    ("total", "kwargs", "amounts"),
    [
        pytest.param(D("100"), {"months": 3}, ["33.33", "33.33", "33.34"], id="thirds"),
        pytest.param(
            D("200"), {"months": 3}, ["66.66", "66.66", "66.68"], id="last-up"
        ),
        pytest.param(D("90"), {"months": 3}, ["30.00", "30.00", "30.00"], id="exact"),
        pytest.param(
            D("100"), {"monthly": D("30")}, ["30", "30", "30", "10"], id="pay"
        ),
        pytest.param(D("90"), {"monthly": D("30")}, ["30", "30", "30"], id="pay-exact"),
        pytest.param(D("25.50"), {"monthly": D("100")}, ["25.50"], id="pay-once"),
        pytest.param(D("0.03"), {"months": 3}, ["0.01", "0.01", "0.01"], id="cents"),
    ],
)
def test_amounts_and_last_instalment_absorbs_rounding(
    total: Decimal, kwargs: dict[str, object], amounts: list[str]
) -> None:
    schedule = payment_schedule(
        total=total,
        first_due=dt.date(2026, 1, 10),
        **kwargs,  # type: ignore[arg-type]
    )
    assert [line.amount for line in schedule] == [D(value) for value in amounts]
    assert sum(line.amount for line in schedule) == total


TOTALS = [D("0.99"), D("1"), D("7.77"), D("100"), D("1234.56"), D("99999.99")]


@pytest.mark.parametrize("total", TOTALS, ids=str)
@pytest.mark.parametrize("months", [1, 2, 3, 7, 11, 12, 24, 59, 99], ids=str)
def test_sweep_by_count_sums_exactly(total: Decimal, months: int) -> None:
    if total * 100 < months:
        pytest.skip("fewer cents than instalments")
    schedule = payment_schedule(
        total=total, months=months, first_due=dt.date(2026, 1, 31)
    )
    amounts = [line.amount for line in schedule]
    assert len(amounts) == months
    assert sum(amounts) == total
    assert all(
        amount > 0 and amount == amount.quantize(D("0.01")) for amount in amounts
    )
    assert len(set(amounts[:-1])) <= 1
    assert amounts[-1] >= amounts[0]


@pytest.mark.parametrize("total", TOTALS, ids=str)
@pytest.mark.parametrize("monthly", ["0.5", "1", "9.99", "50", "333.33"], ids=str)
def test_sweep_by_amount_sums_exactly(total: Decimal, monthly: str) -> None:
    each = D(monthly)
    if total / each > MAX_MONTHS:
        with pytest.raises(ScheduleInputError):
            payment_schedule(total=total, monthly=each, first_due=dt.date(2026, 2, 28))
        return
    schedule = payment_schedule(
        total=total, monthly=each, first_due=dt.date(2026, 2, 28)
    )
    amounts = [line.amount for line in schedule]
    assert sum(amounts) == total
    assert all(amount == each for amount in amounts[:-1])
    assert 0 < amounts[-1] <= each


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"total": D("0"), "months": 3}, "supérieur à 0", id="total-zero"),
        pytest.param({"total": D("-10"), "months": 3}, "supérieur à 0", id="negative"),
        pytest.param({"total": D("10.001"), "months": 3}, "centime", id="sub-cent"),
        pytest.param({"total": 10.5, "months": 3}, "invalide", id="float-total"),
        pytest.param({"total": D("NaN"), "months": 3}, "invalide", id="nan"),
        pytest.param({"total": D("Infinity"), "months": 3}, "invalide", id="infinity"),
        pytest.param({"total": D("1e9"), "months": 3}, "trop élevé", id="absurd-total"),
        pytest.param({"total": "100", "months": 3}, "invalide", id="string-total"),
        pytest.param({"total": D("100")}, "soit", id="neither"),
        pytest.param(
            {"total": D("100"), "months": 3, "monthly": D("10")}, "soit", id="both"
        ),
        pytest.param({"total": D("100"), "months": 0}, "entre 1", id="zero-months"),
        pytest.param({"total": D("100"), "months": 121}, "entre 1", id="over-120"),
        pytest.param({"total": D("100"), "months": True}, "invalide", id="bool"),
        pytest.param({"total": D("100"), "monthly": D("0")}, "supérieur", id="pay-0"),
        pytest.param({"total": D("100"), "monthly": D("-5")}, "supérieur", id="pay-<0"),
        pytest.param(
            {"total": D("1000"), "monthly": D("1")}, "120 mois", id="too-long"
        ),
        pytest.param({"total": D("0.02"), "months": 3}, "centime", id="below-a-cent"),
    ],
)
def test_bad_input_raises_french_error(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ScheduleInputError, match=message):
        payment_schedule(first_due=dt.date(2026, 1, 1), **kwargs)  # type: ignore[arg-type]


def test_first_due_must_be_a_date() -> None:
    with pytest.raises(ScheduleInputError, match="Date"):
        payment_schedule(
            total=D("10"),
            months=2,
            first_due=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        )


def test_error_is_a_value_error() -> None:
    assert issubclass(ScheduleInputError, ValueError)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (D("0"), "0,00\u00a0€"),
        (D("5.5"), "5,50\u00a0€"),
        (D("1234.56"), "1\u00a0234,56\u00a0€"),
        (D("1234567"), "1\u00a0234\u00a0567,00\u00a0€"),
        (D("-40"), "-40,00\u00a0€"),
    ],
    ids=str,
)
def test_format_euros(amount: Decimal, text: str) -> None:
    assert format_euros(amount) == text


def test_format_date_and_add_months() -> None:
    assert format_date(dt.date(2025, 3, 1)) == "1er mars 2025"
    assert format_date(dt.date(2025, 8, 15)) == "15 août 2025"
    assert add_months(dt.date(2024, 3, 31), -1) == dt.date(2024, 2, 29)
