"""What the wording says: the agency's role, the kind of letter, the R124-4
mentions it shows, and whether it reproduces CPCE L111-8 (al. 2 and 3)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Final

from dossiers.law.checks import AGENCY_ROLES, LETTER_KINDS, R124_4_MENTIONS

from .draft import AmountRead, Evidence, Read
from .text import Line, Text, fold

_ROLE_WORDING: Final = {
    "mandate": re.compile(
        r"\bpour\s+le\s+compte\s+d|\bmandatee?s?\s+par\b|\bmandataire\b|"
        r"\bnotre\s+mandant\b|\ben\s+vertu\s+d'un\s+mandat\b"
    ),
    "purchase": re.compile(
        r"\bcedee?s?\b|\bcession\s+de\s+(?:la\s+|votre\s+)?creance|\bcessionnaire\b|"
        r"\bproprietaire\s+de\s+(?:la|cette|votre)\s+creance|"
        r"\b(?:acquis|achete|rachete)\s+(?:la|cette|votre)\s+creance|"
        r"\bnouveau\s+creancier\b"
    ),
}


def find_role(text: Text) -> Read[str] | None:
    """``mandate`` (« pour le compte de », « mandaté par »…) or ``purchase``
    (« cédée », « cessionnaire », « propriétaire de la créance »…). Both kinds
    of wording, or neither: not sure, None."""
    seen = {
        role: pattern.search(text.folded) for role, pattern in _ROLE_WORDING.items()
    }
    found = [(role, match) for role, match in seen.items() if match]
    if len(found) != 1:
        return None
    role, match = found[0]
    assert role in AGENCY_ROLES
    return Read(role, Evidence.of(text.line_at(match.start()), 0.9))


_KIND_TITLES: Final = (
    ("injonction_signifiee", re.compile(r"injonction\s+de\s+payer")),
    ("commandement", re.compile(r"commandement\s+(?:de\s+payer|aux\s+fins)")),
    ("assignation", re.compile(r"\bassignation\b|\bassigne(?:e)?\s+a\s+comparaitre")),
    ("mise_en_demeure", re.compile(r"mise\s+en\s+demeure")),
    (
        "relance",
        re.compile(
            r"\brelance\b|\brappel\b|dernier\s+avis|avant\s+poursuites|"
            r"demande\s+de\s+(?:paiement|reglement)|avis\s+d'impaye|"
            r"invitation\s+a\s+regler|proposition\s+amiable"
        ),
    ),
)
_KIND_BODY: Final = (
    (
        "injonction_signifiee",
        re.compile(
            r"signifi\w*\s.{0,80}ordonnance\s+portant\s+injonction\s+de\s+payer"
        ),
    ),
    (
        "commandement",
        re.compile(r"\b(?:faisons|fait|delivrons)\s+commandement\s+de\s+payer"),
    ),
    (
        "assignation",
        re.compile(r"\bassigne(?:e)?\s+a\s+comparaitre|\bdonnons\s+assignation"),
    ),
    (
        "mise_en_demeure",
        re.compile(
            r"\b(?:vous\s+)?(?:mettons|met)\s+en\s+demeure|valant\s+mise\s+en\s+demeure"
        ),
    ),
)
_ASKS_PAYMENT: Final = re.compile(
    r"\b(?:regler|payer|reglement|paiement|nous\s+retourner\s+votre\s+paiement)\b"
)
_TITLE: Final = re.compile(r"^objet\s*:|^[^a-z]*$")


def find_kind(text: Text) -> Read[str] | None:
    """The kind of letter: from its title (« Objet : », a line in capitals),
    else from decisive wording, else a payment request is a ``relance``."""
    for line in text.lines:
        if not _is_title(line):
            continue
        for code, pattern in _KIND_TITLES:
            if pattern.search(line.folded):
                return _kind(code, line, 0.95)
    for code, pattern in _KIND_BODY:
        match = pattern.search(text.folded)
        if match:
            return _kind(code, text.line_at(match.start()), 0.85)
    match = _ASKS_PAYMENT.search(text.folded)
    if match and re.search(r"\bcreance\b|\bdette\b|\bimpaye", text.folded):
        return _kind("relance", text.line_at(match.start()), 0.7)
    return None


def _is_title(line: Line) -> bool:
    if _TITLE.search(line.folded):
        return sum(c.isalpha() for c in line.text) >= 5
    return line.text.isupper() and len(line.text.split()) <= 10


def _kind(code: str, line: Line, confidence: float) -> Read[str]:
    assert code in LETTER_KINDS
    return Read(code, Evidence.of(line, confidence))


L111_8_AL2: Final = (
    "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge "
    "du créancier, sauf s'ils concernent un acte dont l'accomplissement est prescrit "
    "par la loi au créancier. Toute stipulation contraire est réputée non écrite, "
    "sauf disposition législative contraire."
)
L111_8_AL3: Final = (
    "Cependant, le créancier qui justifie du caractère nécessaire des démarches "
    "entreprises pour recouvrer sa créance peut demander au juge de l'exécution de "
    "laisser tout ou partie des frais ainsi exposés à la charge du débiteur de "
    "mauvaise foi."
)
COVERAGE: Final = 0.8
"""Share of an alinéa's words found in order for it to count as reproduced
(an OCR misreading of a few words must not hide it)."""


def _words(folded: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", folded)


def reproduces(text: Text, alinea: str) -> Line | None:
    """The line where ``alinea`` of L111-8 starts, if the letter reproduces it."""
    wanted = _words(fold(alinea))
    words = [(m.group(), m.start()) for m in re.finditer(r"[a-z0-9]+", text.folded)]
    anchors = {wanted[1], wanted[-1], "executoire", "mauvaise", "justifie"}
    tried: set[int] = set()
    for index, (word, _start) in enumerate(words):
        if word not in anchors:
            continue
        low = max(index - len(wanted), 0)
        if low in tried:
            continue
        tried.add(low)
        window = [w for w, _p in words[low : index + len(wanted)]]
        matcher = SequenceMatcher(None, wanted, window, autojunk=False)
        blocks = matcher.get_matching_blocks()
        if sum(block.size for block in blocks) >= COVERAGE * len(wanted):
            first = next(block for block in blocks if block.size)
            return text.line_at(words[low + first.b][1])
    return None


def find_mentions(
    text: Text,
    *,
    agency_found: bool,
    creditor_found: bool,
    lines: Sequence[AmountRead],
) -> tuple[tuple[Read[str], ...], bool]:
    """The R124-4 mentions seen, and whether L111-8 al. 2 and 3 are reproduced."""
    seen: list[Read[str]] = []
    activity = re.search(
        r"recouvrement\s+amiable|societe\s+de\s+recouvrement|activite\s+de\s+recouvrement|"
        r"recouvrement\s+de\s+creances",
        text.folded,
    )
    if agency_found and activity:
        seen.append(
            _mention("collector_identity", text.line_at(activity.start()), 0.85)
        )
    if creditor_found:
        seen.append(_creditor_mention(text))
    kinds = {line.kind for line in lines}
    if "principal" in kinds and kinds & {"interest", "fees", "penalties"}:
        principal = next(line for line in lines if line.kind == "principal")
        seen.append(Read("debt_details", principal.evidence))
    means = re.search(
        r"\bvirement\b|\biban\b|\bcheque\b|\bcarte\s+bancaire\b|\bpaiement\s+en\s+ligne\b|"
        r"\bprelevement\b|\bespace\s+(?:client|personnel)\b",
        text.folded,
    )
    if means and _ASKS_PAYMENT.search(text.folded):
        seen.append(_mention("payment_terms", text.line_at(means.start()), 0.85))
    second, third = reproduces(text, L111_8_AL2), reproduces(text, L111_8_AL3)
    if second is not None and third is not None:
        seen.append(_mention("fees_article", second, 0.9))
    return tuple(seen), second is not None and third is not None


def _mention(code: str, line: Line, confidence: float) -> Read[str]:
    assert code in R124_4_MENTIONS
    return Read(code, Evidence.of(line, confidence))


def _creditor_mention(text: Text) -> Read[str]:
    match = re.search(r"creancier|pour\s+le\s+compte|cedee?\s+par|aupres", text.folded)
    return _mention(
        "creditor_identity", text.line_at(match.start() if match else 0), 0.8
    )
