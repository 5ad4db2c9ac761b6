"""Private files and transactions: a rollback takes its files with it.

``FieldFile.save`` writes to the storage at once; the row that names the file
is committed later. If the transaction rolls back instead, no row points to the
file any more and nothing would ever delete it.

``atomic()`` is ``transaction.atomic()`` plus that cleanup: the files saved with
``save_file()`` inside it are deleted when the block rolls back (an exception
leaving it, a failed commit, or ``transaction.set_rollback(True)``). Blocks nest
like savepoints: an inner block that succeeds hands its files to the enclosing
``atomic()``, so they are still deleted if that one rolls back later; an inner
block that rolls back deletes only its own files.

Use ``atomic()`` for the outermost block of a write that stores files. Under a
plain ``transaction.atomic()`` the final outcome cannot be seen; a file left by
such an outer rollback (or by a crash between the write and the commit) is
removed later by ``manage.py sweep_private_files``, which deletes files that no
row references once they are older than a grace period.
"""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import Storage
from django.db import models, transaction
from django.db.models.fields.files import FieldFile

logger = logging.getLogger(__name__)

SWEPT_DIRECTORIES = ("dossiers", "letters")
"""Top-level folders of the private storage that hold files named by rows
(``Upload.file``: ``dossiers/<id>/…``, ``LetterVersion.pdf``: ``letters/<id>/…``).
The sweep looks only there, so a misconfigured ``PRIVATE_ROOT`` (the database's
folder, say) cannot lose anything else."""

_local = threading.local()


def _stack() -> list[list[tuple[Storage, str]]]:
    """Files saved so far by each open ``atomic()`` of this thread, innermost last."""
    stack: list[list[tuple[Storage, str]]] | None = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


@contextmanager
def atomic(using: str | None = None, savepoint: bool = True) -> Iterator[None]:
    """``transaction.atomic()`` that deletes the files saved inside it if it rolls back.

    Also a decorator: ``@private_files.atomic()``.
    """
    stack = _stack()
    written: list[tuple[Storage, str]] = []
    stack.append(written)
    kept = False
    try:
        with transaction.atomic(using=using, savepoint=savepoint):
            yield
            connection = transaction.get_connection(using)
            # No exception, yet the block may still roll back (an inner error
            # caught, set_rollback(True)): Atomic.__exit__ reads these flags.
            kept = not (connection.needs_rollback or connection.closed_in_transaction)
    except BaseException:
        kept = False
        raise
    finally:
        stack.pop()
        if not kept:
            _delete(written)
        elif stack:
            stack[-1].extend(written)


def save_file(field_file: FieldFile, name: str, content: File) -> None:
    """``field_file.save(name, content, save=False)``, undone if the enclosing
    ``atomic()`` rolls back. Refused outside ``atomic()``."""
    stack = _stack()
    if not stack:
        raise RuntimeError(
            "save_file() needs private_files.atomic(): "
            "a rollback would leave the file behind."
        )
    field_file.save(name, content, save=False)
    stack[-1].append((field_file.storage, field_file.name))


def _delete(files: list[tuple[Storage, str]]) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except Exception:  # never hide the error that caused the rollback
            logger.warning(
                "Could not delete %s after a rollback (sweep_private_files will).",
                name,
                exc_info=True,
            )


def file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    """Every concrete FileField of every installed model.

    The sweep treats a name found in any of them as referenced, whatever its
    storage: being too careful can only keep a stray file, never lose one.
    """
    return [
        (model, field)
        for model in apps.get_models(include_auto_created=True)
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def referenced(names: list[str], *, chunk: int = 500) -> set[str]:
    """Those of ``names`` that some row's FileField holds (all rows, even
    those a custom default manager would hide)."""
    found: set[str] = set()
    fields = file_fields()
    for start in range(0, len(names), chunk):
        batch = names[start : start + chunk]
        for model, field in fields:
            found.update(
                model._base_manager.filter(**{f"{field.attname}__in": batch})
                .values_list(field.attname, flat=True)
                .distinct()
            )
    return found
