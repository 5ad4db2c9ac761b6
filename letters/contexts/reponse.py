"""Réponse complète: one registered letter with every ground (reference §7 (f)).

The decisive ground comes first — the limitation when the debt seems barred,
otherwise the contestation and the request for proofs — and the others follow
« à titre subsidiaire »: the amounts and fees contested with their articles,
the documents requested according to the agency's role, the request to stop
abusive practices with the facts from the timeline, written contact only. It
never acknowledges the debt and never offers a payment.

The grounds are those the triage gave the single-ground letters
(``dossiers.law.triage``): each part reuses its own letter's builder.
"""

from dataclasses import dataclass

from dossiers.answers import Verifications
from dossiers.law import references as refs
from dossiers.law.triage import INCLUDED

from .common import (
    NO_ACKNOWLEDGMENT,
    LetterContext,
    LetterInput,
    common,
    missing_mention_numbers,
)
from .contestation import ContestationContext, contest_sentence, contestation
from .fees import BRIEF_LEAVES_OUT, FeesContext, frais, rule_sentences
from .harassment import HarassmentContext, harcelement, law_sentences
from .limitation import LimitationContext, prescription


@dataclass(frozen=True, kw_only=True)
class ReponseContext(LetterContext):
    limitation: LimitationContext | None
    contest: ContestationContext | None
    fees: FeesContext | None
    practices: HarassmentContext | None
    practices_law: tuple[str, ...]
    """What the practices may constitute (the harassment letter's sentences),
    without the R124-4 mentions when the contestation already names them."""
    practice_lines: tuple[str, ...]
    """The dated contacts from the timeline, each with its moment (a Sunday,
    at night); the signs she ticked only when the timeline holds none."""
    fee_rules: tuple[str, ...]
    """The fee letter's rules, without its case law and the judge's exception."""
    missing_mentions: str
    """``les mentions 3° et 5°``: the R124-4 mentions missing, by number."""
    contest_sentence: str
    """How far the contestation goes (what she said of the debt), never a
    sentence that reads as if the rest were payable."""
    subsidiary: bool
    """Whether grounds follow the limitation (« à titre subsidiaire »)."""


def grounds(data: LetterInput) -> set[str]:
    """The single-ground letters this answer carries: those the triage
    recommended (then folded into « Réponse complète »), else those available."""
    singles = {
        r.slug: r
        for r in data.assessment.result.responses
        if r.slug in {"prescription", "contestation", "frais", "harcelement"}
        and r.available
    }
    carried = {s for s, r in singles.items() if r.recommended or r.reason == INCLUDED}
    return carried or set(singles)


def reponse(data: LetterInput) -> ReponseContext:
    chosen = grounds(data)
    limitation = prescription(data) if "prescription" in chosen else None
    # Without the limitation, the contestation is the decisive ground.
    contest = (
        contestation(data) if "contestation" in chosen or limitation is None else None
    )
    fees = frais(data) if "frais" in chosen else None
    practices = harcelement(data) if "harcelement" in chosen else None
    parts = [part for part in (limitation, contest, fees, practices) if part]
    enclosures = ["Copie de votre courrier"]
    if practices is not None:
        enclosures.insert(0, "Relevé des appels et messages reçus")
    return ReponseContext(
        **common(data, object_line=_object_line(limitation)),
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        limitation=limitation,
        contest=contest,
        fees=fees,
        practices=practices,
        practices_law=_practices_law(data, practices, contest),
        practice_lines=(practices.timeline or practices.signs) if practices else (),
        contest_sentence=_contest_sentence(data, decisive=limitation is None),
        fee_rules=rule_sentences(fees.basis, brief=True) if fees else (),
        missing_mentions=missing_mention_numbers(data)
        if contest and contest.missing_mentions
        else "",
        subsidiary=limitation is not None and len(parts) > 1,
        basis=_basis(parts),
        enclosures=tuple(enclosures),
    )


LEFT_TO_THE_SINGLE_LETTERS = BRIEF_LEAVES_OUT | {refs.L111_2}
"""One answer stays short: the fees' case law and the judge's exception to
L111-8 al. 2 stay in the fee letter, and « une société de recouvrement ne peut
rien saisir » in the harassment letter (both still available)."""


def _basis(parts: list[LetterContext]) -> tuple[refs.Ref, ...]:
    """What the letter cites, each once, in the order it cites it."""
    cited = (c for part in parts for c in part.basis)
    return tuple(dict.fromkeys(c for c in cited if c not in LEFT_TO_THE_SINGLE_LETTERS))


def _practices_law(
    data: LetterInput,
    practices: HarassmentContext | None,
    contest: ContestationContext | None,
) -> tuple[str, ...]:
    if practices is None:
        return ()
    left = set(LEFT_TO_THE_SINGLE_LETTERS)
    if contest is not None and contest.missing_mentions:  # said once, there
        left |= {refs.R124_4, refs.R124_7}
    return law_sentences(data, tuple(b for b in practices.basis if b not in left))


SUBSIDIARY_CONTEST = {
    "no": "Je conteste cette créance, dans son principe comme dans son montant.",
    "partly": "Je conteste le montant de cette créance tel que vous le réclamez.",
}


def _contest_sentence(data: LetterInput, *, decisive: bool) -> str:
    """Decisive, the contestation letter's own sentence; after the limitation,
    nothing that reads as if the rest were payable (« avant tout règlement »)."""
    if decisive:
        return contest_sentence(data)
    recognises = data.answers.get(Verifications).recognises
    return SUBSIDIARY_CONTEST.get(
        recognises, "Je vous demande en outre de justifier la somme réclamée."
    )


def _object_line(limitation: LimitationContext | None) -> str:
    if limitation is not None:
        part = " pour une partie des sommes" if limitation.partial else ""
        return (
            f"Réponse à votre demande de paiement — {limitation.word} acquise{part}, "
            "contestation de la créance et de ses frais"
        )
    return "Réponse à votre demande de paiement — contestation de la créance"
