"""The limitation letter: the debt, or some of its sums, is prescrite or forclose
(reference §7 (b)).

What the letter invokes is not the engine's basis (issue 18, item 3): it cites
the period's article(s) in words, why nothing interrupted it, and nothing that
speaks of her renouncing or of the judge's office (2247, 2249-2251). A partly
barred debt (§1.2, §7 (b)) invokes the limitation for the barred sums only,
listed with their dates and amounts; it states no date still to come and says
nothing that would acknowledge the rest.
"""

import datetime as dt
from dataclasses import dataclass

from dossiers.answers import Prescription
from dossiers.law import references as refs
from dossiers.law.citations import limitation_articles, period_refs
from dossiers.law.dates import format_date
from dossiers.law.instalments import DebtPart, total, with_article
from dossiers.law.money import format_euros
from dossiers.law.prescription import NATURES
from dossiers.law.prescription.state import period_words
from dossiers.law.prose import cited, in_application_of, is_article, sentence_start

from .common import (
    NO_ACKNOWLEDGMENT,
    LetterContext,
    LetterInput,
    barred_parts,
    common,
    late_payments,
    letter_situation,
)


@dataclass(frozen=True, kw_only=True)
class LimitationContext(LetterContext):
    word: str
    partial: bool
    nature: str
    start_sentence: str
    period_sentence: str
    parts_sentence: str
    barred_items: tuple[str, ...]
    barred_total_text: str
    last_day_text: str
    interruption_sentence: str
    late_payment_sentence: str
    invoke_sentence: str
    request: str
    """What she asks: close the dossier, or stop claiming the barred sums."""
    reminder: str
    """Claiming what a court can no longer grant may be aggressive (L121-6)."""


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
    nature = estimate.nature if estimate else answers.nature
    kind = (estimate.kind if estimate else None) or "prescription"
    word = "forclusion" if kind == "forclusion" else "prescription"
    partial = estimate is not None and estimate.status == "partly_barred"
    situation = letter_situation(data)
    barred = barred_parts(data) if situation.by_parts else ()
    spec = NATURES.get(nature)
    return LimitationContext(
        **common(data, object_line=_object_line(word, partial)),
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        word=word,
        partial=partial,
        nature=spec.summary if spec else "",
        start_sentence=_start_sentence(data, nature, kind, situation.by_parts),
        period_sentence=_period_sentence(nature, kind),
        parts_sentence=_parts_sentence(data) if situation.by_parts else "",
        barred_items=tuple(_item(part) for part in barred),
        barred_total_text=_total_text(barred),
        last_day_text=format_date(estimate.last_day)
        if estimate and estimate.last_day and not partial
        else "",
        interruption_sentence=_interruption_sentence(word, bool(barred)),
        late_payment_sentence=_late_payment_sentence(late_payments(data), word),
        invoke_sentence=_invoke_sentence(word, partial, nature),
        request=_request(partial),
        reminder=REMINDER,
        basis=limitation_articles(situation),
        enclosures=("Copie de votre courrier",),
    )


def _object_line(word: str, partial: bool) -> str:
    # Not « opposition »: that word is kept for the court step (injonction).
    if partial:
        return (
            f"Refus de paiement — {word} acquise pour une partie des sommes réclamées"
        )
    return f"Refus de paiement — {word} acquise, clôture du dossier"


def _start_sentence(data: LetterInput, nature: str, kind: str, by_parts: bool) -> str:
    if by_parts:
        return ""
    answers = data.answers.get(Prescription)
    start = answers.start or answers.first_unpaid
    if start is None:
        return "Le point de départ du délai est ancien."
    day = format_date(start)
    if kind == "forclusion" and nature == "consumer_credit":
        return (
            f"Le point de départ du délai est le {day}, date du premier incident "
            "de paiement non régularisé."
        )
    if nature == "judgment":
        return (
            f"Le point de départ du délai est le {day}, date de signification de "
            f"la décision ({refs.SIGNIFICATION_2023})."
        )
    return f"Le point de départ du délai est le {day}."


def _period_sentence(nature: str, kind: str) -> str:
    """« En application de l'article … du code …, … se prescrit par … »."""
    period = period_refs(nature)
    statutes = [ref for ref in period if is_article(ref)]
    decisions = [
        ref for ref in period if not is_article(ref) and ref != refs.SIGNIFICATION_2023
    ]
    spec = NATURES.get(nature)
    words = period_words(spec.months or 0) if spec else ""
    lead = sentence_start(in_application_of(statutes)) if statutes else "En droit"
    if nature == "judgment":
        rule = "l'exécution d'une décision de justice ne peut être poursuivie que"
        rule += f" pendant {words}"
    elif kind == "forclusion":
        rule = (
            f"l'action en paiement du prêteur doit être engagée dans les {words} "
            "de l'événement qui lui a donné naissance, à peine de forclusion"
        )
    else:
        rule = f"l'action en paiement se prescrit par {words}"
    brackets = "".join(f" ({ref})" for ref in decisions)
    return f"{lead}, {rule}{brackets}."


def _parts_sentence(data: LetterInput) -> str:
    """The rule for instalments; the capital's only when the capital is barred
    too (the letter says nothing of the sums still claimable)."""
    capital = (
        ", et celle du capital restant dû à compter de la déchéance du terme"
        if any(not part.label.startswith("Échéance") for part in barred_parts(data))
        else ""
    )
    return (
        "Cette prescription court séparément pour chaque échéance impayée, à "
        f"compter de sa date d'échéance{capital} ({refs.INSTALMENTS_2016})."
    )


def _item(part: DebtPart) -> str:
    label = with_article(part.label)
    money = f" ({format_euros(part.amount)})" if part.amount is not None else ""
    expired = (
        f", dont le délai a expiré le {format_date(part.last_day)}"
        if part.last_day
        else ""
    )
    return f"{label}{money}{expired}"


def _total_text(parts: tuple[DebtPart, ...]) -> str:
    amount = total(parts)
    return format_euros(amount) if amount is not None and len(parts) > 1 else ""


def _interruption_sentence(word: str, several: bool) -> str:
    """No act known to her interrupted it; a mise en demeure never does."""
    until = "l'expiration de ces délais" if several else "cette date"
    only = (
        " ; seuls une action en justice ou une mesure d'exécution interrompent un "
        f"délai de forclusion ({cited([refs.CIV_2241, refs.CIV_2244])})"
        if word == "forclusion"
        else ""
    )
    return (
        f"Aucun acte interruptif ({INTERRUPTING_ACTS[word]}) n'est à ma "
        f"connaissance intervenu avant {until}{only} ; une simple mise en demeure "
        f"n'interrompt pas {'ces délais' if several else 'ce délai'} "
        f"({refs.FORMAL_NOTICE_2022})."
    )


def _request(partial: bool) -> str:
    if partial:
        return "Je vous demande de ne plus me réclamer ces sommes."
    return (
        "Je vous demande de clôturer ce dossier et de cesser toute relance à mon "
        "encontre."
    )


REMINDER = (
    "Je vous rappelle que réclamer le paiement de sommes qui ne peuvent plus être "
    "obtenues en justice, en menaçant d'une action qui n'est pas légalement "
    "possible, peut constituer une pratique commerciale agressive "
    f"({cited([refs.L121_6])})."
)


def _late_payment_sentence(days: tuple[dt.date, ...], word: str) -> str:
    """A payment made after the period ran out revives nothing (§2.3)."""
    if not days:
        return ""
    dates = ", ".join(format_date(day) for day in days)
    subject = (
        f"Le versement du {dates}, effectué"
        if len(days) == 1
        else f"Les versements des {dates}, effectués"
    )
    if word == "forclusion":
        return f"{subject} après l'expiration de ce délai, ne l'a pas rouvert."
    return (
        f"{subject} après l'expiration de ce délai, ne l'a pas interrompu et ne "
        f"vous permet pas d'en réclamer le solde ({refs.LATE_PAYMENT_2021})."
    )


def _invoke_sentence(word: str, partial: bool, nature: str) -> str:
    """It is the creditor's action that is prescrite or forclose (§1.5)."""
    if word == "forclusion":
        return "J'invoque donc expressément la forclusion de l'action en paiement du prêteur."
    if nature == "judgment":
        return (
            "J'invoque donc expressément la prescription de l'exécution de cette "
            "décision."
        )
    what = "ces sommes" if partial else "cette dette"
    return f"J'invoque donc expressément la prescription de l'action en paiement de {what}."
