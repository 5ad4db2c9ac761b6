"""Dossier pages: thin views over access.py (reads) and services.py (writes)."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import access, services
from .assessment import assess_dossier
from .wizard import STEP_TITLES


def dossier_list(request: HttpRequest) -> HttpResponse:
    dossiers = access.dossiers_for_owner(request.user).select_related("agency")
    return render(request, "dossiers/list.html", {"dossiers": dossiers})


def dossier_detail(request: HttpRequest, dossier_id: int) -> HttpResponse:
    dossier = access.get_dossier_for_owner(request.user, dossier_id)
    context = {
        "dossier": dossier,
        "answers": dossier.answers or {},
        "assessment": assess_dossier(dossier, today=timezone.localdate()),
        "uploads": list(dossier.uploads.all()),
        "steps": [
            (name, title)
            for name, title in STEP_TITLES.items()
            if name in (dossier.wizard_data or {})
        ],
    }
    return render(request, "dossiers/detail.html", context)


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
    inline = upload.kind == upload.Kind.IMAGE
    response = FileResponse(
        upload.file.open("rb"),
        as_attachment=not inline,
        filename=upload.download_name,
        content_type=upload.content_type,
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
