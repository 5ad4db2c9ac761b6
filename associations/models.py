"""Associations, their members, and what a debtor shares with them."""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dossiers.models import Dossier


class Association(models.Model):
    """A consumer association, Point conseil budget, social service…"""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    city = models.CharField(_("ville"), max_length=100, blank=True)
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    description = models.TextField(_("présentation"), blank=True, max_length=2000)

    class Meta:
        ordering = ("name",)
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    def __str__(self) -> str:
        return f"{self.name} ({self.city})" if self.city else self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        VOLUNTEER = "volunteer", _("bénévole")
        COORDINATOR = "coordinator", _("coordinateur·rice")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("membre"),
    )
    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("association"),
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.VOLUNTEER
    )
    created_at = models.DateTimeField(_("depuis le"), auto_now_add=True)

    class Meta:
        ordering = ("association", "user")
        verbose_name = _("membre d'une association")
        verbose_name_plural = _("membres des associations")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["user", "association"], name="membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.association.name} ({self.get_role_display()})"


class Share(models.Model):
    """A debtor's consent to show one dossier to one association."""

    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="shares",
        verbose_name=_("dossier"),
    )
    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="shares",
        verbose_name=_("association"),
    )
    consented_at = models.DateTimeField(_("accord donné le"))
    revoked_at = models.DateTimeField(_("accord retiré le"), null=True, blank=True)

    class Meta:
        ordering = ("-consented_at", "-id")
        verbose_name = _("partage")
        verbose_name_plural = _("partages")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["dossier", "association"],
                condition=Q(revoked_at__isnull=True),
                name="share_active_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dossier} → {self.association.name}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Review(models.Model):
    """Where the association stands on one dossier (the review queue)."""

    class Status(models.TextChoices):
        NEW = "nouveau", _("nouveau")
        IN_PROGRESS = "en_cours", _("en cours")
        WAITING = "attente_reponse", _("en attente de réponse")
        CLOSED = "clos", _("clos")

    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("dossier"),
    )
    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("association"),
    )
    status = models.CharField(
        _("suivi"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_reviews",
        verbose_name=_("suivi par"),
    )
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    class Meta:
        ordering = ("association", "id")
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")
        indexes: ClassVar = [models.Index(fields=["status", "updated_at"])]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["dossier", "association"], name="review_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.association.name} — {self.get_status_display()}"


class NoteBase(models.Model):
    """Advice or note written for one association (set from the author's).

    Append-only: only the author may edit the text, nobody changes the author
    or the association, and only a superuser deletes (``services.note_save``).
    """

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, verbose_name=_("dossier")
    )
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, verbose_name=_("association")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("auteur"),
    )
    text = models.TextField(_("texte"), max_length=5000)
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return self.text[:60]


class Advice(NoteBase):
    """Advice from a volunteer, shown to the debtor on her dossier page."""

    class Meta(NoteBase.Meta):
        default_related_name = "advice"
        verbose_name = _("conseil (visible par la personne)")
        verbose_name_plural = _("conseils (visibles par la personne)")


class InternalNote(NoteBase):
    """A note between volunteers; the debtor never sees it."""

    class Meta(NoteBase.Meta):
        default_related_name = "internal_notes"
        verbose_name = _("note interne (jamais montrée à la personne)")
        verbose_name_plural = _("notes internes (jamais montrées à la personne)")


class Invitation(models.Model):
    """A coordinator's invitation to join an association (token sent by e-mail).

    Only the SHA-256 of the token is stored; the invitee accepts it while
    logged in with ``email``, which is when the membership (and staff access)
    is created.
    """

    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("association"),
    )
    email = models.EmailField(_("adresse e-mail invitée"))
    role = models.CharField(
        _("rôle"),
        max_length=20,
        choices=Membership.Role.choices,
        default=Membership.Role.VOLUNTEER,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invité·e par"),
    )
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} — {self.association.name}"


class AccessLog(models.Model):
    """One opening of a dossier by someone other than its owner."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("consulté par"),
    )
    user_email = models.EmailField(_("e-mail"), blank=True)
    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="access_logs",
        verbose_name=_("dossier"),
    )
    opened_at = models.DateTimeField(_("consulté le"), auto_now_add=True, db_index=True)
    path = models.CharField(_("adresse"), max_length=300)

    class Meta:
        ordering = ("-opened_at", "-id")
        verbose_name = _("consultation d'un dossier")
        verbose_name_plural = _("journal des consultations")

    def __str__(self) -> str:
        return (
            f"{self.user_email} — {self.dossier_id} — {self.opened_at:%Y-%m-%d %H:%M}"
        )
