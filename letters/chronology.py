"""The dossier's chronology as a PDF: timeline, deadlines, letters sent and AR.

Built for the ZIP export with the letters' renderer (same fetcher, fonts and
stylesheet): ``chronology_context`` gathers plain, formatted values and
``templates/letters/chronologie.html`` lays them out.
"""

import datetime as dt
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from dossiers.assessment import DossierAssessment
from dossiers.law.dates import format_date
from dossiers.models import Dossier, TimelineEvent

from . import rendering
from .catalog import title_of
from .compose import OLDEST_FIRST, owner_of
from .contexts import LetterInput, sender
from .models import Letter

TEMPLATE = "letters/chronologie.html"
TITLE = "Chronologie du dossier"


def _event_row(event: TimelineEvent) -> dict[str, Any]:
    at = event.occurred_at_time
    return {
        "date_text": format_date(event.occurred_on),
        "time_text": f"{at.hour} h {at.minute:02d}" if at else "",
        "kind": event.get_kind_display(),
        "direction": event.get_direction_display() if event.direction else "",
        "who": event.who,
        "content": event.content,
        "attachment": event.attachment.download_name if event.attachment else "",
    }


def _letter_row(letter: Letter) -> dict[str, Any]:
    versions = list(letter.versions.all())
    return {
        "title": title_of(letter.kind),
        "versions": [
            {
                "number": version.number,
                "date_text": format_date(timezone.localdate(version.created_at)),
                "sha256": version.sha256,
                "sent": version.pk == letter.sent_version_id,
            }
            for version in versions
        ],
        "sent_number": next(
            (v.number for v in versions if v.pk == letter.sent_version_id), None
        ),
        "sent_text": format_date(letter.sent_on) if letter.sent_on else "",
        "registered_number": letter.registered_number,
        "ar_text": format_date(letter.ar_received_on) if letter.ar_received_on else "",
    }


def chronology_context(
    dossier: Dossier, assessment: DossierAssessment, *, today: dt.date
) -> dict[str, Any]:
    """Everything the chronology shows, oldest event first (3 queries)."""
    events = (
        dossier.timeline_events.select_related("attachment")
        .order_by(*OLDEST_FIRST)
        .all()
    )
    letters = Letter.objects.filter(dossier=dossier).prefetch_related("versions")
    who = sender(
        LetterInput(
            answers=dossier.answers,
            owner=owner_of(dossier),
            assessment=assessment,
            today=today,
        )
    )
    return {
        "title": TITLE,
        "dossier_title": dossier.display_title,
        "own_title": bool(dossier.title),
        "agency": dossier.agency_name,
        "reference": dossier.agency_reference,
        "owner_name": who.name,
        "date_text": format_date(today),
        "events": [_event_row(event) for event in events],
        "deadlines": [
            {
                "date_text": format_date(deadline.due),
                "title": deadline.title,
                "explanation": deadline.explanation,
                "overdue": deadline.overdue,
            }
            for deadline in assessment.deadlines
        ],
        "letters": [_letter_row(letter) for letter in letters],
    }


def render_chronology(
    dossier: Dossier, assessment: DossierAssessment, *, today: dt.date
) -> bytes:
    """The chronology PDF (raises ``rendering.LetterRenderError`` on failure)."""
    context = chronology_context(dossier, assessment, today=today)
    html = render_to_string(TEMPLATE, context)
    return rendering.render_pdf(
        html,
        meta=rendering.PdfMeta(
            title=f"{TITLE} — {context['dossier_title']}",
            author=context["owner_name"],
            created=timezone.now(),
        ),
    )
