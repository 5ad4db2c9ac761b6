"""Large images in small files, and what survives re-encoding (issue 20
items 5 and 16).

One limit, ``dossiers.uploads.MAX_IMAGE_PIXELS``, checked before decoding
(``open_image``, which the letter reader uses too); JPEGs larger than what is
stored decode at a reduced scale; the stored JPEG holds pixels only.
"""

import functools
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from dossiers.uploads import (
    MAX_IMAGE_PIXELS,
    MAX_IMAGE_SIDE,
    ImageTooLarge,
    open_image,
)
from tests.security.objects import World
from tests.security.test_uploads import ENTRY_POINTS, new_uploads, page

ROOT = Path(__file__).resolve().parents[2]
HTML = b"<html><script>alert(document.cookie)</script></html>"


def png(size: tuple[int, int], **info: str) -> bytes:
    text = PngImagePlugin.PngInfo()
    for key, value in info.items():
        text.add_text(key, value)
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, "PNG", pnginfo=text)
    return out.getvalue()


def jpeg(size: tuple[int, int], **params: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, "JPEG", **params)
    return out.getvalue()


@functools.cache
def png_36_mpx() -> bytes:
    """Made on first use, not when every test process collects the module."""
    return png((7200, 5000))


def test_the_36_megapixel_png_is_a_small_file() -> None:
    assert len(png_36_mpx()) < 200_000
    assert MAX_IMAGE_PIXELS < 7200 * 5000


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_a_36_megapixel_png_is_refused_in_french(
    entry: str, world_a: World, client_a
) -> None:
    upload = SimpleUploadedFile("scan.png", png_36_mpx(), "image/png")
    response = ENTRY_POINTS[entry](client_a, world_a, upload)
    assert response.status_code == 200
    assert "a trop de pixels (plus de 16 mégapixels)" in page(response)
    assert new_uploads(world_a) == []


def test_open_image_refuses_before_decoding() -> None:
    with pytest.raises(ImageTooLarge):
        open_image(io.BytesIO(png_36_mpx()))


@pytest.mark.parametrize(
    "size",
    [(5712, 4284), (4032, 3024), (8064, 6048)],
    ids=["24-mpx-phone", "12-mpx-phone", "48-mpx-phone"],
)
def test_phone_photos_are_accepted_and_downscaled(
    size: tuple[int, int], world_a: World, client_a
) -> None:
    upload = SimpleUploadedFile("photo.jpg", jpeg(size), "image/jpeg")
    assert ENTRY_POINTS["timeline"](client_a, world_a, upload).status_code == 302
    (stored,) = new_uploads(world_a)
    with Image.open(stored.file) as image:
        assert max(image.size) == MAX_IMAGE_SIDE


def test_large_jpeg_decodes_at_a_reduced_scale() -> None:
    with open_image(io.BytesIO(jpeg((8064, 6048)))) as image:
        assert image.size == (4032, 3024)  # libjpeg's 1/2 scale, nothing decoded yet
        assert image.width * image.height <= MAX_IMAGE_PIXELS


# -- memory --------------------------------------------------------------------

MEASURE = r"""
import io, json, os, resource, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intrum_assistant.settings")
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.exceptions import ValidationError
from dossiers.uploads import clean_upload
data = sys.stdin.buffer.read()
name = sys.argv[1]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    clean_upload(SimpleUploadedFile(name, data, "application/octet-stream"))
    outcome = "accepted"
except ValidationError as exc:
    outcome = exc.code
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "peak_mb": (after - before) / 1024}))
"""


def peak_memory(name: str, content: bytes) -> dict:
    """Peak resident memory added by cleaning one upload, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, name],
        input=content,
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.decode().strip().splitlines()[-1])


def test_memory_of_a_36_megapixel_png() -> None:
    """Refused from its header: it costs next to nothing (it took 412 MB)."""
    measured = peak_memory("scan.png", png_36_mpx())
    assert measured["outcome"] == "too_many_pixels"
    assert measured["peak_mb"] < 20, measured


def test_memory_of_a_36_megapixel_jpeg() -> None:
    """Accepted, decoded at half scale (9 Mpx): about 75 MB (it took 412 MB)."""
    measured = peak_memory("photo.jpg", jpeg((7200, 5000)))
    assert measured["outcome"] == "accepted"
    assert measured["peak_mb"] < 150, measured


# -- pixels only ---------------------------------------------------------------


def stored_bytes(world_a: World, client_a, upload: SimpleUploadedFile) -> bytes:
    assert ENTRY_POINTS["timeline"](client_a, world_a, upload).status_code == 302
    (stored,) = new_uploads(world_a)
    return stored.file.read()


def exif_with_gps_and_orientation() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {2: (48.0, 51.0, 24.0), 1: "N", 4: (2.0, 21.0, 7.0), 3: "E"}
    return exif.tobytes()


def test_jpeg_comment_with_html_is_not_kept(world_a: World, client_a) -> None:
    raw = jpeg((40, 20), comment=HTML)
    assert HTML in raw
    data = stored_bytes(world_a, client_a, SimpleUploadedFile("c.jpg", raw))
    assert b"<script" not in data
    assert b"\xff\xfe" not in data.split(b"\xff\xda", 1)[0]  # no COM segment
    with Image.open(io.BytesIO(data)) as image:
        assert "comment" not in image.info


def test_png_text_chunks_are_not_kept(world_a: World, client_a) -> None:
    raw = png((40, 20), comment=HTML.decode(), Author="Sophie Secret")
    data = stored_bytes(world_a, client_a, SimpleUploadedFile("t.png", raw))
    assert b"<script" not in data
    assert b"Sophie Secret" not in data


def test_exif_orientation_is_applied_and_nothing_else_kept(
    world_a: World, client_a
) -> None:
    raw = jpeg((40, 20), exif=exif_with_gps_and_orientation())
    data = stored_bytes(world_a, client_a, SimpleUploadedFile("o.jpg", raw))
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (20, 40)  # rotated upright
        assert "exif" not in image.info
        assert not image.getexif()
        assert "icc_profile" not in image.info
    assert b"PhoneMaker" not in data
    assert b"Exif" not in data
