"""One file read as the web journey reads it: ``read_letter`` and the bench.

The file goes through the same upload checks (``clean_upload``: content
sniffing, caps, re-encoding) and the same reader, in the same kind of child
process with the same limits, as a photo sent from the intake page.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from dossiers.uploads import MAX_UPLOAD_BYTES, clean_upload

from . import runner
from .extraction import LetterDraft, extract
from .reader import Document, ReadingError
from .services import PAGE_SEPARATOR, directory

CLI_KEYS = (
    "agency",
    "agency_address",
    "reference",
    "letter_date",
    "creditor",
    "creditor_address",
    "agency_role",
    "letter_kind",
    "total",
    "lines",
    "fees_article_reproduced",
    "pages",
    "seconds",
)
"""The keys of ``read_letter --json``, in this order, and no other."""


class FileRefused(Exception):
    """The file cannot be read; ``message`` says why, in French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FileReading:
    draft: LetterDraft
    text: str
    pages: int
    seconds: float

    def as_json(self) -> dict[str, Any]:
        data = self.draft.as_dict()
        data["lines"] = [
            {"label": line["label"], "amount": line["amount"]} for line in data["lines"]
        ]
        data["pages"], data["seconds"] = self.pages, round(self.seconds, 2)
        return {key: data[key] for key in CLI_KEYS}


def _clean(path: Path) -> Document:
    try:
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise FileRefused(f"« {path.name} » est trop lourd : 10 Mo au maximum.")
        upload = SimpleUploadedFile(path.name, path.read_bytes())
        clean = clean_upload(upload)
    except OSError as exc:
        raise FileRefused(f"« {path.name} » ne peut pas être ouvert.") from exc
    except ValidationError as exc:
        raise FileRefused(" ".join(exc.messages)) from exc
    return Document(clean.kind, clean.content)


def read_file(
    path: Path, *, agencies: list[tuple[int, str, str]] | None = None
) -> FileReading:
    """Read one letter file (JPEG, PNG, HEIC or PDF)."""
    return read_files([path], agencies=agencies)


def read_files(
    paths: list[Path], *, agencies: list[tuple[int, str, str]] | None = None
) -> FileReading:
    """Read the pages of one letter: a PDF, or one photo per page."""
    documents = [_clean(path) for path in paths]
    try:
        outcome = runner.read(
            documents,
            max_pages=settings.READING_MAX_PAGES,
            limit=settings.READING_TIME_LIMIT,
        )
    except ReadingError as exc:
        raise FileRefused(exc.message) from exc
    except runner.ReadingTimeout as exc:
        raise FileRefused("La lecture a pris trop de temps et a été arrêtée.") from exc
    text = PAGE_SEPARATOR.join(page.text for page in outcome.pages)
    draft = extract(text, directory() if agencies is None else agencies)
    return FileReading(draft, text, len(outcome.pages), outcome.seconds)
