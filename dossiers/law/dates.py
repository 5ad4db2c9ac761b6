"""Pure calendar helpers for legal time limits (no Django, no clock).

Periods in months or years run "de quantième à quantième": they end on the day of
the last month or year bearing the same day number as the starting event; when
that day does not exist (31 April, 29 February in a common year), they end on the
last day of the month (CPC art. 641, applied by analogy to prescription, and
C. civ. art. 2228-2229). The day of the triggering event itself is not counted.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Final

from dateutil.relativedelta import relativedelta

SATURDAY: Final = 5
"""``date.weekday()`` value of Saturday (Sunday is 6)."""

WEEKDAYS_FR: Final = (
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
)
_MONTHS_FR: Final = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def days_in_month(year: int, month: int) -> int:
    """Return the number of days of ``month`` in ``year`` (28 to 31)."""
    return calendar.monthrange(year, month)[1]


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by ``months`` months (negative allowed).

    Same day number in the target month, or the last day of that month when the
    day number does not exist: 31 January + 1 month = 28 (or 29) February
    (python-dateutil's ``relativedelta`` clamps exactly so).
    """
    moved: date = day + relativedelta(months=months)
    return moved


def add_years(day: date, years: int) -> date:
    """Return ``day`` moved by ``years`` years: 29 February + 1 year = 28 February."""
    return add_months(day, 12 * years)


def one_month_after(day: date) -> date:
    """Return the last day of a one-month time limit starting on ``day``.

    Used for the opposition to an injonction de payer (CPC art. 1416: "dans le
    mois qui suit la signification"): signification on 31 January gives 28 or 29
    February. No weekend or public-holiday extension is applied here (CPC 642 is
    the caller's decision; see :func:`is_weekend` and :func:`next_weekday`).
    """
    return add_months(day, 1)


def is_weekend(day: date) -> bool:
    """Return True when ``day`` is a Saturday or a Sunday."""
    return day.weekday() >= SATURDAY


def next_weekday(day: date) -> date:
    """Return ``day`` itself on Monday-Friday, otherwise the following Monday.

    Public holidays are not known to this helper.
    """
    if not is_weekend(day):
        return day
    return day + timedelta(days=7 - day.weekday())


def format_date(day: date) -> str:
    """Return a French long date: ``1er mars 2022``, ``15 juin 2024``."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {_MONTHS_FR[day.month - 1]} {day.year}"


def format_weekday_date(day: date) -> str:
    """Return a French long date with its weekday: ``vendredi 25 décembre 2026``."""
    return f"{WEEKDAYS_FR[day.weekday()]} {format_date(day)}"
