"""Writes to dossiers. Views call these; none writes a model directly."""

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from accounts.models import User

from .assessment import as_decimal, assess_answers
from .models import Dossier, Upload
from .uploads import CleanFile


def _jsonable(value: Mapping[str, Any]) -> dict[str, Any]:
    """Dates, decimals and model ids as JSON values (the way they are stored)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


@transaction.atomic
def dossier_create(*, owner: User, title: str = "") -> Dossier:
    """A new, empty dossier owned by ``owner``."""
    dossier = Dossier(owner=owner, title=title.strip())
    dossier.full_clean()
    dossier.save()
    return dossier


@transaction.atomic
def dossier_save_step(
    *,
    dossier: Dossier,
    step: str,
    raw: Mapping[str, list[str]],
    answers: Mapping[str, Any],
    files: Iterable[CleanFile] = (),
    next_step: str = "",
    today: dt.date | None = None,
) -> Dossier:
    """Store one valid wizard step: what was typed, the cleaned answers, files.

    Called as soon as a step validates, so that nothing is lost when the
    browser closes or the session expires.
    """
    dossier.wizard_data = {**(dossier.wizard_data or {}), step: dict(raw)}
    dossier.answers = {**(dossier.answers or {}), step: _jsonable(answers)}
    dossier.current_step = next_step or step
    for clean in files:
        upload_add(dossier=dossier, clean=clean)
    _refresh_summary(dossier, today=today or timezone.localdate())
    dossier.full_clean()
    dossier.save()
    return dossier


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


def _refresh_summary(dossier: Dossier, *, today: dt.date) -> None:
    """Denormalise what lists and filters need from the answers."""
    answers = dossier.answers or {}
    courrier = answers.get("courrier") or {}
    dossier.agency_id = courrier.get("agency_id")
    dossier.agency_name = (courrier.get("agency_name") or "")[:200]
    dossier.agency_reference = (courrier.get("agency_reference") or "")[:100]
    dossier.letter_kind = courrier.get("letter_kind") or ""
    dossier.total_claimed = as_decimal(
        (answers.get("montants") or {}).get("total_claimed")
    )
    result = assess_answers(answers, today=today)
    dossier.limitation_status = str(result.estimate.status) if result.estimate else ""
    dossier.limitation_last_day = result.estimate.last_day if result.estimate else None
    dossier.next_deadline = result.next_deadline
    dossier.urgent = result.urgent


def upload_add(*, dossier: Dossier, clean: CleanFile) -> Upload:
    """Store a sanitised file under a server-chosen name."""
    upload = Upload(
        dossier=dossier,
        kind=clean.kind,
        content_type=clean.content_type,
        size=len(clean.content),
        sha256=clean.sha256,
        original_name=clean.original_name[:200],
    )
    upload.file.save("upload", ContentFile(clean.content), save=False)
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
