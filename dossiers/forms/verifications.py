"""« Vérifications »: the R124-4 mentions, the documents, what she recognises,
warning signs, a court title and whether she considers paying."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dossiers import answers as typed
from dossiers.drafts import form_initial
from dossiers.law import checks

from .base import YES_NO, YES_NO_UNKNOWN, StepForm, checkboxes, choices, radio

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
        widget=radio(),
        label=_("Avez-vous vérifié les mentions obligatoires du courrier ?"),
        help_text=_(
            "« Je n'ai pas vérifié » est une réponse : nous ne conclurons rien sur "
            "ces mentions tant que vous ne les aurez pas regardées."
        ),
    )
    mentions = forms.MultipleChoiceField(
        choices=choices(checks.R124_4_MENTIONS),
        required=False,
        widget=checkboxes(),
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
        widget=checkboxes(),
        label=_("Documents que vous avez reçus (justificatifs)"),
        help_text=_("Cochez seulement ceux que vous avez vraiment en main."),
    )
    recognises = forms.ChoiceField(
        choices=choices(checks.RECOGNITION),
        widget=radio(),
        label=_("Reconnaissez-vous cette dette ?"),
        help_text=_("Votre réponse reste ici : elle n'est envoyée à personne."),
    )
    warning_signs = forms.MultipleChoiceField(
        choices=choices(checks.WARNING_SIGNS),
        required=False,
        widget=checkboxes(),
        label=_(
            "Avez-vous vécu l'une de ces situations ? (signes de harcèlement ou d'arnaque)"
        ),
        help_text=_("Cochez tout ce qui s'est produit, même une seule fois."),
    )
    has_court_title = forms.ChoiceField(
        choices=YES_NO_UNKNOWN,
        widget=radio(),
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
        widget=radio(),
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
