"""One form per wizard step. Labels in plain French, the legal term beside them."""

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.files.uploadedfile import UploadedFile
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from . import answers as typed
from .addresses import address_without_name
from .drafts import form_initial
from .fields import (
    EuroField,
    PastDateField,
    TextField,
    phone_field,
    postal_code_field,
)
from .law import checks
from .models import Agency, Dossier
from .uploads import (
    ACCEPT,
    MAX_UPLOADS_PER_DOSSIER,
    CleanFile,
    clean_upload,
    say_files_not_kept,
    too_many_uploads,
)
from .widgets import AgencySelect

YES_NO = [("yes", _("Oui")), ("no", _("Non"))]
YES_NO_UNKNOWN = [*YES_NO, ("unknown", _("Je ne sais pas"))]
CHANNELS = [
    ("courrier", _("Courrier simple")),
    ("recommande", _("Lettre recommandée")),
    ("email", _("E-mail")),
    ("sms", _("SMS")),
    ("appel", _("Appel téléphonique")),
]
MAX_ROWS = 30


def choices(table: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Form choices from a law table (code -> object with a ``label``)."""
    return [(code, spec.label) for code, spec in table.items()]


def row_choices(table: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Choices for a select in a repeatable row: empty first, so that an
    untouched row posts nothing and is skipped (as the page promises)."""
    return [("", _("— Choisir —")), *choices(table)]


def _radio() -> forms.RadioSelect:
    return forms.RadioSelect()


def _checkboxes() -> forms.CheckboxSelectMultiple:
    return forms.CheckboxSelectMultiple()


class StepForm(forms.Form):
    """A wizard step: knows which POST keys belong to it (nothing else is stored)
    and the typed answers its cleaned values make."""

    template_name_div = "includes/form.html"
    answers_class: ClassVar[type[typed.StepAnswers]]
    read_from: dict[str, str] = {}  # noqa: RUF012 - set per instance by the wizard
    """Field → the line of her letter its initial value was read from."""

    @classmethod
    def initial_from(cls, answers: typed.StepAnswers) -> dict[str, Any]:
        """Initial values from typed answers read on her letter (a draft)."""
        return form_initial(answers, cls)

    def declared_keys(self) -> set[str]:
        return {self.add_prefix(name) for name in self.fields}

    def answers(self) -> typed.StepAnswers:
        """The typed answers kept in ``Dossier.answers``."""
        return self.answers_class.from_json(self.cleaned_data)

    def files_to_store(self) -> list[CleanFile]:
        """Sanitised files the step brings (stored with it, as ``Upload``)."""
        return []

    def step_data(self) -> dict[str, list[str]]:
        """What the wizard keeps to show the step again: the declared fields
        only, never the raw POST."""
        return {k: self.data.getlist(k) for k in self.declared_keys() if k in self.data}

    def has_typed(self) -> bool:
        """Whether she typed or chose anything (compared with the initial values)."""
        return self.has_changed()

    @property
    def has_field_errors(self) -> bool:
        """Whether a message stands beside a question (not only above the form)."""
        return any(name != NON_FIELD_ERRORS for name in self.errors)

    def quiet(self) -> "StepForm":
        """Redisplay what was typed without validating it (« Ajouter une ligne »)."""
        self._errors = ErrorDict()
        self.cleaned_data = {}
        return self


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


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
        widget=_radio(),
        label=_("Comment l'avez-vous reçu ?"),
        help_text=_("Un recommandé a un avis de passage ou une signature à la remise."),
    )
    letter_kind = forms.ChoiceField(
        choices=choices(checks.LETTER_KINDS),
        widget=_radio(),
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
        widget=_radio(),
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


class RowsForm(StepForm):
    """A step whose main form carries a repeatable group (a formset) of rows."""

    formset_class: ClassVar[type[forms.BaseFormSet]]
    rows_name: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        initial_rows = (self.initial or {}).get(self.rows_name) or None
        self.rows = self.formset_class(
            data=self.data if self.is_bound else None,
            prefix=self.add_prefix(self.rows_name),
            initial=initial_rows,
        )

    def is_valid(self) -> bool:
        main = super().is_valid()
        return self.rows.is_valid() and main

    def has_typed(self) -> bool:
        return super().has_typed() or self.rows.has_changed()

    @property
    def has_field_errors(self) -> bool:
        return super().has_field_errors or bool(self.rows.total_error_count())

    def declared_keys(self) -> set[str]:
        keys = super().declared_keys()
        keys |= {
            self.rows.management_form.add_prefix(n)
            for n in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
        }
        total = min(self.rows.total_form_count(), MAX_ROWS)
        for index in range(total):
            row_prefix = self.rows.add_prefix(index)
            fields = [*self.rows.form.base_fields, "DELETE"]
            keys |= {f"{row_prefix}-{name}" for name in fields}
        return keys

    def step_data(self) -> dict[str, list[str]]:
        """As the base class, minus the rows she ticked « Supprimer », the
        others renumbered: a deleted line does not come back, ticked."""
        prefix = self.rows.prefix
        row_key = re.compile(rf"{re.escape(prefix)}-(\d+)-(.+)")
        data: dict[str, list[str]] = {}
        rows: dict[int, dict[str, list[str]]] = {}
        for key, value in super().step_data().items():
            if match := row_key.fullmatch(key):
                rows.setdefault(int(match[1]), {})[match[2]] = value
            else:
                data[key] = value
        kept = [
            row for _, row in sorted(rows.items()) if not any(row.get("DELETE", []))
        ]
        for index, row in enumerate(kept):
            data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
        management = self.rows.management_form
        data[management.add_prefix("TOTAL_FORMS")] = [str(len(kept))]
        data[management.add_prefix("INITIAL_FORMS")] = ["0"]
        return data

    def quiet(self) -> "StepForm":
        super().quiet()
        self.rows._errors = []
        self.rows._non_form_errors = self.rows.error_class()
        for row in self.rows.forms:
            row._errors = ErrorDict()
        return self

    def kept_rows(self) -> list[dict[str, Any]]:
        return [
            {k: v for k, v in row.cleaned_data.items() if k != "DELETE"}
            for row in self.rows.forms
            if row.has_changed()
            and row.cleaned_data
            and not row.cleaned_data.get("DELETE")
        ]

    def answers(self) -> typed.StepAnswers:
        return self.answers_class.from_json(
            {**self.cleaned_data, self.rows_name: self.kept_rows()}
        )


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
        widget=_radio(),
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


MENTIONS_CHECKED = [
    (
        "checked",
        _("Oui, j'ai regardé : je coche ci-dessous ce que le courrier indique"),
    ),
    ("not_checked", _("Je n'ai pas vérifié")),
]


class VerificationsForm(StepForm):
    answers_class = typed.Verifications

    @classmethod
    def initial_from(cls, answers: typed.StepAnswers) -> dict[str, Any]:
        """Mentions spotted on her letter: she is taken to have looked at them
        (she confirms by submitting the step, and can untick any)."""
        initial = form_initial(answers, cls)
        if initial.get("mentions"):
            initial["mentions_checked"] = "checked"
        return initial

    mentions_checked = forms.ChoiceField(
        choices=MENTIONS_CHECKED,
        widget=_radio(),
        label=_("Avez-vous vérifié les mentions obligatoires du courrier ?"),
        help_text=_(
            "« Je n'ai pas vérifié » est une réponse : nous ne conclurons rien sur "
            "ces mentions tant que vous ne les aurez pas regardées."
        ),
    )
    mentions = forms.MultipleChoiceField(
        choices=choices(checks.R124_4_MENTIONS),
        required=False,
        widget=_checkboxes(),
        label=_(
            "Cochez ce que le courrier indique (mentions obligatoires, art. R124-4)"
        ),
        help_text=_(
            "Une société qui recouvre pour un autre doit écrire ces cinq informations."
        ),
    )
    documents = forms.MultipleChoiceField(
        choices=choices(checks.DOCUMENTS),
        required=False,
        widget=_checkboxes(),
        label=_("Documents que vous avez reçus (justificatifs)"),
        help_text=_("Cochez seulement ceux que vous avez vraiment en main."),
    )
    recognises = forms.ChoiceField(
        choices=choices(checks.RECOGNITION),
        widget=_radio(),
        label=_("Reconnaissez-vous cette dette ?"),
        help_text=_("Votre réponse reste ici : elle n'est envoyée à personne."),
    )
    warning_signs = forms.MultipleChoiceField(
        choices=choices(checks.WARNING_SIGNS),
        required=False,
        widget=_checkboxes(),
        label=_(
            "Avez-vous vécu l'une de ces situations ? (signes de harcèlement ou d'arnaque)"
        ),
        help_text=_("Cochez tout ce qui s'est produit, même une seule fois."),
    )
    has_court_title = forms.ChoiceField(
        choices=YES_NO_UNKNOWN,
        widget=_radio(),
        label=_(
            "Un juge vous a-t-il déjà condamné à payer cette somme (titre exécutoire) ?"
        ),
        help_text=_(
            "Par exemple un jugement, ou une ordonnance d'injonction de payer "
            "qui vous a été signifiée."
        ),
    )
    payment_considered = forms.ChoiceField(
        choices=YES_NO,
        widget=_radio(),
        label=_(
            "Si la dette est due, envisagez-vous de payer (en une ou plusieurs fois) ?"
        ),
        help_text=_(
            "Si oui, une étape vous aide à calculer ce que vous pouvez payer chaque mois."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mentions_checked") == "not_checked" and data.get("mentions"):
            self.add_error(
                "mentions_checked",
                _(
                    "Vous avez coché des mentions : choisissez « Oui, j'ai regardé », "
                    "ou décochez-les."
                ),
            )
        return data

    def answers(self) -> typed.Verifications:
        """Not checked is not absent: ``mentions`` is then None (no finding)."""
        data = dict(self.cleaned_data)
        if data.pop("mentions_checked", "") != "checked":
            data["mentions"] = None
        return typed.Verifications.from_json(data)


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
        widget=_radio(),
        label=_(
            "La Banque de France a-t-elle déclaré recevable un dossier de surendettement ?"
        ),
        help_text=_(
            "Si oui, vous ne devez plus payer vos dettes directement (art. L722-5)."
        ),
    )


class ReponseForm(StepForm):
    answers_class = typed.Reponse

    letters = forms.MultipleChoiceField(
        required=False,
        widget=_checkboxes(),
        label=_("Les lettres que vous voulez préparer"),
        help_text=_(
            "Les réponses conseillées sont cochées. Vous pourrez les relire avant de les imprimer."
        ),
    )

    def __init__(
        self, *args: Any, responses: Iterable[Any] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        available = [r for r in responses if r.available]
        self.fields["letters"].choices = [(r.slug, r.title) for r in available]
        if not self.is_bound and "letters" not in self.initial:
            self.initial["letters"] = [r.slug for r in available if r.recommended]


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
