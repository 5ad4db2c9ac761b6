"""Brute-force protection helpers for django-axes."""

from typing import Any

from django.http import HttpRequest


def username_for_lockout(
    request: HttpRequest, credentials: dict[str, Any] | None
) -> str:
    """The login tried, lower-cased: changing the case does not reset the count."""
    candidates = [
        (credentials or {}).get("username"),
        (credentials or {}).get("email"),
        request.POST.get("username") if request is not None else None,
    ]
    value = next((c for c in candidates if c), "")
    return str(value).strip().lower()[:254]
