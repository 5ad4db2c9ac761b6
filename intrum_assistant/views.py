"""Public pages: landing, legal notice, error pages."""

from pathlib import Path

from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_not_required
def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "landing.html")


@login_not_required
def legal_notice(request: HttpRequest) -> HttpResponse:
    return render(request, "legal_notice.html")


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico (the admin pages declare none)."""
    icon = finders.find("img/favicon.svg")
    response = HttpResponse(Path(str(icon)).read_bytes(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
