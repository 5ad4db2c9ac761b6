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
from .forms import LetterForm, OptionsContext, SentForm
from .models import Letter

PREVIEW_CSP = (
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _initial(
    letter: Letter | None, spec: LetterSpec, options: OptionsContext
) -> dict[str, Any]:
    stored = (letter.options if letter else {}) or {}
    return {
        "personal_text": letter.personal_text if letter else "",
        **spec.options_form.initial_options(stored, options),
    }


def _form(
    spec: LetterSpec, data: Any = None, *, initial: dict[str, Any], today: dt.date
) -> LetterForm:
    """The letter page's form (``spec.options_form``): a letter that does not
    pay refuses a personal paragraph that acknowledges the debt."""
    return spec.options_form(
        data, initial=initial, today=today, contests_debt=not spec.acknowledges_debt
    )


def _check_options(
    form: LetterForm, dossier: Dossier, assessment: DossierAssessment
) -> None:
    """Check the options against the letter they build (e.g. the schedule of a
    payment plan): errors go beside the fields."""
    data = compose.letter_input(
        dossier=dossier,
        assessment=assessment,
        today=form.today,
        options=form.options(),
    )
    form.check(data)


def _stored_input(
    dossier: Dossier, letter: Letter | None, assessment: DossierAssessment
) -> contexts.LetterInput:
    """The letter's input as stored (personal paragraph, plan options)."""
    return compose.letter_input(
        dossier=dossier,
        assessment=assessment,
        today=timezone.localdate(),
        personal_text=letter.personal_text if letter else "",
        options=letter.options if letter else None,
    )


def _plan_summary(spec: LetterSpec, data: contexts.LetterInput) -> str:
    """The plan the letter proposes, computed by the letter's own function
    (issue 18, item 15: the page and the letter show the same schedule)."""
    if not spec.has_plan:
        return ""
    try:
        context = contexts.echeancier(data)
    except ScheduleInputError:
        return ""
    last = (
        f" (la dernière de {context.last_adjusted_text})"
        if context.last_adjusted_text
        else ""
    )
    fees = ", hors les frais et pénalités contestés" if context.fees_excluded else ""
    return (
        f"Votre lettre propose {context.count} mensualité"
        f"{'s' if context.count > 1 else ''} de {context.monthly_text}{last}, à "
        f"partir du {context.first_due_text}, soit {context.plan_total_text}{fees}."
    )


def _page(
    request: HttpRequest,
    dossier: Dossier,
    spec: LetterSpec,
    assessment: DossierAssessment,
    **extra: Any,
) -> HttpResponse:
    letter = access.find_letter(dossier, spec.slug)
    available, warning = spec.is_available(assessment)
    data = _stored_input(dossier, letter, assessment) if available else None
    context = {
        "dossier": dossier,
        "spec": spec,
        "letter": letter,
        "versions": list(letter.versions.all()) if letter else [],
        "available": available,
        "warning": warning,
        "budget": assessment.budget if spec.has_plan else None,
        "missing_address": spec.to_agency
        and not contexts.agency_address_lines(dossier.answers),
        "blocked": compose.acknowledgment_problems(spec, data) if data else [],
        "plan_summary": _plan_summary(spec, data) if data else "",
        **extra,
    }
    context.setdefault(
        "form",
        _form(
            spec,
            initial=_initial(letter, spec, OptionsContext(dossier, assessment)),
            today=timezone.localdate(),
        ),
    )
    context.setdefault(
        "sent_form",
        SentForm(initial=_sent_initial(letter), versions=context["versions"]),
    )
    if spec.page_extra is not None and available:
        context.update(spec.page_extra(dossier, assessment, letter))
    return render(request, "letters/page.html", context)


def _sent_initial(letter: Letter | None) -> dict[str, Any]:
    if letter is None:
        return {}
    sent = letter.sent_version
    return {
        "version": sent.number if sent is not None else None,
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
    _check_options(form, dossier, assessment)
    if form.errors:
        return _page(request, dossier, spec, assessment, form=form)
    letter = services.letter_get_or_create(dossier=dossier, kind=spec.slug)
    services.letter_update(
        letter=letter,
        personal_text=form.cleaned_data["personal_text"],
        options=form.options(),
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
        except compose.LetterBlocked as blocked:
            messages.error(request, compose.BLOCKED_INTRO)
            for problem in blocked.problems:
                messages.error(request, problem)
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
    versions = list(letter.versions.all()) if letter else []
    if letter is None or not versions:
        messages.error(request, "Générez d'abord le PDF de la lettre.")
        return redirect("letters:page", dossier_id=dossier.pk, kind=spec.slug)
    form = SentForm(request.POST, versions=versions, recorded=letter.sending_recorded)
    if not form.is_valid():
        assessment = assess_dossier(dossier, today=timezone.localdate())
        return _page(request, dossier, spec, assessment, sent_form=form)
    services.letter_mark_sent(letter=letter, **form.sending())
    if form.clears:
        messages.success(
            request, "Envoi effacé : la lettre n'est plus marquée comme envoyée."
        )
    else:
        messages.success(request, "Envoi enregistré.")
    if form.number_warning:
        messages.warning(request, form.number_warning)
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
