"""A dossier is one claim received by a debtor, and what hangs from it."""

import uuid
from typing import ClassVar

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    """Directory of collection agencies, kept by the operator."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    address = models.TextField(_("adresse"), blank=True, max_length=500)
    website = models.URLField(_("site web"), blank=True)
    notes = models.TextField(_("remarques"), blank=True)

    class Meta:
        ordering = ("name",)
        verbose_name = _("société de recouvrement")
        verbose_name_plural = _("sociétés de recouvrement")

    def __str__(self) -> str:
        return self.name


class DossierQuerySet(models.QuerySet["Dossier"]):
    def owned_by(self, user: models.Model) -> "DossierQuerySet":
        return self.filter(owner=user)


class Dossier(models.Model):
    """One claim received by one debtor; the wizard fills it step by step."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="dossiers",
        verbose_name=_("titulaire"),
    )
    title = models.CharField(_("intitulé"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    # The wizard's answers: ``wizard_data`` keeps what was typed (declared
    # fields only) to redisplay it, ``answers`` the cleaned values per step.
    wizard_data = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    answers = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    current_step = models.CharField(max_length=40, blank=True)
    completed_at = models.DateTimeField(
        _("questionnaire terminé le"), null=True, blank=True
    )

    # Denormalised from the answers and the assessment, for lists and filters.
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("société de recouvrement (annuaire)"),
    )
    agency_name = models.CharField(
        _("société de recouvrement"), max_length=200, blank=True
    )
    agency_reference = models.CharField(
        _("référence du dossier"), max_length=100, blank=True
    )
    letter_kind = models.CharField(_("type de courrier"), max_length=40, blank=True)
    total_claimed = models.DecimalField(
        _("montant réclamé"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    limitation_status = models.CharField(_("prescription"), max_length=20, blank=True)
    limitation_last_day = models.DateField(
        _("dernier jour pour agir"), null=True, blank=True
    )
    next_deadline = models.DateField(_("prochaine échéance"), null=True, blank=True)
    urgent = models.BooleanField(_("urgent"), default=False)

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ("-updated_at", "-id")
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        indexes: ClassVar = [
            models.Index(fields=["owner", "-updated_at"]),
            models.Index(fields=["next_deadline"]),
        ]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("dossiers:detail", args=[self.pk])

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        if self.agency_name:
            return f"{self.agency_name} — {self.agency_reference}".rstrip(" —")
        return _("Dossier n° %(id)s") % {"id": self.pk}

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


def upload_path(instance: "Upload", filename: str) -> str:
    """Server-chosen name: nothing of the user's file name reaches the disk."""
    return f"dossiers/{instance.dossier_id}/{uuid.uuid4().hex}.{instance.extension}"


class Upload(models.Model):
    """A scan or photo of a letter, checked by content and re-encoded."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("image")
        PDF = "pdf", _("PDF")

    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="uploads",
        verbose_name=_("dossier"),
    )
    file = models.FileField(_("fichier"), upload_to=upload_path, max_length=200)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField(_("taille (octets)"))
    sha256 = models.CharField(max_length=64)
    original_name = models.CharField(_("nom d'origine"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(_("déposé le"), auto_now_add=True)

    class Meta:
        ordering = ("uploaded_at", "id")
        verbose_name = _("document déposé")
        verbose_name_plural = _("documents déposés")

    def __str__(self) -> str:
        return self.download_name

    @property
    def extension(self) -> str:
        return "pdf" if self.kind == self.Kind.PDF else "jpg"

    @property
    def download_name(self) -> str:
        return f"courrier-{self.dossier_id}-{self.pk}.{self.extension}"
