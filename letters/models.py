"""Letters of a dossier and their immutable PDF versions."""

import uuid
from typing import ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.models import Dossier

from .naming import letter_filename

PERSONAL_MAX_LENGTH = 2000
REGISTERED_MAX_LENGTH = 30


class Letter(models.Model):
    """One letter kind written for one dossier (at most one per kind)."""

    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="letters",
        verbose_name=_("dossier"),
    )
    kind = models.SlugField(_("type de lettre"), max_length=40)
    personal_text = models.TextField(
        _("paragraphe personnel"), blank=True, max_length=PERSONAL_MAX_LENGTH
    )
    options = models.JSONField(_("options"), default=dict, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    sent_on = models.DateField(_("envoyée le"), null=True, blank=True)
    registered_number = models.CharField(
        _("n° de recommandé"), max_length=REGISTERED_MAX_LENGTH, blank=True
    )
    ar_received_on = models.DateField(
        _("avis de réception reçu le"), null=True, blank=True
    )
    # The version that went in the envelope: the sending and the avis de
    # réception above are those of this version (set with them, cleared with
    # them; ``services.letter_mark_sent``).
    sent_version = models.ForeignKey(
        "LetterVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version envoyée"),
    )

    class Meta:
        ordering = ("created_at", "id")
        verbose_name = _("lettre")
        verbose_name_plural = _("lettres")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["dossier", "kind"], name="letters_one_letter_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} — dossier {self.dossier_id}"

    @property
    def sending_recorded(self) -> bool:
        """Whether anything of its sending is noted (date, number or AR)."""
        return bool(self.sent_on or self.registered_number or self.ar_received_on)


def version_path(instance: "LetterVersion", filename: str) -> str:
    """Server-chosen name: nothing from the user reaches the disk."""
    dossier_id = instance.letter.dossier_id
    return f"letters/{dossier_id}/{uuid.uuid4().hex}.pdf"


class LetterVersion(models.Model):
    """One generated PDF; never modified: regenerating makes a new version."""

    letter = models.ForeignKey(
        Letter,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("lettre"),
    )
    number = models.PositiveIntegerField(_("version"))
    pdf = models.FileField(_("PDF"), upload_to=version_path, max_length=200)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("taille (octets)"))
    facts = models.JSONField(_("éléments utilisés"), default=dict, blank=True)
    created_at = models.DateTimeField(_("générée le"), auto_now_add=True)

    class Meta:
        ordering = ("letter", "number")
        verbose_name = _("version de lettre")
        verbose_name_plural = _("versions de lettre")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["letter", "number"], name="letters_unique_version_number"
            )
        ]

    def __str__(self) -> str:
        return self.download_name

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Une version de lettre ne se modifie pas.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def download_name(self) -> str:
        """``2026-11-26 Contestation Intrum 123456.pdf`` (``… v2.pdf`` after).

        Reads ``letter.dossier``: select it with the version.
        """
        letter = self.letter
        dossier = letter.dossier
        created = timezone.localdate(self.created_at) if self.created_at else None
        return letter_filename(
            day_iso=(created or timezone.localdate()).isoformat(),
            kind=letter.kind,
            agency=dossier.agency_name,
            reference=dossier.agency_reference,
            number=self.number,
        )
