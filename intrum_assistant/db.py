"""The SQLite database is readable by its owner only.

Scans and PDFs are written 0600 (``FILE_UPLOAD_PERMISSIONS``); the database
holds the same people's answers, so its file, and the ``-wal``/``-shm`` files
SQLite derives from its mode, get 0600 as soon as a connection opens it
(``connection_created``), whatever the umask that created them.
"""

import contextlib
import os
from typing import Any

PRIVATE_FILE = 0o600
SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def sqlite_files(connection: Any) -> list[str]:
    """The on-disk files of a SQLite connection (none for in-memory ones)."""
    if connection.vendor != "sqlite":
        return []
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or ":memory:" in name or name.startswith("file:"):
        return []
    return [name + suffix for suffix in SQLITE_SIDE_FILES]


def make_sqlite_private(sender: Any, connection: Any, **kwargs: Any) -> None:
    for path in sqlite_files(connection):
        with contextlib.suppress(FileNotFoundError):
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, PRIVATE_FILE)
