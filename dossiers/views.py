"""Dossier pages: thin views over access.py (reads) and services.py (writes)."""

from typing import Any

from django.contrib import messages
from django.db.models import Max
from django.http import FileResponse, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from intrum_assistant.once import ALREADY_DONE, submit_once

from . import access, page_cache, services
from .assessment import assess_dossier, upcoming_deadlines
from .forms import TimelineEventForm, timeline_full
from .models import Dossier, TimelineEvent, TimelineKind, Upload
from .steps import STEPS
from .uploads import MAX_UPLOADS_PER_DOSSIER
from .urgency import urgencies


def dossier_list(request: HttpRequest) -> HttpResponse:
    """The user's dossiers with their two nearest deadlines and the urgent court
    step, if any (constant queries; the law once per dossier)."""
    dossiers = list(
        access.dossiers_for_owner(request.user)
        .select_related("agency")
        # The volunteers' latest advice (a string lookup: dossiers does not
        # import associations).
        .annotate(last_advice_at=Max("advice__created_at"))
    )
    today = timezone.localdate()
    nearest = upcoming_deadlines(dossiers, today=today)
    for dossier in dossiers:
        dossier.upcoming_deadlines = nearest[dossier.pk]  # type: ignore[attr-defined]
        # The assessment upcoming_deadlines made (memoised on the instance).
        assessment = assess_dossier(dossier, today=today)
        dossier.urgencies = urgencies(assessment)  # type: ignore[attr-defined]
    return render(request, "dossiers/list.html", {"dossiers": dossiers})


def dossier_detail(request: HttpRequest, dossier_id: int) -> HttpResponse:
    """Most of the page is cached under its inputs' fingerprint (page_cache.py):
    what those parts read is fetched, and the law run, only when one of them
    is rendered."""
    dossier = access.get_dossier_for_owner(request.user, dossier_id)
    today = timezone.localdate()
    get_token(request)  # the CSRF secret exists before it is part of the key
    files = SimpleLazyObject(lambda: _files_and_timeline(dossier))
    context = {
        "dossier": dossier,
        "page_key": page_cache.page_key(
            dossier, today=today, csrf_secret=request.META["CSRF_COOKIE"]
        ),
        "page_timeout": page_cache.TIMEOUT,
        "assessment": SimpleLazyObject(lambda: assess_dossier(dossier, today=today)),
        "uploads": SimpleLazyObject(lambda: files[0]),
        "max_uploads": MAX_UPLOADS_PER_DOSSIER,
        "timeline": SimpleLazyObject(lambda: files[1]),
        "steps": [
            (name, step.title)
            for name, step in STEPS.items()
            if name in (dossier.wizard_data or {})
        ],
    }
    return render(request, "dossiers/detail.html", context)


def _files_and_timeline(
    dossier: Dossier,
) -> tuple[list[Upload], list[TimelineEvent]]:
    """One query for the files, one for the whole timeline (the page lists it;
    the assessment reads the marks stored on the row). An event's attachment
    is one of the files: taken from them, no join; a file attached to an
    event is listed with the event it came with."""
    uploads = list(dossier.uploads.all())
    by_id = {upload.pk: upload for upload in uploads}
    timeline = list(dossier.timeline_events.all())
    attached_to: dict[int, TimelineEvent] = {}
    for event in timeline:
        if event.attachment_id in by_id:  # else added meanwhile: read lazily
            event.attachment = by_id[event.attachment_id]
        if event.attachment_id is not None:
            attached_to.setdefault(event.attachment_id, event)
    for upload in uploads:
        upload.attached_to = attached_to.get(upload.pk)  # type: ignore[attr-defined]
    return uploads, timeline


@require_http_methods(["GET", "POST"])
def dossier_delete(request: HttpRequest, dossier_id: int) -> HttpResponse:
    dossier = access.get_dossier_for_owner(request.user, dossier_id)
    if request.method == "POST":
        services.dossier_delete(dossier=dossier)
        messages.success(request, _("Le dossier a été supprimé."))
        return redirect("dossiers:list")
    return render(request, "dossiers/delete.html", {"dossier": dossier})


def upload_file(request: HttpRequest, dossier_id: int, upload_id: int) -> FileResponse:
    """A private file, to its owner only, under a server-chosen name."""
    upload = access.get_upload_for_owner(request.user, dossier_id, upload_id)
    return private_file_response(upload)


def private_file_response(upload: "access.Upload") -> FileResponse:
    return private_download(
        upload.file.open("rb"),
        filename=upload.download_name,
        content_type=upload.content_type,
        as_attachment=upload.kind != upload.Kind.IMAGE,
    )


def private_download(
    content: Any, *, filename: str, content_type: str, as_attachment: bool = True
) -> FileResponse:
    """A private file (scan, letter PDF, export): a server-chosen name, never
    sniffed, run or cached by the browser."""
    response = FileResponse(
        content,
        as_attachment=as_attachment,
        filename=filename,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def upload_delete(
    request: HttpRequest, dossier_id: int, upload_id: int
) -> HttpResponse:
    upload = access.get_upload_for_owner(request.user, dossier_id, upload_id)
    services.upload_delete(upload=upload)
    messages.success(request, _("Le fichier a été supprimé."))
    return redirect("dossiers:detail", dossier_id=dossier_id)


@require_http_methods(["GET", "POST"])
def timeline_add(request: HttpRequest, dossier_id: int) -> HttpResponse:
    dossier = access.get_dossier_for_owner(request.user, dossier_id)
    form = TimelineEventForm(
        request.POST or None, request.FILES or None, dossier=dossier
    )
    if request.method == "POST" and form.is_valid():
        with submit_once(request, scope="timeline") as submission:
            if submission.duplicate:  # a double click: the event exists once
                messages.info(request, ALREADY_DONE)
                return redirect(submission.first_url or dossier.get_absolute_url())
            try:
                event = services.timeline_add(dossier=dossier, **form.cleaned_data)
            except services.UploadLimitReached as full:
                # Another request filled the dossier since the form's check:
                # nothing was saved; the form comes back as typed, the error
                # beside the file.
                form.add_error("attachment", full.as_validation_error())
            except services.TimelineFull:
                form.add_error(None, timeline_full())
            else:
                submission.done(dossier.get_absolute_url())
                _announce(request, event)
                return redirect(dossier)
    return render(
        request, "dossiers/timeline/add.html", {"dossier": dossier, "form": form}
    )


def _announce(request: HttpRequest, event: TimelineEvent) -> None:
    """Say what to do next; a new letter from the agency changes the findings."""
    if event.kind != TimelineKind.LETTER_RECEIVED:
        messages.success(request, _("L'événement est ajouté à la chronologie."))
        return
    messages.success(
        request, _("Nouveau courrier enregistré : relisez les constats ci-dessous.")
    )
    if "injonction" in event.content.lower():
        messages.warning(
            request,
            _(
                "Ce courrier parle d'une injonction de payer : c'est urgent. Vous avez "
                "un mois après la signification pour faire opposition au greffe du "
                "tribunal. Indiquez la date de signification à l'étape « Le courrier » "
                "pour voir la date limite."
            ),
        )


@require_http_methods(["GET", "POST"])
def timeline_delete(
    request: HttpRequest, dossier_id: int, event_id: int
) -> HttpResponse:
    """GET asks for confirmation (no JavaScript needed); POST removes."""
    event = access.get_event_for_owner(request.user, dossier_id, event_id)
    if request.method == "GET":
        context = {"dossier": event.dossier, "event": event}
        return render(request, "dossiers/timeline/delete.html", context)
    try:
        services.timeline_delete(event=event)
    except services.TimelineEventLocked:
        messages.error(request, _locked_message(event))
    else:
        messages.success(request, _("L'événement est retiré de la chronologie."))
    return redirect("dossiers:detail", dossier_id=event.dossier_id)


def _locked_message(event: TimelineEvent) -> str:
    if event.source_step:
        return _(
            "Cet événement vient de l'étape « Le courrier » : modifiez-y la date "
            "du courrier ou de sa réception."
        )
    return _(
        "Cet événement vient d'une lettre : modifiez la date d'envoi ou "
        "d'avis de réception sur la page de la lettre."
    )
