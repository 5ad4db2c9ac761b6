"""What the law reads from a dossier's timeline, without a query.

The timeline services keep on the dossier row (``Dossier.timeline_marks``) the
(kind, ISO date) of the few events the rules depend on; :func:`timeline_from`
turns them into :class:`Timeline`, a hashable value the assessment is memoised
on. The story goes on through these events: an avis de réception (30-day
follow-up), an answer from the agency, a letter she sent (the mediator becomes
possible), an injonction de payer signified later (opposition), the saisine of
the mediator (it suspends a prescription, C. civ. 2238).
"""

import datetime as dt
from dataclasses import dataclass, field

from .law.triage import Story
from .models import Dossier, TimelineEvent, TimelineKind

Marks = tuple[tuple[str, str], ...]
"""(kind, ISO date) of the timeline events the rules read."""

MARKED_KINDS = (
    TimelineKind.AR_RECEIVED,
    TimelineKind.LETTER_RECEIVED,
    TimelineKind.LETTER_SENT,
    TimelineKind.INJONCTION,
    TimelineKind.MEDIATION,
)
"""The only timeline events the rules read."""


@dataclass(frozen=True)
class Timeline:
    """The timeline's facts on ``today`` (events after it are ignored)."""

    ar_received_on: tuple[dt.date, ...] = ()
    answer_after_ar: bool = False
    story: Story = field(default_factory=Story)
    injonction_on: dt.date | None = None
    mediations: tuple[dt.date, ...] = ()


def timeline_marks_for(dossier: Dossier) -> list[list[str]]:
    """The (kind, ISO date) pairs stored in ``Dossier.timeline_marks`` (1 query)."""
    rows = TimelineEvent.objects.filter(
        dossier=dossier, kind__in=MARKED_KINDS
    ).values_list("kind", "occurred_on")
    return sorted([kind, day.isoformat()] for kind, day in rows)


def marks_of(dossier: Dossier) -> Marks:
    return tuple(
        (str(mark[0]), str(mark[1]))
        for mark in (dossier.timeline_marks or ())
        if isinstance(mark, list | tuple) and len(mark) == 2
    )


def _events(marks: Marks, today: dt.date) -> list[tuple[str, dt.date]]:
    events = []
    for kind, iso in marks:
        try:
            day = dt.date.fromisoformat(iso)
        except ValueError:
            continue
        if day <= today:
            events.append((kind, day))
    return sorted(events, key=lambda event: event[1])


def _days(events: list[tuple[str, dt.date]], kind: str) -> tuple[dt.date, ...]:
    return tuple(day for k, day in events if k == kind)


def timeline_from(marks: Marks, today: dt.date) -> Timeline:
    events = _events(marks, today)
    ars = _days(events, TimelineKind.AR_RECEIVED)
    answers = _days(events, TimelineKind.LETTER_RECEIVED)
    sent = _days(events, TimelineKind.LETTER_SENT)
    mediations = _days(events, TimelineKind.MEDIATION)
    injonctions = _days(events, TimelineKind.INJONCTION)
    return Timeline(
        ar_received_on=ars,
        answer_after_ar=bool(ars) and any(day > max(ars) for day in answers),
        story=Story(
            complaint_sent_on=sent[0] if sent else None,
            answered=bool(sent) and any(day > sent[0] for day in answers),
            mediation_on=mediations[0] if mediations else None,
        ),
        injonction_on=injonctions[-1] if injonctions else None,
        mediations=mediations,
    )


def ar_dates_for(dossier: Dossier, today: dt.date | None = None) -> tuple[dt.date, ...]:
    """Days on which an avis de réception came back, oldest first.

    Read from the timeline (kind ``ar_received``): the events typed in by the
    debtor and those the ``letters`` app keeps for each letter whose avis de
    réception is recorded (``source`` ``letter:<kind>:ar``).
    """
    return timeline_from(marks_of(dossier), today or dt.date.max).ar_received_on
