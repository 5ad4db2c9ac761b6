"""« Les montants »: the total claimed and its lines (a repeatable group)."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dossiers import answers as typed
from dossiers.fields import EuroField, TextField
from dossiers.law import checks

from .base import MAX_ROWS, YES_NO, RowsForm, radio, row_choices


class AmountLineForm(forms.Form):
    label = TextField(
        max_length=120,
        label=_("Intitulé de la ligne"),
        help_text=_("Recopiez le libellé du courrier (ex. : « frais de dossier »)."),
    )
    kind = forms.ChoiceField(
        choices=row_choices(checks.AMOUNT_KINDS),
        label=_("Nature de la ligne"),
        help_text=_(
            "Principal = la somme due au départ ; frais et pénalités = ce qui s'y ajoute."
        ),
    )
    amount = EuroField(
        allow_negative=True,
        label=_("Montant (€)"),
        help_text=_(
            "Un versement déjà déduit s'écrit avec un signe moins, sur une ligne "
            "de nature « Autre »."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        amount, kind = data.get("amount"), data.get("kind")
        if amount is not None and amount < 0 and kind and kind != "other":
            self.add_error(
                "amount",
                _(
                    "Un montant négatif (un versement déjà déduit) se déclare sur "
                    "une ligne de nature « Autre » ; pour « %(kind)s », indiquez "
                    "un montant positif."
                )
                % {"kind": checks.AMOUNT_KINDS[kind].label},
            )
        return data


AmountLineFormSet = forms.formset_factory(
    AmountLineForm, extra=1, can_delete=True, max_num=MAX_ROWS, absolute_max=MAX_ROWS
)


class MontantsForm(RowsForm):
    answers_class = typed.Montants
    formset_class = AmountLineFormSet
    rows_name = "lines"

    total_claimed = EuroField(
        label=_("Montant total réclamé (€)"),
        help_text=_("Le total que le courrier vous demande de payer."),
    )
    is_consumer = forms.ChoiceField(
        choices=YES_NO,
        widget=radio(),
        label=_(
            "Cette dette vient-elle de votre vie privée (pas d'une activité professionnelle) ?"
        ),
        help_text=_(
            "Oui si c'est un achat, un crédit ou un abonnement personnel (vous êtes alors "
            "un « consommateur »). Non si c'est une dette de votre entreprise ou de votre "
            "activité d'indépendant."
        ),
    )

    def clean_total_claimed(self) -> Decimal | None:
        total: Decimal | None = self.cleaned_data.get("total_claimed")
        if total is not None and total == 0:
            raise forms.ValidationError(
                _(
                    "Le total ne peut pas être 0 € : recopiez la somme que le "
                    "courrier vous demande de payer."
                ),
                code="zero_total",
            )
        return total
