"""Counters of actions per IP address or per e-mail over a sliding window.

Shared by every process through the database (the default cache is per
process), so that two gunicorn workers count together. Keys are stored as a
keyed digest (``salted_hmac``): the table names nobody in clear, and its rows
go after ``MAX_WINDOW``. Two simultaneous requests may both pass at the
limit's edge: one action too many, never a lock-out of the wrong person.
"""

import datetime as dt
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .emails import normalize_email
from .models import RateLimitHit

MAX_WINDOW = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Limit:
    scope: str
    count: int
    window: dt.timedelta

    def describe(self) -> str:
        minutes = int(self.window.total_seconds() // 60)
        return f"{self.count} per {minutes} min"


SIGNUP_PER_IP = Limit("signup-ip", 10, HOUR)
"""Sign-up forms sent from one IP address (issue 20 item 7: enumeration)."""
RESET_PER_IP = Limit("reset-ip", 10, HOUR)
"""Password-reset requests from one IP address."""
RESET_PER_EMAIL = Limit("reset-email", 3, HOUR)
"""Password-reset e-mails to one address (past it: the same page, no e-mail)."""


def digest(value: str) -> str:
    return salted_hmac("accounts.throttle", value, algorithm="sha256").hexdigest()


def client_ip(request: HttpRequest) -> str:
    """The client's address as django-axes sees it (``AXES_IPWARE_*``)."""
    from axes.helpers import get_client_ip_address  # noqa: PLC0415

    return get_client_ip_address(request) or ""


def email_key(email: str) -> str:
    return normalize_email(email)


def hits(limit: Limit, key: str) -> int:
    since = timezone.now() - limit.window
    return RateLimitHit.objects.filter(
        scope=limit.scope, key=digest(key), at__gte=since
    ).count()


def exceeded(limit: Limit, key: str) -> bool:
    return hits(limit, key) >= limit.count


def record(limit: Limit, key: str) -> None:
    now = timezone.now()
    RateLimitHit.objects.filter(at__lt=now - MAX_WINDOW).delete()
    RateLimitHit.objects.create(scope=limit.scope, key=digest(key), at=now)


def allow(limit: Limit, key: str) -> bool:
    """Count one action for ``key``; False (and nothing counted) past the limit."""
    if exceeded(limit, key):
        return False
    record(limit, key)
    return True


def forget(key: str) -> int:
    """Delete every counter of ``key`` (account deletion)."""
    deleted, _ = RateLimitHit.objects.filter(key=digest(key)).delete()
    return deleted
