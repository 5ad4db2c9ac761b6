"""« Le courrier »: who writes, when, what kind of letter, and its scans."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dossiers import answers as typed
from dossiers.addresses import address_without_name
from dossiers.drafts import form_initial
from dossiers.fields import PastDateField, TextField
from dossiers.law import checks
from dossiers.models import Agency, Dossier
from dossiers.uploads import (
    ACCEPT,
    MAX_UPLOADS_PER_DOSSIER,
    CleanFile,
    clean_upload,
    say_files_not_kept,
    too_many_uploads,
)
from dossiers.widgets import AgencySelect

from .base import MultipleFileField, MultipleFileInput, StepForm, choices, radio

CHANNELS = [
    ("courrier", _("Courrier simple")),
    ("recommande", _("Lettre recommandée")),
    ("email", _("E-mail")),
    ("sms", _("SMS")),
    ("appel", _("Appel téléphonique")),
]


class CourrierForm(StepForm):
    answers_class = typed.Courrier

    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(),
        required=False,
        empty_label=_("Elle n'est pas dans la liste"),
        widget=AgencySelect(attrs={"data-agency-directory": ""}),
        label=_("Société qui vous écrit (société de recouvrement)"),
        help_text=_(
            "Choisissez-la dans la liste, ou tapez son nom dans la case suivante."
        ),
    )
    agency_name = TextField(
        max_length=200,
        required=False,
        label=_("Nom de la société, si elle n'est pas dans la liste"),
        help_text=_(
            "Tel qu'il est écrit en haut du courrier (ex. : Intrum, iQera, EOS…)."
        ),
    )
    agency_address = TextField(
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Adresse de la société"),
        help_text=_(
            "L'adresse où envoyer votre réponse, souvent en haut ou en bas du courrier."
        ),
    )
    agency_reference = TextField(
        max_length=100,
        required=False,
        label=_("Référence du dossier chez la société"),
        help_text=_("Souvent « Réf. », « N° de dossier » ou « Votre référence »."),
    )
    letter_date = PastDateField(
        label=_("Date du courrier"), help_text=_("La date écrite sur le courrier.")
    )
    received_date = PastDateField(
        required=False,
        label=_("Date à laquelle vous l'avez reçu"),
        help_text=_("Si vous ne savez plus, laissez vide."),
    )
    channel = forms.ChoiceField(
        choices=CHANNELS,
        widget=radio(),
        label=_("Comment l'avez-vous reçu ?"),
        help_text=_("Un recommandé a un avis de passage ou une signature à la remise."),
    )
    letter_kind = forms.ChoiceField(
        choices=choices(checks.LETTER_KINDS),
        widget=radio(),
        label=_("De quel type de courrier s'agit-il ?"),
        help_text=_(
            "Un acte remis par un commissaire de justice (ancien huissier) porte "
            "les mots « signification » ou « commandement »."
        ),
    )
    signification_date = PastDateField(
        required=False,
        label=_(
            "Date de signification (si un commissaire de justice vous a remis un acte)"
        ),
        help_text=_(
            "Écrite en première page de l'acte. Elle fait partir des délais très courts."
        ),
    )
    creditor_name = TextField(
        max_length=200,
        required=False,
        label=_("Créancier d'origine (à qui vous deviez l'argent au départ)"),
        help_text=_(
            "Ex. : votre banque, votre opérateur, votre fournisseur d'énergie."
        ),
    )
    creditor_address = TextField(
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Adresse du créancier d'origine"),
        help_text=_("Si elle figure sur le courrier ; sinon laissez vide."),
    )
    commissaire_amiable = forms.BooleanField(
        required=False,
        label=_(
            "Le courrier vient d'un commissaire de justice (ancien huissier) qui vous "
            "relance à l'amiable"
        ),
        help_text=_(
            "Cochez si l'en-tête est celui d'une étude de commissaire de justice, "
            "sans acte signifié (ni « signification », ni « commandement »)."
        ),
    )
    agency_role = forms.ChoiceField(
        choices=choices(checks.AGENCY_ROLES),
        widget=radio(),
        label=_(
            "La société dit-elle agir pour le créancier, ou avoir racheté la dette ?"
        ),
        help_text=_(
            "« Pour le compte de » ou « mandaté par » : elle agit pour lui (mandat). "
            "« Cessionnaire » ou « la créance nous a été cédée » : elle l'a rachetée (cession)."
        ),
    )
    scans = MultipleFileField(
        required=False,
        label=_("Photos ou scans du courrier"),
        help_text=_(
            "JPEG, PNG ou PDF, 10 Mo au plus par fichier, 5 fichiers par dossier. "
            "Sur un téléphone, vous pouvez prendre une photo ou choisir un fichier."
        ),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(
        self, *args: Any, dossier: Dossier | None = None, **kwargs: Any
    ) -> None:
        self.dossier = dossier
        super().__init__(*args, **kwargs)

    def clean_scans(self) -> list[CleanFile]:
        files = self.cleaned_data.get("scans") or []
        existing = (
            self.dossier.uploads.count() if self.dossier and self.dossier.pk else 0
        )
        if existing + len(files) > MAX_UPLOADS_PER_DOSSIER:
            raise too_many_uploads(existing)
        return [clean_upload(f) for f in files]

    def clean_agency_address(self) -> str:
        """The directory's address when she left it empty; never a first line
        that repeats the agency's name (printed above it in the letters)."""
        agency = self.cleaned_data.get("agency")
        address = self.cleaned_data.get("agency_address") or ""
        if agency is not None and not address.strip():
            address = agency.address
        name = agency.name if agency else self.cleaned_data.get("agency_name", "")
        return address_without_name(address, name or "")

    def step_data(self) -> dict[str, list[str]]:
        """The step shown again with the address as kept (prefilled, deduped)."""
        data = super().step_data()
        if "agency_address" in getattr(self, "cleaned_data", {}):
            key = self.add_prefix("agency_address")
            data[key] = [self.cleaned_data["agency_address"]]
        return data

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("agency") and not (data.get("agency_name") or "").strip():
            self.add_error(
                "agency_name", _("Indiquez le nom de la société qui vous écrit.")
            )
        letter, received = data.get("letter_date"), data.get("received_date")
        if letter and received and received < letter:
            self.add_error(
                "received_date",
                _("Vous ne pouvez pas l'avoir reçu avant la date du courrier."),
            )
        return data

    def full_clean(self) -> None:
        super().full_clean()
        say_files_not_kept(self, "scans")

    def files_to_store(self) -> list[CleanFile]:
        return list(self.cleaned_data.get("scans") or [])

    @classmethod
    def initial_from(cls, answers: typed.StepAnswers) -> dict[str, Any]:
        """An agency recognised in the directory: its name is the list's (not
        typed again below) and its address the directory's when none was read."""
        initial = form_initial(answers, cls)
        if agency := Agency.objects.filter(pk=initial.get("agency")).first():
            initial.pop("agency_name", None)
            initial.setdefault("agency_address", agency.address)
        return initial

    def answers(self) -> typed.Courrier:
        data = {
            k: v for k, v in self.cleaned_data.items() if k not in {"scans", "agency"}
        }
        agency = self.cleaned_data.get("agency")
        data["agency_id"] = agency.pk if agency else None
        if agency:
            data["agency_name"] = agency.name
            data["agency_address"] = data.get("agency_address") or agency.address
        return typed.Courrier.from_json(data)
