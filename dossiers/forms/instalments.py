"""The unpaid instalments of a debt, in « La prescription »: a series or a list.

Each unpaid instalment or rent has its own limitation clock (reference §1.2,
§1.7, §3.2 rule 5), so the wizard asks for them: the first and the last unpaid
due dates, how often, and the amount of each; or, when they differ, a list,
one per line (« 05/01/2021 450,00 »). The law turns the series into dates
(``dossiers.law.instalments``); this module only reads what she typed.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dossiers.fields import EuroField, PastDateField
from dossiers.law.instalments import (
    MAX_INSTALMENTS,
    PERIODICITIES,
    InstalmentInputError,
    UnpaidInstalment,
    series,
)

_LINE = re.compile(
    r"^\s*(?P<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"\s*[;:,\s]?\s*(?P<amount>[-+]?[\d\s\u00a0\u202f.,']*)\s*(?:€|eur(?:os?)?)?\s*$",
    re.IGNORECASE,
)
_DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")
LIST_EXAMPLE = "05/01/2021 450,00"


class InstalmentListField(forms.CharField):
    """A textarea, one instalment per line: a date, then optionally an amount.
    Cleans to a list of ``{"due": date, "amount": Decimal | None}``."""

    widget = forms.Textarea(attrs={"rows": 4})

    def clean(self, value: Any) -> list[dict[str, Any]]:
        text = super().clean(value) or ""
        rows = [
            _row(number, line)
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        ]
        if len(rows) > MAX_INSTALMENTS:
            raise forms.ValidationError(
                _("%(max)d échéances au plus.") % {"max": MAX_INSTALMENTS}
            )
        rows.sort(key=lambda row: row["due"])
        for before, after in zip(rows, rows[1:], strict=False):
            if before["due"] == after["due"]:
                raise forms.ValidationError(
                    _("La date %(day)s figure deux fois.")
                    % {"day": after["due"].strftime("%d/%m/%Y")}
                )
        return rows


def _row(number: int, line: str) -> dict[str, Any]:
    match = _LINE.match(line)
    due = _date(match["date"]) if match else None
    if match is None or due is None:
        raise forms.ValidationError(
            _(
                "Ligne %(n)d : écrivez la date puis le montant, par exemple "
                "« %(example)s »."
            )
            % {"n": number, "example": LIST_EXAMPLE}
        )
    return {"due": due, "amount": _amount(number, match["amount"])}


def _date(text: str) -> dt.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    return None


def _amount(number: int, text: str) -> Decimal | None:
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", text).replace(",", ".")
    if not cleaned:
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount <= 0:
        raise forms.ValidationError(
            _("Ligne %(n)d : le montant « %(text)s » n'est pas lisible.")
            % {"n": number, "text": text.strip()}
        )
    return amount.quantize(Decimal("0.01"))


PERIODICITY_CHOICES = [
    ("", _("— Choisir —")),
    *((code, spec.label) for code, spec in PERIODICITIES.items()),
]
SERIES_FIELDS = ("first_unpaid", "last_unpaid", "periodicity", "instalment_amount")
FIELD_OF = {
    "first": "first_unpaid",
    "last": "last_unpaid",
    "periodicity": "periodicity",
}


class InstalmentsForm(forms.Form):
    """The instalment questions of « La prescription » (mixed into its form)."""

    first_unpaid = PastDateField(
        required=False,
        label=_("Première échéance impayée"),
        help_text=_(
            "Crédit, prêt, loyers, pension : la date d'échéance de la plus ancienne "
            "somme impayée. Chaque échéance a son propre délai."
        ),
    )
    last_unpaid = PastDateField(
        required=False,
        label=_("Dernière échéance impayée"),
        help_text=_(
            "La plus récente (avant la déchéance du terme pour un prêt). Laissez "
            "vide s'il n'y en a qu'une."
        ),
    )
    periodicity = forms.ChoiceField(
        required=False,
        choices=PERIODICITY_CHOICES,
        label=_("Rythme des échéances"),
        help_text=_("Le plus souvent : tous les mois."),
    )
    instalment_amount = EuroField(
        required=False,
        label=_("Montant de chaque échéance (€)"),
        help_text=_("Laissez vide si vous ne le connaissez pas."),
    )
    instalment_list = InstalmentListField(
        required=False,
        max_length=8000,
        label=_("Ou, si les dates ou les montants varient : la liste des échéances"),
        help_text=_(
            "Une échéance impayée par ligne : la date, puis le montant. "
            "Par exemple « %(example)s »."
        )
        % {"example": LIST_EXAMPLE},
    )
    capital_amount = EuroField(
        required=False,
        label=_("Capital restant dû exigé à la déchéance du terme (€)"),
        help_text=_(
            "Pour un prêt : la somme réclamée d'un coup quand le prêteur a exigé "
            "tout le capital. Laissez vide si vous ne la connaissez pas."
        ),
    )

    def unpaid_instalments(self) -> tuple[UnpaidInstalment, ...]:
        """What she typed, as instalments; errors are added beside the fields."""
        data = self.cleaned_data
        listed = data.get("instalment_list") or []
        given = [name for name in SERIES_FIELDS if data.get(name)]
        if listed and given:
            self.add_error(
                "instalment_list",
                _(
                    "Indiquez soit la première et la dernière échéance, soit la "
                    "liste, pas les deux."
                ),
            )
            return ()
        if listed:
            return tuple(UnpaidInstalment(row["due"], row["amount"]) for row in listed)
        if given and not data.get("first_unpaid"):
            self.add_error("first_unpaid", _("Indiquez la première échéance impayée."))
            return ()
        return self._series(data) if given else ()

    def _series(self, data: dict[str, Any]) -> tuple[UnpaidInstalment, ...]:
        try:
            return series(
                data["first_unpaid"],
                data.get("last_unpaid"),
                data.get("periodicity") or "",
                data.get("instalment_amount"),
            )
        except InstalmentInputError as exc:
            self.add_error(FIELD_OF.get(exc.field or "", "last_unpaid"), str(exc))
            return ()
