"""Delete private files that no row references (cron, daily).

Every file in the private storage (``STORAGES["default"]``, ``PRIVATE_ROOT``) is
named by a row: an ``Upload`` (scans, timeline attachments) or a
``LetterVersion`` (generated PDFs). A file is written before its row is
committed; a rollback seen by ``dossiers.private_files.atomic`` deletes it, but
a crash between the two, or a rollback of an enclosing plain transaction, can
leave one behind. This command finds those.

Only the folders listed in ``private_files.SWEPT_DIRECTORIES`` are looked at. A
file is kept when any FileField of any model names it (whatever its storage,
including rows a default manager would hide) or when it is younger than the
grace period: a transaction may still be about to commit its row. The rest is
deleted. Idempotent; safe to run while the site serves, and concurrently.
"""

import datetime as dt
import posixpath
from collections.abc import Iterator
from typing import Any

from django.core.files.storage import Storage, default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from dossiers import private_files

MIN_HOURS = 1.0


class Command(BaseCommand):
    help = (
        "Delete files of the private storage that no row references and that are "
        "older than --older-than hours (default 24)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=float,
            default=24.0,
            metavar="HOURS",
            help=(
                "Grace period: younger files are kept, their row may not be "
                f"committed yet (default 24, at least {MIN_HOURS:g})."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the files that would be deleted; delete nothing.",
        )

    def handle(
        self,
        *args: Any,
        older_than: float = 24.0,
        dry_run: bool = False,
        **options: Any,
    ) -> None:
        if not older_than >= MIN_HOURS:
            raise CommandError(
                f"--older-than must be at least {MIN_HOURS:g} hour: a younger file "
                "may belong to a transaction that has not committed yet."
            )
        storage = default_storage
        cutoff = timezone.now() - dt.timedelta(hours=older_than)
        scanned, young, old = 0, 0, []
        for name in _files(storage):
            scanned += 1
            try:
                modified = storage.get_modified_time(name)
            except FileNotFoundError:  # deleted meanwhile (an upload deletion)
                continue
            if modified < cutoff:
                old.append(name)
            else:
                young += 1
        # Read after listing: a row committed meanwhile is seen.
        kept = private_files.referenced(old)
        orphans = sorted(name for name in old if name not in kept)
        deleted = 0
        for name in orphans:
            if dry_run:
                self.stdout.write(f"[dry-run] would delete {name}")
                continue
            storage.delete(name)
            deleted += 1
            if options.get("verbosity", 1) >= 2:
                self.stdout.write(f"deleted {name}")
        folders = ", ".join(f"{d}/" for d in private_files.SWEPT_DIRECTORIES)
        outcome = (
            f"{len(orphans)} would be deleted (dry run)"
            if dry_run
            else f"{deleted} deleted"
        )
        self.stdout.write(
            f"sweep_private_files: {scanned} file(s) under {folders}; "
            f"{len(kept)} older and referenced (kept), "
            f"{young} younger than {older_than:g} h (kept), "
            f"{len(orphans)} unreferenced: {outcome}."
        )


def _files(storage: Storage) -> Iterator[str]:
    for top in private_files.SWEPT_DIRECTORIES:
        yield from _walk(storage, top)


def _walk(storage: Storage, path: str) -> Iterator[str]:
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in files:
        yield posixpath.join(path, name)
    for directory in directories:
        yield from _walk(storage, posixpath.join(path, directory))
