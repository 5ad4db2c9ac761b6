"""Letter forms: personal paragraph, plan options, sending record."""

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from dossiers.assessment import DossierAssessment
from dossiers.fields import reject_hidden_characters
from dossiers.law.acknowledgment import acknowledgments
from dossiers.law.dates import format_date
from dossiers.law.schedule import ScheduleInputError
from dossiers.models import Dossier

from .contexts import plan, suggested_monthly
from .models import PERSONAL_MAX_LENGTH, REGISTERED_MAX_LENGTH, LetterVersion


@dataclass(frozen=True)
class OptionsContext:
    """What a letter form's initial options may read."""

    dossier: Dossier
    assessment: DossierAssessment


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def refuse_acknowledgment(text: str) -> None:
    """The form-level hook of every letter that contests the debt or invokes
    the limitation: a phrase acknowledging the debt is refused beside the field,
    with why (``dossiers.law.acknowledgment``)."""
    found = acknowledgments(text)
    if found:
        raise forms.ValidationError(
            [f"« {item.phrase} » : {item.explanation}" for item in found],
            code="acknowledgment",
        )


class LetterForm(forms.Form):
    """The personal paragraph; subclasses add the options of a letter kind
    (``LetterSpec.options_form``), stored in ``Letter.options``.

    ``contests_debt``: the letter says « La présente ne vaut pas reconnaissance
    de dette » (every letter but the payment ones): wording that acknowledges
    the debt is refused in the personal paragraph."""

    def clean_personal_text(self) -> str:
        text: str = self.cleaned_data.get("personal_text", "")
        if self.contests_debt:
            refuse_acknowledgment(text)
        return text

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

    def __init__(
        self,
        *args: Any,
        today: dt.date | None = None,
        contests_debt: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.contests_debt = contests_debt

    @classmethod
    def initial_options(
        cls, stored: dict[str, Any], context: "OptionsContext"
    ) -> dict[str, Any]:
        """Initial values of the options: what was stored, else from the dossier."""
        return {}

    def options(self) -> dict[str, Any]:
        """The cleaned options, as stored in ``Letter.options``."""
        return {}

    def check(self, letter: Any) -> None:
        """Check the options against the letter they build (``letter``: its
        ``LetterInput``); errors go beside the fields."""


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

    @classmethod
    def initial_options(
        cls, stored: dict[str, Any], context: "OptionsContext"
    ) -> dict[str, Any]:
        return {
            "monthly": stored.get("monthly") or suggested_monthly(context.assessment),
            "first_due": stored.get("first_due"),
        }

    def check(self, letter: Any) -> None:
        """Build the schedule now: its errors go beside the monthly amount."""
        try:
            plan(letter)
        except ScheduleInputError as exc:
            self.add_error("monthly", str(exc))

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


SENDING_FIELDS = ("sent_on", "registered_number", "ar_received_on")

REGISTERED_FORMATS = (
    re.compile(r"\d[A-Z]\d{11}"),  # La Poste, in France: 1A 234 567 8901 2
    re.compile(r"[A-Z]{2}\d{9}[A-Z]{2}"),  # international (UPU S10): RR123456785FR
)
NUMBER_WARNING = (
    "Ce numéro ne ressemble pas à un numéro de recommandé de La Poste "
    "(13 caractères, par exemple 1A 234 567 8901 2). Il est enregistré : "
    "vérifiez-le sur le récépissé, c'est votre preuve d'envoi."
)


def registered_number_plausible(number: str) -> bool:
    """Whether ``number`` has the shape of a La Poste registered-mail number
    (spaces and dashes aside). Others are kept, with a warning: a receipt of
    another carrier or an electronic registered letter has its own format,
    and the date of sending matters more than the number's shape."""
    compact = re.sub(r"[\s-]", "", number).upper()
    return any(pattern.fullmatch(compact) for pattern in REGISTERED_FORMATS)


class SentForm(forms.Form):
    """Which version left, when and how. ``versions``: the letter's versions,
    oldest first; she cannot have posted one before it was generated."""

    version = forms.TypedChoiceField(
        label="Version envoyée",
        help_text="Celle que vous avez mise sous enveloppe (la dernière, en général).",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choisissez une version de la liste."},
    )
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
        versions: Sequence[LetterVersion] = (),
        recorded: bool = False,
        **kwargs: Any,
    ) -> None:
        """``recorded``: a sending is already recorded (an empty form then
        clears it; otherwise an empty form is refused)."""
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.versions = {version.number: version for version in versions}
        self.recorded = recorded
        self.fields["version"].choices = [
            (number, f"Version {number}, générée le {_generated_on(version)}")
            for number, version in reversed(self.versions.items())
        ]

    @property
    def clears(self) -> bool:
        """Valid, empty, and a sending was recorded: the sending is cleared."""
        return self.recorded and not self._sending(self.cleaned_data)

    @property
    def number_warning(self) -> str:
        """A warning for a kept but unusual number (valid form only)."""
        number = self.cleaned_data.get("registered_number") or ""
        return (
            NUMBER_WARNING if number and not registered_number_plausible(number) else ""
        )

    @property
    def sent_version(self) -> LetterVersion | None:
        """The version chosen, else the latest one (valid form only)."""
        return self._chosen(self.cleaned_data.get("version"))

    def _chosen(self, number: int | None) -> LetterVersion | None:
        if number is None and self.versions:
            number = max(self.versions)
        return self.versions.get(number) if number is not None else None

    def sending(self) -> dict[str, Any]:
        """What ``services.letter_mark_sent`` records (valid form only): all
        empty clears the sending."""
        values = {name: self.cleaned_data.get(name) for name in SENDING_FIELDS}
        values["registered_number"] = values["registered_number"] or ""
        recorded = self._sending(self.cleaned_data)
        return {**values, "version": self.sent_version if recorded else None}

    @staticmethod
    def _sending(data: dict[str, Any]) -> bool:
        """Whether anything of a sending is in ``data``."""
        return any(data.get(name) for name in SENDING_FIELDS)

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
        prepared_on = self._prepared_on(data)
        if sent and prepared_on and sent < prepared_on:
            self.add_error(
                "sent_on",
                "Cette version a été préparée le "
                f"{format_date(prepared_on)} : elle n'a pas pu partir avant.",
            )
        if ar and not sent:
            self.add_error("sent_on", "Indiquez d'abord la date d'envoi.")
        elif ar and sent and ar < sent:
            self.add_error(
                "ar_received_on", "L'avis de réception ne peut pas précéder l'envoi."
            )
        if data.get("registered_number") and not sent:
            self.add_error("sent_on", "Indiquez la date d'envoi du recommandé.")
        if not self.recorded and not self.errors and not self._sending(data):
            self.add_error(
                "sent_on", "Indiquez la date à laquelle vous avez envoyé la lettre."
            )
        return data

    def _prepared_on(self, data: dict[str, Any]) -> dt.date | None:
        version = self._chosen(data.get("version"))
        return _generated_on_date(version) if version is not None else None


def _generated_on_date(version: LetterVersion) -> dt.date:
    return timezone.localdate(version.created_at)


def _generated_on(version: LetterVersion) -> str:
    return format_date(_generated_on_date(version))
