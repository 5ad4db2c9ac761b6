"""« Mes coordonnées »: printed at the top of her letters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dossiers import answers as typed
from dossiers.fields import TextField, phone_field, postal_code_field

from .base import StepForm


class CoordonneesForm(StepForm):
    answers_class = typed.Coordonnees

    first_name = TextField(
        max_length=150, label=_("Prénom"), help_text=_("Comme sur vos papiers.")
    )
    last_name = TextField(
        max_length=150, label=_("Nom"), help_text=_("Comme sur vos papiers.")
    )
    address = TextField(
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        label=_("Adresse"),
        help_text=_("Numéro, rue, complément : elle figure en haut de vos lettres."),
    )
    postal_code = postal_code_field()
    city = TextField(
        max_length=100, label=_("Ville"), help_text=_("La commune de votre adresse.")
    )
    phone = phone_field()
    save_to_profile = forms.BooleanField(
        required=False,
        initial=True,
        label=_(
            "Enregistrer ces coordonnées dans mon compte pour mes prochains dossiers"
        ),
    )
