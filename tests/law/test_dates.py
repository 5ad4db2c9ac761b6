"""Month/year arithmetic "de quantième à quantième" (CPC 641, C. civ. 2228-2229)."""

from datetime import date

import pytest

from dossiers.law.dates import (
    add_months,
    add_years,
    days_in_month,
    format_date,
    is_weekend,
    next_weekday,
    one_month_after,
)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param(date(2024, 1, 15), 1, date(2024, 2, 15), id="same-quantieme"),
        pytest.param(date(2024, 1, 31), 1, date(2024, 2, 29), id="leap-february"),
        pytest.param(date(2023, 1, 31), 1, date(2023, 2, 28), id="common-february"),
        pytest.param(date(2024, 3, 31), 1, date(2024, 4, 30), id="30-day-month"),
        pytest.param(date(2024, 11, 30), 3, date(2025, 2, 28), id="across-year"),
        pytest.param(date(2024, 3, 31), -1, date(2024, 2, 29), id="negative"),
        pytest.param(date(2024, 1, 10), -13, date(2022, 12, 10), id="negative-year"),
        pytest.param(date(2024, 5, 5), 0, date(2024, 5, 5), id="zero"),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        pytest.param(date(2020, 2, 29), 1, date(2021, 2, 28), id="29-feb-to-28"),
        pytest.param(date(2020, 2, 29), 4, date(2024, 2, 29), id="29-feb-leap"),
        pytest.param(date(2020, 3, 15), 2, date(2022, 3, 15), id="reference-example"),
        pytest.param(date(1997, 1, 1), 10, date(2007, 1, 1), id="ten-years"),
    ],
)
def test_add_years(day: date, years: int, expected: date) -> None:
    assert add_years(day, years) == expected


@pytest.mark.parametrize(
    ("signified", "expected"),
    [
        pytest.param(date(2025, 1, 31), date(2025, 2, 28), id="cpc1416-end-of-month"),
        pytest.param(date(2024, 1, 31), date(2024, 2, 29), id="cpc1416-leap"),
        pytest.param(date(2025, 3, 10), date(2025, 4, 10), id="cpc1416-quantieme"),
        pytest.param(date(2025, 12, 15), date(2026, 1, 15), id="cpc1416-new-year"),
    ],
)
def test_one_month_after(signified: date, expected: date) -> None:
    assert one_month_after(signified) == expected


@pytest.mark.parametrize(
    ("day", "weekend", "weekday"),
    [
        pytest.param(date(2022, 1, 7), False, date(2022, 1, 7), id="friday"),
        pytest.param(date(2022, 1, 8), True, date(2022, 1, 10), id="saturday"),
        pytest.param(date(2022, 1, 9), True, date(2022, 1, 10), id="sunday"),
        pytest.param(date(2022, 1, 10), False, date(2022, 1, 10), id="monday"),
    ],
)
def test_weekend(day: date, weekend: bool, weekday: date) -> None:
    assert is_weekend(day) is weekend
    assert next_weekday(day) == weekday


def test_days_in_month() -> None:
    assert [days_in_month(2024, 2), days_in_month(2023, 2)] == [29, 28]
    assert days_in_month(2023, 12) == 31


@pytest.mark.parametrize(
    ("day", "text"),
    [
        pytest.param(date(2022, 3, 1), "1er mars 2022", id="premier"),
        pytest.param(date(2024, 8, 15), "15 août 2024", id="accent"),
    ],
)
def test_format_date_fr(day: date, text: str) -> None:
    assert format_date(day) == text
