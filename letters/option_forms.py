"""The options of the next-step letters: who they go to and what they say.

Each form is ``LetterSpec.options_form`` of its kind: the personal paragraph
(``LetterForm``) plus the facts the dossier does not hold (the court and the
ordonnance, the mediator, the tribunal, the sum offered, the deferral asked).
Initial values come from what was stored, else from the dossier.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from dossiers.answers import Courrier, Montants, Prescription
from dossiers.fields import EuroField, TextField
from dossiers.law.mediation import SECTORS, sector_for
from dossiers.models import Mediator

from .contexts import suggested_monthly
from .forms import DateInput, LetterForm, OptionsContext

ADDRESS = {"rows": 3, "autocomplete": "off"}


def _date_field(
    label: str, help_text: str, *, required: bool = True
) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=required,
        widget=DateInput(),
        error_messages={
            "invalid": "Indiquez une date valide.",
            "required": "Indiquez cette date : elle figure sur l'acte.",
        },
    )


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


class PastDatesMixin(forms.Form):
    """The dates of these forms are past events: never after today."""

    today: dt.date

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, field in self.fields.items():
            value = data.get(name)
            if isinstance(field, forms.DateField) and value and value > self.today:
                self.add_error(name, "Cette date ne peut pas être dans le futur.")
        return data


# --- Opposition à injonction de payer (§8.4) -----------------------------------------


class OppositionForm(PastDatesMixin, LetterForm):
    court = TextField(
        max_length=150,
        label="Tribunal qui a rendu l'ordonnance",
        help_text="En haut de l'ordonnance, par exemple « Tribunal judiciaire de Lyon ».",
    )
    court_address = TextField(
        max_length=300,
        widget=forms.Textarea(attrs=ADDRESS),
        label="Adresse du greffe de ce tribunal",
        help_text="Elle figure sur l'ordonnance ou l'acte de signification.",
    )
    applicant = TextField(
        max_length=200,
        label="Qui a demandé l'ordonnance (le requérant)",
        help_text="Le nom écrit après « à la requête de » : le créancier, ou la "
        "société qui dit avoir racheté la dette.",
    )
    order_date = _date_field(
        "Date de l'ordonnance", "La date à laquelle le juge a signé l'ordonnance."
    )
    order_number = TextField(
        max_length=60,
        required=False,
        label="Numéro de l'ordonnance (facultatif)",
        help_text="Souvent « N° RG » ou « N° de minute », en haut de l'ordonnance.",
    )
    signification_date = _date_field(
        "Date de la signification",
        "Le jour où le commissaire de justice vous a remis l'acte : le délai d'un "
        "mois part de cette date (CPC, art. 1416).",
    )
    ask_delays = forms.BooleanField(
        required=False,
        label="Demander aussi au juge des délais de paiement, à titre subsidiaire",
        help_text="Attention : demander des délais, c'est reconnaître la dette. Ne "
        "cochez pas si la dette vous paraît prescrite.",
    )

    @classmethod
    def initial_options(
        cls, stored: dict[str, Any], context: OptionsContext
    ) -> dict[str, Any]:
        courrier = context.dossier.answers.get(Courrier)
        signified = context.assessment.timeline.injonction_on
        return {
            "court": stored.get("court", ""),
            "court_address": stored.get("court_address", ""),
            "applicant": stored.get("applicant") or _applicant(courrier),
            "order_date": stored.get("order_date"),
            "order_number": stored.get("order_number", ""),
            "signification_date": stored.get("signification_date")
            or _iso(signified or courrier.signification_date),
            "ask_delays": stored.get("ask_delays", False),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        order, signified = data.get("order_date"), data.get("signification_date")
        if order and signified and signified < order:
            self.add_error(
                "signification_date",
                "L'ordonnance est signifiée après avoir été rendue : vérifiez les dates.",
            )
        return data

    def options(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "court": data["court"],
            "court_address": data["court_address"],
            "applicant": data["applicant"],
            "order_date": _iso(data["order_date"]),
            "order_number": data.get("order_number", ""),
            "signification_date": _iso(data["signification_date"]),
            "ask_delays": bool(data.get("ask_delays")),
        }


def _applicant(courrier: Courrier) -> str:
    """The likely applicant: the buyer of the debt, else the creditor."""
    if courrier.agency_role == "purchase":
        return courrier.agency_name
    return courrier.creditor_name or courrier.agency_name


# --- Saisine du médiateur (§8.3) -----------------------------------------------------

REQUESTS = [
    ("cancel_fees", "l'annulation des frais réclamés"),
    ("correct_amount", "la correction du montant réclamé"),
    ("stop_collection", "l'arrêt des relances tant que la créance n'est pas justifiée"),
    ("plan", "un échéancier adapté à ma situation"),
]


class MediatorForm(PastDatesMixin, LetterForm):
    mediator = forms.ModelChoiceField(
        queryset=Mediator.objects.all(),
        required=False,
        empty_label="Il n'est pas dans la liste",
        label="Médiateur du créancier",
        help_text="Son nom figure sur vos factures, votre contrat ou le site du "
        "créancier : vérifiez-le.",
    )
    mediator_name = TextField(
        max_length=200,
        required=False,
        label="Nom du médiateur, s'il n'est pas dans la liste",
        help_text="Tel qu'il est écrit sur vos factures ou votre contrat.",
    )
    mediator_address = TextField(
        max_length=300,
        widget=forms.Textarea(attrs=ADDRESS),
        label="Adresse du médiateur",
        help_text="À vérifier sur vos factures, votre contrat ou le site du médiateur.",
    )
    complaint_date = _date_field(
        "Date de votre réclamation écrite",
        "La date d'envoi de votre lettre au créancier ou à l'agence.",
    )
    requests = forms.MultipleChoiceField(
        choices=REQUESTS,
        widget=forms.CheckboxSelectMultiple,
        label="Ce que vous demandez",
        help_text="Cochez au moins une demande.",
        error_messages={"required": "Cochez au moins une demande."},
    )

    @classmethod
    def initial_options(
        cls, stored: dict[str, Any], context: OptionsContext
    ) -> dict[str, Any]:
        nature = context.dossier.answers.get(Prescription).nature
        suggested = Mediator.objects.filter(sector=sector_for(nature)).first()
        complaint = context.assessment.timeline.story.complaint_sent_on
        return {
            "mediator": stored.get("mediator") or (suggested.pk if suggested else None),
            "mediator_name": stored.get("mediator_name", ""),
            "mediator_address": stored.get("mediator_address")
            or (suggested.address if suggested else ""),
            "complaint_date": stored.get("complaint_date") or _iso(complaint),
            "requests": stored.get("requests") or ["cancel_fees", "stop_collection"],
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("mediator") and not data.get("mediator_name"):
            self.add_error(
                "mediator_name",
                "Choisissez le médiateur dans la liste ou écrivez son nom.",
            )
        return data

    def options(self) -> dict[str, Any]:
        data = self.cleaned_data
        mediator = data.get("mediator")
        return {
            "mediator": mediator.pk if mediator else None,
            "mediator_name": mediator.name if mediator else data["mediator_name"],
            "mediator_sector": SECTORS[mediator.sector].label if mediator else "",
            "mediator_address": data["mediator_address"],
            "complaint_date": _iso(data["complaint_date"]),
            "requests": list(data["requests"]),
        }


# --- Plainte au procureur (§8.5 (l)) --------------------------------------------------


class ComplaintForm(LetterForm):
    tribunal = TextField(
        max_length=150,
        label="Tribunal judiciaire de votre domicile",
        help_text="Par exemple « Tribunal judiciaire de Lyon ». La plainte est adressée "
        "au procureur de la République de ce tribunal.",
    )
    tribunal_address = TextField(
        max_length=300,
        widget=forms.Textarea(attrs=ADDRESS),
        label="Adresse de ce tribunal",
        help_text="Sur le site du ministère de la Justice (annuaire des juridictions).",
    )

    @classmethod
    def initial_options(
        cls, stored: dict[str, Any], context: OptionsContext
    ) -> dict[str, Any]:
        return {
            "tribunal": stored.get("tribunal", ""),
            "tribunal_address": stored.get("tribunal_address", ""),
        }

    def options(self) -> dict[str, Any]:
        return {
            "tribunal": self.cleaned_data["tribunal"],
            "tribunal_address": self.cleaned_data["tribunal_address"],
        }


# --- Offre de règlement (§8.1) et report (§8.2) ----------------------------------------


def _euros(label: str, help_text: str, *, minimum: str) -> EuroField:
    """An amount in euros as people type it (« 1 234,56 », « 300 € »)."""
    field = EuroField(
        label=label,
        help_text=help_text,
        min_value=Decimal(minimum),
        max_value=Decimal("1000000"),
    )
    field.error_messages["required"] = "Indiquez un montant."
    field.error_messages["min_value"] = f"Le montant doit être d'au moins {minimum} €."
    field.error_messages["max_value"] = "Indiquez un montant d'au plus 1 000 000 €."
    return field


class SettlementForm(LetterForm):
    amount = _euros(
        "Somme que vous proposez pour solde de tout compte (€)",
        "Une somme que vous pouvez vraiment payer, en une fois, moins que le total "
        "réclamé.",
        minimum="1",
    )

    @classmethod
    def initial_options(
        cls, stored: dict[str, Any], context: OptionsContext
    ) -> dict[str, Any]:
        return {"amount": stored.get("amount")}

    def check(self, letter: Any) -> None:
        total = letter.answers.get(Montants).total_claimed
        amount = self.cleaned_data.get("amount")
        if total is not None and amount is not None and amount >= total:
            self.add_error(
                "amount",
                "Une offre pour solde de tout compte est inférieure au total réclamé : "
                "pour tout payer, utilisez la lettre « Paiement et demande de quittance ».",
            )

    def options(self) -> dict[str, Any]:
        return {"amount": str(self.cleaned_data["amount"])}


REASONS = [
    ("job_loss", "une perte d'emploi"),
    ("illness", "une maladie"),
    ("income_drop", "une baisse de mes revenus"),
    ("separation", "une séparation"),
    ("other", "une difficulté passagère"),
]


class DeferralForm(LetterForm):
    reason = forms.ChoiceField(
        choices=REASONS,
        widget=forms.RadioSelect,
        label="Pourquoi demandez-vous un report ?",
        help_text="Vous pouvez l'expliquer en quelques mots dans le paragraphe personnel.",
        error_messages={"required": "Choisissez la raison."},
    )
    months = forms.IntegerField(
        min_value=1,
        max_value=24,
        label="Pendant combien de mois ?",
        help_text="24 mois au plus (au-delà, seul un juge peut accorder des délais).",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Indiquez un nombre de mois, par exemple 3.",
            "required": "Indiquez un nombre de mois.",
            "min_value": "Au moins 1 mois.",
            "max_value": "24 mois au plus.",
        },
    )
    monthly = _euros(
        "Ce que vous pouvez payer chaque mois pendant ce temps (€)",
        "0 si vous ne pouvez rien payer pour l'instant. Proposé d'après votre budget "
        "quand vous l'avez indiqué.",
        minimum="0",
    )

    @classmethod
    def initial_options(
        cls, stored: dict[str, Any], context: OptionsContext
    ) -> dict[str, Any]:
        return {
            "reason": stored.get("reason"),
            "months": stored.get("months") or 3,
            "monthly": stored.get("monthly")
            or suggested_monthly(context.assessment)
            or Decimal(0),
        }

    def options(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "reason": data["reason"],
            "months": data["months"],
            "monthly": str(data["monthly"]),
        }
