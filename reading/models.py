"""A reading job: the server reads the letter's scans of a dossier in the background."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from dossiers.models import Dossier, Upload


class ReadingStatus(models.TextChoices):
    QUEUED = "queued", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminée")
    FAILED = "failed", _("Échouée")


class ReadingJob(models.Model):
    """One reading of a dossier's scans: progress, result, or why it failed.

    The text read is private: it is kept page by page in :class:`ReadText`,
    beside the uploads it comes from, and goes with them (and with the
    dossier). ``result`` is the draft (values and evidence) the wizard offers.
    """

    Status = ReadingStatus

    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="reading_jobs",
        verbose_name=_("dossier"),
    )
    uploads = models.ManyToManyField(
        Upload, related_name="reading_jobs", blank=True, verbose_name=_("fichiers lus")
    )
    status = models.CharField(
        _("état"), max_length=10, choices=ReadingStatus.choices, default="queued"
    )
    pages_total = models.PositiveSmallIntegerField(_("pages à lire"), default=0)
    pages_done = models.PositiveSmallIntegerField(_("pages lues"), default=0)
    result = models.JSONField(_("résultat"), null=True, blank=True)
    error = models.CharField(_("message d'erreur"), max_length=300, blank=True)
    seconds = models.FloatField(_("durée (s)"), null=True, blank=True)
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencée le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finie le"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("lecture de courrier")
        verbose_name_plural = _("lectures de courriers")
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(status__in=ReadingStatus.values),
                name="reading_job_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(pages_done__lte=models.F("pages_total")),
                name="reading_job_pages_done_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"Lecture {self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {ReadingStatus.DONE, ReadingStatus.FAILED}


class ReadText(models.Model):
    """The text read on one page of one upload (private, goes with the upload)."""

    job = models.ForeignKey(ReadingJob, on_delete=models.CASCADE, related_name="texts")
    upload = models.ForeignKey(
        Upload, on_delete=models.CASCADE, related_name="read_texts"
    )
    page = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    by_ocr = models.BooleanField(default=False)

    class Meta:
        ordering = ("job", "upload", "page")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["job", "upload", "page"], name="read_text_one_per_page"
            ),
        ]

    def __str__(self) -> str:
        return f"Texte lu, page {self.page}"
