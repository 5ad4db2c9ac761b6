"""Text from the stored files: a PDF's own text, or OCR of a photo or scan.

Input is what ``dossiers.uploads.clean_upload`` kept (a re-encoded JPEG, or a
sanitised PDF): the reader never sees a file as the user sent it. PDFs are
opened with pypdfium2 (PDFium, Chrome's PDF engine, without its JavaScript or
forms: only text and pixels are asked for). A page with its own text is read
from it; a page without (a scan) is rasterised and goes through OCR.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

from dossiers.uploads import MAX_IMAGE_PIXELS, ImageTooLarge, open_image

from . import ocr
from .images import OCR_SIDE

MIN_TEXT_LAYER = 40
"""Letters on a PDF page for its own text to be trusted (less: a scan)."""


class ReadingError(Exception):
    """A file that cannot be read; ``message`` is for the debtor, in French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Document:
    """One stored file to read (``key``: the upload's id)."""

    kind: str  # "pdf" or "image"
    content: bytes
    key: int = 0


@dataclass(frozen=True)
class PageText:
    key: int
    page: int  # 1-based within its document
    text: str
    by_ocr: bool


def _pdf(content: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(content)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadingError(
                "Ce PDF est protégé par un mot de passe : il ne peut pas être lu."
            ) from exc
        raise ReadingError("Ce PDF est abîmé : il ne peut pas être lu.") from exc


def count_pages(documents: Iterable[Document], max_pages: int) -> int:
    """Pages the job will read: every image, every PDF page, at most ``max_pages``."""
    total = 0
    for document in documents:
        if document.kind == "pdf":
            pdf = _pdf(document.content)
            total += len(pdf)
            pdf.close()
        else:
            total += 1
    return min(total, max_pages)


def read_pages(
    documents: Iterable[Document], *, max_pages: int, deadline: float
) -> Iterator[PageText]:
    """The text of each page, in order, until ``max_pages`` pages are read.

    ``deadline`` (``time.monotonic()``) bounds each OCR call; the job's hard
    limit is enforced around this by ``runner``."""
    read = 0
    for document in documents:
        pages = (
            _pdf_pages(document, deadline)
            if document.kind == "pdf"
            else _image_pages(document, deadline)
        )
        for page in pages:
            yield page
            read += 1
            if read >= max_pages:
                return


def _image_pages(document: Document, deadline: float) -> Iterator[PageText]:
    try:  # the uploads' own opener: one pixel limit for both
        image = open_image(io.BytesIO(document.content))
        image.load()
    except ImageTooLarge as exc:
        raise ReadingError("Cette image est trop grande pour être lue.") from exc
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ReadingError("Cette image ne peut pas être lue.") from exc
    yield PageText(document.key, 1, _ocr(image, deadline), by_ocr=True)


def _pdf_pages(document: Document, deadline: float) -> Iterator[PageText]:
    pdf = _pdf(document.content)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage().get_text_range()
            if sum(c.isalpha() for c in text) >= MIN_TEXT_LAYER:
                yield PageText(document.key, index + 1, text, by_ocr=False)
                continue
            yield PageText(
                document.key, index + 1, _ocr(_rasterise(page), deadline), by_ocr=True
            )
    finally:
        pdf.close()


def _rasterise(page: pdfium.PdfPage) -> Image.Image:
    """The page at about 200 dpi, never more than ``MAX_IMAGE_PIXELS``."""
    width, height = page.get_size()
    scale = OCR_SIDE / max(width, height, 1)
    if width * height * scale * scale > MAX_IMAGE_PIXELS:
        raise ReadingError("Une page de ce PDF est trop grande pour être lue.")
    return page.render(scale=scale, grayscale=True).to_pil()


def _ocr(image: Image.Image, deadline: float) -> str:
    left = deadline - time.monotonic()
    if left <= 0:
        raise ocr.OcrTimeout("no time left")
    return ocr.read_image(image, timeout=left)
