"""Wording that acknowledges the debt, in free text a letter would carry.

A letter that contests the debt or invokes the limitation says « La présente ne
vaut pas reconnaissance de dette ». A sentence of her own underneath it (« je
reconnais devoir la somme », « je vous propose 50 € par mois ») would undo
that: an acknowledgment, even partial or implicit, interrupts a prescription
and restarts it for the whole debt (C. civ. 2240; reference §2.2), and after the
period has run out it risks being read as a renunciation (2250-2251, §2.3).

:func:`acknowledgments` finds such wording and explains, in French, why it must
go. Matching ignores case and accents. It errs on the side of caution: a
false alarm costs her a rewording, a missed acknowledgment can cost her the
defence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from dossiers.law import references as refs


@dataclass(frozen=True, slots=True)
class Acknowledgment:
    """One offending phrase as she wrote it, and why it must go."""

    phrase: str
    explanation: str


_ACK: Final = (
    "Cette phrase reconnaît la dette : une reconnaissance, même partielle, "
    "relance le délai de prescription pour toute la dette"
)
_PROMISE: Final = (
    "Cette phrase promet de payer : c'est une reconnaissance de la dette, qui "
    "relance le délai de prescription"
)
_OFFER: Final = (
    "Cette phrase propose un paiement : une offre de payer, même un petit "
    "montant, reconnaît la dette et relance le délai de prescription"
)
_DELAY: Final = (
    "Demander un échéancier ou des délais de paiement reconnaît la dette et "
    "relance le délai de prescription"
)
_AFTER: Final = (
    " ; pour une dette déjà prescrite, elle pourrait être vue comme une "
    "renonciation à la prescription. Retirez-la de cette lettre."
)

_VERB_PAY: Final = r"(?:payer|regler|rembourser|verser|solder|m'?acquitter)"
_AMOUNT: Final = r"\d[\d\s.,]*\s?(?:€|eur\b|euros?\b)"
_NOT_A_DEBT: Final = (
    r"(?!\s+(?:vous\s+)?(?:dire|preciser|signaler|indiquer|rappeler|souligner|"
    r"ajouter|informer|avouer|admettre|constater|faire|contester|refuser|"
    r"m'absenter|partir)\b)"
)
_RULES: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), why)
    for pattern, why in (
        (
            r"\bj(?:e|')\s*(?:vous\s+|la\s+|l'\s*)?(?:reconnais|ai\s+reconnu)\s+"
            r"(?:devoir|la\s+dette|cette\s+dette|ma\s+dette|la\s+somme|cette\s+somme|"
            r"les\s+sommes|le\s+montant|ce\s+montant|etre\s+redevable|que\s+je|"
            r"l'existence|avoir\s+(?:une|cette)\s+dette)\b[^.;!?]*",
            _ACK,
        ),
        (r"\bje\s+la\s+reconnais\b[^.;!?]*", _ACK),
        (r"(?<!ne )(?<!n')\breconnai(?:s|t|ssons)\s+(?:devoir|la\s+dette)\b", _ACK),
        (
            r"\bj(?:e|')\s*(?:vous\s+|lui\s+|leur\s+)?(?:dois|devais|devrai)\b"
            + _NOT_A_DEBT
            + r"[^.;!?]*",
            _ACK,
        ),
        (r"\bma\s+dette\b", _ACK),
        (r"\bje\s+(?:vous\s+)?suis\s+redevable\b[^.;!?]*", _ACK),
        (r"\bj(?:e|')\s*(?:vous\s+)?(?:promets|ai\s+promis)\b[^.;!?]*", _PROMISE),
        (
            r"\bje\s+(?:m'|me\s+)engage\s+a\s+(?:vous\s+)?" + _VERB_PAY + r"[^.;!?]*",
            _PROMISE,
        ),
        (
            r"\bje\s+(?:vais|veux|voudrais)\s+(?:vous\s+)?" + _VERB_PAY + r"[^.;!?]*",
            _PROMISE,
        ),
        (
            r"\bje\s+(?:vous\s+)?(?:propose|offre|peux|pourrais|pourrai)\s+(?:de\s+)?"
            r"(?:vous\s+)?" + _VERB_PAY + r"[^.;!?]*",
            _OFFER,
        ),
        (_AMOUNT + r"\s*(?:par|chaque|/)\s*(?:mois|semaine|trimestre)", _OFFER),
        (
            r"\b(?:je\s+(?:vous\s+)?(?:demande|sollicite|souhaite|souhaiterais|voudrais|"
            r"aimerais)|m'accorder|accordez-moi)\s+(?:obtenir\s+|beneficier\s+d'\s*)?"
            r"(?:un|une|des|d'un)\s+(?:echeancier|delais?|etalement|report|plan)\b[^.;!?]*",
            _DELAY,
        ),
    )
)


def acknowledgments(text: str) -> list[Acknowledgment]:
    """The phrases of ``text`` that acknowledge the debt, in reading order."""
    folded, spans = _fold(text)
    found: list[tuple[int, int, str]] = []
    for pattern, why in _RULES:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(s <= start < e for s, e, _ in found):
                continue
            found.append((start, end, why))
    found.sort()
    return [
        Acknowledgment(_original(text, spans, start, end), why + _AFTER)
        for start, end, why in found
    ]


def basis() -> tuple[str, ...]:
    """The rules behind the explanations (for a page that wants to cite them)."""
    return (refs.CIV_2240, refs.CIV_2250, refs.CIV_2251)


def _fold(text: str) -> tuple[str, list[int]]:
    """Lower case without accents, one character per original character
    (``spans[i]`` is the original index of folded character ``i``)."""
    chars: list[str] = []
    spans: list[int] = []
    for index, char in enumerate(text):
        base = unicodedata.normalize("NFKD", char.casefold())
        base = "".join(c for c in base if not unicodedata.combining(c))
        base = base.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
        for piece in base or " ":
            chars.append(piece)
            spans.append(index)
    return "".join(chars), spans


def _original(text: str, spans: list[int], start: int, end: int) -> str:
    begin = spans[start]
    stop = spans[end - 1] + 1 if end > start else begin
    return " ".join(text[begin:stop].split()).rstrip(" ,")
