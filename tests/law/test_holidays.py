"""Public holidays (C. trav. L3133-1, reference §3.1) and CPC 642's extension."""

from datetime import date

import pytest

from dossiers.law.holidays import (
    holiday_name,
    is_alsace_moselle,
    is_non_working_day,
    next_working_day,
    public_holidays,
    why_not_working,
)


def test_the_eleven_national_holidays_of_2026() -> None:
    """Easter 2026 is 5 April: Easter Monday 6 April, Ascension 14 May,
    Whit Monday 25 May."""
    assert list(public_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 4, 6),
        date(2026, 5, 1),
        date(2026, 5, 8),
        date(2026, 5, 14),
        date(2026, 5, 25),
        date(2026, 7, 14),
        date(2026, 8, 15),
        date(2026, 11, 1),
        date(2026, 11, 11),
        date(2026, 12, 25),
    ]


@pytest.mark.parametrize(
    ("year", "easter_monday", "ascension", "whit_monday", "good_friday"),
    [
        (
            2025,
            date(2025, 4, 21),
            date(2025, 5, 29),
            date(2025, 6, 9),
            date(2025, 4, 18),
        ),
        (
            2027,
            date(2027, 3, 29),
            date(2027, 5, 6),
            date(2027, 5, 17),
            date(2027, 3, 26),
        ),
        (
            2028,
            date(2028, 4, 17),
            date(2028, 5, 25),
            date(2028, 6, 5),
            date(2028, 4, 14),
        ),
    ],
)
def test_easter_based_holidays(
    year: int,
    easter_monday: date,
    ascension: date,
    whit_monday: date,
    good_friday: date,
) -> None:
    national = public_holidays(year)
    assert national[easter_monday] == "lundi de Pâques"
    assert national[ascension] == "Ascension"
    assert national[whit_monday] == "lundi de Pentecôte"
    assert good_friday not in national
    local = public_holidays(year, alsace_moselle=True)
    assert local[good_friday] == "Vendredi saint"
    assert local[date(year, 12, 26)] == "Saint-Étienne"
    assert len(local) == len(national) + 2


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("57000", True),
        ("67000", True),
        ("68100", True),
        ("69003", False),
        ("75009", False),
        ("5700", False),
        ("", False),
        ("67 000", True),
    ],
)
def test_alsace_moselle_postal_codes(code: str, expected: bool) -> None:
    assert is_alsace_moselle(code) is expected


@pytest.mark.parametrize(
    ("day", "alsace", "expected"),
    [
        pytest.param(date(2026, 12, 25), False, date(2026, 12, 28), id="noel-friday"),
        pytest.param(date(2026, 12, 20), False, date(2026, 12, 21), id="sunday"),
        pytest.param(date(2026, 12, 19), False, date(2026, 12, 21), id="saturday"),
        pytest.param(date(2026, 12, 21), False, date(2026, 12, 21), id="working-day"),
        pytest.param(
            date(2025, 12, 26), False, date(2025, 12, 26), id="26-dec-national"
        ),
        pytest.param(date(2025, 12, 26), True, date(2025, 12, 29), id="26-dec-alsace"),
        pytest.param(date(2026, 5, 14), False, date(2026, 5, 15), id="ascension"),
        pytest.param(date(2027, 5, 1), False, date(2027, 5, 3), id="1-may-saturday"),
    ],
)
def test_next_working_day_cpc_642(day: date, alsace: bool, expected: date) -> None:
    assert next_working_day(day, alsace_moselle=alsace) == expected
    assert is_non_working_day(day, alsace_moselle=alsace) is (day != expected)


def test_why_a_day_is_not_worked() -> None:
    assert why_not_working(date(2026, 12, 25)) == "un jour férié (Noël)"
    assert why_not_working(date(2026, 12, 20)) == "un dimanche"
    assert why_not_working(date(2026, 12, 19)) == "un samedi"
    assert why_not_working(date(2026, 12, 21)) == ""
    assert holiday_name(date(2026, 7, 14)) == "fête nationale"
