"""System checks that refuse an insecure production start."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register


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


@register(Tags.security, deploy=True)
def check_lockout_behind_proxy(
    app_configs: Sequence[Any] | None, **kwargs: Any
) -> list[CheckMessage]:
    """Behind a proxy every client shares the proxy's IP: the lock-out (per
    e-mail + IP) would then let anyone lock a victim out by e-mail alone."""
    behind_proxy = settings.SECURE_PROXY_SSL_HEADER is not None
    if not behind_proxy or settings.AXES_IPWARE_PROXY_COUNT:
        return []
    return [
        Warning(
            "DJANGO_BEHIND_PROXY is on but AXES_PROXY_COUNT is not set.",
            hint="Set AXES_PROXY_COUNT to the number of proxies in front of the app.",
            id="intrum_assistant.W001",
        )
    ]
