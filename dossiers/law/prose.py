"""Citations as French legal prose, for sentences of a letter or a finding.

A :class:`~dossiers.law.references.Ref` is the short form shown in « Textes
cités » (« C. consom., art. L218-2 »). Inside a sentence a letter says
« l'article L218-2 du code de la consommation »; these helpers derive that
wording from the short form, so there is one spelling of each reference.
Court decisions have no article: they are cited as they are, in brackets.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from dossiers.law.references import Ref

CODES: Final = {
    "C. civ.": "du code civil",
    "C. consom.": "du code de la consommation",
    "C. com.": "du code de commerce",
    "C. postes et comm. électr.": "du code des postes et des communications "
    "électroniques",
    "CPCE": "du code des procédures civiles d'exécution",
    "CPC": "du code de procédure civile",
    "C. assur.": "du code des assurances",
    "C. pén.": "du code pénal",
    "C. trav.": "du code du travail",
    "CGCT": "du code général des collectivités territoriales",
}
"""Short name of a code → its name in a sentence (« du code civil »)."""


class Article(NamedTuple):
    """One article in words: its number(s), and « du code … » / « de la loi … »."""

    number: str
    complement: str
    plural: bool


def article(ref: Ref) -> Article:
    """The prose parts of an article reference; ``ValueError`` for a decision."""
    source, sep, number = str(ref).partition(", art. ")
    if not sep:
        raise ValueError(f"Not an article: {ref}")
    loi = source.startswith("Loi ")
    complement = "de la l" + source[1:] if loi else CODES[source]
    number = number.replace(", al. ", ", alinéa ")
    if "," in number:  # « L111-8, alinéa 2, du code… »
        number += ","
    return Article(number, complement, " et " in number)


def is_article(ref: Ref) -> bool:
    return ", art. " in ref


def articles(refs: Sequence[Ref]) -> str:
    """« l'article L218-2 du code de la consommation », « les articles 2241 et
    2244 du code civil »; articles of different texts are joined by « et »."""
    groups: list[tuple[str, list[str], bool]] = []
    for ref in refs:
        number, complement, plural = article(ref)
        if groups and groups[-1][0] == complement:
            groups[-1][1].append(number)
        else:
            groups.append((complement, [number], plural))
    return _and(
        [_group(numbers, complement, plural) for complement, numbers, plural in groups]
    )


def cited(refs: Sequence[Ref]) -> str:
    """For brackets: « article L121-6 du code de la consommation », « articles
    2241 et 2244 du code civil »."""
    words = articles(refs)
    for article_, bare in (("l'article ", "article "), ("les articles ", "articles ")):
        words = words.replace(article_, bare)
    return words


def sentence_start(text: str) -> str:
    """``text`` with a capital first letter (the rest untouched: « R312-35 »)."""
    return text[:1].upper() + text[1:]


def in_application_of(refs: Sequence[Ref]) -> str:
    """« en application de l'article … » / « en application des articles … »."""
    words = articles(refs)
    if words.startswith("les "):
        return "en application des " + words[4:]
    return "en application de " + words


def _group(numbers: list[str], complement: str, plural: bool) -> str:
    if len(numbers) == 1 and not plural:
        return f"l'article {numbers[0]} {complement}"
    return f"les articles {_and(numbers)} {complement}"


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} et {items[-1]}"
