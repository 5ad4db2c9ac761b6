"""The dossier page's cached parts (``templates/dossiers/detail.html``).

The page is read far more often than its dossier changes, and most of its cost
(the assessment, the timeline, the files, the letters and the templates that
show them) goes into parts that depend only on the dossier's own rows, today's
date and the owner's CSRF secret (their delete buttons carry a token). Those
parts are kept in the cache (``{% cache %}``) under the fingerprint of these
inputs, read in one plain query: a change made by any path (services, the
admin, a cascade) gives a new key, so there is nothing to invalidate and a
cache per process stays right. What the page shows of other rows (the sharing
section, the volunteers' advice, their associations and authors) and every
per-request token (``submit_once_field``, the messages) stay outside.

A row that can change in place must carry an ``updated_at`` (``auto_now``):
the fingerprint reads, for each table the parts show, the number of rows, the
highest id (ids are never reused) and the latest ``updated_at``. The key is
read before the parts are rendered: a write in between can only store newer
content under a key no later request will compute.
"""

import hashlib
from datetime import date
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Model

from .models import Dossier

TIMEOUT = 24 * 60 * 60
"""Seconds a part is kept; the key changes with the date anyway."""


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


@cache
def _fingerprint_sql() -> str:
    """One row per table: COUNT(*), MAX(id), MAX(last change). Built from the
    models' metadata, so that ``dossiers`` names no other app's table."""
    upload = Dossier._meta.get_field("uploads").related_model
    event = Dossier._meta.get_field("timeline_events").related_model
    letter = Dossier._meta.get_field("letters").related_model
    version = letter._meta.get_field("versions").related_model  # type: ignore[union-attr]
    parts = [
        f"SELECT COUNT(*), MAX(id), MAX({stamp}) FROM {_table(model)}"  # type: ignore[arg-type]
        " WHERE dossier_id = %s"
        for model, stamp in (
            (upload, "uploaded_at"),
            (event, "updated_at"),
            (letter, "updated_at"),
        )
    ]
    parts.append(
        f"SELECT COUNT(*), MAX(v.id), MAX(v.created_at) FROM {_table(version)} v"  # type: ignore[arg-type]
        f" JOIN {_table(letter)} l ON v.letter_id = l.id WHERE l.dossier_id = %s"  # type: ignore[arg-type]
    )
    return " UNION ALL ".join(parts)


def page_key(dossier: Dossier, *, today: date, csrf_secret: str) -> str:
    """The key of the page's cached parts: the dossier's row as read, its
    related rows' fingerprint, the date and the CSRF secret (a digest)."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql(), [dossier.pk] * 4)
        related = cursor.fetchall()
    row: list[Any] = [
        field.value_from_object(dossier) for field in Dossier._meta.concrete_fields
    ]
    material = repr((row, related, today.isoformat(), csrf_secret))
    return hashlib.sha256(material.encode()).hexdigest()
