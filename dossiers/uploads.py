"""Uploaded scans: checked by content, size-capped, re-encoded or rejected.

Images are decoded by Pillow (JPEG, PNG, and HEIC through the pillow-heif
plugin: iPhones' default), re-encoded as JPEG without
metadata; PDFs are opened by pikepdf, capped in pages, stripped of JavaScript,
attachments and external actions, and saved again. Nothing the user sent is
stored as it came.
"""

import hashlib
import io
from dataclasses import dataclass

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
MAX_PIXELS = 40_000_000
MAX_PDF_PAGES = 30
MAX_IMAGE_SIDE = 2480  # an A4 page at 300 dpi
ACCEPT = "image/jpeg,image/png,image/heic,image/heif,.heic,.heif,application/pdf"
IMAGE_FORMATS = ["JPEG", "PNG", "HEIF"]

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


def _clean_image(upload: UploadedFile) -> CleanFile:
    try:
        with Image.open(upload, formats=IMAGE_FORMATS) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(
                    _("L'image « %(name)s » est trop grande (plus de 40 mégapixels)."),
                    code="too_many_pixels",
                    params={"name": _short_name(upload)},
                )
            image.load()
            clean = ImageOps.exif_transpose(image).convert("RGB")
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise _not_accepted(upload) from exc
    clean.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=85, optimize=True)
    return CleanFile(out.getvalue(), "image", "image/jpeg", _short_name(upload))


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
