"""What a phone photo of a letter needs before OCR: Pillow and numpy only.

1. EXIF orientation (``ImageOps.exif_transpose``), then grey levels, at most
   ``OCR_SIDE`` pixels on the long side (more only costs time).
2. Crop of the background: the page is the large bright area; rows and columns
   where it dominates give its box.
3. Flat light: the image divided by its own background (a max filter then a
   blur of a small copy, scaled back), so a shadow or a lamp's gradient
   becomes white paper again; then the contrast is stretched.
4. Deskew: the angle (±6°) whose horizontal projection of the dark pixels is
   the most contrasted (text lines line up with the rows).

A page turned by 90° or 180° is handled after a first OCR (``ocr.py``, with
Tesseract's own orientation detection) — rare once EXIF is applied.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageFilter, ImageOps

OCR_SIDE = 2400
"""Longest side given to Tesseract: an A4 page at about 200 dpi."""
MAX_SKEW = 6.0


def prepare(image: Image.Image) -> Image.Image:
    """The grey, cropped, evenly lit and straightened page of a photo."""
    image = ImageOps.exif_transpose(image) or image
    grey = image.convert("L")
    grey.thumbnail((OCR_SIDE, OCR_SIDE), Image.Resampling.LANCZOS)
    # Straighten first: the page's sides then run along the rows and columns,
    # and the crop can keep the paper only, without a wedge of table (which
    # Tesseract takes for a picture, swallowing the text inside it).
    grey = deskew(grey)
    grey = crop_page(grey)
    return flatten_light(grey)


def _small(image: Image.Image, side: int = 400) -> tuple[Image.Image, float]:
    scale = side / max(image.size)
    if scale >= 1:
        return image, 1.0
    size = (max(int(image.width * scale), 1), max(int(image.height * scale), 1))
    return image.resize(size, Image.Resampling.BILINEAR), scale


def crop_page(image: Image.Image) -> Image.Image:
    """The page without the table, floor or hand around it.

    On a heavily blurred small copy the text fades to light grey while the
    step from the darker background to the paper stays: along the rows, the
    strongest rise in the left half and fall in the right half are the
    page's sides; along the columns, its top and bottom. The medians over
    many rows and columns ignore a hand or a shadow; a side without a clear
    step (a scan) is not cropped."""
    small, scale = _small(image.filter(ImageFilter.BoxBlur(1)), 400)
    pixels = np.asarray(small.filter(ImageFilter.BoxBlur(3)), dtype=np.float32)
    left, right = _sides(pixels)
    top, bottom = _sides(pixels.T)
    margin = -0.005 * max(pixels.shape)  # just inside the paper
    box = (
        _edge(left, -margin, scale, default=0, limit=image.width),
        _edge(top, -margin, scale, default=0, limit=image.height),
        _edge(right, margin, scale, default=image.width, limit=image.width),
        _edge(bottom, margin, scale, default=image.height, limit=image.height),
    )
    if (box[2] - box[0]) * (box[3] - box[1]) < 0.25 * image.width * image.height:
        return image
    return image.crop(box)


def _edge(
    position: float | None, margin: float, scale: float, *, default: int, limit: int
) -> int:
    """A side of the crop box in full-size pixels (``default`` when unseen)."""
    if position is None:
        return default
    return max(min(int((position + margin) / scale), limit), 0)


STEP = 30.0
"""Grey levels between background and paper for a side to count as seen."""


def _sides(pixels: NDArray[np.float32]) -> tuple[float | None, float | None]:
    """Median positions of the paper's rising and falling edges along rows."""
    height, _width = pixels.shape
    reach = 6
    rows = pixels[height // 5 : height - height // 5]
    cumulative = np.cumsum(np.pad(rows, ((0, 0), (1, 0))), axis=1)
    after = (cumulative[:, 2 * reach :] - cumulative[:, reach:-reach]) / reach
    before = (cumulative[:, reach:-reach] - cumulative[:, : -2 * reach]) / reach
    steps = after - before  # index i: the step at column i + reach
    half = steps.shape[1] // 2
    rises, falls = steps[:, :half], steps[:, half:]
    left = _median_edge(rises.max(axis=1), rises.argmax(axis=1) + reach)
    right = _median_edge(-falls.min(axis=1), falls.argmin(axis=1) + half + reach)
    return left, right


def _median_edge(
    strength: NDArray[np.float32], where: NDArray[np.intp]
) -> float | None:
    seen = where[strength > STEP]
    if len(seen) < 0.3 * len(where):
        return None
    return float(np.median(seen))


def flatten_light(image: Image.Image) -> Image.Image:
    """Divide by the paper's own brightness: shadows and gradients go."""
    small, _scale = _small(image, 500)
    background = small.filter(ImageFilter.MaxFilter(7)).filter(
        ImageFilter.GaussianBlur(12)
    )
    background = background.resize(image.size, Image.Resampling.BILINEAR)
    pixels = np.asarray(image, dtype=np.float32)
    paper = np.maximum(np.asarray(background, dtype=np.float32), 1.0)
    flat = np.clip(pixels / paper * 255.0, 0, 255).astype(np.uint8)
    return ImageOps.autocontrast(Image.fromarray(flat), cutoff=(1, 0))


def skew_angle(image: Image.Image) -> float:
    """The small rotation (degrees, counter-clockwise) that levels the text."""
    width, height = image.size  # the middle: text, not the table around the page
    middle = image.crop(
        (width // 5, height // 5, width - width // 5, height - height // 5)
    )
    small, _scale = _small(middle, 900)
    pixels = np.asarray(small, dtype=np.float32)
    dark = (pixels < min(160.0, float(np.percentile(pixels, 60)) * 0.7)).astype(
        np.uint8
    ) * 255
    ink = Image.fromarray(dark)

    def score(angle: float) -> float:
        turned = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST))
        profile = turned.sum(axis=1, dtype=np.float64)
        return float(np.var(profile))

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=score)
    fine = max(np.arange(coarse - 0.4, coarse + 0.41, 0.1), key=score)
    return round(float(fine), 1)


def deskew(image: Image.Image) -> Image.Image:
    angle = skew_angle(image)
    if abs(angle) < 0.2:
        return image
    return image.rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
    )
