"""The amounts claimed: the labelled lines of the table and the total."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from dossiers.law.checks import AMOUNT_KINDS

from .draft import AmountRead, Evidence, Read
from .text import Line, Money, Text, amounts_in, fold

_TOTAL: Final = re.compile(
    r"^(?:(?:montant|somme)\s+)?(?:total|totale)\b|\btotal\s+(?:du|a payer|restant|"
    r"reclame|de la creance)|^solde\s+(?:restant\s+)?du\b|^(?:reste|restant)\s+(?:a payer|du)|"
    r"^montant\s+(?:restant\s+)?du\b|^somme\s+(?:restant\s+)?due\b|^net\s+a\s+payer"
)
_SUBTOTAL: Final = re.compile(r"\bsous[- ]?total\b")
_KINDS: Final = (
    ("interest", re.compile(r"\binterets?\b")),
    (
        "penalties",
        re.compile(
            r"\bpenalites?\b|\bclause penale\b|\bindemnites?\b|\bmajorations?\b|"
            r"\bdommages\b"
        ),
    ),
    ("fees", re.compile(r"\bfrais\b|\bhonoraires?\b|\bcouts?\b|\bdroits?\b")),
    (
        "other",
        re.compile(
            r"\bversements?\b|\breglements?\b|\bacomptes?\b|\bdeja\s+(?:regle|paye)"
        ),
    ),
    (
        "principal",
        re.compile(
            r"\bprincipal\b|\bcapital\b|\bfactures?\b|\bcreance\b|\bimpayes?\b|"
            r"\becheances?\b|\bsolde\s+debiteur\b|\bmensualites?\b|\bloyers?\b"
        ),
    ),
)
_LEADERS: Final = re.compile(r"[\s.:…_|-]+$")
_SUM_PHRASE: Final = re.compile(
    r"\b(?:la\s+)?(?:somme|montant)\s+(?:totale?\s+)?(?:de|restant\s+due?\s+de|due?\s+de)\s+$"
)
_SENTENCE_END: Final = re.compile(
    r"(?:^|\s)(?:de|des|la|le|les|a|au|aux|d'|l'|soit|est|sont)$"
)
MAX_LABEL: Final = 70
MAX_LABEL_WORDS: Final = 9


def amount_kind(label: str, amount: Decimal) -> str | None:
    """The ``AMOUNT_KINDS`` code a label names, or None when it does not tell."""
    if amount < 0:
        return "other"
    folded = fold(label)
    for code, pattern in _KINDS:
        if pattern.search(folded):
            assert code in AMOUNT_KINDS
            return code
    return None


def _table_entry(line: Line) -> tuple[str, Money] | None:
    """``(label, amount)`` when the line is a label then an amount at its end."""
    found = amounts_in(line.text)
    if not found:
        return None
    money = found[-1]
    if line.text[money.end :].strip(" .€"):
        return None
    label = _LEADERS.sub("", line.text[: money.start]).strip()
    words = label.split()
    if not label or len(label) > MAX_LABEL or len(words) > MAX_LABEL_WORDS:
        return None
    if not any(c.isalpha() for c in label) or len(found) > 2:
        return None
    if _SENTENCE_END.search(fold(label)) or label[0].islower():
        return None  # the end of a sentence wrapped before its amount
    return label, money


def find_amounts(text: Text) -> tuple[tuple[AmountRead, ...], Read[Decimal] | None]:
    """The amount lines of the letter's table and its total.

    The table is the run of label-and-amount lines that holds the total line
    (or the longest run when no line says « total »). When no total line is
    found, « la somme de 434,90 € » in a sentence gives it, less surely."""
    runs = _runs(text.lines)
    for run in runs:
        total_at = next(
            (i for i, (line, label, _m) in enumerate(run) if _is_total(label)), None
        )
        if total_at is not None:
            return _read_run(run[:total_at], run[total_at])
    longest = max(runs, key=len, default=[])
    lines = _read_run(longest, None)[0] if len(longest) >= 2 else ()
    return lines, _total_in_sentence(text)


Entry = tuple[Line, str, Money]


def _runs(lines: Sequence[Line]) -> list[list[Entry]]:
    runs: list[list[Entry]] = []
    current: list[Entry] = []
    gap = 0
    for line in lines:
        entry = _table_entry(line)
        if entry is None:
            gap += 1
            if gap > 1 and current:
                runs.append(current)
                current = []
            continue
        gap = 0
        current.append((line, *entry))
    if current:
        runs.append(current)
    return runs


def _is_total(label: str) -> bool:
    folded = fold(label)
    return bool(_TOTAL.search(folded)) and not _SUBTOTAL.search(folded)


def _read_run(
    entries: Sequence[Entry], total: Entry | None
) -> tuple[tuple[AmountRead, ...], Read[Decimal] | None]:
    parts = [entry for entry in entries if not _SUBTOTAL.search(entry[1].casefold())]
    adds_up = (
        total is not None and sum(m.value for _l, _lb, m in parts) == total[2].value
    )
    confidence = 0.97 if adds_up else 0.85
    lines = tuple(
        AmountRead(
            label,
            money.value,
            amount_kind(label, money.value),
            Evidence.of(line, confidence),
        )
        for line, label, money in parts
    )
    if total is None:
        return lines, None
    line, _label, money = total
    return lines, Read(money.value, Evidence.of(line, confidence))


def _total_in_sentence(text: Text) -> Read[Decimal] | None:
    for line in text.lines:
        for money in amounts_in(line.text):
            before = line.folded[: money.start]
            if money.currency and _SUM_PHRASE.search(before) and money.value > 0:
                return Read(money.value, Evidence.of(line, 0.75))
    return None
