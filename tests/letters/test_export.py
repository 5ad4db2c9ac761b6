"""ZIP export of a dossier: content, chronology read back, access matrix."""

import datetime as dt
import hashlib
import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dossiers import services as dossier_services
from dossiers.models import Dossier
from dossiers.uploads import CleanFile
from letters import export, services
from letters.catalog import LETTERS
from letters.models import Letter, LetterVersion

from .conftest import pdf_text

TODAY = timezone.localdate()
JPEG = b"\xff\xd8\xff\xe0fake-jpeg-bytes"


def _url(dossier: Dossier) -> str:
    return reverse("letters:export", args=[dossier.pk])


def _generate(dossier: Dossier, kind: str) -> LetterVersion:
    letter = services.letter_get_or_create(dossier=dossier, kind=kind)
    return services.letter_generate(letter=letter, spec=LETTERS[kind])


@pytest.fixture
def full_dossier(barred_dossier: Dossier) -> Dossier:
    """Two versions of one letter, one of another, a timeline with a scan."""
    _generate(barred_dossier, "prescription")
    _generate(barred_dossier, "prescription")
    _generate(barred_dossier, "contestation")
    services.letter_mark_sent(
        letter=Letter.objects.get(kind="prescription"),
        sent_on=TODAY - dt.timedelta(days=6),
        registered_number="1A 234 567 8901 2",
        ar_received_on=TODAY - dt.timedelta(days=3),
    )
    dossier_services.timeline_add(
        dossier=barred_dossier,
        kind="call",
        occurred_on=TODAY - dt.timedelta(days=20),
        occurred_at_time=dt.time(21, 40),
        direction="from_agency",
        who="appel masqué",
        content="Menace de saisie sur salaire.",
        attachment=CleanFile(JPEG, "image", "image/jpeg", "../../photo appel.jpg"),
    )
    return barred_dossier


def _zip(client: Client, dossier: Dossier) -> zipfile.ZipFile:
    response = client.get(_url(dossier))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_zip_holds_every_pdf_upload_chronology_and_readme(
    full_dossier: Dossier, debtor_client: Client
) -> None:
    archive = _zip(debtor_client, full_dossier)
    names = archive.namelist()
    assert archive.testzip() is None
    day = TODAY.isoformat()
    chronology = f"{day} Chronologie Intrum.pdf"
    assert set(names) == {
        "LISEZMOI.txt",
        chronology,
        f"Lettres/{day} Prescription Intrum INT-4471-2026.pdf",
        f"Lettres/{day} Prescription Intrum INT-4471-2026 v2.pdf",
        f"Lettres/{day} Contestation Intrum INT-4471-2026.pdf",
        f"Documents/courrier-{full_dossier.pk}-{full_dossier.uploads.get().pk}.jpg",
    }
    for name in names:  # server-chosen, safe names
        assert not name.startswith("/")
        assert ".." not in name
        assert "\\" not in name
    # Every version is there byte for byte.
    for version in LetterVersion.objects.select_related("letter__dossier"):
        data = archive.read(f"Lettres/{version.download_name}")
        assert hashlib.sha256(data).hexdigest() == version.sha256
    upload = full_dossier.uploads.get()
    assert archive.read(f"Documents/{upload.download_name}") == JPEG
    readme = archive.read("LISEZMOI.txt").decode()
    assert chronology in readme
    assert "introuvables" not in readme
    # Members carry real dates (local time), not the ZIP epoch of 1980.
    version = LetterVersion.objects.first()
    stamp = timezone.localtime(version.created_at).timetuple()[:6]
    stored = archive.getinfo(f"Lettres/{version.download_name}").date_time
    assert stored == (*stamp[:5], stamp[5] // 2 * 2)  # ZIP keeps even seconds
    for info in archive.infolist():
        assert info.date_time[0] >= 2020, info
        assert info.compress_type == zipfile.ZIP_DEFLATED


def test_chronology_pdf_reads_back(
    full_dossier: Dossier, debtor_client: Client
) -> None:
    archive = _zip(debtor_client, full_dossier)
    text = pdf_text(archive.read(f"{TODAY.isoformat()} Chronologie Intrum.pdf"))
    assert "Chronologie du dossier" in text
    assert "INT-4471-2026" in text
    assert "21 h 40" in text
    assert "Menace de saisie sur salaire." in text
    assert "Courrier envoyé à l'agence" in text
    assert "Avis de réception reçu" in text
    assert "1A 234 567 8901 2" in text
    assert "Relancer l'agence" in text  # the follow-up deadline after the AR
    follow_up = TODAY - dt.timedelta(days=3) + dt.timedelta(days=30)
    assert f"{follow_up.year}" in text
    assert "version 2" in text
    assert "Sophie Martin" in text


def test_missing_file_is_listed_not_fatal(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    letter = services.letter_get_or_create(dossier=barred_dossier, kind="frais")
    LetterVersion.objects.create(
        letter=letter, number=1, pdf="letters/gone.pdf", sha256="0" * 64, size=1
    )
    archive = _zip(debtor_client, barred_dossier)
    assert not [n for n in archive.namelist() if n.startswith("Lettres/")]
    assert "Frais" in archive.read("LISEZMOI.txt").decode()


def test_empty_dossier_exports(dossier: Dossier, debtor_client: Client) -> None:
    archive = _zip(debtor_client, dossier)
    assert "LISEZMOI.txt" in archive.namelist()
    assert len(archive.namelist()) == 2


def test_other_user_404_anonymous_login(
    full_dossier: Dossier, other_client: Client
) -> None:
    assert other_client.get(_url(full_dossier)).status_code == 404
    assert other_client.get("/dossiers/999999/export.zip").status_code == 404
    response = Client().get(_url(full_dossier))
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")


def test_only_get(full_dossier: Dossier, debtor_client: Client) -> None:
    assert debtor_client.post(_url(full_dossier)).status_code == 405


def test_dossier_page_links_to_the_export(
    dossier: Dossier, debtor_client: Client
) -> None:
    page = debtor_client.get(reverse("dossiers:detail", args=[dossier.pk]))
    assert _url(dossier) in page.content.decode()


def test_archive_name_is_safe(dossier: Dossier) -> None:
    dossier.agency_name = "A/B\\C"
    dossier.agency_reference = '"x"'
    assert export.archive_name(dossier, today=dt.date(2026, 11, 26)) == (
        "2026-11-26 Dossier A B C x.zip"
    )
