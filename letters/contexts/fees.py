"""Contestation des frais de recouvrement (reference §4.6, §7 (d)).

It cites what protects this debtor only (issue 18, item 6): the consumer-code
prohibition for a consumer; with a court title, the execution costs L111-8
al. 1 allows are not contested; the €40 flat indemnity is said to be due only
between professionals; damages are answered only when they are claimed. On a
barred debt it asks for no « décompte rectifié », which would read as if the
rest were payable (§2.3).
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from dossiers.assessment import amount_lines
from dossiers.law import references as refs
from dossiers.law.checks import AmountLine, fee_category
from dossiers.law.citations import fees_articles
from dossiers.law.money import format_euros
from dossiers.law.prose import cited

from .common import (
    NO_ACKNOWLEDGMENT,
    LetterContext,
    LetterInput,
    common,
    fee_lines,
    has_court_title,
    is_consumer,
    letter_situation,
)


@dataclass(frozen=True, kw_only=True)
class FeesContext(LetterContext):
    fee_items: tuple[str, ...]
    fees_total_text: str
    is_consumer: bool
    rule_sentences: tuple[str, ...]
    request: str


def fee_items(lines: list[AmountLine]) -> tuple[str, ...]:
    return tuple(
        f"« {line.label.strip()} » : {format_euros(line.amount)}" for line in lines
    )


def fees_sentence(basis: tuple[str, ...]) -> str:
    """No fee for amicable collection (L111-8 al. 2), forbidden towards a
    consumer (L121-21): only what applies to her."""
    if refs.L111_8_AL2 not in basis:
        return ""
    text = (
        "Je vous rappelle que les frais de recouvrement entrepris sans titre "
        "exécutoire restent à la charge du créancier "
        f"({cited([refs.L111_8_AL2])})"
    )
    if refs.L121_21 in basis:
        text += (
            " et qu'ils ne peuvent être mis à la charge d'un consommateur "
            f"({cited([refs.L121_21])})"
        )
    return text + " : aucun frais de cette nature ne m'est donc réclamable."


BRIEF_LEAVES_OUT: Final = frozenset({refs.CASS_2010_FEES, refs.L111_8_AL3})
"""What a brief statement of the fee rules leaves to the fee letter: the case
law and the judge's exception to L111-8 al. 2 (« Réponse complète »)."""


def rule_sentences(basis: tuple[str, ...], *, brief: bool = False) -> tuple[str, ...]:
    """One sentence per rule the letter invokes, in prose; ``brief``: the
    amicable-fee rules in one sentence (``fees_sentence``), without what
    ``BRIEF_LEAVES_OUT``."""
    if brief:
        basis = tuple(b for b in basis if b not in BRIEF_LEAVES_OUT)
    sentences = []
    if refs.L111_8_AL1 in basis:
        sentences.append(
            "Une décision de justice existe : les frais de l'exécution forcée peuvent "
            "être à ma charge, sauf s'il est manifeste qu'ils n'étaient pas "
            f"nécessaires ({cited([refs.L111_8_AL1])}). En revanche, les frais de "
            "recouvrement amiable restent à la charge du créancier "
            f"({cited([refs.L111_8_AL2])}). Je vous demande de justifier chacun de "
            "ces frais par la décision ou par l'acte d'exécution auquel il "
            "correspond."
        )
    elif brief:
        sentences.append(fees_sentence(basis))
    else:
        sentences.append(
            "Je conteste ces frais. Les frais de recouvrement entrepris sans titre "
            "exécutoire restent à la charge du créancier, toute stipulation "
            f"contraire étant réputée non écrite ({cited([refs.L111_8_AL2])})."
        )
    if refs.L121_21 in basis and not brief:
        ruling = f" ; {refs.CASS_2010_FEES}" if refs.CASS_2010_FEES in basis else ""
        sentences.append(
            "Ils ne peuvent être mis à la charge d'un consommateur "
            f"({cited([refs.L121_21])}{ruling})."
        )
    if refs.L111_8_AL3 in basis:
        sentences.append(
            "Seul le juge de l'exécution peut laisser de tels frais à la charge d'un "
            f"débiteur de mauvaise foi ({cited([refs.L111_8_AL3])})."
        )
    if refs.L441_10 in basis:
        sentences.append(
            "L'indemnité forfaitaire de 40 € pour frais de recouvrement n'est due "
            f"qu'entre professionnels ({cited([refs.L441_10])}) : elle ne s'applique "
            "pas à un particulier."
        )
    if refs.CIV_1231_6 in basis:
        sentences.append(
            "Des dommages et intérêts en plus des intérêts de retard supposent une "
            "mauvaise foi et un préjudice distinct du retard "
            f"({cited([refs.CIV_1231_6])})."
        )
    return tuple(sentence for sentence in sentences if sentence)


def claimed_fees(data: LetterInput) -> list[AmountLine]:
    """The contested lines; with a court title, every fee line (each to be
    justified by the decision or an act of execution)."""
    if not has_court_title(data):
        return fee_lines(data)
    return [
        line
        for line in amount_lines(data.answers.montants)
        if fee_category(line.label, line.kind) is not None
    ]


def frais(data: LetterInput) -> FeesContext:
    lines = claimed_fees(data)
    basis = fees_articles(letter_situation(data))
    estimate = data.assessment.estimate
    barred = estimate is not None and estimate.status == "barred"
    if barred:  # nothing may read as if the rest were payable (§2.3)
        request = "Ces frais ne sont, en tout état de cause, pas dus."
    elif has_court_title(data):
        request = "À défaut de justification, je vous demande de les retirer."
    else:
        request = "Je vous demande de m'adresser un décompte rectifié, sans ces sommes."
    return FeesContext(
        **common(data, object_line="Contestation des frais de recouvrement réclamés"),
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        fee_items=fee_items(lines),
        fees_total_text=format_euros(sum((line.amount for line in lines), Decimal(0))),
        is_consumer=is_consumer(data),
        rule_sentences=rule_sentences(basis),
        request=request,
        basis=basis,
        enclosures=("Copie de votre courrier",),
    )
