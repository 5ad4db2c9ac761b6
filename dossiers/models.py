"""A dossier is one claim received by a debtor, and what hangs from it."""

from typing import ClassVar

from django.conf import settings
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

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ("-updated_at", "-id")
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        indexes: ClassVar = [models.Index(fields=["owner", "-updated_at"])]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("dossiers:detail", args=[self.pk])

    @property
    def display_title(self) -> str:
        return self.title or _("Dossier n° %(id)s") % {"id": self.pk}
