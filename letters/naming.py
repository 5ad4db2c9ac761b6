"""Download names of letter PDFs and export entries: readable, accented, safe.

``2026-11-26 Contestation Intrum 123456.pdf``: the date of the version, the
letter's short title, the agency and its reference. Everything that could
break a path or a header is removed; Django sends non-ASCII names with
RFC 6266 ``filename*=utf-8''…``.
"""

import re
import unicodedata
from typing import Final

SHORT_TITLES: Final = {
    "contestation": "Contestation",
    "prescription": "Prescription",
    "frais": "Frais",
    "echeancier": "Échéancier",
    "harcelement": "Harcèlement",
    "quittance": "Quittance",
}

MAX_LENGTH: Final = 120
"""Longest name, extension included (well under every file system's limit)."""

# Path separators, quotes and characters Windows refuses in a file name.
_UNSAFE = re.compile(r"[/\\\"'`<>:|?*]")


def short_title(kind: str) -> str:
    return SHORT_TITLES.get(kind, kind.replace("-", " ").capitalize())


def safe_filename(stem: str, *, ext: str, fallback: str = "document") -> str:
    """``stem.ext`` without control characters, separators or quotes, ≤ 120 chars."""
    text = unicodedata.normalize("NFC", stem)
    text = "".join(
        " " if unicodedata.category(char).startswith(("C", "Z")) else char
        for char in text
    )
    text = " ".join(_UNSAFE.sub(" ", text).split()).strip(" .-")
    suffix = f".{ext}"
    text = text[: MAX_LENGTH - len(suffix)].rstrip(" .-") or fallback
    return f"{text}{suffix}"


def letter_filename(
    *, day_iso: str, kind: str, agency: str, reference: str, number: int = 1
) -> str:
    """The download name of version ``number`` of a letter."""
    parts = [day_iso, short_title(kind), agency, reference]
    if number > 1:
        parts.append(f"v{number}")
    return safe_filename(" ".join(p for p in parts if p), ext="pdf", fallback="lettre")
