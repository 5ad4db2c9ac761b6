"""Hostile uploads, through both entry points (wizard and timeline attachment).

Complements tests/dossiers/test_uploads.py (EXIF, HTML with a PNG magic, 50 MB,
count cap, OpenAction JavaScript): here valid images with a payload appended,
PDFs with JavaScript name trees, embedded files, Launch/URI actions, SVG,
just-over-the-limit size, pixel bombs, too many files in one request, and the
headers of every view that serves a stored file.
"""

import functools
import io
import struct
import zlib
from collections.abc import Callable

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from dossiers.models import Dossier, Upload
from tests.dossiers.wizard_data import post_data
from tests.factories import logged_in
from tests.security.objects import World, jpeg_bytes, png_bytes

pytestmark = pytest.mark.django_db

HTML_TAIL = b"<html><body><script>alert(document.cookie)</script></body></html>"
ZIP_TAIL = b"PK\x03\x04" + b"\x14\x00" * 10 + b"evil.html" + HTML_TAIL
REFUSED = "n'est pas une photo JPEG ou PNG ni un PDF lisible"


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG claiming huge dimensions, a few hundred bytes on disk."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grey
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    idat = zlib.compress(row * 16, 9)  # truncated on purpose: never decoded
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat)


@functools.cache
def png_bomb_valid(width: int, height: int) -> bytes:
    """A complete, valid 1-bit PNG of ``width`` × ``height`` zeros (tiny file)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    idat = zlib.compress(row * height, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def hostile_pdf() -> bytes:
    """JavaScript (name tree + page action), an attachment, Launch and URI links."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    js = pdf.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    )
    embedded = pdf.make_stream(b"MZ-evil-payload-bytes")
    embedded.Type = pikepdf.Name.EmbeddedFile
    filespec = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Filespec,
            F=pikepdf.String("evil.exe"),
            EF=pikepdf.Dictionary(F=embedded),
        )
    )
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("a"), js])),
        EmbeddedFiles=pikepdf.Dictionary(
            Names=pikepdf.Array([pikepdf.String("evil.exe"), filespec])
        ),
    )
    pdf.Root.OpenAction = js
    rect = pikepdf.Array([0, 0, 100, 100])
    pdf.pages[0].Annots = pdf.make_indirect(
        pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.FileAttachment,
                    Rect=rect,
                    FS=filespec,
                ),
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Link,
                    Rect=rect,
                    A=pikepdf.Dictionary(
                        S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")
                    ),
                ),
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Link,
                    Rect=rect,
                    A=pikepdf.Dictionary(
                        S=pikepdf.Name.URI, URI=pikepdf.String("http://127.0.0.1:9/")
                    ),
                ),
            ]
        )
    )
    pdf.pages[0].AA = pikepdf.Dictionary(O=js)
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
    b'onload="alert(1)"><script>alert(2)</script></svg>'
)


def via_wizard(client: Client, *files: SimpleUploadedFile):
    return client.post(
        reverse("dossiers:new_step", kwargs={"step": "courrier"}),
        {**post_data("courrier"), "courrier-scans": list(files)},
    )


def via_timeline(client: Client, world: World, upload: SimpleUploadedFile):
    return client.post(
        reverse("dossiers:timeline_add", kwargs={"dossier_id": world.dossier.pk}),
        {
            "kind": "letter_received",
            "occurred_on": "2026-01-02",
            "content": "courrier",
            "attachment": upload,
        },
    )


ENTRY_POINTS: dict[str, Callable] = {
    "wizard": lambda client, world, f: via_wizard(client, f),
    "timeline": via_timeline,
}


def new_uploads(world: World) -> list[Upload]:
    """Her uploads but the world's own (the other world's are not hers)."""
    return list(
        Upload.objects.filter(dossier__owner=world.user).exclude(pk=world.upload.pk)
    )


def page(response) -> str:
    return response.content.decode().replace("&#x27;", "'")


# -- refused ------------------------------------------------------------------

REFUSED_FILES = {
    "svg": ("image.svg", SVG, "image/svg+xml", REFUSED),
    "svg-named-png": ("image.png", SVG, "image/png", REFUSED),
    "html-named-jpg": (
        "photo.jpg",
        b"<!doctype html>" + HTML_TAIL,
        "image/jpeg",
        REFUSED,
    ),
    "zip": ("docs.jpg", ZIP_TAIL, "image/jpeg", REFUSED),
    "11-mb": (
        "big.jpg",
        jpeg_bytes() + b"\x00" * (11 * 1024 * 1024),
        "image/jpeg",
        "10 Mo au maximum",
    ),
    "pixel-bomb-header": (
        "bomb.png",
        png_header_only(100_000, 100_000),
        "image/png",
        "a trop de pixels",
    ),
    "pixel-bomb-40-mpx": (
        "bomb.png",
        functools.partial(png_bomb_valid, 7_000, 7_000),  # made when used
        "image/png",
        "a trop de pixels",
    ),
}


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("case", sorted(REFUSED_FILES))
def test_hostile_file_is_refused_in_french(
    case: str, entry: str, world_a: World, client_a: Client
) -> None:
    name, content, content_type, message = REFUSED_FILES[case]
    if callable(content):
        content = content()
    response = ENTRY_POINTS[entry](
        client_a, world_a, SimpleUploadedFile(name, content, content_type)
    )
    assert response.status_code == 200, case
    assert message in page(response), case
    assert new_uploads(world_a) == []
    assert Dossier.objects.filter(owner=world_a.user).count() == 1


def test_pixel_bomb_is_small_on_disk() -> None:
    assert len(png_bomb_valid(7_000, 7_000)) < 100_000
    assert len(png_header_only(100_000, 100_000)) < 10_000


# -- accepted but never stored as sent ------------------------------------------

POLYGLOTS = {
    "png+html": ("scan.png", png_bytes() + HTML_TAIL, "image/png"),
    "jpeg+zip": ("scan.jpg", jpeg_bytes() + ZIP_TAIL, "image/jpeg"),
    "jpeg+html-named-html": ("scan.html", jpeg_bytes() + HTML_TAIL, "text/html"),
}


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("case", sorted(POLYGLOTS))
def test_image_polyglot_is_reencoded_without_its_tail(
    case: str, entry: str, world_a: World, client_a: Client
) -> None:
    name, content, content_type = POLYGLOTS[case]
    response = ENTRY_POINTS[entry](
        client_a, world_a, SimpleUploadedFile(name, content, content_type)
    )
    assert response.status_code == 302, case
    (stored,) = new_uploads(world_a)
    data = stored.file.read()
    assert data.startswith(b"\xff\xd8\xff")  # JPEG, re-encoded
    assert data != content
    for needle in (b"<script", b"<html", b"PK\x03\x04", b"evil"):
        assert needle not in data, (case, needle)
    assert stored.content_type == "image/jpeg"
    assert stored.file.name.endswith(".jpg")
    assert name not in stored.file.name


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_pdf_active_content_and_attachments_are_gone(
    entry: str, world_a: World, client_a: Client
) -> None:
    raw = hostile_pdf()
    for needle in (b"JavaScript", b"EmbeddedFile", b"Launch", b"MZ-evil"):
        assert needle in raw
    response = ENTRY_POINTS[entry](
        client_a, world_a, SimpleUploadedFile("s.pdf", raw, "application/pdf")
    )
    assert response.status_code == 302
    (stored,) = new_uploads(world_a)
    data = stored.file.read()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/OpenAction" not in pdf.Root
        names = pdf.Root.get("/Names", pikepdf.Dictionary())
        assert "/JavaScript" not in names
        assert "/EmbeddedFiles" not in names
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                assert obj.get("/S") not in (
                    pikepdf.Name.JavaScript,
                    pikepdf.Name.Launch,
                    pikepdf.Name.URI,
                ), repr(obj)
                assert obj.get("/Type") != pikepdf.Name.EmbeddedFile
                assert obj.get("/Subtype") != pikepdf.Name.FileAttachment
                assert "/JS" not in obj
            if isinstance(obj, pikepdf.Stream):
                assert b"MZ-evil" not in obj.read_bytes()
    assert b"MZ-evil-payload-bytes" not in data


def test_too_many_files_in_one_request_is_400_not_500(client_a: Client) -> None:
    files = [
        SimpleUploadedFile(f"p{i}.png", png_bytes(), "image/png") for i in range(11)
    ]
    response = via_wizard(client_a, *files)
    assert response.status_code == 400
    assert not Upload.objects.filter(original_name="p0.png").exists()


# -- serving -------------------------------------------------------------------


def _served(world: World) -> dict[str, str]:
    d, u = world.dossier.pk, world.upload.pk
    return {
        "owner": reverse("dossiers:upload", kwargs={"dossier_id": d, "upload_id": u}),
        "viewer": reverse(
            "associations:upload", kwargs={"dossier_id": d, "upload_id": u}
        ),
        "letter": reverse(
            "letters:download",
            kwargs={"dossier_id": d, "kind": world.letter.kind, "number": 1},
        ),
    }


@pytest.mark.parametrize("view", ["owner", "viewer", "letter"])
def test_served_files_are_sandboxed(view: str, world_a: World) -> None:
    response = logged_in(world_a.user).get(_served(world_a)[view])
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
    disposition = response["Content-Disposition"]
    assert "filename=" in disposition
    assert world_a.upload.original_name not in disposition  # server-chosen name
    if view == "letter":
        assert disposition.startswith("attachment")
    assert response["Content-Type"] in ("image/jpeg", "application/pdf")


def test_uploaded_pdf_is_served_as_attachment(world_a: World, client_a: Client) -> None:
    via_timeline(
        client_a,
        world_a,
        SimpleUploadedFile("s.pdf", hostile_pdf(), "application/pdf"),
    )
    (stored,) = new_uploads(world_a)
    for name in ("dossiers:upload", "associations:upload"):
        url = reverse(
            name, kwargs={"dossier_id": world_a.dossier.pk, "upload_id": stored.pk}
        )
        response = client_a.get(url)
        assert response["Content-Disposition"].startswith("attachment"), name
        assert response["Content-Type"] == "application/pdf"
