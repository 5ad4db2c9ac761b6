"""Users log in with their e-mail address; the profile prefills the letters."""

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .emails import normalize_email, validate_email_address


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        """The project's one normalisation (``accounts.emails``), also used
        by ``AbstractUser.clean`` and therefore by the admin's user forms."""
        return normalize_email(email)

    def get_by_natural_key(self, username: str | None) -> "User":
        """Log-in lookup: ``Sophie.Durand@EXAMPLE.NET`` finds the account of
        ``sophie.durand@example.net`` (through the ``lower(email)`` index)."""
        return self.alias(email_ci=Lower("email")).get(
            email_ci=normalize_email(username)
        )

    def _create(self, email: str, password: str | None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(
        self, email: str, password: str | None = None, **extra: Any
    ) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(
        self, email: str, password: str | None = None, **extra: Any
    ) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("adresse e-mail"), unique=True)
    address = models.TextField(
        _("adresse postale"),
        blank=True,
        max_length=300,
        help_text=_("Numéro, rue, complément (comme sur une enveloppe)."),
    )
    postal_code = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("ville"), max_length=100, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    reminders_opt_in = models.BooleanField(
        _("recevoir les rappels d'échéance par e-mail"), default=False
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        constraints: ClassVar = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self) -> None:
        super().clean()  # normalises the address (UserManager.normalize_email)
        try:
            validate_email_address(self.email)
        except ValidationError as exc:
            raise ValidationError({"email": exc.messages}) from exc


class RateLimitHit(models.Model):
    """One counted action (a sign-up, a reset e-mail…) for ``accounts.throttle``.

    ``key`` is a keyed digest of the IP address or e-mail, never the value
    itself; rows older than the longest window are deleted as new ones come.
    """

    scope = models.CharField(max_length=30)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("action limitée")
        verbose_name_plural = _("actions limitées")
        indexes: ClassVar = [models.Index(fields=["scope", "key", "at"])]

    def __str__(self) -> str:
        return f"{self.scope} {self.at:%Y-%m-%d %H:%M}"
