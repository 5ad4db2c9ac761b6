"""Demande de cessation des pratiques abusives (reference §6, §7 (e)).

The facts come from the timeline (the caller passes them: ``LetterInput.contacts``).
"""

from dataclasses import dataclass

from dossiers.answers import Verifications
from dossiers.law import references as refs
from dossiers.law.checks import WARNING_SIGNS
from dossiers.law.dates import format_date
from dossiers.models import TimelineKind

from .common import (
    NO_ACKNOWLEDGMENT,
    Contact,
    LetterContext,
    LetterInput,
    agency_role,
    common,
)
from .facts import unreasonable_moments


@dataclass(frozen=True, kw_only=True)
class HarassmentContext(LetterContext):
    timeline: tuple[str, ...]
    unreasonable_moments: tuple[str, ...]
    """Contacts on a Sunday, before 8 a.m. or after 8 p.m., with why."""
    signs: tuple[str, ...]
    practices: tuple[str, ...]
    fake_document: bool
    agency_role: str


CHANNELS = {
    TimelineKind.CALL: "appel téléphonique",
    TimelineKind.SMS: "SMS",
    TimelineKind.EMAIL: "e-mail",
    TimelineKind.VISIT: "visite à domicile",
}
FACT_CONTENT_MAX = 300
"""Characters of an event's content quoted in the letter (the rest is elided)."""


def fact_line(contact: Contact) -> str:
    """``le 20 octobre 2026 à 21 h 40 : appel téléphonique (appel masqué) — « … »``."""
    when = f"le {format_date(contact.occurred_on)}"
    if contact.occurred_at_time is not None:
        at = contact.occurred_at_time
        when += f" à {at.hour} h {at.minute:02d}"
    text = f"{when} : {CHANNELS.get(contact.kind, contact.kind_label)}"
    if contact.who:
        text += f" ({contact.who})"
    content = " ".join(contact.content.split())
    if content:
        if len(content) > FACT_CONTENT_MAX:
            content = content[: FACT_CONTENT_MAX - 1].rstrip() + "…"
        text += f" — « {content} »"
    return text


def sign_facts(data: LetterInput) -> tuple[str, ...]:
    signs = data.answers.get(Verifications).warning_signs
    labels = [spec.label for code, spec in WARNING_SIGNS.items() if code in signs]
    return tuple(label[:1].lower() + label[1:] for label in labels)  # in a sentence


def harassment_basis(data: LetterInput) -> tuple[str, ...]:
    signs = data.answers.get(Verifications).warning_signs
    basis = [refs.L121_6, refs.L132_11, refs.PEN_222_16]
    if "fake_court_document" in signs:
        basis.append(refs.PEN_433_13)
    if agency_role(data) == "mandate":
        basis += [refs.R124_4, refs.R124_7]
    return tuple(basis)


def harcelement(data: LetterInput) -> HarassmentContext:
    basis = harassment_basis(data)
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
        unreasonable_moments=unreasonable_moments(data.contacts),
        signs=signs,
        practices=timeline + signs,
        basis=basis,
        fake_document=refs.PEN_433_13 in basis,
        agency_role=agency_role(data),
        enclosures=("Relevé des appels et messages reçus", "Copie de votre courrier"),
    )
