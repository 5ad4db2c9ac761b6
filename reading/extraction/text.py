"""The text of a letter as numbered lines and as one flow, plus French numbers.

``fold`` keeps every character in place (same length), so a match found in the
folded text slices the original text at the same positions: the evidence shown
to the debtor is what the letter says, accents and all.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

_TYPOGRAPHY: Final = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2019": "'",
        "\u2018": "'",
        "\u00b4": "'",
        "\u2212": "-",
        "\u2013": "–",
        "\u2014": "–",
        "\u201c": '"',
        "\u201d": '"',
        "\t": " ",
    }
)


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
        char = base
    lower = char.lower()
    return lower if len(lower) == 1 else char


def fold(text: str) -> str:
    """Lower case without accents, one character for one character."""
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line: its number in the text (1-based) and its words."""

    number: int
    text: str

    @property
    def folded(self) -> str:
        return fold(self.text)


class Text:
    """A letter's text: its non-empty lines, and the same lines as one flow
    (joined by spaces) for phrases that wrap from one line to the next."""

    def __init__(self, raw: str) -> None:
        self.lines: tuple[Line, ...] = tuple(
            Line(number, " ".join(content.translate(_TYPOGRAPHY).split()))
            for number, content in enumerate(raw.splitlines(), start=1)
            if content.strip()
        )
        self._starts: list[int] = []
        position = 0
        for line in self.lines:
            self._starts.append(position)
            position += len(line.text) + 1
        self.flow = " ".join(line.text for line in self.lines)
        self.folded = fold(self.flow)

    def line_at(self, position: int) -> Line:
        """The line holding ``position`` of the flow."""
        return self.lines[max(bisect_right(self._starts, position) - 1, 0)]

    def lines_between(self, start: int, end: int) -> tuple[Line, ...]:
        first = bisect_right(self._starts, start) - 1
        last = bisect_right(self._starts, max(end - 1, start)) - 1
        return self.lines[max(first, 0) : last + 1]


_GROUP: Final = "[ .\u00a0\u202f\u2009]"
_AMOUNT: Final = re.compile(
    rf"(?<![\w.,])(?<!\d{_GROUP})(?P<sign>-\s?)?"
    rf"(?P<int>\d{{1,3}}(?:{_GROUP}\d{{3}})+|\d+)"
    r"(?:,(?P<dec>\d{2})|\.(?P<dot>\d{2})(?=\s*(?:€|eur)))"
    r"(?![\d,])[\s\u00a0\u202f]*(?P<cur>€|eur(?:os?)?\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Money:
    """An amount found in a line: its value and where it sits."""

    value: Decimal
    start: int
    end: int
    currency: bool


def amounts_in(text: str) -> list[Money]:
    """Every French amount of ``text``: « 1 234,56 € », « 1.234,56 EUR »,
    « 1 234,56 euros », « -50,00 € ». Two decimals are required: a bare
    number (a year, a reference) is not an amount."""
    found = []
    for match in _AMOUNT.finditer(text):
        whole = re.sub(_GROUP, "", match["int"])
        cents = match["dec"] or match["dot"]
        if match["dot"] and not re.fullmatch(r"\d+", match["int"]):
            continue
        try:
            value = Decimal(f"{whole}.{cents}")
        except InvalidOperation:  # pragma: no cover - the pattern is digits only
            continue
        if match["sign"]:
            value = -value
        found.append(Money(value, match.start(), match.end(), bool(match["cur"])))
    return found


MONTHS: Final = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
_MONTH_NAMES: Final = "|".join(MONTHS)
DATE_PATTERN: Final = (
    rf"(?:(?:(?P<d1>\d{{1,2}})(?:er)?|(?P<first>[il1]er))\s+(?P<m1>{_MONTH_NAMES})"
    rf"\s+(?P<y1>\d{{4}})"
    r"|(?P<d2>\d{1,2})\s?[/.-]\s?(?P<m2>\d{1,2})\s?[/.-]\s?(?P<y2>\d{4}))"
)
_DATE: Final = re.compile(rf"\b{DATE_PATTERN}\b")


def date_from(match: re.Match[str]) -> dt.date | None:
    """The calendar date of a ``DATE_PATTERN`` match on folded text, or None
    when it is no real date (31/02)."""
    try:
        if match["m1"]:  # « 1er » may come out of OCR as « ler » or « ier »
            day = int(match["d1"]) if match["d1"] else 1
            return dt.date(int(match["y1"]), MONTHS[match["m1"]], day)
        return dt.date(int(match["y2"]), int(match["m2"]), int(match["d2"]))
    except (ValueError, KeyError):
        return None


def dates_in(folded: str) -> list[tuple[dt.date, re.Match[str]]]:
    """Every real date written in ``folded`` text, with its match."""
    found = []
    for match in _DATE.finditer(folded):
        day = date_from(match)
        if day is not None:
            found.append((day, match))
    return found
