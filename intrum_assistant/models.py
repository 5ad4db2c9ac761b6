"""Project-wide rows that belong to no single app."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmitReceipt(models.Model):
    """One form submission already carried out (``intrum_assistant.once``).

    ``key`` is a digest of the user, the form's purpose, the one-time token
    rendered in the form and what was posted; ``result_url`` is where the first
    submission led, for the repeat to go there too. Rows go after a day.
    """

    key = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    result_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("envoi de formulaire")
        verbose_name_plural = _("envois de formulaires")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.result_url}"
