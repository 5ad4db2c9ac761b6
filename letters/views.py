"""Letter pages: thin views over access (reads), compose/services (writes)."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dossiers.access import get_dossier_for_owner
from dossiers.assessment import DossierAssessment, assess_dossier
from dossiers.law.schedule import ScheduleInputError
from dossiers.models import Dossier
from dossiers.views import private_download
from intrum_assistant.once import ALREADY_DONE, submit_once

from . import access, compose, contexts, export, rendering, services
from .catalog import LetterSpec
from .forms import LetterForm, PlanForm, SentForm
from .models import Letter

PREVIEW_CSP = (
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _initial(letter: Letter | None, assessment: DossierAssessment) -> dict[str, Any]:
    stored = (letter.options if letter else {}) or {}
    return {
        "personal_text": letter.personal_text if letter else "",
        "monthly": stored.get("monthly") or contexts.suggested_monthly(assessment),
        "first_due": stored.get("first_due"),
    }


def _form(
    spec: LetterSpec, data: Any = None, *, initial: dict[str, Any], today: dt.date
) -> LetterForm:
    if spec.has_plan:
        return PlanForm(data, initial=initial, today=today)
    return LetterForm(data, initial=initial)


def _check_plan(
    form: LetterForm, spec: LetterSpec, dossier: Dossier, assessment: DossierAssessment
) -> None:
    """For a payment plan, build the schedule now: errors go beside the field."""
    if not isinstance(form, PlanForm):
        return
    data = compose.letter_input(
        dossier=dossier,
        assessment=assessment,
        today=form.today,
        options=form.options(),
    )
    try:
        contexts.plan(data)
    except ScheduleInputError as exc:
        form.add_error("monthly", str(exc))


def _page(
    request: HttpRequest,
    dossier: Dossier,
    spec: LetterSpec,
    assessment: DossierAssessment,
    **extra: Any,
) -> HttpResponse:
    letter = access.find_letter(dossier, spec.slug)
    available, warning = spec.is_available(assessment)
    context = {
        "dossier": dossier,
        "spec": spec,
        "letter": letter,
        "versions": list(letter.versions.all()) if letter else [],
        "available": available,
        "warning": warning,
        "budget": assessment.budget if spec.has_plan else None,
        "missing_address": not contexts.agency_address_lines(dossier),
        **extra,
    }
    context.setdefault(
        "form",
        _form(spec, initial=_initial(letter, assessment), today=timezone.localdate()),
    )
    context.setdefault("sent_form", SentForm(initial=_sent_initial(letter)))
    return render(request, "letters/page.html", context)


def _sent_initial(letter: Letter | None) -> dict[str, Any]:
    if letter is None:
        return {}
    return {
        "sent_on": letter.sent_on,
        "registered_number": letter.registered_number,
        "ar_received_on": letter.ar_received_on,
    }


@require_http_methods(["GET", "POST"])
def letter_page(request: HttpRequest, dossier_id: int, kind: str) -> HttpResponse:
    dossier, spec = access.get_dossier_and_spec(request.user, dossier_id, kind)
    today = timezone.localdate()
    assessment = assess_dossier(dossier, today=today)
    if request.method == "GET":
        return _page(request, dossier, spec, assessment)
    available, _ = spec.is_available(assessment)
    form = _form(spec, request.POST, initial={}, today=today)
    if not available or not form.is_valid():
        return _page(request, dossier, spec, assessment, form=form)
    _check_plan(form, spec, dossier, assessment)
    if form.errors:
        return _page(request, dossier, spec, assessment, form=form)
    letter = services.letter_get_or_create(dossier=dossier, kind=spec.slug)
    options = form.options() if isinstance(form, PlanForm) else {}
    services.letter_update(
        letter=letter, personal_text=form.cleaned_data["personal_text"], options=options
    )
    if request.POST.get("action") == "generate":
        return _generate(request, letter, spec)
    messages.success(request, "Votre lettre est enregistrée. Relisez l'aperçu.")
    return redirect("letters:page", dossier_id=dossier.pk, kind=spec.slug)


def _generate(request: HttpRequest, letter: Letter, spec: LetterSpec) -> HttpResponse:
    """A new PDF version, once per click: a double click makes one version."""
    page = reverse("letters:page", args=[letter.dossier_id, spec.slug])
    with submit_once(request, scope="letter-generate") as submission:
        if submission.duplicate:
            messages.info(request, ALREADY_DONE)
            return redirect(submission.first_url or page)
        try:
            version = services.letter_generate(letter=letter, spec=spec)
        except ScheduleInputError as exc:
            messages.error(request, str(exc))
        else:
            submission.done(page)
            messages.success(request, f"Version {version.number} du PDF créée.")
    return redirect(page)


@require_POST
def letter_generate(request: HttpRequest, dossier_id: int, kind: str) -> HttpResponse:
    """Generate a new PDF version from what is stored for the letter."""
    dossier, spec = access.get_dossier_and_spec(request.user, dossier_id, kind)
    available, _ = spec.is_available(
        assess_dossier(dossier, today=timezone.localdate())
    )
    if not available:
        messages.error(request, "Cette lettre n'est pas proposée pour ce dossier.")
        return redirect("letters:page", dossier_id=dossier.pk, kind=spec.slug)
    letter = services.letter_get_or_create(dossier=dossier, kind=spec.slug)
    return _generate(request, letter, spec)


@require_GET
def letter_preview(request: HttpRequest, dossier_id: int, kind: str) -> HttpResponse:
    """The letter's HTML, exactly what the PDF is made of, under a strict CSP."""
    dossier, spec = access.get_dossier_and_spec(request.user, dossier_id, kind)
    today = timezone.localdate()
    assessment = assess_dossier(dossier, today=today)
    letter = access.find_letter(dossier, spec.slug)
    if not spec.is_available(assessment)[0]:
        messages.error(request, "Cette lettre n'est pas proposée pour ce dossier.")
        return redirect("letters:page", dossier_id=dossier.pk, kind=spec.slug)
    data = compose.letter_input(
        dossier=dossier,
        assessment=assessment,
        today=today,
        personal_text=letter.personal_text if letter else "",
        options=letter.options if letter else None,
    )
    try:
        _, html = compose.build(spec, data)
    except ScheduleInputError as exc:
        messages.error(request, str(exc))
        return redirect("letters:page", dossier_id=dossier.pk, kind=spec.slug)
    response = HttpResponse(html)
    response["Content-Security-Policy"] = PREVIEW_CSP
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def letter_sent(request: HttpRequest, dossier_id: int, kind: str) -> HttpResponse:
    dossier, spec = access.get_dossier_and_spec(request.user, dossier_id, kind)
    letter = access.find_letter(dossier, spec.slug)
    first = letter.versions.order_by("number").first() if letter else None
    if first is None:
        messages.error(request, "Générez d'abord le PDF de la lettre.")
        return redirect("letters:page", dossier_id=dossier.pk, kind=spec.slug)
    form = SentForm(
        request.POST,
        prepared_on=timezone.localdate(first.created_at),
        recorded=letter.sending_recorded,
    )
    if not form.is_valid():
        assessment = assess_dossier(dossier, today=timezone.localdate())
        return _page(request, dossier, spec, assessment, sent_form=form)
    services.letter_mark_sent(letter=letter, **form.cleaned_data)
    if form.clears:
        messages.success(
            request, "Envoi effacé : la lettre n'est plus marquée comme envoyée."
        )
    else:
        messages.success(request, "Envoi enregistré.")
    return redirect("letters:page", dossier_id=dossier.pk, kind=spec.slug)


@require_GET
def version_download(
    request: HttpRequest, dossier_id: int, kind: str, number: int
) -> FileResponse:
    version = access.get_version_for_owner(request.user, dossier_id, kind, number)
    return private_download(
        version.pdf.open("rb"),
        filename=version.download_name,
        content_type="application/pdf",
    )


EXPORT_FAILED = (
    "L'export n'a pas pu être préparé : la chronologie du dossier a pris trop de "
    "temps à produire. Rien n'est perdu : réessayez dans quelques minutes. Vos "
    "lettres restent téléchargeables une par une."
)


@require_GET
def dossier_export(request: HttpRequest, dossier_id: int) -> HttpResponse:
    """The whole dossier as a ZIP (owner only; someone else's dossier is a 404)."""
    dossier = get_dossier_for_owner(request.user, dossier_id)
    today = timezone.localdate()
    try:
        archive = export.build_archive(dossier, today=today)
    except rendering.LetterRenderError:
        messages.error(request, EXPORT_FAILED)
        return redirect("dossiers:detail", dossier_id=dossier.pk)
    return private_download(
        archive,
        filename=export.archive_name(dossier, today=today),
        content_type="application/zip",
    )
