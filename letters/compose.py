"""From a dossier to a letter's input, context and HTML: preview and PDF share it.

``letter_input`` is the one place that reads the database for a letter (the
owner and the timeline's contacts); the context builders make no query.
"""

import dataclasses
import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.db.models import F
from django.template.loader import render_to_string

from dossiers.assessment import DossierAssessment
from dossiers.law.dates import format_date
from dossiers.models import Dossier, TimelineDirection, TimelineKind

from .contexts import Contact, LetterContext, LetterInput, Owner
from .contexts.common import acknowledging_texts
from .contexts.harassment import fact_line

if TYPE_CHECKING:
    from .catalog import LetterSpec

CONTACT_KINDS: tuple[str, ...] = (
    TimelineKind.CALL,
    TimelineKind.SMS,
    TimelineKind.EMAIL,
    TimelineKind.VISIT,
)
OLDEST_FIRST = ("occurred_on", F("occurred_at_time").asc(nulls_last=True), "id")
"""Chronological order; an event without a time comes last in its day."""


def contacts_of(dossier: Dossier) -> tuple[Contact, ...]:
    """Calls, SMS, e-mails and visits from the agency, oldest first (1 query)."""
    events = (
        dossier.timeline_events.filter(kind__in=CONTACT_KINDS)
        .exclude(direction=TimelineDirection.TO_AGENCY)
        .order_by(*OLDEST_FIRST)
    )
    return tuple(
        Contact(
            kind=event.kind,
            kind_label=event.get_kind_display(),
            occurred_on=event.occurred_on,
            occurred_at_time=event.occurred_at_time,
            who=event.who,
            content=event.content,
            conduct=tuple(event.conduct or ()),
        )
        for event in events
    )


def done_by_her(dossier: Dossier) -> tuple[str, ...]:
    """The letters she sent, from the timeline, oldest first (1 query)."""
    events = dossier.timeline_events.filter(kind=TimelineKind.LETTER_SENT).order_by(
        *OLDEST_FIRST
    )
    return tuple(
        f"le {format_date(event.occurred_on)} : {_sentence(event.content)}"
        for event in events
    )


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip(".") or "courrier envoyé à l'agence"
    return text[:1].lower() + text[1:]


def timeline_facts(dossier: Dossier) -> list[str]:
    """The agency's dated contacts as the letters state them, oldest first."""
    return [fact_line(contact) for contact in contacts_of(dossier)]


def owner_of(dossier: Dossier) -> Owner:
    user = dossier.owner
    return Owner(
        email=user.email,
        first_name=user.first_name,
        last_name=user.last_name,
        address=user.address,
        postal_code=user.postal_code,
        city=user.city,
    )


def letter_input(
    *,
    dossier: Dossier,
    assessment: DossierAssessment,
    today: dt.date,
    personal_text: str = "",
    options: dict[str, Any] | None = None,
) -> LetterInput:
    options = options or {}
    monthly = _decimal(options.get("monthly"))
    return LetterInput(
        answers=dossier.answers,
        owner=owner_of(dossier),
        assessment=assessment,
        today=today,
        agency_name=dossier.agency_name,
        agency_reference=dossier.agency_reference,
        contacts=contacts_of(dossier),
        personal_text=personal_text,
        monthly=monthly if monthly and monthly > Decimal(0) else None,
        first_due=_date(options.get("first_due")),
        options=options,
        done=done_by_her(dossier),
    )


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def build(spec: "LetterSpec", data: LetterInput) -> tuple[LetterContext, str]:
    """The letter's context and HTML (raises ScheduleInputError for a bad plan)."""
    context = spec.build_context(dataclasses.replace(data, title=spec.title))
    return context, render_to_string(spec.template, vars(context))


class LetterBlocked(ValueError):
    """A letter that contests the debt carries a phrase acknowledging it; the
    French message says where and why (one line per phrase)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


BLOCKED_INTRO = (
    "Cette lettre conteste la dette ou invoque la prescription : elle ne doit "
    "contenir aucune phrase qui reconnaît la dette. Réécrivez ce qui suit avant "
    "de générer le PDF."
)


def acknowledgment_problems(spec: "LetterSpec", data: LetterInput) -> list[str]:
    """For a letter that does not acknowledge the debt, each free text of hers
    that does (``dossiers.law.acknowledgment``), as a French sentence."""
    if spec.acknowledges_debt:
        return []
    return [
        f"{where} : « {found.phrase} ». {found.explanation}"
        for where, found in acknowledging_texts(data)
    ]
