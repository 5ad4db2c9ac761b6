"""A dossier is one claim received by a debtor, and what hangs from it."""

import hashlib
import uuid
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .answers import Answers
from .law.checks import CONTACT_CONDUCT
from .law.mediation import SECTORS


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


class Mediator(models.Model):
    """Directory of consumer mediators (reference §8.3), kept by the operator.

    Addresses change: the letter page always says to check them on the
    creditor's invoices or contract."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    sector = models.CharField(
        _("secteur"),
        max_length=20,
        choices=[(code, spec.label) for code, spec in SECTORS.items()],
    )
    address = models.TextField(_("adresse"), blank=True, max_length=500)
    website = models.URLField(_("site web"), blank=True)
    notes = models.TextField(_("remarques"), blank=True)

    class Meta:
        ordering = ("sector", "name")
        verbose_name = _("médiateur de la consommation")
        verbose_name_plural = _("médiateurs de la consommation")

    def __str__(self) -> str:
        return self.name


class _AnswersAttribute(DeferredAttribute):
    """``dossier.answers = {...}`` stores an :class:`Answers` (JSON is converted)."""

    def __set__(self, instance: models.Model, value: object) -> None:
        instance.__dict__[self.field.attname] = as_answers(value)


def as_answers(value: object) -> Answers:
    if isinstance(value, Answers):
        return value
    return Answers.from_json(value if isinstance(value, dict) else None)


class AnswersField(models.JSONField):  # type: ignore[type-arg]
    """A JSON column read and written as typed :class:`Answers` only."""

    descriptor_class = _AnswersAttribute

    def from_db_value(
        self, value: object, expression: object, connection: object
    ) -> Answers:
        return as_answers(super().from_db_value(value, expression, connection))

    def get_prep_value(self, value: object) -> object:
        if isinstance(value, Answers):
            value = value.to_json()
        return super().get_prep_value(value)

    def validate(self, value: object, model_instance: models.Model | None) -> None:
        if isinstance(value, Answers):
            value = value.to_json()
        super().validate(value, model_instance)

    def value_from_object(self, obj: models.Model) -> object:
        """JSON for forms and serialisers (the admin, ``dumpdata``)."""
        value = super().value_from_object(obj)
        return value.to_json() if isinstance(value, Answers) else value


class DossierQuerySet(models.QuerySet["Dossier"]):
    def owned_by(self, user: models.Model) -> "DossierQuerySet":
        return self.filter(owner_id=user.pk)


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
    # fields only) to redisplay it, ``answers`` the typed values per step.
    wizard_data = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    answers = AnswersField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    current_step = models.CharField(max_length=40, blank=True)
    # formtools' ``extra_data`` (``dossiers.wizard_storage``): what she typed on
    # a step she left with an error (shown again with it; never an answer) and
    # the steps the questionnaire last counted.
    wizard_extra = models.JSONField(
        default=dict, blank=True, encoder=DjangoJSONEncoder, editable=False
    )
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
    # (kind, ISO date) of the timeline events the deadlines read (avis de
    # réception, letters received), kept by the timeline services so that
    # assessing a dossier needs no query.
    timeline_marks = models.JSONField(default=list, blank=True, editable=False)

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


class TimelineKind(models.TextChoices):
    LETTER_RECEIVED = "letter_received", _("Courrier reçu de l'agence")
    LETTER_SENT = "letter_sent", _("Courrier envoyé à l'agence")
    AR_RECEIVED = "ar_received", _("Avis de réception reçu (lettre recommandée)")
    CALL = "call", _("Appel téléphonique")
    SMS = "sms", _("SMS")
    EMAIL = "email", _("E-mail")
    VISIT = "visit", _("Visite à domicile")
    PAYMENT = "payment", _("Paiement")
    INJONCTION = (
        "injonction",
        _("Injonction de payer signifiée (acte du commissaire de justice)"),
    )
    MEDIATION = "mediation", _("Saisine du médiateur de la consommation")
    OTHER = "other", _("Autre")


class TimelineDirection(models.TextChoices):
    FROM_AGENCY = "from_agency", _("De l'agence vers moi")
    TO_AGENCY = "to_agency", _("De moi vers l'agence")


def validate_conduct(value: object) -> None:
    """A list of known conduct codes (what the letters may state)."""
    if not isinstance(value, list) or any(
        code not in CONTACT_CONDUCT for code in value
    ):
        raise ValidationError(_("Choix inconnu."), code="invalid_conduct")


MAX_TIMELINE_EVENTS = 500
"""Events per dossier: more than a real dossier holds (a call a day for more
than a year), and what its chronology PDF renders in a few seconds."""


class TimelineEvent(models.Model):
    """One thing that happened in the dossier: a letter, a call, a payment…"""

    Kind = TimelineKind
    Direction = TimelineDirection

    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="timeline_events",
        verbose_name=_("dossier"),
    )
    kind = models.CharField(
        _("type d'événement"), max_length=20, choices=TimelineKind.choices
    )
    occurred_on = models.DateField(_("date"))
    occurred_at_time = models.TimeField(_("heure"), null=True, blank=True)
    direction = models.CharField(
        _("sens"), max_length=20, choices=TimelineDirection.choices, blank=True
    )
    who = models.CharField(_("qui"), max_length=200, blank=True)
    content = models.TextField(_("ce qui s'est passé"), max_length=2000, blank=True)
    conduct = models.JSONField(
        _("ce qui a été exigé ou dit"),
        default=list,
        blank=True,
        validators=[validate_conduct],
        help_text=_("Codes de dossiers.law.checks.CONTACT_CONDUCT."),
    )
    attachment = models.ForeignKey(
        Upload,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="timeline_events",
        verbose_name=_("pièce jointe"),
    )
    created_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    # Set when another part of the application keeps this event in step with
    # its own data (``letter:<kind>:sent`` / ``letter:<kind>:ar`` for a
    # generated letter): at most one event per source and dossier, written only
    # through ``services.timeline_sync``, never deleted from the timeline.
    source = models.CharField(_("origine"), max_length=60, blank=True, editable=False)

    class Meta:
        ordering = ("-occurred_on", "-occurred_at_time", "-id")
        verbose_name = _("événement de la chronologie")
        verbose_name_plural = _("chronologie")
        indexes: ClassVar = [models.Index(fields=["dossier", "-occurred_on"])]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(kind__in=TimelineKind.values),
                name="timeline_event_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(direction__in=["", *TimelineDirection.values]),
                name="timeline_event_direction_valid",
            ),
            models.UniqueConstraint(
                fields=["dossier", "source"],
                condition=~models.Q(source=""),
                name="timeline_event_one_per_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d/%m/%Y} — {self.get_kind_display()}"

    @property
    def is_automatic(self) -> bool:
        """Kept in step by another page (a letter's sending record)."""
        return bool(self.source)

    @property
    def source_step(self) -> str:
        """The wizard step of a ``wizard:<step>`` event, else ``""``."""
        prefix, _sep, step = self.source.partition(":")
        return step if prefix == "wizard" else ""

    @property
    def source_letter_kind(self) -> str:
        """The letter kind of a ``letter:<kind>:<mark>`` event, else ``""``."""
        prefix, _sep, rest = self.source.partition(":")
        return rest.rpartition(":")[0] if prefix == "letter" else ""


class CalendarToken(models.Model):
    """The secret in a user's private iCalendar feed URL; deleting it revokes it.

    Only the SHA-256 of the secret is stored (``token_hash``), so a copy of the
    database does not open anyone's calendar. The secret itself is shown once,
    when it is created. A plain hash suffices: the secret is 256 random bits,
    and a key (HMAC) would break every link when the key is rotated.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_token",
        verbose_name=_("utilisateur"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("lien de calendrier")
        verbose_name_plural = _("liens de calendrier")

    def __str__(self) -> str:
        return f"Calendrier de {self.user_id}"

    @staticmethod
    def digest(secret: str) -> str:
        """What is stored for ``secret``, and what the feed looks up."""
        return hashlib.sha256(secret.encode()).hexdigest()


class ReminderSent(models.Model):
    """One reminder e-mailed; the unique constraint makes sending idempotent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=40)
    due = models.DateField()
    window = models.PositiveSmallIntegerField()  # days before ``due``: 7 or 1
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rappel envoyé")
        verbose_name_plural = _("rappels envoyés")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["user", "dossier", "code", "due", "window"],
                name="reminder_sent_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.due} (J-{self.window})"
