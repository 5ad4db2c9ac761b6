"""A born-digital page made to look like a phone photo of the paper letter.

Rasterised (pypdfium2), then put on a textured table, turned a few degrees,
seen slightly in perspective, lit unevenly (sometimes with a shadow across a
corner), blurred, sprinkled with sensor noise and saved as a JPEG of middling
quality; sometimes stored sideways with an EXIF orientation tag, as phones do.
"""

from __future__ import annotations

import io
import random

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter

MAX_SIDE = 2480  # what the upload keeps (dossiers.uploads.MAX_IMAGE_SIDE)


def rasterise(pdf: bytes, page: int, height: int) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        sheet = document[page]
        scale = height / sheet.get_height()
        return sheet.render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()


def _table(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    base = np.array(
        rng.choice(((120, 84, 52), (70, 70, 75), (160, 140, 110), (40, 45, 60)))
    )
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(
        0, 14, (size[1], size[0], 1)
    )
    grain = np.clip(base + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(grain).filter(ImageFilter.GaussianBlur(2))


def _light(rng: random.Random, image: Image.Image) -> Image.Image:
    width, height = image.size
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (xs / width) * np.cos(angle) + (ys / height) * np.sin(angle)
    ramp = (ramp - ramp.min()) / max(float(ramp.max() - ramp.min()), 1e-6)
    low = rng.uniform(0.55, 0.8)
    gain = low + (1.05 - low) * ramp
    pixels = np.asarray(image, dtype=np.float32) * gain[..., None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def photograph(pdf: bytes, page: int, seed: int) -> bytes:
    """A JPEG that looks like a phone photo of ``page`` of ``pdf``."""
    rng = random.Random(seed)
    sheet = rasterise(pdf, page, rng.randint(1600, 2050))
    paper = np.asarray(sheet, dtype=np.float32) * np.array([1.0, 0.98, 0.93])
    sheet = Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8))
    margin = rng.uniform(0.08, 0.16)
    size = (int(sheet.width * (1 + 2 * margin)), int(sheet.height * (1 + margin)))
    canvas = _table(rng, size)
    angle = rng.uniform(-4, 4)
    turned = sheet.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    mask = Image.new("L", sheet.size, 255).rotate(angle, expand=True)
    offset = (
        max((size[0] - turned.width) // 2 + rng.randint(-30, 30), 0),
        max((size[1] - turned.height) // 2 + rng.randint(-20, 20), 0),
    )
    canvas.paste(turned, offset, mask)
    canvas = _tilt(rng, canvas)
    photo = _shadow(rng, _light(rng, canvas))
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.3)))
    grain = np.random.default_rng(seed).normal(
        0, rng.uniform(3, 8), (photo.height, photo.width, 1)
    )
    photo = Image.fromarray(np.clip(np.asarray(photo) + grain, 0, 255).astype(np.uint8))
    photo.thumbnail((MAX_SIDE, MAX_SIDE))
    return _jpeg(photo, rng)


def _tilt(rng: random.Random, image: Image.Image) -> Image.Image:
    """The phone not quite parallel to the table: a mild keystone (perspective)."""
    width, height = image.size
    dx, dy = width * rng.uniform(0, 0.035), height * rng.uniform(0, 0.02)
    corners = [
        (dx, dy),
        (width - dx * rng.random(), 0),
        (width, height),
        (0, height - dy),
    ]
    if rng.random() < 0.5:
        corners = [(width - x, y) for x, y in corners]
        corners = [corners[1], corners[0], corners[3], corners[2]]
    coefficients = _perspective(
        corners, [(0, 0), (width, 0), (width, height), (0, height)]
    )
    return image.transform(
        image.size, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC
    )


def _perspective(
    source: list[tuple[float, float]], target: list[tuple[float, float]]
) -> list[float]:
    """Pillow's eight coefficients mapping ``target`` corners to ``source``."""
    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    values = [c for pair in source for c in pair]
    return [float(c) for c in np.linalg.solve(np.array(rows), np.array(values))]


def _shadow(rng: random.Random, image: Image.Image) -> Image.Image:
    """Sometimes the phone's (or the hand's) soft shadow across a corner."""
    if rng.random() > 0.35:
        return image
    width, height = image.size
    mask = Image.new("L", image.size, 0)
    corner_x = rng.choice((0, width))
    points = [
        (corner_x, 0),
        (abs(corner_x - width * rng.uniform(0.3, 0.6)), 0),
        (corner_x, height * rng.uniform(0.2, 0.5)),
    ]
    ImageDraw.Draw(mask).polygon(points, fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(width / 25))
    dark = np.asarray(mask, dtype=np.float32)[..., None] / 255 * rng.uniform(0.25, 0.45)
    pixels = np.asarray(image, dtype=np.float32) * (1 - dark)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _jpeg(photo: Image.Image, rng: random.Random) -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    if rng.random() < 0.25:  # held sideways: pixels turned, EXIF says how to show it
        photo = photo.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
    photo.save(out, "JPEG", quality=rng.randint(50, 80), exif=exif.tobytes())
    return out.getvalue()
