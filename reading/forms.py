"""The intake: photos or PDF of the letter, checked like every upload."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dossiers.forms import MultipleFileField, MultipleFileInput
from dossiers.uploads import (
    ACCEPT,
    MAX_UPLOADS_PER_DOSSIER,
    CleanFile,
    clean_upload,
    too_many_uploads,
)

NO_FILE = _("Choisissez au moins une photo ou un PDF du courrier.")


class IntakeForm(forms.Form):
    scans = MultipleFileField(
        label=_("Photos ou PDF de votre courrier"),
        help_text=_(
            "Une photo par page, bien à plat et éclairée, ou le PDF reçu par e-mail. "
            "JPEG, PNG, HEIC ou PDF, 10 Mo au plus par fichier, 5 fichiers au plus."
        ),
        error_messages={
            "required": _("Choisissez au moins une photo ou un PDF du courrier.")
        },
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )

    def clean_scans(self) -> list[CleanFile]:
        files: list[Any] = self.cleaned_data.get("scans") or []
        if not files:
            raise ValidationError(NO_FILE, code="required")
        if len(files) > MAX_UPLOADS_PER_DOSSIER:
            raise too_many_uploads(0)
        cleaned, errors = [], []
        for upload in files:
            try:
                cleaned.append(clean_upload(upload))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned
