"""« La prescription »: the nature of the debt, its dates, its unpaid instalments
and what happened since (one form, with a repeatable group of events)."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers import answers as typed
from dossiers.assessment import LawMemo, creditor_names
from dossiers.claims import claim_from
from dossiers.fields import PastDateField
from dossiers.law.instalments import InstalmentInputError
from dossiers.law.operators import telecom_operator
from dossiers.law.prescription import (
    EVENT_KINDS,
    NATURES,
    Claim,
    Estimate,
    LawInputError,
)

from .base import MAX_ROWS, RowsForm, choices, radio, row_choices
from .instalments import InstalmentsForm


class EventForm(forms.Form):
    kind = forms.ChoiceField(
        choices=row_choices(EVENT_KINDS),
        label=_("Ce qui s'est passé"),
        help_text=_("Un paiement, même petit, ou une demande d'échéancier compte."),
    )
    on = PastDateField(label=_("Date"), help_text=_("Même approximative."))
    end = PastDateField(
        required=False,
        label=_(
            "Date de fin (médiation) ou premier impayé après l'accord (rééchelonnement)"
        ),
        help_text=_("Seulement pour une médiation ou un rééchelonnement."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("on") and data.get("end") and data["end"] < data["on"]:
            self.add_error(
                "end", _("La date de fin ne peut pas précéder la date de début.")
            )
        return data


EventFormSet = forms.formset_factory(
    EventForm, extra=1, can_delete=True, max_num=MAX_ROWS, absolute_max=MAX_ROWS
)


class PrescriptionForm(RowsForm, InstalmentsForm):
    """``estimator`` runs the engine (the wizard passes its per-request memo, so
    this check and the dossier's assessment share one run); ``context``: the
    other steps' answers, which also feed the claim (what « Le courrier » says
    of a signification, an act, a court title)."""

    answers_class = typed.Prescription
    formset_class = EventFormSet
    rows_name = "events"

    def __init__(
        self,
        *args: Any,
        estimator: Callable[[Claim], Estimate] | None = None,
        context: typed.Answers | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.estimator = estimator or (
            lambda claim: LawMemo().estimate(claim, timezone.localdate())
        )
        self.context = context or typed.Answers()
        self.operator = telecom_operator(*creditor_names(self.context))
        if self.operator is None:
            del self.fields["not_telecom_services"]

    nature = forms.ChoiceField(
        choices=choices(NATURES),
        widget=radio(),
        label=_("D'où vient cette dette ?"),
        help_text=_("Le délai pour agir en justice dépend de la nature de la dette."),
    )
    not_telecom_services = forms.BooleanField(
        required=False,
        label=_(
            "Je confirme : cette dette ne porte pas sur le prix de services de "
            "téléphone ou d'internet (par exemple du matériel : box non rendue, "
            "téléphone payé en plusieurs fois)"
        ),
    )
    start = PastDateField(
        required=False,
        label=_("Point de départ du délai"),
        help_text=_(
            "Selon la dette : date de la première échéance impayée non régularisée, "
            "date limite de paiement de la facture… Voir l'aide sous chaque choix. "
            "Pour plusieurs échéances impayées, vous pouvez laisser vide et remplir "
            "les échéances plus bas. Laissez vide si vous ne savez pas : "
            "l'estimation sera « à vérifier »."
        ),
    )
    acceleration = PastDateField(
        required=False,
        label=_("Date de la déchéance du terme (crédits et prêts)"),
        help_text=_(
            "Le jour où le prêteur a exigé tout le capital restant d'un coup. "
            "Laissez vide si ce n'est pas un prêt ou si vous ne savez pas."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._check_operator(data)
        instalments = self.unpaid_instalments()
        start = data.get("start") or (instalments[0].due if instalments else None)
        if not start or not data.get("nature") or not self.rows.is_valid():
            return data
        if self.errors:
            return data
        for row in self.rows.forms:
            on = row.cleaned_data.get("on") if row.cleaned_data else None
            if on and on < start and not row.cleaned_data.get("DELETE"):
                row.add_error(
                    "on", _("Cet événement est antérieur au point de départ.")
                )
                return data
        self._check_with_engine()
        return data

    def _check_operator(self, data: dict[str, Any]) -> None:
        """An operator's debt under the consumer nature: she confirms it is not
        the price of phone or internet services (one year, L34-2)."""
        if (
            self.operator
            and data.get("nature") == "consumer_service"
            and not data.get("not_telecom_services")
        ):
            self.add_error(
                "not_telecom_services",
                _(
                    "%(operator)s est un opérateur de téléphone ou d'internet : ses "
                    "factures relèvent du choix « Opérateur de téléphone ou "
                    "d'internet » (délai d'un an). Choisissez-le, ou cochez cette "
                    "case si la dette porte sur autre chose (matériel)."
                )
                % {"operator": self.operator},
            )

    def _check_with_engine(self) -> None:
        """The engine's own input checks, shown beside the form (never a 500)."""
        try:
            claim = claim_from(self.context.with_step(self.answers()))
        except InstalmentInputError as exc:
            self.add_error("last_unpaid", str(exc))
            return
        if claim is None:
            return
        try:
            self.estimator(claim)
        except LawInputError as exc:
            # Beside the question it is about, else above the form.
            self.add_error(
                self._field_of(exc.field),
                forms.ValidationError(str(exc), code="law_input"),
            )

    def _field_of(self, claim_field: str | None) -> str | None:
        if claim_field == "instalments":
            return (
                "instalment_list"
                if self.cleaned_data.get("instalment_list")
                else "first_unpaid"
            )
        return claim_field if claim_field in self.fields else None

    def answers(self) -> typed.Prescription:
        data = {**self.cleaned_data, self.rows_name: self.kept_rows()}
        data.pop("not_telecom_services", None)
        return typed.Prescription.from_json(data)
