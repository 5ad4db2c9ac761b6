"""Brute-force protection on top of django-axes (``AXES_HANDLER``).

Three limits, all counted in axes' ``AccessAttempt`` rows of the last
``AXES_COOLOFF_TIME`` (15 minutes):

* **an e-mail from one IP** (axes itself): ``AXES_FAILURE_LIMIT`` (5) failures
  lock that pair for the cool-off;
* **one IP across accounts** (password spraying): ``LOGIN_IP_FAILURE_LIMIT``
  (20) failures lock every login from that address for the cool-off;
* **one account across IPs** (distributed guessing): past
  ``LOGIN_ACCOUNT_FAILURE_LIMIT`` (10) failures, the account takes one try per
  ``LOGIN_ACCOUNT_SLOWDOWN`` (60 s), from anywhere: a slowdown, not a lock,
  so that a stranger cannot lock a debtor out. A browser that has already
  logged into the account (a signed "known device" cookie) is not slowed.

Tries refused by a lock are not counted (``AXES_RESET_COOL_OFF_ON_FAILURE_
DURING_LOCKOUT = False``): hammering does not extend a lock or a slowdown.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.core import signing
from django.db.models import Max, QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .emails import MAX_EMAIL_LENGTH, normalize_email
from .throttle import digest

KNOWN_DEVICE_COOKIE = "appareil_connu"
KNOWN_DEVICE_SALT = "accounts.lockout.known-device"
KNOWN_DEVICE_AGE = 365 * 24 * 3600


def username_for_lockout(
    request: HttpRequest, credentials: dict[str, Any] | None
) -> str:
    """The login tried, normalised like the account lookup: changing the case
    or pasting an invisible character does not reset the count."""
    candidates = [
        (credentials or {}).get("username"),
        (credentials or {}).get("email"),
        request.POST.get("username") if request is not None else None,
    ]
    value = next((c for c in candidates if c), "")
    return normalize_email(value)[:MAX_EMAIL_LENGTH]


def _failures(attempts: QuerySet[AccessAttempt]) -> int:
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


def _recent(request: HttpRequest) -> QuerySet[AccessAttempt]:
    return AccessAttempt.objects.filter(
        attempt_time__gte=get_cool_off_threshold(request)
    )


def ip_locked(request: HttpRequest) -> bool:
    ip = getattr(request, "axes_ip_address", None)
    attempts = _recent(request).filter(ip_address=ip)
    return _failures(attempts) >= settings.LOGIN_IP_FAILURE_LIMIT


def account_slowed(request: HttpRequest, username: str) -> bool:
    """Too many failures on the account from everywhere, the last one less
    than ``LOGIN_ACCOUNT_SLOWDOWN`` ago, and a browser that never logged in."""
    if not username or is_known_device(request, username):
        return False
    attempts = _recent(request).filter(username=username)
    if _failures(attempts) < settings.LOGIN_ACCOUNT_FAILURE_LIMIT:
        return False
    last = attempts.aggregate(last=Max("attempt_time"))["last"]
    return last is not None and timezone.now() - last < dt.timedelta(
        seconds=settings.LOGIN_ACCOUNT_SLOWDOWN
    )


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler plus the per-IP lock and the per-account slowdown;
    ``request.lockout_reason`` tells the lock-out page which one applies."""

    def is_locked(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> bool:
        username = get_client_username(request, credentials)
        checks: list[tuple[str, Callable[[], bool]]] = [
            ("ip", lambda: ip_locked(request)),
            (
                "pair",
                lambda: super(LockoutHandler, self).is_locked(request, credentials),
            ),
            ("account", lambda: account_slowed(request, username)),
        ]
        for reason, check in checks:
            if check():
                request.lockout_reason = reason  # type: ignore[attr-defined]
                return True
        return False

    def user_login_failed(
        self,
        sender: Any,
        credentials: dict[str, Any],
        request: Any = None,
        **kwargs: Any,
    ) -> None:
        super().user_login_failed(sender, credentials, request, **kwargs)
        # The failure that reaches the per-IP limit already gets the lock-out
        # page, as axes does for its own limit.
        if request is not None and not request.axes_locked_out and ip_locked(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            request.lockout_reason = "ip"


# Known devices: a browser that logged into an account escapes its slowdown.


def remember_device(
    sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    """``user_logged_in`` receiver: the response will carry the cookie."""
    if request is not None:
        request.known_device = digest(normalize_email(user.email))  # type: ignore[attr-defined]


def is_known_device(request: HttpRequest, username: str) -> bool:
    raw = request.COOKIES.get(KNOWN_DEVICE_COOKIE, "")
    try:
        value = signing.loads(raw, salt=KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_AGE)
    except signing.BadSignature:
        return False
    return bool(value) and value == digest(normalize_email(username))


class KnownDeviceMiddleware:
    """Sets the known-device cookie on the response to a successful login."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        value = getattr(request, "known_device", None)
        if value:
            response.set_cookie(
                KNOWN_DEVICE_COOKIE,
                signing.dumps(value, salt=KNOWN_DEVICE_SALT),
                max_age=KNOWN_DEVICE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
