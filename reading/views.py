"""The intake page and the reading's progress: thin views over access and services."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from dossiers import access
from dossiers.models import Dossier
from dossiers.uploads import UploadLimitReached

from . import services
from .forms import IntakeForm
from .models import ReadingJob, ReadingStatus

FIRST_STEP = "courrier"


def first_step_url(dossier_id: int | None = None) -> str:
    if dossier_id is None:
        return reverse("dossiers:new_step", kwargs={"step": FIRST_STEP})
    return reverse(
        "dossiers:wizard_step", kwargs={"dossier_id": dossier_id, "step": FIRST_STEP}
    )


@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    """« Prenez en photo votre courrier »: the files make a new dossier and
    their reading is queued; the answer is a redirect to the progress page."""
    posted = request.method == "POST"
    form = IntakeForm(request.POST, request.FILES) if posted else IntakeForm()
    if posted and form.is_valid():
        try:
            job = services.intake_create(
                owner=request.user, files=form.cleaned_data["scans"]
            )  # type: ignore[arg-type]
        except UploadLimitReached as full:
            form.add_error("scans", full.as_validation_error())
        else:
            return redirect("reading:progress", dossier_id=job.dossier_id)
    return render(
        request, "reading/intake.html", {"form": form, "manual_url": first_step_url()}
    )


def _latest_job(dossier: Dossier) -> ReadingJob | None:
    return dossier.reading_jobs.order_by("-created_at", "-id").first()


def _state(dossier: Dossier, job: ReadingJob | None) -> dict[str, Any]:
    if job is None:
        return {
            "status": ReadingStatus.DONE,
            "finished": True,
            "label": "",
            "message": "",
        }
    status = services.effective_status(job)
    finished = status in {ReadingStatus.DONE, ReadingStatus.FAILED}
    return {
        "status": status,
        "finished": finished,
        "pages_done": job.pages_done,
        "pages_total": job.pages_total,
        "label": _label(status, job),
        "message": services.outcome_message(job) if finished else "",
    }


def _label(status: str, job: ReadingJob) -> str:
    if status == ReadingStatus.QUEUED:
        return "Votre courrier va être lu dans un instant…"
    if status == ReadingStatus.RUNNING and job.pages_total:
        page = min(job.pages_done + 1, job.pages_total)
        return f"Lecture de votre courrier… page {page} sur {job.pages_total}"
    if status == ReadingStatus.RUNNING:
        return "Lecture de votre courrier…"
    return "Lecture terminée."


def _only_get(request: HttpRequest) -> HttpResponse | None:
    """405 for another method, once the access check has run (someone else's
    dossier is a 404 whatever the method)."""
    return (
        None if request.method in {"GET", "HEAD"} else HttpResponseNotAllowed(["GET"])
    )


@never_cache
def progress(request: HttpRequest, dossier_id: int) -> HttpResponse:
    """While the letter is read: its progress. Once read (or given up): on
    to the dossier's first step, with one sentence if nothing could be read."""
    dossier = access.get_dossier_for_owner(request.user, dossier_id)
    if refused := _only_get(request):
        return refused
    state = _state(dossier, _latest_job(dossier))
    if state["finished"]:
        if state["message"]:
            messages.warning(request, state["message"])
        return redirect(first_step_url(dossier.pk))
    context = {
        "dossier": dossier,
        "state": state,
        "next_url": first_step_url(dossier.pk),
        "status_url": reverse("reading:status", kwargs={"dossier_id": dossier.pk}),
    }
    return render(request, "reading/progress.html", context)


@never_cache
def status(request: HttpRequest, dossier_id: int) -> HttpResponse:
    """The progress as JSON, for the page's script (it polls this)."""
    dossier = access.get_dossier_for_owner(request.user, dossier_id)
    if refused := _only_get(request):
        return refused
    state = _state(dossier, _latest_job(dossier))
    state["next"] = reverse("reading:progress", kwargs={"dossier_id": dossier.pk})
    return JsonResponse(state)
