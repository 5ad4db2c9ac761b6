"""Project-wide response and request guards.

* :class:`PrivateCacheMiddleware`: every response to a logged-in user is
  ``Cache-Control: private, no-store``, so that neither a shared computer's
  back button and cache nor a proxy keeps a dossier page.
* :class:`RequestBodyLimitMiddleware`: a request body larger than
  ``MAX_REQUEST_BODY`` (its ``Content-Length``) is refused before anything
  reads it (413), whether or not a web server in front caps it too. A body
  without a length (chunked) is read as empty by Django's WSGI handler.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PRIVATE = "private, no-store"


class PrivateCacheMiddleware:
    """``private, no-store`` on the responses that read a logged-in session.

    A response that never read the session (``/healthz``, the favicon, static
    files) cannot hold anyone's data and keeps its own caching; one that
    already forbids storing (the admin's ``never_cache``, private files) is
    left as it is.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.accessed:
            return response
        if SESSION_KEY in session and "no-store" not in response.get(
            "Cache-Control", ""
        ):
            response["Cache-Control"] = PRIVATE
        return response


class RequestBodyLimitMiddleware:
    """413 with a French page when the body is over ``MAX_REQUEST_BODY``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit: int = settings.MAX_REQUEST_BODY
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return render(
                request,
                "413.html",
                {"limit_mb": limit // (1024 * 1024)},
                status=413,
            )
        return self.get_response(request)
