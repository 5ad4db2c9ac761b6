"""Demande de cessation des pratiques abusives (reference §6, §7 (e)).

The facts come from the timeline (the caller passes them: ``LetterInput.contacts``)
and are stated from structured fields only — date, time, channel, who, what
the agency demanded or threatened — never her free notes, which could
acknowledge the debt right under « La présente ne vaut pas reconnaissance de
dette » (issue 18, item 11). It cites what her facts support (item 6): C. pén.
222-16 only for recorded calls or messages, the R124-4 mentions (and R124-7,
their penalty) only for a mandated collector whose letter lacks some.
"""

from dataclasses import dataclass

from dossiers.answers import Verifications
from dossiers.law import references as refs
from dossiers.law.checks import CONTACT_CONDUCT, WARNING_SIGNS
from dossiers.law.citations import harassment_articles
from dossiers.law.dates import format_date
from dossiers.law.prose import cited
from dossiers.models import TimelineKind

from .common import (
    NO_ACKNOWLEDGMENT,
    Contact,
    LetterContext,
    LetterInput,
    agency_role,
    common,
    letter_situation,
    missing_mention_numbers,
)
from .facts import contact_moment, unreasonable_moments


@dataclass(frozen=True, kw_only=True)
class HarassmentContext(LetterContext):
    timeline: tuple[str, ...]
    unreasonable_moments: int
    """How many contacts came on a Sunday, before 8 a.m. or after 8 p.m. (each
    fact line says which)."""
    signs: tuple[str, ...]
    practices: tuple[str, ...]
    law_sentences: tuple[str, ...]
    agency_role: str


CHANNELS = {
    TimelineKind.CALL: "appel téléphonique",
    TimelineKind.SMS: "SMS",
    TimelineKind.EMAIL: "e-mail",
    TimelineKind.VISIT: "visite à domicile",
}


def fact_line(contact: Contact) -> str:
    """``le 20 octobre 2026 à 21 h 40 : appel téléphonique (appel masqué) —
    exigence d'un paiement immédiat et menace de saisie …``: her notes
    (``content``) are never quoted."""
    when = f"le {format_date(contact.occurred_on)}"
    if contact.occurred_at_time is not None:
        at = contact.occurred_at_time
        when += f" à {at.hour} h {at.minute:02d}"
    if moment := contact_moment(contact):  # a Sunday, before 8 a.m., after 8 p.m.
        when += f" ({moment})"
    text = f"{when} : {CHANNELS.get(contact.kind, contact.kind_label)}"
    if contact.who:
        text += f" ({contact.who})"
    said = [
        CONTACT_CONDUCT[code].help
        for code in contact.conduct
        if code in CONTACT_CONDUCT
    ]
    if said:
        text += " — " + (
            said[0] if len(said) == 1 else f"{', '.join(said[:-1])} et {said[-1]}"
        )
    return text


def sign_facts(data: LetterInput) -> tuple[str, ...]:
    signs = data.answers.get(Verifications).warning_signs
    labels = [spec.label for code, spec in WARNING_SIGNS.items() if code in signs]
    return tuple(label[:1].lower() + label[1:] for label in labels)  # in a sentence


def law_sentences(data: LetterInput, basis: tuple[str, ...]) -> tuple[str, ...]:
    """What the facts may constitute, one rule per sentence, in prose."""
    first = (
        "Ces agissements peuvent constituer des pratiques commerciales agressives "
        f"({cited([refs.L121_6, refs.L132_11])})"
    )
    if refs.PEN_222_16 in basis:
        first += (
            " et, s'agissant d'appels ou de messages répétés, le délit d'appels "
            f"téléphoniques malveillants ({cited([refs.PEN_222_16])})"
        )
    if refs.PEN_433_13 in basis:
        first += (
            ", ainsi que l'usage de documents imitant des actes judiciaires "
            f"({cited([refs.PEN_433_13])})"
        )
    sentences = [first + "."]
    if refs.L111_2 in basis:
        sentences.append(
            "Une saisie n'est possible qu'en vertu d'un titre exécutoire, par un "
            f"commissaire de justice ({cited([refs.L111_2])}) : une société de "
            "recouvrement ne peut rien saisir."
        )
    if refs.R124_4 in basis:
        # By their number: the contestation names them in full.
        sentences.append(
            "Votre courrier ne comporte pas toutes les mentions exigées d'une "
            "société qui recouvre pour le compte d'un créancier : il y manque "
            f"{missing_mention_numbers(data)} ({cited([refs.R124_4])}). Cette "
            f"omission est punie d'une amende ({cited([refs.R124_7])})."
        )
    return tuple(sentences)


def harcelement(data: LetterInput) -> HarassmentContext:
    basis = harassment_articles(letter_situation(data))
    timeline = tuple(fact_line(contact) for contact in data.contacts)
    signs = sign_facts(data)
    return HarassmentContext(
        **common(
            data,
            object_line="Mise en demeure de cesser des pratiques de recouvrement "
            "abusives",
        ),
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        timeline=timeline,
        unreasonable_moments=len(unreasonable_moments(data.contacts)),
        signs=signs,
        practices=timeline + signs,
        law_sentences=law_sentences(data, basis),
        basis=basis,
        agency_role=agency_role(data),
        enclosures=("Relevé des appels et messages reçus", "Copie de votre courrier"),
    )
