"""Account forms: sign-up with e-mail as the login, and the profile."""

from typing import ClassVar

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm
from django.utils.translation import gettext_lazy as _

from dossiers.fields import phone_field, postal_code_field, reject_hidden_characters

from .emails import MAX_EMAIL_LENGTH, normalize_email, validate_email_address
from .models import User


class NormalizedEmailField(forms.EmailField):
    """An e-mail address normalised before it is checked (``accounts.emails``):
    case, surrounding spaces and invisible characters do not make a new
    address; what is still unusual afterwards is refused beside the field."""

    default_validators = [validate_email_address]  # noqa: RUF012

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("max_length", MAX_EMAIL_LENGTH)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def to_python(self, value: object) -> str:
        return normalize_email(value)


class SignUpForm(BaseUserCreationForm):  # type: ignore[type-arg]
    """E-mail, name and password twice; duplicates are refused case-insensitively."""

    class Meta:
        model = User
        fields = ("email", "first_name", "last_name")
        field_classes: ClassVar = {"email": NormalizedEmailField}
        help_texts: ClassVar = {
            "email": _("Elle vous servira d'identifiant pour vous connecter."),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["email"].widget.attrs.update(autocomplete="email", autofocus=True)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["password1"].help_text = _(
            "Au moins 10 caractères, pas uniquement des chiffres, "
            "pas un mot de passe trop courant."
        )
        refuse_hidden_characters(self, ("first_name", "last_name"))

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "Un compte existe déjà avec cette adresse e-mail. Connectez-vous "
                    "ou utilisez « Mot de passe oublié »."
                ),
                code="duplicate_email",
            )
        return email


class ProfileForm(forms.ModelForm):  # type: ignore[type-arg]
    """The details printed in the sender block of every letter."""

    class Meta:
        model = User
        fields = (
            "first_name",
            "last_name",
            "address",
            "postal_code",
            "city",
            "phone",
            "reminders_opt_in",
        )
        widgets: ClassVar = {"address": forms.Textarea(attrs={"rows": 3})}
        labels: ClassVar = {
            "reminders_opt_in": _(
                "Me prévenir par e-mail : rappels d'échéance, et conseils reçus "
                "d'une association"
            ),
        }
        help_texts: ClassVar = {
            "reminders_opt_in": _(
                "Ces e-mails ne disent rien de votre dette : un lien, et vous vous "
                "connectez pour lire."
            ),
        }

    postal_code = postal_code_field(required=False)
    phone = phone_field()

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        refuse_hidden_characters(self, ("first_name", "last_name", "address", "city"))


def refuse_hidden_characters(form: forms.BaseForm, names: tuple[str, ...]) -> None:
    """Names and addresses print on letters: no control or direction character."""
    for name in names:
        if name in form.fields:
            form.fields[name].validators.append(reject_hidden_characters)
