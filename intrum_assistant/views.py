"""Public pages: landing, legal notice, error pages."""

from django.contrib.auth.decorators import login_not_required
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
