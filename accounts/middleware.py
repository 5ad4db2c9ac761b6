"""Staff sessions: inactivity and absolute timeouts (ASVS 7.3.1, 7.3.2).

Staff users (volunteers, coordinators, operators) read other people's
dossiers, so their sessions are short: they end after ``STAFF_IDLE_TIMEOUT``
seconds without a request, ``STAFF_SESSION_MAX_AGE`` seconds after login
whatever the activity, and when the browser closes (their session cookie has no
expiry). Debtors keep ``SESSION_COOKIE_AGE``: a debtor filling the
questionnaire on a phone must not lose her session after a short pause (her
answers are saved at every step anyway).

Cost: nothing for public views (``/healthz``, the landing page…) and for
requests without a session cookie; for debtors, only the ``request.user`` that
the login-required view loads anyway; the session is written at most once a
minute for staff (``STAMP_INTERVAL``), never on every request.
"""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.middleware import (
    LoginRequiredMiddleware as DjangoLoginRequiredMiddleware,
)
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.deprecation import MiddlewareMixin
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

# Session keys (epoch seconds): login time and last recorded activity.
LOGIN_AT = "_staff_login_at"
SEEN_AT = "_staff_seen_at"
# The activity stamp is rewritten at most this often (seconds).
STAMP_INTERVAL = 60

IDLE_MESSAGE = gettext_noop(
    "Pour protéger les dossiers des personnes accompagnées, votre session s'est "
    "fermée après %(duration)s sans activité. Reconnectez-vous pour continuer."
)
MAX_AGE_MESSAGE = gettext_noop(
    "Pour protéger les dossiers des personnes accompagnées, votre session s'est "
    "fermée %(duration)s après la connexion. Reconnectez-vous pour continuer."
)


def now() -> int:
    """The clock of this module (epoch seconds); tests patch it."""
    return int(time.time())


def _view_needs_login(view_func: Callable[..., Any]) -> bool:
    return bool(getattr(view_func, "login_required", True))


class LoginRequiredMiddleware(DjangoLoginRequiredMiddleware):
    """Django's, but it asks the view first: a public view (``/healthz``,
    static pages) then never loads the session or the user, even when the
    request carries a session cookie. Same outcome for every request."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if not _view_needs_login(view_func):
            return None
        if request.user.is_authenticated:
            return None
        return self.handle_no_permission(request, view_func)  # type: ignore[no-any-return]


def start_staff_session(sender: Any, request: HttpRequest, user: Any, **_: Any) -> None:
    """``user_logged_in`` receiver: a staff login gets a browser-session cookie
    and the two stamps. Debtors' sessions are left as they are."""
    if request is not None and getattr(user, "is_staff", False):
        _start(request, now())


def _start(request: HttpRequest, stamp: int) -> None:
    request.session.set_expiry(0)  # cookie without Max-Age/Expires
    request.session[LOGIN_AT] = stamp
    request.session[SEEN_AT] = stamp


def _duration(seconds: int) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("%(n)d heure", "%(n)d heures", hours) % {"n": hours}
    minutes = max(1, round(seconds / 60))
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


class StaffSessionTimeoutMiddleware(MiddlewareMixin):
    """Ends an idle or too old staff session before the view runs.

    Place it after ``AuthenticationMiddleware`` (and ``LoginRequiredMiddleware``).
    On expiry: ``logout`` (which flushes the session), a French message, and a
    redirect to the login page with ``?next=`` (``/admin/login/`` for admin
    views, as for an anonymous visitor); the view never runs, so an expired
    POST saves nothing. A public page runs as usual; if it shows who is logged
    in (the header), the same check runs then, and an expired staff member is
    logged out and shown the message there.
    """

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None  # anonymous: no session to load
        if not _view_needs_login(view_func):
            # A public page loads no session unless it shows who is logged
            # in; then an expired staff member is shown logged out.
            loaded = request.user
            request.user = SimpleLazyObject(lambda: self._public_user(request, loaded))
            return None
        user = request.user  # already loaded by LoginRequiredMiddleware
        expired = self._check(request, user)
        if expired is None:
            return None
        return self._expire(request, view_func, *expired)

    def _check(self, request: HttpRequest, user: Any) -> tuple[str, int] | None:
        """(message, duration) when the staff session has expired, else None;
        restarts the clocks of a session that has none, refreshes the stamp."""
        if not (user.is_authenticated and user.is_staff):
            return None
        session = request.session
        stamp = now()
        login_at = session.get(LOGIN_AT)
        seen_at = session.get(SEEN_AT)
        if login_at is None or seen_at is None:
            # A session opened before the user became staff (an accepted
            # invitation) or before this middleware: the clocks start now.
            _start(request, stamp)
            return None
        max_age: int = settings.STAFF_SESSION_MAX_AGE
        if stamp - login_at >= max_age:
            return _(MAX_AGE_MESSAGE), max_age
        idle: int = settings.STAFF_IDLE_TIMEOUT
        if stamp - seen_at >= idle:
            return _(IDLE_MESSAGE), idle
        if stamp - seen_at >= STAMP_INTERVAL:
            session[SEEN_AT] = stamp
        return None

    def _public_user(self, request: HttpRequest, user: Any) -> Any:
        """The user a public page shows: logged out once the session expired
        (same logout and message as on a protected page, no redirect)."""
        expired = self._check(request, user)
        if expired is None:
            return user
        text, seconds = expired
        request.user = user  # logout() reads it: not this lazy object, being set up
        logout(request)
        messages.warning(request, text % {"duration": _duration(seconds)})
        return AnonymousUser()

    def _expire(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        text: str,
        seconds: int,
    ) -> HttpResponse:
        logout(request)
        messages.warning(request, text % {"duration": _duration(seconds)})
        # The login page an anonymous visitor of this view is sent to: the
        # admin's own for admin views (their ``login_url``), else LOGIN_URL.
        login_url = getattr(view_func, "login_url", None) or settings.LOGIN_URL
        return redirect_to_login(request.get_full_path(), resolve_url(login_url))
