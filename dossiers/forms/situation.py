"""« Ma situation »: her household's budget (only when she considers paying)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dossiers import answers as typed
from dossiers.fields import EuroField

from .base import YES_NO, StepForm, radio


class SituationForm(StepForm):
    answers_class = typed.Situation

    monthly_income = EuroField(
        label=_("Revenus du foyer par mois (€)"),
        help_text=_(
            "Salaires, allocations, pensions reçues… ce qui arrive chaque mois."
        ),
    )
    fixed_charges = EuroField(
        label=_("Charges fixes par mois (€)"),
        help_text=_("Loyer, énergie, assurances, transport, téléphone, cantine…"),
    )
    other_debt_payments = EuroField(
        required=False,
        label=_("Autres remboursements de dettes par mois (€)"),
        help_text=_(
            "Crédits en cours, autres échéanciers. Laissez vide s'il n'y en a pas."
        ),
    )
    dependants = forms.IntegerField(
        min_value=0,
        max_value=20,
        label=_("Personnes à charge"),
        help_text=_("Enfants ou autres personnes qui vivent de vos revenus."),
        error_messages={
            "invalid": _("Indiquez un nombre entier, par exemple 2."),
            "min_value": _("Le nombre ne peut pas être négatif."),
            "max_value": _("Indiquez au plus 20 personnes."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    surendettement_admissible = forms.ChoiceField(
        choices=YES_NO,
        widget=radio(),
        label=_(
            "La Banque de France a-t-elle déclaré recevable un dossier de surendettement ?"
        ),
        help_text=_(
            "Si oui, vous ne devez plus payer vos dettes directement (art. L722-5)."
        ),
    )
