"""Writes of the reader: a new dossier from a photo, a job's progress and result.

Also the one read the wizard needs, :func:`latest_draft`.
"""

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from dossiers import private_files, services
from dossiers.models import Agency, Dossier
from dossiers.uploads import CleanFile

from . import runner
from .extraction import extract
from .models import ReadingJob, ReadingStatus, ReadText
from .reader import Document, PageText, ReadingError

logger = logging.getLogger(__name__)

NOTHING_READ = (
    "Nous n'avons pas pu lire ce courrier : continuez en le saisissant vous-même."
)
TIMED_OUT = (
    "La lecture a pris trop de temps et a été arrêtée : continuez en saisissant "
    "le courrier vous-même."
)
STOPPED = (
    "La lecture s'est interrompue : continuez en saisissant le courrier vous-même."
)
NOT_STARTED = (
    "La lecture n'a pas pu commencer : continuez en saisissant le courrier vous-même."
)
PAGE_SEPARATOR = "\f"


def directory() -> list[tuple[int, str, str]]:
    """The agency directory as the extraction wants it: (id, name, address)."""
    return list(Agency.objects.values_list("id", "name", "address"))


@private_files.atomic()
def intake_create(*, owner: User, files: Sequence[CleanFile]) -> ReadingJob:
    """A new dossier with the letter's files, and their reading queued.

    All or nothing: the dossier, the files and the job are written together;
    the task is queued once they are committed."""
    dossier = services.dossier_create(owner=owner)
    uploads = services.uploads_add(dossier=dossier, files=files)
    job = ReadingJob(dossier=dossier)
    job.full_clean()
    job.save()
    job.uploads.set(uploads)
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from .tasks import read_letter

    read_letter.enqueue(job_id)


def effective_status(job: ReadingJob, *, now: dt.datetime | None = None) -> str:
    """The job's status, ``failed`` when it waited or ran past its limits
    (no worker, or a worker that died): the dossier goes on without it."""
    now = now or timezone.now()
    if job.status == ReadingStatus.QUEUED:
        waited = (now - job.created_at).total_seconds()
        return (
            ReadingStatus.FAILED if waited > settings.READING_QUEUE_WAIT else job.status
        )
    if job.status == ReadingStatus.RUNNING and job.started_at is not None:
        ran = (now - job.started_at).total_seconds()
        if ran > settings.READING_TIME_LIMIT + 30:
            return ReadingStatus.FAILED
    return str(job.status)


def outcome_message(job: ReadingJob, *, now: dt.datetime | None = None) -> str:
    """One French sentence when reading gave nothing usable, else ``""``."""
    status = effective_status(job, now=now)
    if status == ReadingStatus.FAILED:
        if job.error:
            return job.error
        return NOT_STARTED if job.status == ReadingStatus.QUEUED else STOPPED
    if status == ReadingStatus.DONE and not _useful(job.result):
        return NOTHING_READ
    return ""


def _useful(result: dict[str, Any] | None) -> bool:
    return bool(result) and not (result or {}).get("empty", True)


def latest_draft(dossier: Dossier) -> dict[str, Any] | None:
    """What was read on the dossier's letter (its latest finished reading),
    for the wizard to offer: the ``read_letter --json`` keys plus
    ``agency_id``, ``mentions`` and ``evidence``; None when nothing useful."""
    job = (
        dossier.reading_jobs.filter(status=ReadingStatus.DONE)
        .order_by("-finished_at", "-id")
        .first()
    )
    if job is None or not _useful(job.result):
        return None
    if job.texts.count() < job.pages_done:  # a file it was read from is deleted
        return None
    return dict(job.result or {})


def job_run(*, job_id: int) -> None:
    """Read one queued job (the task's body); a job already taken, finished,
    or left waiting too long is not run again."""
    job = ReadingJob.objects.filter(pk=job_id).first()
    if job is None:
        return
    if effective_status(job) == ReadingStatus.FAILED and job.status == "queued":
        _finish(job, status=ReadingStatus.FAILED, error=NOT_STARTED)
        return
    now = timezone.now()
    claimed = ReadingJob.objects.filter(pk=job_id, status=ReadingStatus.QUEUED).update(
        status=ReadingStatus.RUNNING, started_at=now
    )
    if not claimed:
        return
    job.refresh_from_db()
    try:
        _read(job)
    except runner.ReadingTimeout:
        _finish(job, status=ReadingStatus.FAILED, error=TIMED_OUT)
    except ReadingError as exc:
        _finish(job, status=ReadingStatus.FAILED, error=_sentence(exc.message))
    except Exception:
        logger.exception("Reading job %s failed", job_id)
        _finish(job, status=ReadingStatus.FAILED, error=STOPPED)
        raise


def _sentence(message: str) -> str:
    return f"{message} Continuez en saisissant le courrier vous-même."[:300]


def _documents(job: ReadingJob) -> list[Document]:
    documents = []
    for upload in job.uploads.all():
        try:
            with upload.file.open("rb") as stored:
                documents.append(Document(upload.kind, stored.read(), upload.pk))
        except OSError:
            logger.warning("Upload %s is missing from the storage", upload.pk)
    return documents


def _read(job: ReadingJob) -> None:
    def on_total(total: int) -> None:
        ReadingJob.objects.filter(pk=job.pk).update(pages_total=total)

    def on_page(page: PageText, done: int) -> None:
        _store_page(job, page)
        ReadingJob.objects.filter(pk=job.pk).update(pages_done=done)

    outcome = runner.read(
        _documents(job),
        max_pages=settings.READING_MAX_PAGES,
        limit=settings.READING_TIME_LIMIT,
        on_total=on_total,
        on_page=on_page,
    )
    text = PAGE_SEPARATOR.join(page.text for page in outcome.pages)
    draft = extract(text, directory())
    result = {
        **draft.as_dict(),
        "pages": len(outcome.pages),
        "seconds": round(outcome.seconds, 1),
        "empty": draft.is_empty,
    }
    job.pages_total, job.pages_done = outcome.total, len(outcome.pages)
    _finish(job, status=ReadingStatus.DONE, result=result, seconds=outcome.seconds)


def _store_page(job: ReadingJob, page: PageText) -> None:
    try:
        with transaction.atomic():
            ReadText.objects.create(
                job=job,
                upload_id=page.key,
                page=page.page,
                text=page.text,
                by_ocr=page.by_ocr,
            )
    except IntegrityError:  # the upload was deleted meanwhile: nothing to keep
        logger.info("Page of a deleted upload not kept (job %s)", job.pk)


def _finish(
    job: ReadingJob,
    *,
    status: str,
    error: str = "",
    result: dict[str, Any] | None = None,
    seconds: float | None = None,
) -> None:
    if status == ReadingStatus.FAILED:
        # Progress as recorded by the pages that arrived; no half reading kept.
        job.refresh_from_db(fields=["pages_total", "pages_done"])
        job.texts.all().delete()
    job.status, job.error, job.result = status, error, result
    job.seconds = seconds
    job.finished_at = timezone.now()
    job.pages_done = min(job.pages_done, job.pages_total)
    job.full_clean()
    job.save()


def job_text(job: ReadingJob) -> str:
    """The text read, page by page, for the export (private, like the scans)."""
    parts = []
    for text in job.texts.select_related("upload").order_by("upload_id", "page"):
        how = "reconnaissance de caractères" if text.by_ocr else "texte du PDF"
        parts.append(f"--- {text.upload.download_name}, page {text.page} ({how}) ---")
        parts.append(text.text.strip())
    return "\n\n".join(parts) + "\n"


def texts_for_export(dossier: Dossier) -> list[tuple[int, str, dt.datetime]]:
    """(job id, text, when) of every reading of the dossier that kept a text."""
    jobs = dossier.reading_jobs.filter(texts__isnull=False).distinct()
    return [
        (job.pk, job_text(job), job.finished_at or job.created_at)
        for job in jobs.order_by("created_at")
    ]
