"""What the reader found in a letter: values, each with its evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, Generic, TypeVar

from .text import Line

T = TypeVar("T")

MIN_CONFIDENCE: Final = 0.6
"""A value read with less confidence than this is not proposed: it stays empty."""

FIELDS: Final = (
    "agency",
    "agency_address",
    "reference",
    "letter_date",
    "creditor",
    "creditor_address",
    "agency_role",
    "letter_kind",
    "total",
)
"""The single-valued fields, in the order of the letter's page."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value was read: the line's number and text, and how sure."""

    line: int
    text: str
    confidence: float

    @classmethod
    def of(cls, line: Line, confidence: float) -> Evidence:
        return cls(line.number, line.text, round(confidence, 2))

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "confidence": self.confidence}


@dataclass(frozen=True, slots=True)
class Read(Generic[T]):
    """A value read on the letter, with its evidence."""

    value: T
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class AmountRead:
    """One line of the amounts: its label, amount and kind (an
    ``AMOUNT_KINDS`` code, or None when the label does not tell)."""

    label: str
    amount: Decimal
    kind: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class LetterDraft:
    """Everything read on one letter; ``None`` where nothing sure was found."""

    agency: Read[str] | None = None
    agency_id: int | None = None
    agency_address: Read[str] | None = None
    reference: Read[str] | None = None
    letter_date: Read[dt.date] | None = None
    creditor: Read[str] | None = None
    creditor_address: Read[str] | None = None
    agency_role: Read[str] | None = None
    letter_kind: Read[str] | None = None
    lines: tuple[AmountRead, ...] = ()
    total: Read[Decimal] | None = None
    mentions: tuple[Read[str], ...] = ()
    fees_article_reproduced: bool = False

    @property
    def is_empty(self) -> bool:
        """Nothing useful was read (a blank photo, a photo of something else)."""
        return not any(getattr(self, name) for name in FIELDS) and not self.lines

    def as_dict(self) -> dict[str, Any]:
        """JSON values: dates ISO, amounts as decimal strings, plus evidence."""
        data: dict[str, Any] = {name: _plain(getattr(self, name)) for name in FIELDS}
        data["agency_id"] = self.agency_id
        data["lines"] = [
            {"label": line.label, "amount": str(line.amount), "kind": line.kind}
            for line in self.lines
        ]
        data["mentions"] = [mention.value for mention in self.mentions]
        data["fees_article_reproduced"] = self.fees_article_reproduced
        data["evidence"] = self._evidence()
        return data

    def _evidence(self) -> dict[str, Any]:
        evidence: dict[str, Any] = {
            name: read.evidence.as_dict()
            for name in FIELDS
            if (read := getattr(self, name)) is not None
        }
        evidence["lines"] = [line.evidence.as_dict() for line in self.lines]
        evidence["mentions"] = {
            mention.value: mention.evidence.as_dict() for mention in self.mentions
        }
        return evidence


def _plain(read: Read[Any] | None) -> Any:
    if read is None:
        return None
    value = read.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
