"""Who writes, for whom, under which reference and on which date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from .draft import Evidence, Read
from .text import DATE_PATTERN, Line, Text, date_from, fold

HEADER_LINES: Final = 14
"""The letterhead: the lines read first for the agency and its address."""


@dataclass(frozen=True, slots=True)
class AgencyEntry:
    """One agency of the directory (id, name, address)."""

    id: int
    name: str
    address: str = ""

    def search_keys(self) -> list[tuple[str, float]]:
        """Folded names to look for, with the confidence a match gives: the
        whole name, then its first distinctive word (« Cabot », « EOS »)."""
        name = fold(self.name)
        keys = [(name, 0.95)]
        first = name.split()[0] if name.split() else ""
        if len(first) >= 3 and first != name:
            keys.append((first, 0.85))
        return keys


def find_agency(
    text: Text, directory: Sequence[AgencyEntry]
) -> tuple[Read[str], AgencyEntry | None, Line] | None:
    """The agency: a directory name in the letterhead (or, less surely,
    anywhere), else the letterhead's first line that names a company."""
    zones = ((text.lines[:HEADER_LINES], 1.0), (text.lines[HEADER_LINES:], 0.8))
    for lines, weight in zones:
        best: tuple[float, AgencyEntry, Line] | None = None
        for line in lines:
            for entry in directory:
                for key, confidence in entry.search_keys():
                    if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", line.folded):
                        score = confidence * weight
                        if best is None or score > best[0]:
                            best = (score, entry, line)
        if best is not None:
            score, entry, line = best
            return Read(entry.name, Evidence.of(line, score)), entry, line
    return _letterhead_company(text)


_COMPANY: Final = re.compile(
    r"\b(?:sas|sasu|sarl|sa|scp|selarl|recouvrement|credit|finance|services?)\b"
)
_PERSON: Final = re.compile(r"^(?:madame|monsieur|m\.|mme|mlle|objet|ref)")


def _letterhead_company(text: Text) -> tuple[Read[str], None, Line] | None:
    for line in text.lines[:4]:
        folded = line.folded
        if _PERSON.match(folded) or not _COMPANY.search(folded):
            continue
        name = re.split(r"\s+[-–|,]\s+|,", line.text)[0].strip()
        if 2 <= len(name) <= 80:
            return Read(name, Evidence.of(line, 0.65)), None, line
    return None


_POSTAL: Final = re.compile(r"(?<!\d)\d{5}\s+[a-z]")
_ADDRESS_PART: Final = re.compile(
    r"^(?:\d{1,4}\s*(?:bis|ter)?,?\s+\w|(?:cs|bp|tsa|case postale)\s*\d|"
    r"immeuble|batiment|zi |za |zac |parc |centre |tour |le |la |les )"
)
_NOT_ADDRESS: Final = re.compile(
    r"capital|rcs|siren|siret|tel|fax|www|@|horaires|madame|monsieur|objet|ref"
)


_RIGHT_COLUMN: Final = re.compile(
    r"\s+(?:date\b|dossier\b|ref\b|reference\b|n\s?[°o]\s|votre\b|madame\b|monsieur\b)"
)


def _left_part(line: Line) -> Line:
    """A header line without what OCR joined from the right-hand column."""
    match = _RIGHT_COLUMN.search(line.folded)
    return Line(line.number, line.text[: match.start()]) if match else line


def address_after(lines: Sequence[Line], start: int, limit: int = 4) -> str | None:
    """The address written on the lines after ``lines[start]``: up to
    ``limit`` lines ending with a postal code and a town, or None. One line
    before the address may be the name's second line (« justice associés »)."""
    parts: list[str] = []
    skipped = 0
    for line in lines[start + 1 : start + 2 + limit]:
        line = _left_part(line)
        folded = line.folded
        if _NOT_ADDRESS.search(folded) and not _POSTAL.search(folded):
            break
        if _POSTAL.match(folded):
            return "\n".join([*parts, line.text])
        if not parts and (inline := inline_address(folded, line.text)):
            return inline
        if not _ADDRESS_PART.match(folded):
            if parts or skipped:
                break
            skipped += 1
            continue
        parts.append(line.text)
    return None


_SEP: Final = r"(?:\s*[,–|]\s*|\s+-\s+)"
_INLINE_ADDRESS: Final = re.compile(
    rf"(?P<address>\d{{1,4}}\s*(?:bis|ter)?,?\s+[a-z](?:(?!{_SEP})[^,–|;()]){{2,60}}?"
    rf"(?:{_SEP}(?:cs|bp|tsa)\s*\d+)?(?:{_SEP}|\s+)\d{{5}}\s+"
    r"[a-z][a-z' -]*?(?:\s+cedex(?:\s*\d+)?)?)(?=\s*$|\s*[,–|.;)]|\s+-(?:\s|$)|\s+rcs)"
)


def inline_address(folded: str, original: str, start: int = 0) -> str | None:
    """An address written on one line (« 16 rue X, 75015 Paris »), from
    ``start``, with the original spelling; parts on separate lines."""
    match = _INLINE_ADDRESS.search(folded, start)
    if match is None:
        return None
    value = original[match.start("address") : match.end("address")]
    parts = [p.strip() for p in re.split(_SEP, value) if p.strip()]
    return "\n".join(parts)


def find_agency_address(
    text: Text, line: Line, names: Sequence[str]
) -> Read[str] | None:
    """The address under the letterhead, or on a line that names the agency
    (a footer: « Intrum – 12 allée… – 69800 Saint-Priest – RCS … »)."""
    index = text.lines.index(line)
    block = address_after(text.lines, index)
    if block:
        return Read(block, Evidence.of(text.lines[index + 1], 0.85))
    keys = [fold(name) for name in names if name]
    for candidate in (line, *text.lines):
        if candidate is not line and not any(key in candidate.folded for key in keys):
            continue
        inline = inline_address(candidate.folded, candidate.text)
        if inline:
            return Read(inline, Evidence.of(candidate, 0.8))
    return None


_REFERENCE: Final = re.compile(
    r"(?:\bn\s?[°o*º']?\s*(?:de\s+)?(?:dossier|reference|client)|"
    r"\bref(?:erence)?s?\b\.?(?:\s+(?:du\s+|de\s+votre\s+|a\s+rappeler|dossier|client))*|"
    r"\bdossier\s+n\s?[°o*º']?)\s*[:.]?\s*(?P<ref>[a-z0-9][a-z0-9/_.-]{3,30})"
)


def find_reference(text: Text) -> Read[str] | None:
    """The agency's reference: a token of at least three digits after « Réf. »,
    « N° de dossier », « Votre référence »…"""
    for line in text.lines:
        for match in _REFERENCE.finditer(line.folded):
            token = line.text[match.start("ref") : match.end("ref")].rstrip(".-/")
            if sum(c.isdigit() for c in token) >= 3:
                return Read(token, Evidence.of(line, 0.9))
    return None


_LETTER_DATE: Final = (
    re.compile(rf"^(?:fait\s+)?(?:a\s+)?[a-z][a-z' -]{{1,40}},?\s+le\s+{DATE_PATTERN}"),
    re.compile(rf",\s*le\s+{DATE_PATTERN}"),
    re.compile(rf"^le\s+{DATE_PATTERN}"),
    re.compile(rf"(?:^|\s)date(?:\s+du\s+courrier|\s+d'envoi)?\s*:\s*{DATE_PATTERN}"),
)
_NOT_LETTER_DATE: Final = re.compile(r"\b(?:avant|tard|depuis|jusqu|echeance|delai)\b")


def find_letter_date(text: Text) -> Read[dt.date] | None:
    """The date of the letter, from « Lyon, le 12 mars 2025 », « Le 12/03/2025 »
    or « Date : … » — never a due date or a contract's date."""
    for line in text.lines:
        folded = line.folded
        for pattern in _LETTER_DATE:
            match = pattern.search(folded)
            if match is None:
                continue
            day_at = min(
                match.start(group) for group in ("d1", "first", "d2") if match[group]
            )
            if _NOT_LETTER_DATE.search(folded[:day_at]):
                continue
            day = date_from(match)
            if day is not None:
                return Read(day, Evidence.of(line, 0.9))
    return None


_CREDITOR_LABEL: Final = re.compile(
    r"^(?:(?:le\s+)?creancier(?:\s+(?:d'origine|initial|originel|actuel))?|"
    r"client|mandant|cedant|societe creanciere)\s*:\s*(?P<name>\S.*)$"
)
_CREDITOR_PHRASES: Final = (
    (re.compile(r"\b(?:cedee?s?|vendue?s?)\s+par\s+"), 0.85),
    (re.compile(r"\b(?:contracte|souscrit|ouvert)e?s?\s+aupres\s+(?:de\s+|d')"), 0.8),
    (
        re.compile(r"\bcreancier\s+(?:d'origine|initial|originel)\s*(?:est\s+|,\s*)?"),
        0.8,
    ),
    (re.compile(r"\b(?:detenue?s?|consentie?s?)\s+(?:initialement\s+)?par\s+"), 0.8),
    (re.compile(r"\bpour\s+le\s+compte\s+(?:de\s+|d')"), 0.85),
    (re.compile(r"\bmandatee?s?\s+par\s+"), 0.85),
)
_NAME_PREFIX: Final = re.compile(
    r"(?:(?:notre|son|votre)\s+(?:client|mandant|partenaire)\s*,?\s*|"
    r"(?:la\s+)?(?:societe|banque|l'etablissement|l'entreprise)\s+|la\s+|le\s+)"
)
_NAME_END: Final = re.compile(
    r"\s*(?:,|\.\s|\.$|;|\(|\bdont\b|\bqui\b|\bau titre\b|\bconcernant\b|\bpour\b|"
    r"\bsis\b|\bsise\b|\bsitue|\ba qui\b|\baupres\b|\bet\s+(?:vous|nous)\b|"
    r"\bselon\b|\ble \d|\ben date\b|\ba\s+ete\b|\best\b|\bvous\b|\bnous\b|$)"
)


def _name_at(text: Text, start: int) -> tuple[str, int] | None:
    folded = text.folded
    prefix = _NAME_PREFIX.match(folded, start)
    if prefix:
        start = prefix.end()
    end_match = _NAME_END.search(folded, start)
    end = end_match.start() if end_match else len(folded)
    name = text.flow[start:end].strip(" :-–'\"")
    words = name.split()
    if not words or len(words) > 6 or not any(c.isalpha() for c in name):
        return None
    return name, end


def find_creditor(text: Text) -> tuple[Read[str], Read[str] | None] | None:
    """The original creditor and, when written beside it, its address."""
    for index, line in enumerate(text.lines):
        match = _CREDITOR_LABEL.match(line.folded)
        if match:
            name = re.split(r"\s*[,–|]\s*", line.text[match.start("name") :])[0]
            address = inline_address(line.folded, line.text, match.start("name"))
            address = address or address_after(text.lines, index)
            evidence = Evidence.of(line, 0.9)
            return Read(name, evidence), _address_read(address, evidence)
    for pattern, confidence in _CREDITOR_PHRASES:
        for match in pattern.finditer(text.folded):
            found = _name_at(text, match.end())
            if found is None:
                continue
            name, end = found
            line = text.line_at(match.start())
            evidence = Evidence.of(line, confidence)
            address = inline_address(text.folded[: end + 120], text.flow, end)
            near = address is not None and _address_near(text, end, address)
            return Read(name, evidence), _address_read(
                address if near else None, evidence
            )
    return None


def _address_near(text: Text, end: int, address: str) -> bool:
    first = fold(address.split("\n")[0])
    position = text.folded.find(first, end)
    return 0 <= position - end <= 60


def _address_read(address: str | None, evidence: Evidence) -> Read[str] | None:
    if not address:
        return None
    confidence = round(evidence.confidence * 0.95, 2)
    return Read(address, Evidence(evidence.line, evidence.text, confidence))
