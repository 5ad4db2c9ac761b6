"""Hostile files on the intake: each gets a clear French message, and nothing
is left half-written (no dossier, no stored file, no job) when it is refused."""

import io
from pathlib import Path

import pikepdf
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dossiers.models import Dossier, Upload
from reading import services
from reading.models import ReadingJob
from tests.security.objects import jpeg_bytes
from tests.security.test_uploads import HTML_TAIL, ZIP_TAIL, hostile_pdf, png_bomb_valid

from .conftest import blank_photo

pytestmark = pytest.mark.django_db

NOT_READABLE = "n&#x27;est pas une photo JPEG ou PNG ni un PDF lisible"


def pdf_bytes(pages: int = 1, **save: object) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, **save)
    return out.getvalue()


def stored_files() -> list[Path]:
    root = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def post(client: Client, name: str, content: bytes):
    return client.post(
        "/dossiers/nouveau/", {"scans": [SimpleUploadedFile(name, content)]}
    )


def assert_nothing_written() -> None:
    assert not Dossier.objects.exists()
    assert not Upload.objects.exists()
    assert not ReadingJob.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "bombe.png",
            png_bomb_valid(7_000, 7_000),
            "a trop de pixels (plus de 16 mégapixels)",
        ),
        (
            "bombe.png",
            png_bomb_valid(20_000, 20_000),
            "a trop de pixels (plus de 16 mégapixels)",
        ),  # refused from its header, before Pillow's own guard
        ("gros.pdf", pdf_bytes(200), "a trop de pages (30 au maximum)"),
        (
            "secret.pdf",
            pdf_bytes(1, encryption=pikepdf.Encryption(user="secret", owner="owner")),
            NOT_READABLE,
        ),
        ("faux.pdf", b"%PDF-1.4\n" + HTML_TAIL, NOT_READABLE),
        ("vide.jpg", b"", "Le fichier soumis est vide."),
    ],
    ids=[
        "pixel-bomb",
        "decompression-bomb",
        "200-pages",
        "encrypted",
        "pdf-html-polyglot",
        "empty",
    ],
)
def test_refused_with_a_french_message_and_nothing_written(
    debtor_client: Client, name: str, content: bytes, message: str
) -> None:
    response = post(debtor_client, name, content)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'id="erreurs"' in body
    assert 'role="alert"' in body
    assert_nothing_written()


def _accepted_then_read(client: Client, name: str, content: bytes) -> ReadingJob:
    response = post(client, name, content)
    assert response.status_code == 302
    job = ReadingJob.objects.get()
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def test_pdf_with_javascript_is_stripped_then_read(debtor_client: Client) -> None:
    job = _accepted_then_read(debtor_client, "piege.pdf", hostile_pdf())
    stored = Upload.objects.get().file.read()
    assert b"/JavaScript" not in stored
    assert b"evil.exe" not in stored
    assert job.status == "done"
    page = debtor_client.get(f"/dossiers/{job.dossier_id}/lecture/", follow=True)
    assert services.NOTHING_READ.replace("'", "&#x27;") in page.content.decode()


def test_jpeg_zip_polyglot_is_re_encoded_then_read(debtor_client: Client) -> None:
    job = _accepted_then_read(
        debtor_client, "photo.jpg", jpeg_bytes((300, 400)) + ZIP_TAIL
    )
    stored = Upload.objects.get().file.read()
    assert b"PK\x03\x04" not in stored
    assert b"<script>" not in stored
    assert services.outcome_message(job) == services.NOTHING_READ


def test_photo_with_no_text_says_so_and_keeps_the_photo(
    debtor_client: Client, tmp_path: Path
) -> None:
    photo = blank_photo(tmp_path / "table.jpg").read_bytes()
    job = _accepted_then_read(debtor_client, "table.jpg", photo)
    assert job.status == "done"
    assert job.result
    assert job.result["empty"] is True
    page = debtor_client.get(f"/dossiers/{job.dossier_id}/lecture/", follow=True)
    assert (
        page.redirect_chain[-1][0] == f"/dossiers/{job.dossier_id}/modifier/courrier/"
    )
    assert "Nous n&#x27;avons pas pu lire ce courrier" in page.content.decode()
    assert Upload.objects.filter(dossier_id=job.dossier_id).count() == 1


def test_heic_photo_is_accepted_and_stored_as_jpeg(debtor_client: Client) -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (300, 400), "white").save(out, "HEIF")
    response = post(debtor_client, "IMG_0001.HEIC", out.getvalue())
    assert response.status_code == 302
    upload = Upload.objects.get()
    assert upload.content_type == "image/jpeg"
    assert upload.file.read(3) == b"\xff\xd8\xff"
