"""Writes to dossiers. Views call these; none writes a model directly."""

import datetime as dt
import json
import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from accounts.models import User

from . import private_files
from .answers import Courrier, Montants, StepAnswers
from .assessment import assess_dossier
from .law.checks import LETTER_KINDS
from .law.dates import format_date
from .models import (
    MAX_TIMELINE_EVENTS,
    CalendarToken,
    Dossier,
    TimelineDirection,
    TimelineEvent,
    TimelineKind,
    Upload,
)
from .timeline_facts import timeline_marks_for
from .uploads import MAX_UPLOADS_PER_DOSSIER, CleanFile, UploadLimitReached


def jsonable(value: Mapping[str, Any]) -> dict[str, Any]:
    """Dates, decimals and model ids as JSON values (the way they are stored)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


@transaction.atomic
def dossier_create(*, owner: User, title: str = "") -> Dossier:
    """A new, empty dossier owned by ``owner``."""
    dossier = Dossier(owner=owner, title=title.strip())
    dossier.full_clean()
    dossier.save()
    return dossier


def dossier_save_step(
    *,
    dossier: Dossier,
    answers: StepAnswers,
    raw: Mapping[str, list[str]],
    files: Iterable[CleanFile] = (),
    next_step: str = "",
    today: dt.date | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Dossier:
    """Store one valid wizard step: its typed answers, what was typed, files.

    Called as soon as a step validates, so that nothing is lost when the
    browser closes or the session expires. ``answers``' type names the step.
    ``extra``: the wizard's extra data to store with it (same write).
    """
    step = answers.step
    today = today or timezone.localdate()
    dossier.wizard_data = {**(dossier.wizard_data or {}), step: dict(raw)}
    if extra is not None:
        dossier.wizard_extra = jsonable(extra)
    dossier.answers = dossier.answers.with_step(answers)
    dossier.current_step = next_step or step
    # Hot path (every step POST): check and write only what a step changes.
    # The agency comes from a validated choice and the JSON from the forms.
    # Computed before the transaction: on SQLite it holds the database's
    # write lock, which every other step POST waits for.
    _refresh_summary(dossier, today=today)
    dossier.full_clean(exclude=[*UNCHANGED_BY_A_STEP, "agency", *STEP_JSON])
    with private_files.atomic():  # files stored by this step go if it rolls back
        uploads_add(dossier=dossier, files=files)
        dossier.save(update_fields=[*STEP_JSON, "current_step", *SUMMARY, "updated_at"])
        if isinstance(answers, Courrier):
            # Runs the law again only if the letter's dates changed (its marks).
            received_letter_sync(dossier=dossier, today=today)
    return dossier


RECEIVED_SOURCE = "wizard:courrier"
"""``TimelineEvent.source`` of the letter described in « Le courrier »."""


def received_letter_sync(*, dossier: Dossier, today: dt.date) -> None:
    """The letter of « Le courrier » in the timeline, from the day she received
    it (else its date), kept in step when she edits the step (idempotent)."""
    courrier = dossier.answers.get(Courrier)
    written = courrier.letter_date
    code = courrier.letter_kind or "autre"
    kind = LETTER_KINDS.get(code)
    what = (
        kind.label[:1].lower() + kind.label[1:]
        if kind and code != "autre"
        else "courrier"
    )
    timeline_sync(
        dossier=dossier,
        source=RECEIVED_SOURCE,
        kind=TimelineKind.LETTER_RECEIVED,
        occurred_on=courrier.received_date or written,
        direction=TimelineDirection.FROM_AGENCY,
        who=dossier.agency_name,
        content=(
            f"Courrier décrit à l'étape « Le courrier » : {what}"
            f"{f' du {format_date(written)}' if written else ''}."
        ),
        today=today,
    )


def dossier_save_wizard_extra(*, dossier: Dossier, extra: Mapping[str, Any]) -> None:
    """Store the wizard's extra data alone (a draft kept, or dropped): never
    the answers, which only a valid step changes (``dossier_save_step``)."""
    dossier.wizard_extra = jsonable(extra)
    dossier.full_clean(
        exclude=[f.name for f in Dossier._meta.fields if f.name != "wizard_extra"]
    )
    Dossier.objects.filter(pk=dossier.pk).update(wizard_extra=dossier.wizard_extra)


def dossier_set_current_step(*, dossier: Dossier, step: str) -> None:
    if dossier.pk and dossier.current_step != step:
        dossier.current_step = step
        Dossier.objects.filter(pk=dossier.pk).update(current_step=step)


@transaction.atomic
def dossier_complete(*, dossier: Dossier, today: dt.date | None = None) -> Dossier:
    """Mark the questionnaire finished (idempotent: replaying changes nothing)."""
    if dossier.completed_at is None:
        dossier.completed_at = timezone.now()
    _refresh_summary(dossier, today=today or timezone.localdate())
    dossier.save()
    return dossier


SUMMARY = (
    "agency",
    "agency_name",
    "agency_reference",
    "letter_kind",
    "total_claimed",
    "limitation_status",
    "limitation_last_day",
    "next_deadline",
    "urgent",
)
"""The fields :func:`_refresh_summary` sets."""
STEP_JSON = ("wizard_data", "answers", "wizard_extra")
UNCHANGED_BY_A_STEP = (
    "owner",
    "title",
    "created_at",
    "updated_at",
    "completed_at",
    "timeline_marks",
)


def _refresh_summary(dossier: Dossier, *, today: dt.date) -> None:
    """Denormalise what lists and filters need from the answers."""
    courrier = dossier.answers.get(Courrier)
    dossier.agency_id = courrier.agency_id
    dossier.agency_name = courrier.agency_name[:200]
    dossier.agency_reference = courrier.agency_reference[:100]
    dossier.letter_kind = courrier.letter_kind
    dossier.total_claimed = dossier.answers.get(Montants).total_claimed
    # The same inputs as the dossier page: the answers being saved and the
    # timeline's marks stored on the row (no query).
    result = assess_dossier(dossier, today=today)
    dossier.limitation_status = str(result.estimate.status) if result.estimate else ""
    dossier.limitation_last_day = result.estimate.last_day if result.estimate else None
    dossier.next_deadline = result.next_deadline
    dossier.urgent = result.urgent


def upload_add(*, dossier: Dossier, clean: CleanFile) -> Upload:
    """Store a sanitised file under a server-chosen name (see ``uploads_add``)."""
    return uploads_add(dossier=dossier, files=[clean])[0]


def uploads_add(*, dossier: Dossier, files: Iterable[CleanFile]) -> list[Upload]:
    """Store sanitised files under server-chosen names: all of them or none.

    The per-dossier cap is enforced here, where the rows are written and in the
    same transaction, so that two concurrent requests cannot both pass it: the
    dossier row is locked first (``SELECT … FOR UPDATE`` on PostgreSQL; on
    SQLite the ``IMMEDIATE`` transaction already holds the database's write
    lock), then the uploads are counted. Over the cap, ``UploadLimitReached``
    is raised before anything is written. Files written by a transaction that
    then rolls back are deleted (``private_files.atomic``).
    """
    files = list(files)
    if not files:
        return []
    with private_files.atomic():
        list(Dossier.objects.select_for_update().filter(pk=dossier.pk).values("pk"))
        existing = Upload.objects.filter(dossier=dossier).count()
        if existing + len(files) > MAX_UPLOADS_PER_DOSSIER:
            raise UploadLimitReached(existing)
        return [_upload_store(dossier, clean) for clean in files]


def _upload_store(dossier: Dossier, clean: CleanFile) -> Upload:
    upload = Upload(
        dossier=dossier,
        kind=clean.kind,
        content_type=clean.content_type,
        size=len(clean.content),
        sha256=clean.sha256,
        original_name=clean.original_name[:200],
    )
    private_files.save_file(upload.file, "upload", ContentFile(clean.content))
    upload.full_clean()
    upload.save()
    return upload


@transaction.atomic
def upload_delete(*, upload: Upload) -> None:
    storage, name = upload.file.storage, upload.file.name
    upload.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def dossier_delete(*, dossier: Dossier) -> None:
    """Delete a dossier, everything that hangs from it, and its files."""
    files = [(u.file.storage, u.file.name) for u in dossier.uploads.all()]
    dossier.delete()
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])


def profile_update(*, user: User, details: Mapping[str, Any]) -> None:
    for field in ("first_name", "last_name", "address", "postal_code", "city", "phone"):
        if field in details:
            setattr(user, field, details[field])
    user.full_clean()
    user.save()


class TimelineFull(Exception):
    """The dossier already has ``MAX_TIMELINE_EVENTS`` events."""


@private_files.atomic()
def timeline_add(
    *,
    dossier: Dossier,
    kind: str,
    occurred_on: dt.date,
    occurred_at_time: dt.time | None = None,
    direction: str = "",
    who: str = "",
    content: str = "",
    conduct: Sequence[str] = (),
    attachment: CleanFile | None = None,
    today: dt.date | None = None,
) -> TimelineEvent:
    """Record an event of the dossier, with its optional (sanitised) attachment.

    The dossier's next deadline is recomputed: an avis de réception or a new
    letter changes the follow-up date. At most ``MAX_TIMELINE_EVENTS`` per
    dossier (``TimelineFull``), counted under the dossier's row lock as for
    uploads.
    """
    list(Dossier.objects.select_for_update().filter(pk=dossier.pk).values("pk"))
    if TimelineEvent.objects.filter(dossier=dossier).count() >= MAX_TIMELINE_EVENTS:
        raise TimelineFull
    event = TimelineEvent(
        dossier=dossier,
        kind=kind,
        occurred_on=occurred_on,
        occurred_at_time=occurred_at_time,
        direction=direction,
        who=who.strip(),
        content=content.strip(),
        conduct=list(dict.fromkeys(conduct)),
    )
    if attachment is not None:
        event.attachment = upload_add(dossier=dossier, clean=attachment)
    event.full_clean()
    event.save()
    _refresh_next_deadline(dossier, today=today or timezone.localdate())
    return event


class TimelineEventLocked(ValueError):
    """The event is kept by another page (a letter's sending record)."""


@transaction.atomic
def timeline_delete(*, event: TimelineEvent, today: dt.date | None = None) -> None:
    """Delete an event; its attachment stays among the dossier's documents.

    Events kept in step by another page (``source`` set) are changed there:
    deleting one here would contradict the letter that still says "sent".
    """
    if event.source:
        raise TimelineEventLocked(event.source)
    dossier = event.dossier
    event.delete()
    _refresh_next_deadline(dossier, today=today or timezone.localdate())


@transaction.atomic
def timeline_sync(
    *,
    dossier: Dossier,
    source: str,
    kind: str,
    occurred_on: dt.date | None,
    direction: str = "",
    who: str = "",
    content: str = "",
    today: dt.date | None = None,
) -> TimelineEvent | None:
    """Keep the one event another app owns for ``source`` in step (idempotent).

    ``occurred_on`` set: the event is created, or updated in place when the
    date or the text changed; ``None``: the event is removed. The next deadline
    is recomputed either way. Used by ``letters`` for "sent" and "AR received".
    """
    if not source:
        raise ValueError("timeline_sync needs a source")
    existing = (
        TimelineEvent.objects.select_for_update()
        .filter(dossier=dossier, source=source)
        .first()
    )
    if occurred_on is None:
        if existing is not None:
            existing.delete()
            _refresh_next_deadline(dossier, today=today or timezone.localdate())
        return None
    values = {
        "kind": kind,
        "occurred_on": occurred_on,
        "direction": direction,
        "who": who.strip()[:200],
        "content": content.strip()[:2000],
    }
    event = existing or TimelineEvent(dossier=dossier, source=source)
    if existing is not None and all(
        getattr(existing, name) == value for name, value in values.items()
    ):
        return existing
    for name, value in values.items():
        setattr(event, name, value)
    event.full_clean()
    event.save()
    _refresh_next_deadline(dossier, today=today or timezone.localdate())
    return event


def _refresh_next_deadline(dossier: Dossier, *, today: dt.date) -> None:
    """After a timeline change: the marks the deadlines read, then the summary."""
    dossier.timeline_marks = timeline_marks_for(dossier)
    result = assess_dossier(dossier, today=today)
    dossier.next_deadline, dossier.urgent = result.next_deadline, result.urgent
    Dossier.objects.filter(pk=dossier.pk).update(
        timeline_marks=dossier.timeline_marks,
        next_deadline=result.next_deadline,
        urgent=result.urgent,
    )


def calendar_token_create(*, user: User) -> tuple[CalendarToken, str]:
    """A new secret feed token for ``user``; any previous one stops working.

    Returns the row and the secret. Only the secret's digest is stored: show
    the secret to the user now, it cannot be read back later.
    """
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        CalendarToken.objects.filter(user=user).delete()
        token = CalendarToken(user=user, token_hash=CalendarToken.digest(secret))
        token.full_clean()
        token.save()
    return token, secret


def calendar_token_revoke(*, user: User) -> None:
    CalendarToken.objects.filter(user=user).delete()
