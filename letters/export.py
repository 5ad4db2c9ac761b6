"""ZIP export of a whole dossier: letters (every version), uploads, chronology.

Built in an anonymous temporary file (deleted when closed), never in memory
as a whole; every name inside the archive is chosen by the server.
"""

import datetime as dt
import shutil
import tempfile
import zipfile
from typing import IO

from django.utils import timezone

from dossiers.assessment import assess_dossier
from dossiers.law.dates import format_date
from dossiers.models import Dossier
from reading.services import texts_for_export

from .chronology import render_chronology
from .models import LetterVersion
from .naming import safe_filename

README_NAME = "LISEZMOI.txt"
LETTERS_DIR = "Lettres"
DOCUMENTS_DIR = "Documents"


def archive_name(dossier: Dossier, *, today: dt.date) -> str:
    parts = [
        today.isoformat(),
        "Dossier",
        dossier.agency_name,
        dossier.agency_reference,
    ]
    return safe_filename(" ".join(p for p in parts if p), ext="zip", fallback="dossier")


def chronology_name(dossier: Dossier, *, today: dt.date) -> str:
    parts = [today.isoformat(), "Chronologie", dossier.agency_name]
    return safe_filename(" ".join(p for p in parts if p), ext="pdf")


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``… when an entry already has it."""
    stem, dot, ext = name.rpartition(".")
    candidate, counter = name, 2
    while candidate in taken:
        candidate = f"{stem} ({counter}){dot}{ext}"
        counter += 1
    taken.add(candidate)
    return candidate


def _entry(name: str, when: dt.datetime) -> zipfile.ZipInfo:
    """An archive member dated in local time (a bare name would say 1980)."""
    local = timezone.localtime(when)
    info = zipfile.ZipInfo(name, date_time=local.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _copy(
    archive: zipfile.ZipFile, field_file: object, entry: str, when: dt.datetime
) -> bool:
    """Copy a stored file into the archive; False when it is missing."""
    try:
        source = field_file.open("rb")  # type: ignore[attr-defined]
    except OSError:
        return False
    with source, archive.open(_entry(entry, when), "w") as target:
        shutil.copyfileobj(source, target, 64 * 1024)
    return True


def sent_note(version: LetterVersion) -> str:
    """`` — la version envoyée le 3 décembre 2026 (recommandé n° …)`` for the
    version that went in the envelope, else « »."""
    letter = version.letter
    if letter.sent_version_id != version.pk or letter.sent_on is None:
        return ""
    note = f" — la version envoyée le {format_date(letter.sent_on)}"
    if letter.registered_number:
        note += f" (recommandé n° {letter.registered_number})"
    if letter.ar_received_on:
        note += f", avis de réception reçu le {format_date(letter.ar_received_on)}"
    return note


def _readme(
    dossier: Dossier,
    today: dt.date,
    entries: list[str],
    missing: list[str],
    notes: dict[str, str],
) -> str:
    lines = [
        f"Export du dossier « {dossier.display_title} »",
        f"Établi le {format_date(today)} par l'Assistant recouvrement.",
        "",
        "Contenu :",
        f"- {entries[0]} : la chronologie (événements, échéances, lettres envoyées"
        " et avis de réception) ;",
        f"- {LETTERS_DIR}/ : chaque lettre générée, toutes ses versions (le PDF"
        " exact, son empreinte SHA-256 figure dans la chronologie) ;",
        f"- {DOCUMENTS_DIR}/ : les courriers et documents que vous avez déposés,"
        " et le texte que l'assistant y a lu (« Texte lu »).",
        "",
        "Fichiers :",
        *(f"- {entry}{notes.get(entry, '')}" for entry in entries),
    ]
    if missing:
        lines += ["", "Fichiers introuvables au moment de l'export :"]
        lines += [f"- {name}" for name in missing]
    lines += [
        "",
        "Ces documents contiennent des données personnelles : conservez-les en lieu"
        " sûr. Cet export n'est pas un avis juridique.",
        "",
    ]
    return "\n".join(lines)


def build_archive(dossier: Dossier, *, today: dt.date | None = None) -> IO[bytes]:
    """The dossier's ZIP in a temporary file, positioned at its start.

    The caller closes it (``FileResponse`` does); closing deletes it.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    assessment = assess_dossier(dossier, today=today)
    chronology = render_chronology(dossier, assessment, today=today)
    versions = (
        LetterVersion.objects.filter(letter__dossier=dossier)
        .select_related("letter__dossier")
        .order_by("letter__kind", "number")
    )
    taken: set[str] = set()
    entries: list[str] = []
    missing: list[str] = []
    notes: dict[str, str] = {}
    output = tempfile.TemporaryFile(prefix="export-", suffix=".zip")  # noqa: SIM115
    try:
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            entry = _unique(chronology_name(dossier, today=today), taken)
            archive.writestr(_entry(entry, now), chronology)
            entries.append(entry)
            for version in versions:
                entry = _unique(f"{LETTERS_DIR}/{version.download_name}", taken)
                notes[entry] = sent_note(version)
                if _copy(archive, version.pdf, entry, version.created_at):
                    entries.append(entry)
                else:
                    missing.append(entry)
            for upload in dossier.uploads.all():
                name = safe_filename(
                    upload.download_name.rsplit(".", 1)[0], ext=upload.extension
                )
                entry = _unique(f"{DOCUMENTS_DIR}/{name}", taken)
                if _copy(archive, upload.file, entry, upload.uploaded_at):
                    entries.append(entry)
                else:
                    missing.append(entry)
            for job_id, text, when in texts_for_export(dossier):
                entry = _unique(
                    f"{DOCUMENTS_DIR}/Texte lu - lecture {job_id}.txt", taken
                )
                archive.writestr(_entry(entry, when), text)
                entries.append(entry)
            readme = _readme(dossier, today, entries, missing, notes)
            archive.writestr(_entry(README_NAME, now), readme)
    except BaseException:
        output.close()
        raise
    output.seek(0)
    return output
