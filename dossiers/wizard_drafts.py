"""The wizard's drafts and its step count (a mixin of ``DossierWizard``).

- What she typed on a step that is not valid (she went back, or followed a link
  of the progress bar after an error) is kept as a draft in the wizard's
  storage (``DossierStorage``, formtools' extra data): never as answers
  (``Dossier.answers`` holds validated answers only), shown again with its
  errors when she comes back, until the step is saved or she drops it.
- The count of steps changes with her answers (an optional step comes or
  goes): the page after the answer that changed it says which step and why,
  once (``Step.why``).
"""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from . import forms
from .models import Dossier
from .steps import STEPS
from .wizard_storage import DossierStorage, DraftTooLarge

DROP_DRAFT_BUTTON = "wizard_drop_draft"
NOT_SAVED_MESSAGE = (
    "Les réponses de l'étape que vous venez de quitter n'ont pas été "
    "enregistrées : l'une d'elles était à corriger. Vous pourrez y revenir."
)
DRAFT_KEPT_MESSAGE = (
    "Ce que vous avez tapé à l'étape « {title} » est gardé, mais pas encore "
    "enregistré : une réponse est à corriger. Vous le retrouverez en revenant "
    "à cette étape."
)
DRAFT_DROPPED_MESSAGE = "Ce que vous aviez tapé sur cette étape est effacé."
STEP_COUNT_MESSAGE = "Le questionnaire compte maintenant {count} étapes."


class WizardDrafts:
    """Drafts and the step count, for ``DossierWizard``."""

    if TYPE_CHECKING:
        dossier: Dossier | None
        storage: DossierStorage
        request: HttpRequest

        def check_management_form(self, step: str) -> None: ...

        def get_step_url(self, step: str) -> str: ...

    def keep_draft(self, step: str, form: forms.StepForm) -> bool | None:
        """Keep what she typed on an invalid step: whether it is kept (None:
        nothing typed, and a draft of it is dropped). Files are never kept."""
        if self.dossier is None:
            return False if form.has_typed() else None
        if not form.has_typed():
            if self.storage.drop_draft(step):
                self.storage.save_extra()
            return None
        typed = form.step_data()
        if self.storage.draft(step) == typed:
            return True
        try:
            self.storage.keep_draft(step, typed)
        except DraftTooLarge:
            return False
        self.storage.save_extra()
        return True

    def tell_draft(self, step: str, kept: bool | None) -> None:
        if kept is None:
            return
        if kept:
            text = DRAFT_KEPT_MESSAGE.format(title=STEPS[step].title)
            messages.warning(self.request, text)
        else:
            messages.warning(self.request, NOT_SAVED_MESSAGE)

    def drop_draft(self, step: str) -> HttpResponse:
        """« Effacer ce que j'avais tapé »: the step as last saved (or empty)."""
        self.check_management_form(step)
        self.storage.current_step = step
        if self.storage.drop_draft(step):
            self.storage.save_extra()
            messages.info(self.request, DRAFT_DROPPED_MESSAGE)
        return redirect(self.get_step_url(step))

    def tell_count_change(
        self, before: tuple[str, ...], after: tuple[str, ...]
    ) -> None:
        """Once, on the page after the step that changed it: which step comes
        or goes, and why, so « 4 sur 7 » after « 3 sur 6 » is no surprise."""
        if before == after:
            return
        reasons = []
        for name in STEPS:
            why = STEPS[name].why
            if (name in before) != (name in after) and why is not None:
                reasons.append(why(self, name in after))
        count = STEP_COUNT_MESSAGE.format(count=len(after))
        messages.info(self.request, " ".join([*reasons, count]))
