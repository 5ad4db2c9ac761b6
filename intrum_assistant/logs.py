"""Secrets in URLs never reach a log.

Three URLs carry a secret in their path: the calendar feed
(``/calendrier/<secret>.ics``), an association's invitation
(``/associations/invitation/<secret>/``) and the password-reset link
(``/compte/mot-de-passe/nouveau/<uid>/<secret>/``). :func:`redact` replaces
the secret by ``[secret]``; gunicorn's access log (``make serve``:
``--logger-class intrum_assistant.logs.GunicornLogger``) and Django's request
and development-server loggers (``RedactSecrets``, added in
``IntrumAssistantConfig.ready``) log the path through it.
"""

import logging
import re
from typing import Any

from gunicorn.glogging import Logger

_SEGMENT = r"[^/?#\s\"']+"
SECRET_PATHS = (
    re.compile(rf"(/calendrier/){_SEGMENT}(\.ics)"),
    re.compile(rf"(/associations/invitation/){_SEGMENT}()"),
    re.compile(
        rf"(/compte/mot-de-passe/nouveau/{_SEGMENT}/)(?!set-password\b){_SEGMENT}()"
    ),
)
REDACTED = "[secret]"


def redact(value: Any) -> Any:
    """``value`` with the secret of every secret-bearing path replaced."""
    if not isinstance(value, str):
        return value
    for pattern in SECRET_PATHS:
        value = pattern.sub(rf"\g<1>{REDACTED}\g<2>", value)
    return value


class RedactSecrets(logging.Filter):
    """A logger filter: the message and its arguments, redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: redact(arg) for key, arg in record.args.items()}
        return True


REDACTED_LOGGERS = ("django.request", "django.server", "django.security")


def install() -> None:
    for name in REDACTED_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())


class GunicornLogger(Logger):  # type: ignore[misc]
    """gunicorn's logger, whose access-log atoms (request line, path, query,
    referer, environ) are redacted."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> Any:
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) for key, value in atoms.items()}
