"""Uploaded scans: checked by content, size-capped, re-encoded or rejected.

Images are decoded by Pillow (JPEG, PNG, and HEIC through the pillow-heif
plugin: iPhones' default) within ``MAX_IMAGE_PIXELS``, downscaled to
``MAX_IMAGE_SIDE`` and re-encoded as JPEG from their pixels alone (orientation
applied, no metadata); PDFs are opened by pikepdf, capped in pages, stripped of
JavaScript, attachments and external actions, and saved again. Nothing the
user sent is stored as it came.
"""

import hashlib
import io
import math
from dataclasses import dataclass
from typing import IO

import pikepdf
import pillow_heif
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UPLOADS_PER_DOSSIER = 5
MAX_IMAGE_PIXELS = 16_000_000
"""The most pixels decoded from one uploaded image, counted from its header
before any decoding (``open_image``). A phone photo fits whatever its size:
JPEGs larger than what is stored decode at a reduced scale (a 12-megapixel
photo decodes whole, a 24- or 48-megapixel one at half scale); an A4 scan
fits up to 400 dpi. Measured peak while cleaning one upload: about 95 MB for
a phone photo, 185 MB for the worst accepted image (a 16-megapixel PNG with
transparency); a 36-megapixel PNG is refused from its header (it took
412 MB before this limit)."""
MAX_PDF_PAGES = 30
MAX_IMAGE_SIDE = 2480
"""Longest side of a stored image: an A4 page at 300 dpi."""
ACCEPT = "image/jpeg,image/png,image/heic,image/heif,.heic,.heif,application/pdf"
IMAGE_FORMATS = ["JPEG", "PNG", "HEIF"]
MAX_HEIF_PIXELS = 25_000_000
"""HEIC photos cannot be decoded at a reduced scale: their own cap lets a
24-megapixel iPhone photo through (about 75 MB of pixels while cleaning)."""

pillow_heif.register_heif_opener()


def too_many_uploads(existing: int) -> ValidationError:
    """The refusal, beside the file field, when a dossier would get more than
    ``MAX_UPLOADS_PER_DOSSIER`` files (the form's check and the service's)."""
    left = max(MAX_UPLOADS_PER_DOSSIER - existing, 0)
    if left == 0:
        message = _(
            "%(max)s fichiers au maximum par dossier, et celui-ci les a déjà. "
            "Supprimez-en un pour pouvoir en ajouter un autre."
        )
    elif existing == 0:
        message = _(
            "%(max)s fichiers au maximum par dossier : choisissez-en %(max)s au plus."
        )
    else:
        message = _(
            "%(max)s fichiers au maximum par dossier : il y en a déjà %(n)s, "
            "vous pouvez en ajouter %(left)s."
        )
    return ValidationError(
        message,
        params={"n": existing, "left": left, "max": MAX_UPLOADS_PER_DOSSIER},
        code="too_many",
    )


FILES_NOT_KEPT = gettext_lazy(
    "Le fichier choisi n'a pas été gardé, car une autre réponse est à corriger : "
    "choisissez-le à nouveau après avoir corrigé."
)


def say_files_not_kept(form: forms.Form, name: str) -> None:
    """A browser cannot give back a chosen file: when another field of
    ``form`` is refused, say beside its file field ``name`` that the file
    must be chosen again (call after ``full_clean``)."""
    chosen = form.files.getlist(form.add_prefix(name)) if form.files else []
    if form._errors and chosen and name not in form._errors:
        form._errors[name] = form.error_class([FILES_NOT_KEPT])


class UploadLimitReached(Exception):
    """Raised where the rows are written when the cap is already reached there:
    another request stored files after this one's form was checked. Nothing of
    the failed write is kept; views show ``as_validation_error()`` beside the
    file field, like the form's own check."""

    def __init__(self, existing: int) -> None:
        super().__init__(
            f"{existing} upload(s) already, at most {MAX_UPLOADS_PER_DOSSIER}"
        )
        self.existing = existing

    def as_validation_error(self) -> ValidationError:
        return too_many_uploads(self.existing)


_SANITIZER = (
    pikepdf.sanitize.Sanitizer()
    .remove_javascript()
    .remove_external_access()
    .remove_attachments()
    .remove_multimedia()
)


@dataclass(frozen=True)
class CleanFile:
    """The re-encoded bytes of an accepted upload."""

    content: bytes
    kind: str  # "image" or "pdf"
    content_type: str
    original_name: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def clean_upload(upload: UploadedFile) -> CleanFile:
    """Accept a JPEG, PNG or PDF by its content; raise ValidationError otherwise."""
    if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("« %(name)s » est trop lourd : 10 Mo au maximum par fichier."),
            code="too_big",
            params={"name": _short_name(upload)},
        )
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return _clean_pdf(upload)
    return _clean_image(upload)


def _short_name(upload: UploadedFile) -> str:
    return (upload.name or "fichier")[-80:]


def _not_accepted(upload: UploadedFile) -> ValidationError:
    return ValidationError(
        _(
            "« %(name)s » n'est pas une photo JPEG ou PNG ni un PDF lisible. "
            "Prenez une photo du courrier ou enregistrez-le en PDF."
        ),
        code="bad_type",
        params={"name": _short_name(upload)},
    )


class ImageTooLarge(ValueError):
    """The image would decode to more than ``MAX_IMAGE_PIXELS`` pixels."""

    def __init__(self, size: tuple[int, int]) -> None:
        super().__init__(f"{size[0]} x {size[1]} pixels, at most {MAX_IMAGE_PIXELS}")
        self.size = size


def _decode_target(size: tuple[int, int]) -> tuple[int, int]:
    """The size of the stored image: longest side ``MAX_IMAGE_SIDE`` at most."""
    ratio = min(1.0, MAX_IMAGE_SIDE / max(size))
    return (max(1, math.ceil(size[0] * ratio)), max(1, math.ceil(size[1] * ratio)))


def open_image(stream: IO[bytes]) -> Image.Image:
    """Open an uploaded JPEG, PNG or HEIC without decoding it, within the cap.

    A JPEG larger than what is stored is set to decode at a reduced scale
    (libjpeg's 1/2, 1/4 or 1/8, still at least ``MAX_IMAGE_SIDE`` on its long
    side: a 48-megapixel phone photo decodes as 12); then the pixels that
    decoding would produce are counted, from the header, before any is
    decoded. Raises ``ImageTooLarge`` past ``MAX_IMAGE_PIXELS``, and
    Pillow's errors for anything that is not a JPEG or a PNG. The caller
    closes the image (``with open_image(f) as image``). The letter reader
    decodes uploads through this function too: one limit for both.
    """
    image = Image.open(stream, formats=IMAGE_FORMATS)
    try:
        if image.format == "JPEG":
            image.draft("RGB", _decode_target(image.size))
        cap = MAX_HEIF_PIXELS if image.format == "HEIF" else MAX_IMAGE_PIXELS
        if image.width * image.height > cap:
            raise ImageTooLarge(image.size)
    except BaseException:
        image.close()
        raise
    return image


def _pixels_only(image: Image.Image) -> bytes:
    """JPEG bytes of the pixels alone: no comment, EXIF, XMP, ICC profile or
    text chunk of the upload survives (orientation is already applied)."""
    pixels = image.convert("RGB")
    pixels.info.clear()
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


REDUCIBLE_MODES = frozenset({"L", "LA", "RGB", "RGBA"})


def _downscaled(image: Image.Image) -> Image.Image:
    """Decode, shrink to ``MAX_IMAGE_SIDE``, then apply the EXIF orientation.

    The first shrink is an integer box reduction (``Image.reduce``), whose
    only allocation is its small result: the full-size pixels are held once.
    """
    image.load()  # decodes at the draft scale set by open_image
    if image.mode not in REDUCIBLE_MODES:  # palette, 1-bit, CMYK…
        image = image.convert("L" if image.mode == "1" else "RGB")
    factor = max(image.size) // MAX_IMAGE_SIDE
    if factor > 1:
        image = image.reduce(factor)
    image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))  # in place
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # noqa: BLE001 - a broken EXIF block: keep it as shot
        return image


def _too_large(upload: UploadedFile) -> ValidationError:
    return ValidationError(
        _(
            "L'image « %(name)s » a trop de pixels (plus de %(max)s mégapixels) : "
            "prenez la photo en qualité normale, ou enregistrez le courrier en PDF."
        ),
        code="too_many_pixels",
        params={"name": _short_name(upload), "max": MAX_IMAGE_PIXELS // 1_000_000},
    )


def _clean_image(upload: UploadedFile) -> CleanFile:
    try:
        with open_image(upload) as image:
            content = _pixels_only(_downscaled(image))
    except (ImageTooLarge, Image.DecompressionBombError) as exc:
        raise _too_large(upload) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _not_accepted(upload) from exc
    return CleanFile(content, "image", "image/jpeg", _short_name(upload))


def _clean_pdf(upload: UploadedFile) -> CleanFile:
    try:
        with pikepdf.open(upload) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise ValidationError(
                    _("Le PDF « %(name)s » a trop de pages (30 au maximum)."),
                    code="too_many_pages",
                    params={"name": _short_name(upload)},
                )
            _SANITIZER.apply(pdf)
            out = io.BytesIO()
            pdf.save(out)
    except (pikepdf.PdfError, pikepdf.PasswordError, OSError, ValueError) as exc:
        raise _not_accepted(upload) from exc
    return CleanFile(out.getvalue(), "pdf", "application/pdf", _short_name(upload))
