"""Pure extraction: from a letter's text to a :class:`LetterDraft`.

No Django, no clock, no file: the text (lines numbered as stored) and the
agency directory come in, frozen dataclasses come out. Each value carries its
evidence (the line it was read on) and a confidence; a value read with less
than ``MIN_CONFIDENCE`` is left empty rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from .amounts import amount_kind, find_amounts
from .draft import FIELDS, MIN_CONFIDENCE, AmountRead, Evidence, LetterDraft, Read
from .parties import (
    AgencyEntry,
    find_agency,
    find_agency_address,
    find_creditor,
    find_letter_date,
    find_reference,
)
from .text import Text, amounts_in, fold
from .wording import L111_8_AL2, L111_8_AL3, find_kind, find_mentions, find_role

__all__ = [
    "FIELDS",
    "L111_8_AL2",
    "L111_8_AL3",
    "MIN_CONFIDENCE",
    "AgencyEntry",
    "AmountRead",
    "Evidence",
    "LetterDraft",
    "Read",
    "amount_kind",
    "amounts_in",
    "extract",
    "fold",
]


def extract(text: str, directory: Iterable[tuple[int, str, str]] = ()) -> LetterDraft:
    """Read ``text`` (a letter, pages joined by newlines) against the agency
    ``directory`` of ``(id, name, address)``."""
    letter = Text(text)
    entries = [AgencyEntry(*entry) for entry in directory]
    agency = find_agency(letter, entries)
    creditor = find_creditor(letter)
    lines, total = find_amounts(letter)
    mentions, reproduced = find_mentions(
        letter,
        agency_found=agency is not None,
        creditor_found=creditor is not None and creditor[1] is not None,
        lines=lines,
    )
    draft = LetterDraft(
        agency=agency[0] if agency else None,
        agency_id=agency[1].id if agency and agency[1] else None,
        agency_address=find_agency_address(letter, agency[2], _names(agency))
        if agency
        else None,
        reference=find_reference(letter),
        letter_date=find_letter_date(letter),
        creditor=creditor[0] if creditor else None,
        creditor_address=creditor[1] if creditor else None,
        agency_role=find_role(letter),
        letter_kind=find_kind(letter),
        lines=lines,
        total=total,
        mentions=mentions,
        fees_article_reproduced=reproduced,
    )
    return _sure_only(draft)


def _names(agency: tuple[Read[str], AgencyEntry | None, Any]) -> list[str]:
    read, entry, _line = agency
    return [key for key, _c in entry.search_keys()] if entry else [read.value]


def _sure_only(draft: LetterDraft) -> LetterDraft:
    """Drop what was read with too little confidence: it stays empty."""
    changes: dict[str, Any] = {
        name: None
        for name in FIELDS
        if (read := getattr(draft, name)) is not None
        and read.evidence.confidence < MIN_CONFIDENCE
    }
    if "agency" in changes:
        changes["agency_id"] = None
    return replace(draft, **changes)
