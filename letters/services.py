"""Writes to letters: views call these; none writes a model directly."""

import datetime as dt
import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from dossiers import private_files
from dossiers import services as dossier_services
from dossiers.assessment import assess_dossier
from dossiers.models import Dossier, TimelineDirection, TimelineKind

from . import compose, rendering
from .catalog import LetterSpec, title_of
from .models import Letter, LetterVersion


@transaction.atomic
def letter_get_or_create(*, dossier: Dossier, kind: str) -> Letter:
    letter, _ = Letter.objects.get_or_create(dossier=dossier, kind=kind)
    letter.dossier = dossier  # this request's instance: its law results are memoised
    return letter


@transaction.atomic
def letter_update(
    *, letter: Letter, personal_text: str, options: dict[str, Any] | None = None
) -> Letter:
    """Store the personal paragraph (plain text) and the letter's options."""
    letter.personal_text = personal_text.strip()
    letter.options = dossier_services.jsonable(options or {})
    letter.full_clean()
    letter.save()
    if letter.kind == "opposition":
        _sync_signification(letter)
    return letter


def _sync_signification(letter: Letter) -> None:
    """The ordonnance's signification, typed on the opposition page, enters the
    timeline: the CPC 1416 deadline then shows on the dossier page, in the
    calendar and in the reminders like any injonction."""
    day = _date(letter.options.get("signification_date"))
    court = letter.options.get("court") or "le tribunal"
    dossier_services.timeline_sync(
        dossier=letter.dossier,
        source=f"letter:{letter.kind}:signification",
        kind=TimelineKind.INJONCTION,
        occurred_on=day,
        direction=TimelineDirection.FROM_AGENCY,
        who=str(letter.options.get("applicant") or letter.dossier.agency_name),
        content=f"Ordonnance d'injonction de payer ({court}) signifiée.",
    )


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def letter_generate(
    *, letter: Letter, spec: LetterSpec, today: dt.date | None = None
) -> LetterVersion:
    """Render the letter to PDF and store it as a new immutable version.

    Raises ``compose.LetterBlocked`` when a letter that contests the debt
    carries a phrase of hers acknowledging it (issue 18, item 11).

    The render happens outside any transaction: with SQLite's IMMEDIATE
    transactions it would otherwise hold the write lock for its whole length.
    """
    today = today or timezone.localdate()
    dossier = letter.dossier
    data = compose.letter_input(
        dossier=dossier,
        assessment=assess_dossier(dossier, today=today),
        today=today,
        personal_text=letter.personal_text,
        options=letter.options,
    )
    problems = compose.acknowledgment_problems(spec, data)
    if problems:
        raise compose.LetterBlocked(problems)
    context, html = compose.build(spec, data)
    pdf = rendering.render_pdf(
        html,
        meta=rendering.PdfMeta(
            title=spec.title, author=context.sender.name, created=timezone.now()
        ),
    )
    return _store_version(letter, pdf, context.as_record())


@private_files.atomic()  # the PDF is deleted if this rolls back
def _store_version(letter: Letter, pdf: bytes, facts: dict[str, Any]) -> LetterVersion:
    Letter.objects.select_for_update().filter(pk=letter.pk).first()
    last = letter.versions.aggregate(last=Max("number"))["last"] or 0
    version = LetterVersion(
        letter=letter,
        number=last + 1,
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        facts=facts,
    )
    private_files.save_file(version.pdf, "lettre.pdf", ContentFile(pdf))
    version.full_clean()
    version.save()
    Letter.objects.filter(pk=letter.pk).update(updated_at=timezone.now())
    return version


@transaction.atomic
def letter_mark_sent(
    *,
    letter: Letter,
    sent_on: dt.date | None,
    registered_number: str,
    ar_received_on: dt.date | None,
    version: LetterVersion | None = None,
    today: dt.date | None = None,
) -> Letter:
    """Record the sending (date, registered-mail number) and the AR's return,
    for the version that went in the envelope (default: the latest one).

    Nothing recorded (all empty): the sending is cleared, version included.
    Both appear in the dossier's timeline by themselves (``sync_timeline``).
    """
    if version is not None and version.letter_id != letter.pk:
        raise ValueError("This version belongs to another letter.")
    letter.sent_on = sent_on
    letter.registered_number = registered_number.strip()
    letter.ar_received_on = ar_received_on
    if letter.sending_recorded:
        letter.sent_version = version or letter.versions.order_by("-number").first()
    else:
        letter.sent_version = None
    letter.full_clean()
    letter.save()
    sync_timeline(letter=letter, today=today)
    return letter


def sent_source(letter: Letter) -> str:
    return f"letter:{letter.kind}:sent"


def ar_source(letter: Letter) -> str:
    return f"letter:{letter.kind}:ar"


@transaction.atomic
def sync_timeline(*, letter: Letter, today: dt.date | None = None) -> None:
    """The letter's "sent" and "AR received" marks, as two timeline events.

    Idempotent: one event per mark (``TimelineEvent.source``), updated when a
    date or the registered number changes, removed when the date is cleared.
    The avis de réception then feeds the 30-day follow-up deadline through
    ``dossiers.timeline_facts`` like any AR typed in the timeline.
    """
    dossier = letter.dossier
    title = title_of(letter.kind)
    version = letter.sent_version
    which = f", version {version.number}" if version is not None else ""
    number = (
        f" (n° de recommandé {letter.registered_number})"
        if letter.registered_number
        else ""
    )
    dossier_services.timeline_sync(
        dossier=dossier,
        source=sent_source(letter),
        kind=TimelineKind.LETTER_SENT,
        occurred_on=letter.sent_on,
        direction=TimelineDirection.TO_AGENCY,
        who=dossier.agency_name,
        content=(
            f"Lettre « {title} »{which}{',' if which else ''} envoyée en "
            f"recommandé avec avis de réception{number}."
        ),
        today=today,
    )
    if letter.kind == "mediateur":  # the saisine suspends a prescription (2238)
        dossier_services.timeline_sync(
            dossier=dossier,
            source=f"letter:{letter.kind}:mediation",
            kind=TimelineKind.MEDIATION,
            occurred_on=letter.sent_on,
            direction=TimelineDirection.TO_AGENCY,
            who=str(letter.options.get("mediator_name", "")),
            content="Saisine du médiateur de la consommation.",
            today=today,
        )
    dossier_services.timeline_sync(
        dossier=dossier,
        source=ar_source(letter),
        kind=TimelineKind.AR_RECEIVED,
        occurred_on=letter.ar_received_on,
        who="La Poste",
        content=f"Avis de réception de la lettre « {title} »{which}{number}.",
        today=today,
    )
