"""« Ma réponse »: the letters she prepares (the advised ones ticked first)."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dossiers import answers as typed

from .base import StepForm, checkboxes


class ReponseForm(StepForm):
    answers_class = typed.Reponse

    letters = forms.MultipleChoiceField(
        required=False,
        widget=checkboxes(),
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
