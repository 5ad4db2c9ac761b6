"""System checks that refuse an insecure production start."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register


@register(Tags.security, deploy=False)
def check_secret_key(
    app_configs: Sequence[Any] | None, **kwargs: Any
) -> list[CheckMessage]:
    """DEBUG off with the development key would sign sessions with a public key."""
    if settings.DEBUG or settings.SECRET_KEY != settings.DEV_SECRET_KEY:
        return []
    return [
        Error(
            "DEBUG is off but DJANGO_SECRET_KEY is the development key.",
            hint="Set DJANGO_SECRET_KEY to a long random value (see README).",
            id="intrum_assistant.E001",
        )
    ]
