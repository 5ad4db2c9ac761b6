"""Form fields for stressed people typing on a phone: French amounts and dates."""

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_EUROS = Decimal("10000000")
OLDEST_DATE = dt.date(1970, 1, 1)
_SPACES = re.compile(r"[\s\u00a0\u202f']")


HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs"})
"""Control and format characters (direction overrides, zero-width…), line and
paragraph separators, private use and lone surrogates."""
ALLOWED_CONTROLS = frozenset("\t\n\r")


def hidden_characters(value: str) -> list[str]:
    """The invisible or control characters of ``value`` (tab and new lines
    excepted), as ``U+XXXX`` codes."""
    return [
        f"U+{ord(char):04X}"
        for char in value
        if char not in ALLOWED_CONTROLS
        and unicodedata.category(char) in HIDDEN_CATEGORIES
    ]


def reject_hidden_characters(value: str) -> None:
    """Refuse control and direction-override characters: they would print
    nothing, or print the text of a name or an address in another order."""
    found = hidden_characters(str(value))
    if found:
        raise ValidationError(
            _(
                "Ce texte contient un caractère invisible ou de contrôle (%(codes)s), "
                "par exemple un caractère qui inverse le sens de l'écriture : "
                "retapez-le au clavier plutôt que de le copier-coller."
            ),
            code="hidden_characters",
            params={"codes": ", ".join(dict.fromkeys(found))},
        )


class TextField(forms.CharField):
    """A text answer whose length limit is said plainly, with what she typed;
    control and direction-override characters are refused."""

    default_validators = [reject_hidden_characters]  # noqa: RUF012

    default_error_messages = {  # noqa: RUF012
        "max_length": _(
            "%(limit_value)d caractères au plus : vous en avez écrit %(show_value)d. "
            "Raccourcissez un peu."
        ),
    }


class EuroField(forms.DecimalField):
    """Accepts « 1 234,56 », « 1234.56 », « 1 234,56 € »; refuses letters."""

    default_error_messages = {  # noqa: RUF012
        "invalid": _("Saisissez un montant en euros, par exemple 1 234,56."),
        "max_digits": _("Ce montant est trop grand."),
        "max_whole_digits": _("Ce montant est trop grand."),
        "max_decimal_places": _("Indiquez au plus 2 chiffres après la virgule."),
    }

    def __init__(self, *, allow_negative: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("max_value", MAX_EUROS)
        if not allow_negative:
            kwargs.setdefault("min_value", Decimal("0"))
        else:
            kwargs.setdefault("min_value", -MAX_EUROS)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        )
        super().__init__(**kwargs)
        self.error_messages["min_value"] = _("Le montant ne peut pas être négatif.")
        self.error_messages["max_value"] = _(
            "Ce montant dépasse 10 000 000 € : vérifiez le nombre de chiffres."
        )

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            value = _SPACES.sub("", value).replace("€", "").replace(",", ".")
            if value.count(".") > 1:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid"
                )
        try:
            return super().to_python(value)
        except InvalidOperation as exc:  # pragma: no cover - defensive
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from exc

    def run_validators(self, value: Any) -> None:
        """One message beside the field: « dépasse 10 000 000 € » says it all,
        Django's digit-count validator would add « trop grand » below it."""
        try:
            super().run_validators(value)
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.error_list[:1]) from None

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # A text input: no "step"/"min" attributes that would refuse commas.
        return {}


class PastDateField(forms.DateField):
    """A date that cannot be in the future nor absurdly old."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"]  # noqa: RUF012
    default_error_messages = {  # noqa: RUF012
        "invalid": _("Saisissez une date valide, par exemple 15/03/2024."),
    }

    def __init__(self, *, allow_future: bool = False, **kwargs: Any) -> None:
        self.allow_future = allow_future
        super().__init__(**kwargs)

    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        if value is None:
            return
        if value < OLDEST_DATE:
            raise forms.ValidationError(
                _("Cette date est trop ancienne : vérifiez l'année."), code="too_old"
            )
        if not self.allow_future and value > timezone.localdate():
            raise forms.ValidationError(
                _(
                    "Cette date est dans le futur : vérifiez le jour, le mois et l'année."
                ),
                code="future",
            )


PHONE_RE = r"^\+?[\d\s.()\-]{6,30}$"


def postal_code_field(*, required: bool = True) -> forms.RegexField:
    """A French postal code, as the letters print it (profile and wizard)."""
    return forms.RegexField(
        regex=r"^\d{5}$",
        max_length=5,
        required=required,
        label=_("Code postal"),
        help_text=_("5 chiffres."),
        error_messages={"invalid": _("Le code postal s'écrit avec 5 chiffres.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "postal-code"}
        ),
    )


def phone_field() -> forms.RegexField:
    """An optional phone number: digits, spaces, dots, dashes, a leading +."""
    return forms.RegexField(
        regex=PHONE_RE,
        max_length=30,
        required=False,
        label=_("Téléphone (facultatif)"),
        help_text=_("Il n'apparaît pas dans les lettres si vous le laissez vide."),
        error_messages={
            "invalid": _(
                "Indiquez un numéro de téléphone avec des chiffres, "
                "par exemple 06 12 34 56 78."
            )
        },
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
