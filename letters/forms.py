"""Letter forms: personal paragraph, plan options, sending record."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from dossiers.fields import reject_hidden_characters
from dossiers.law.dates import format_date_fr

from .models import PERSONAL_MAX_LENGTH, REGISTERED_MAX_LENGTH


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class LetterForm(forms.Form):
    personal_text = forms.CharField(
        label="Paragraphe personnel (facultatif)",
        help_text=(
            f"Texte simple, {PERSONAL_MAX_LENGTH} caractères au plus. Il est ajouté "
            "avant la formule de politesse. N'y reconnaissez pas la dette si la "
            "lettre dit le contraire."
        ),
        max_length=PERSONAL_MAX_LENGTH,
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[reject_hidden_characters],
        error_messages={
            "max_length": "Le paragraphe fait %(show_value)d caractères : "
            "%(limit_value)d au plus."
        },
    )


class PlanForm(LetterForm):
    monthly = forms.DecimalField(
        label="Montant de chaque mensualité (€)",
        help_text="Proposé d'après votre budget quand vous l'avez indiqué.",
        min_value=Decimal("1"),
        max_value=Decimal("1000000"),
        decimal_places=2,
        required=False,
        localize=True,
        error_messages={
            "invalid": "Indiquez un montant, par exemple 85 ou 85,50.",
            "min_value": "Une mensualité est d'au moins %(limit_value)s €.",
            "max_value": "Indiquez une mensualité d'au plus 1 000 000 €.",
            "max_decimal_places": "Indiquez les centimes avec 2 chiffres au plus.",
            "max_digits": "Indiquez une mensualité d'au plus 1 000 000 €.",
        },
    )
    first_due = forms.DateField(
        label="Date de la première échéance",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": "Indiquez une date valide."},
    )

    def __init__(self, *args: Any, today: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()

    def clean_first_due(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data.get("first_due")
        if day and day < self.today:
            raise forms.ValidationError("La première échéance ne peut pas être passée.")
        if day and day > self.today + dt.timedelta(days=366):
            raise forms.ValidationError("Choisissez une date dans l'année qui vient.")
        return day

    def options(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"monthly": data.get("monthly"), "first_due": data.get("first_due")}


class SentForm(forms.Form):
    """When and how the letter left. ``prepared_on``: the day its first PDF
    was generated; she cannot have posted it before."""

    sent_on = forms.DateField(
        label="Envoyée le",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": "Indiquez une date valide."},
    )
    registered_number = forms.CharField(
        label="N° de recommandé",
        help_text="Le numéro du récépissé de La Poste, par exemple 1A 234 567 8901 2.",
        max_length=REGISTERED_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": "%(limit_value)d caractères au plus pour ce numéro."
        },
    )
    ar_received_on = forms.DateField(
        label="Avis de réception reçu le",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": "Indiquez une date valide."},
    )

    def __init__(
        self,
        *args: Any,
        today: dt.date | None = None,
        prepared_on: dt.date | None = None,
        recorded: bool = False,
        **kwargs: Any,
    ) -> None:
        """``recorded``: a sending is already recorded (an empty form then
        clears it; otherwise an empty form is refused)."""
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.prepared_on = prepared_on
        self.recorded = recorded

    @property
    def clears(self) -> bool:
        """Valid, empty, and a sending was recorded: the sending is cleared."""
        return self.recorded and not any(self.cleaned_data.values())

    def clean_registered_number(self) -> str:
        value: str = " ".join(self.cleaned_data.get("registered_number", "").split())
        if value and not all(c.isalnum() or c in " -" for c in value):
            raise forms.ValidationError(
                "Utilisez seulement des lettres, des chiffres, des espaces ou des tirets."
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sent, ar = data.get("sent_on"), data.get("ar_received_on")
        for name in ("sent_on", "ar_received_on"):
            if data.get(name) and data[name] > self.today:
                self.add_error(name, "Cette date ne peut pas être dans le futur.")
        if sent and self.prepared_on and sent < self.prepared_on:
            self.add_error(
                "sent_on",
                "Cette lettre a été préparée le "
                f"{format_date_fr(self.prepared_on)} : elle n'a pas pu partir avant.",
            )
        if ar and not sent:
            self.add_error("sent_on", "Indiquez d'abord la date d'envoi.")
        elif ar and sent and ar < sent:
            self.add_error(
                "ar_received_on", "L'avis de réception ne peut pas précéder l'envoi."
            )
        if data.get("registered_number") and not sent:
            self.add_error("sent_on", "Indiquez la date d'envoi du recommandé.")
        if not self.recorded and not self.errors and not any(data.values()):
            self.add_error(
                "sent_on", "Indiquez la date à laquelle vous avez envoyé la lettre."
            )
        return data
