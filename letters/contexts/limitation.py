"""The limitation letter: the debt is prescrite or forclose (reference §7 (b))."""

from dataclasses import dataclass

from dossiers.answers import Prescription
from dossiers.law import references as refs
from dossiers.law.dates import format_date
from dossiers.law.prescription import NATURES

from .common import NO_ACKNOWLEDGMENT, LetterContext, LetterInput, common


@dataclass(frozen=True, kw_only=True)
class LimitationContext(LetterContext):
    word: str
    word_adj: str
    interrupting_acts: str
    nature: str
    start_text: str
    last_day_text: str
    articles: tuple[str, ...]


INTERRUPTING_ACTS = {
    # C. civ. 2240 (acknowledgment), 2241 (court action), 2244 (enforcement).
    "prescription": "action en justice signifiée, mesure d'exécution, "
    "reconnaissance de ma part",
    # A forclusion is interrupted only by a court action or an enforcement
    # measure (C. civ. 2241, 2244), never by an acknowledgment (reference §1.5).
    "forclusion": "action en justice signifiée, mesure conservatoire ou "
    "d'exécution forcée",
}


def prescription(data: LetterInput) -> LimitationContext:
    estimate = data.assessment.estimate
    answers = data.answers.get(Prescription)
    spec = NATURES.get(answers.nature)
    kind = (estimate.kind if estimate else None) or "prescription"
    last_day = estimate.last_day if estimate else None
    word = "forclusion" if kind == "forclusion" else "prescription"
    engine_basis = tuple(estimate.basis) if estimate else ()
    return LimitationContext(
        **common(
            data,
            object_line=f"Refus de paiement — {word} acquise, clôture du dossier",
        ),
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        word=word,
        word_adj="forclose" if kind == "forclusion" else "prescrite",
        interrupting_acts=INTERRUPTING_ACTS[word],
        nature=spec.summary if spec else "",
        start_text=format_date(answers.start) if answers.start else "",
        last_day_text=format_date(last_day) if last_day else "",
        articles=engine_basis,
        basis=tuple(
            dict.fromkeys(  # each text once, in order
                [
                    *engine_basis,
                    *((refs.CIV_2241, refs.CIV_2244) if word == "forclusion" else ()),
                    refs.FORMAL_NOTICE_2022,
                    refs.L121_6,
                ]
            )
        ),
        enclosures=("Copie de votre courrier",),
    )
