"""Dossier pages: thin views over access.py (reads) and services.py (writes)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import access, services


@require_http_methods(["GET", "POST"])
def dossier_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        dossier = services.dossier_create(owner=request.user)  # type: ignore[arg-type]
        messages.success(request, _("Nouveau dossier créé."))
        return redirect(dossier)
    dossiers = access.dossiers_for_owner(request.user)
    return render(request, "dossiers/list.html", {"dossiers": dossiers})


def dossier_detail(request: HttpRequest, dossier_id: int) -> HttpResponse:
    dossier = access.get_dossier_for_owner(request.user, dossier_id)
    return render(request, "dossiers/detail.html", {"dossier": dossier})


@require_http_methods(["GET", "POST"])
def dossier_delete(request: HttpRequest, dossier_id: int) -> HttpResponse:
    dossier = access.get_dossier_for_owner(request.user, dossier_id)
    if request.method == "POST":
        services.dossier_delete(dossier=dossier)
        messages.success(request, _("Le dossier a été supprimé."))
        return redirect("dossiers:list")
    return render(request, "dossiers/delete.html", {"dossier": dossier})
