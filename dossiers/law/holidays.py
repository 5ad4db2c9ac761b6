"""French public holidays, and the working-day extension of procedural deadlines.

CPC art. 642: « Le délai qui expirerait normalement un samedi, un dimanche ou un
jour férié ou chômé est prorogé jusqu'au premier jour ouvrable suivant » — for
procedural deadlines only (opposition to an injonction de payer, the month of a
commandement); never for a prescription (Cass. 2e civ., 7 avr. 2016), and « à
vérifier » for the R312-35 forclusion (reference §3.1, §9).

The holidays are those of C. trav. art. L3133-1 (reference §3.1, [M]); the
Easter-based ones come from python-dateutil's ``easter``. In Alsace-Moselle
(Bas-Rhin, Haut-Rhin, Moselle: postal codes 67, 68, 57) Good Friday and
26 December are holidays too [M].
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Final

from dateutil.easter import easter

from dossiers.law.dates import is_weekend

ALSACE_MOSELLE_DEPARTMENTS: Final = frozenset({"57", "67", "68"})
"""Moselle, Bas-Rhin, Haut-Rhin: two more public holidays there."""

_FIXED: Final = (
    (1, 1, "jour de l'an"),
    (5, 1, "fête du Travail"),
    (5, 8, "8 mai 1945"),
    (7, 14, "fête nationale"),
    (8, 15, "Assomption"),
    (11, 1, "Toussaint"),
    (11, 11, "11 novembre"),
    (12, 25, "Noël"),
)
_EASTER_BASED: Final = (
    (1, "lundi de Pâques"),
    (39, "Ascension"),
    (50, "lundi de Pentecôte"),
)
_LOCAL: Final = ((-2, "Vendredi saint"),)
_LOCAL_FIXED: Final = ((12, 26, "Saint-Étienne"),)


def is_alsace_moselle(postal_code: str) -> bool:
    """Whether a French postal code is in Moselle, Bas-Rhin or Haut-Rhin."""
    digits = "".join(ch for ch in postal_code if ch.isdigit())
    return len(digits) == 5 and digits[:2] in ALSACE_MOSELLE_DEPARTMENTS


@cache
def public_holidays(year: int, *, alsace_moselle: bool = False) -> dict[date, str]:
    """The public holidays of ``year``: date → French name (C. trav. L3133-1)."""
    sunday = easter(year)
    days = {date(year, month, day): name for month, day, name in _FIXED}
    days |= {sunday + timedelta(days=n): name for n, name in _EASTER_BASED}
    if alsace_moselle:
        days |= {sunday + timedelta(days=n): name for n, name in _LOCAL}
        days |= {date(year, month, day): name for month, day, name in _LOCAL_FIXED}
    return dict(sorted(days.items()))


def holiday_name(day: date, *, alsace_moselle: bool = False) -> str | None:
    """The holiday's French name, or None on an ordinary day."""
    return public_holidays(day.year, alsace_moselle=alsace_moselle).get(day)


def is_non_working_day(day: date, *, alsace_moselle: bool = False) -> bool:
    """Saturday, Sunday or a public holiday (the days CPC 642 skips)."""
    return (
        is_weekend(day) or holiday_name(day, alsace_moselle=alsace_moselle) is not None
    )


def next_working_day(day: date, *, alsace_moselle: bool = False) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while is_non_working_day(day, alsace_moselle=alsace_moselle):
        day += timedelta(days=1)
    return day


def why_not_working(day: date, *, alsace_moselle: bool = False) -> str:
    """« un dimanche », « un jour férié (Noël) »; empty on a working day."""
    name = holiday_name(day, alsace_moselle=alsace_moselle)
    if name is not None:
        return f"un jour férié ({name})"
    if day.weekday() == 5:
        return "un samedi"
    if day.weekday() == 6:
        return "un dimanche"
    return ""
