"""Tesseract 5 with the French model, through pytesseract (the Debian binary).

Why pytesseract: it drives the ``tesseract`` program that Debian's
``tesseract-ocr`` and ``tesseract-ocr-fra`` install, so the engine and the
model are the system's, updated with it, and every call has a ``timeout`` that
kills a runaway process. The cost — starting the program and loading the
model for each page, about 0.2 s — is small beside the OCR itself.
"""

from __future__ import annotations

import re

import pytesseract
from PIL import Image

from . import images

LANG = "fra"
CONFIG = "--oem 1 --psm {psm} -c user_defined_dpi={dpi}"
PSM = 4
"""« A single column of text of variable sizes »: keeps each row of an amounts
table on one line (the automatic layout, 3, splits labels from amounts)."""


class OcrTimeout(Exception):
    """Tesseract did not finish within its share of the job's time."""


def _dpi(image: Image.Image) -> int:
    """The resolution of a page that fills the image (A4 is 8.27 in wide)."""
    return max(70, min(600, round(min(image.size) / 8.27)))


def _run(image: Image.Image, timeout: float) -> str:
    config = CONFIG.format(psm=PSM, dpi=_dpi(image))
    try:
        return str(
            pytesseract.image_to_string(
                image, lang=LANG, config=config, timeout=max(timeout, 1)
            )
        )
    except RuntimeError as exc:  # pytesseract's word for its timeout
        raise OcrTimeout(str(exc)) from exc


def words(text: str) -> int:
    """How many real words OCR found (three letters or more)."""
    return len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", text))


def _turned(image: Image.Image, timeout: float) -> Image.Image | None:
    """The page turned upright by Tesseract's orientation detection, if needed."""
    try:
        osd = pytesseract.image_to_osd(
            image, config="--psm 0 -c min_characters_to_try=10", timeout=max(timeout, 1)
        )
    except (pytesseract.TesseractError, RuntimeError):
        return None
    match = re.search(r"Rotate: (\d+)", osd)
    angle = int(match[1]) if match else 0
    if angle not in (90, 180, 270):
        return None
    return image.rotate(-angle, expand=True, fillcolor=255)


def read_image(image: Image.Image, *, timeout: float) -> str:
    """The text of a photographed or scanned page."""
    page = images.prepare(image)
    text = _run(page, timeout)
    if words(text) >= 40:
        return text
    turned = _turned(page, timeout / 2)
    if turned is None:
        return text
    again = _run(turned, timeout / 2)
    return again if words(again) > words(text) else text
