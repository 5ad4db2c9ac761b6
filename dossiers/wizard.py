"""The guided questionnaire: django-formtools, with its answers kept in the database.

Design (see the README): each valid step is written to the dossier at once
(``services.dossier_save_step``), so nothing lives only in the session. The
wizard's storage is a thin view over ``Dossier.wizard_data``: two dossiers in
two tabs each read their own row and never mix. A new dossier is created by the
first valid step of ``/dossiers/nouveau/courrier/``.

What she typed on a step she left with an error is a draft, kept in the
storage's extra data, never an answer (``dossiers.wizard_drafts``).

The steps are data (``dossiers.steps``): this view has no step-specific code.
Conditions and hooks read :attr:`DossierWizard.answers`, the answers in effect
for this request: the stored ones, or, once a POSTed step is valid, the answers
it is about to store (so one write stores the step and where she goes next, and
the law runs once for them: ``dossiers.assessment``).
"""

import datetime as dt
from collections import OrderedDict
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from formtools.wizard.views import NamedUrlWizardView, StepsHelper, WizardView

from intrum_assistant.once import ALREADY_DONE, submit_once

from . import access, drafts, forms, services
from .answers import Answers, StepAnswers
from .assessment import DossierAssessment, assess_answers, assess_dossier, law_memo
from .drafts import Draft, Evidence
from .law.prescription import Claim, Estimate
from .models import Dossier
from .steps import STEP_LIST, STEPS
from .urgency import Urgency, urgencies
from .wizard_drafts import DROP_DRAFT_BUTTON, WizardDrafts
from .wizard_storage import DossierStorage

ROW_BUTTON = "wizard_add_row"


class StepRejected(Exception):
    """A valid step the service refused to store: shown again with its error."""

    def __init__(self, form: forms.StepForm) -> None:
        super().__init__(form.prefix)
        self.form = form


STEP_GONE_MESSAGE = (
    "Cette étape ne s'applique plus à votre dossier : vos réponses ont changé "
    "entre-temps (peut-être dans un autre onglet). Voici la suite du questionnaire."
)


class DossierWizard(WizardDrafts, NamedUrlWizardView):  # type: ignore[misc]
    form_list = [(step.name, step.form) for step in STEP_LIST]
    # formtools insists on a file storage when a step has a FileField; ours
    # never uses it: sanitised files go straight to ``Upload`` (process_step).
    file_storage = FileSystemStorage(
        location=str(settings.PRIVATE_ROOT / "wizard-unused")
    )

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        dossier_id = kwargs.get("dossier_id")
        self.dossier: Dossier | None = (
            access.get_dossier_for_owner(request.user, dossier_id)
            if dossier_id
            else None
        )
        self.user = request.user
        self.today: dt.date = timezone.localdate()
        self.pending: Answers | None = None
        self.prefix = self.get_prefix(request, *args, **kwargs)
        self.storage = DossierStorage(self.prefix, request, self.dossier)
        self.steps = StepsHelper(self)
        step = kwargs.get("step")
        if step and step != self.done_step_name and step not in STEPS:
            raise Http404("Étape inconnue")
        if self.dossier is None and step not in (None, self.steps.first):
            return redirect(self.get_step_url(self.steps.first))
        response = TemplateView.dispatch(self, request, *args, **kwargs)
        self.storage.update_response(response)
        return response

    def get_prefix(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return "questionnaire"

    def get_step_url(self, step: str) -> str:
        if self.dossier is None:
            return reverse("dossiers:new_step", kwargs={"step": step})
        return reverse(
            self.url_name, kwargs={"dossier_id": self.dossier.pk, "step": step}
        )

    def get_template_names(self) -> list[str]:
        return [STEPS[self.steps.current].template]

    # -- the state hooks read (dossiers.steps.StepState) ---------------------------

    @property
    def answers(self) -> Answers:
        """The answers in effect: a valid step being saved, else the stored ones."""
        if self.pending is not None:
            return self.pending
        return self.dossier.answers if self.dossier is not None else Answers()

    def assessment(self) -> DossierAssessment:
        """The same assessment as the dossier page (avis de réception included)."""
        if self.dossier is not None:
            return assess_dossier(self.dossier, today=self.today, answers=self.answers)
        return assess_answers(self.answers, today=self.today)

    def estimate(self, claim: Claim) -> Estimate:
        return law_memo(self.dossier).estimate(claim, self.today)

    # -- steps and forms -------------------------------------------------------------

    def get_form_list(self) -> "OrderedDict[str, type[forms.StepForm]]":
        """The steps that apply to :attr:`answers` (formtools' public hook; its
        own cache would keep the list of the answers before a step is saved)."""
        return OrderedDict(
            (step.name, step.form) for step in STEP_LIST if self.step_applies(step.name)
        )

    def step_applies(self, name: str) -> bool:
        condition = STEPS[name].condition
        return condition is None or condition(self)

    def get_form(
        self, step: str | None = None, data: Any = None, files: Any = None
    ) -> forms.StepForm:
        """formtools' ``get_form`` without its ``get_form_list()`` lookup: a
        step's form needs no condition evaluated (on the answers before a
        POSTed step is saved, that would run the law for nothing)."""
        step = step or self.steps.current
        form_class = STEPS[step].form
        form = form_class(
            data=data,
            files=files,
            prefix=self.get_form_prefix(step, form_class),
            initial=self.get_form_initial(step),
            **self.get_form_kwargs(step),
        )
        if (read := self.read_on_letter(step)) is not None:
            form.read_from = {
                name: found.text for name, found in read.items() if found.text
            }
        return form

    def get_form_kwargs(self, step: str | None = None) -> dict[str, Any]:
        return STEPS[step or self.steps.current].form_kwargs(self)

    def get_form_initial(self, step: str) -> dict[str, Any]:
        initial = STEPS[step].initial(self)
        draft = self.letter_draft() if self.offers_draft(step) else None
        read = getattr(draft.answers, step) if draft is not None else None
        if read is not None:
            initial = {**STEPS[step].form.initial_from(read), **initial}
        return initial

    # -- what was read on her letter (dossiers.drafts) ----------------------------

    def offers_draft(self, step: str) -> bool:
        """Only a step she has not answered yet is prefilled from her letter."""
        return self.dossier is not None and step not in self.storage.answered_steps()

    def letter_draft(self) -> Draft | None:
        if not hasattr(self, "_letter_draft"):
            self._letter_draft = drafts.draft_for(self.dossier)
        return self._letter_draft

    def read_on_letter(self, step: str) -> dict[str, Evidence] | None:
        """Where each prefilled value of ``step`` was read (« lu sur votre
        courrier — vérifiez »), or None when the step is not prefilled."""
        if not self.offers_draft(step) or (draft := self.letter_draft()) is None:
            return None
        return draft.step_evidence(step) if getattr(draft.answers, step) else None

    def get_form_step_data(self, form: forms.StepForm) -> dict[str, list[str]]:
        """Only the declared fields of the step are kept, never the raw POST."""
        return form.step_data()

    # -- requests ---------------------------------------------------------------

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if kwargs.get("step") == self.done_step_name:
            return self.done_page()
        if kwargs.get("step") is None and (
            self.storage.current_step not in STEPS
            or not self.step_applies(self.storage.current_step)
        ):
            self.storage.current_step = self.first_unanswered_step()
        return super().get(*args, **kwargs)

    def first_unanswered_step(self) -> str:
        answered = self.storage.answered_steps()
        form_list = self.get_form_list()
        return next((s for s in form_list if s not in answered), self.steps.last)

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        step = kwargs.get("step")
        if step not in STEPS:
            raise SuspiciousOperation("Posted to a step that is not in the wizard.")
        if not self.step_applies(step):
            # A tab left open on an optional step that her answers in another
            # tab have since ruled out: nothing to save there, go on.
            messages.info(self.request, STEP_GONE_MESSAGE)
            return redirect(self.get_step_url(self.first_unanswered_step()))
        if DROP_DRAFT_BUTTON in self.request.POST:
            return self.drop_draft(step)
        goto = self.request.POST.get("wizard_goto_step")
        if goto:
            if goto not in STEPS or not self.step_applies(goto):
                raise SuspiciousOperation("Unknown wizard_goto_step.")
            self.save_before_leaving(step)
            return self.render_goto_step(goto)
        self.check_management_form(step)
        self.storage.current_step = step
        if ROW_BUTTON in self.request.POST:
            return self.render(self.form_with_extra_row())
        return self.save_and_go_on(**kwargs)

    def check_management_form(self, step: str) -> None:
        """formtools would follow a posted ``current_step`` to another step's
        form: it must be the step of the URL (400 otherwise)."""
        if self.request.POST.get(f"{self.prefix}-current_step") != step:
            raise SuspiciousOperation("Wizard management form tampered.")

    def save_and_go_on(self, **kwargs: Any) -> HttpResponse:
        """The first step creates the dossier: once per form display, so a
        double click makes one dossier (``intrum_assistant.once``)."""
        new = self.dossier is None
        with submit_once(self.request, scope="dossier-new", enabled=new) as once:
            if once.duplicate:
                messages.info(self.request, ALREADY_DONE)
                return redirect(once.first_url or "dossiers:list")
            response = self.validate_and_save(**kwargs)
            if new and self.dossier is not None and response.status_code == 302:
                once.done(response["Location"])
            return response

    def validate_and_save(self, **kwargs: Any) -> HttpResponse:
        """formtools' POST, in the order this wizard needs: validate, save the
        step with where she goes next, then the next step or the end."""
        step = self.steps.current
        form = self.get_form(data=self.request.POST, files=self.request.FILES)
        if not form.is_valid():
            self.keep_draft(step, form)
            return self.render(form)
        new = self.dossier is None
        try:
            self.storage.set_step_data(step, self.process_step(form))
        except StepRejected as rejected:
            self.forget_rejected_step(new=new)
            return self.render(rejected.form)
        if step == self.steps.last:
            return self.render_done(form, **kwargs)
        return self.render_next_step(form)

    def forget_rejected_step(self, *, new: bool) -> None:
        """After a refused step (rolled back): drop what it set in memory."""
        self.pending = None
        if new:  # the dossier this step created was rolled back with it
            self.dossier = self.storage.dossier = None
        elif self.dossier is not None:  # forget what the refused step set
            self.dossier.refresh_from_db()
            self.storage.extra_data = dict(self.dossier.wizard_extra or {})

    def save_before_leaving(self, step: str) -> None:
        """« Étape précédente » keeps what she typed: a valid step is saved as
        « Enregistrer et continuer » would; an invalid one is kept as a draft
        (not as answers), shown again with its errors when she comes back."""
        if self.request.POST.get(f"{self.prefix}-current_step") != step:
            return  # not this step's form: nothing of it to keep
        self.storage.current_step = step
        form = self.get_form(data=self.request.POST, files=self.request.FILES)
        if not form.is_valid():
            self.tell_draft(step, self.keep_draft(step, form))
            return
        new = self.dossier is None
        try:
            self.storage.set_step_data(step, self.process_step(form))
        except StepRejected as rejected:
            self.forget_rejected_step(new=new)
            self.tell_draft(step, self.keep_draft(step, rejected.form))

    def form_with_extra_row(self) -> forms.StepForm:
        """« Ajouter une ligne » without JavaScript: one more empty row, nothing saved."""
        data = self.request.POST.copy()
        form = self.get_form(data=data)
        if isinstance(form, forms.RowsForm):
            key = form.rows.management_form.add_prefix("TOTAL_FORMS")
            try:
                total = int(data.get(key, "0"))
            except ValueError:
                total = 0
            data[key] = str(min(max(total, 0) + 1, forms.MAX_ROWS))
            form = self.get_form(data=data)
        return form.quiet()

    def process_step(self, form: forms.StepForm) -> dict[str, list[str]]:
        step_answers = form.answers()
        self.pending = self.answers.with_step(step_answers)
        if self.dossier is not None:
            return self.save_step(form, step_answers)
        # The first step creates the dossier: both writes or neither.
        with transaction.atomic():
            self.dossier = services.dossier_create(owner=self.request.user)  # type: ignore[arg-type]
            self.storage.dossier = self.dossier
            return self.save_step(form, step_answers)

    def save_step(
        self, form: forms.StepForm, step_answers: StepAnswers
    ) -> dict[str, list[str]]:
        assert self.dossier is not None
        raw = self.get_form_step_data(form)
        step = self.steps.current
        counted = self.storage.counted_steps()
        steps = tuple(self.get_form_list())  # with the answers being saved
        self.storage.count_steps(steps)
        self.storage.drop_draft(step)
        try:
            services.dossier_save_step(
                dossier=self.dossier,
                answers=step_answers,
                raw=raw,
                files=form.files_to_store(),
                next_step=self.get_next_step(step) or step,
                today=self.today,
                extra=self.storage.extra_data,
            )
        except services.UploadLimitReached as full:
            # Another request stored files since the form's check. Like a failed
            # check, the whole step is refused (nothing of it is stored) and
            # shown again as typed, the error beside the file field.
            form.add_error("scans", full.as_validation_error())
            raise StepRejected(form) from full
        STEPS[step].on_saved(self, step_answers)
        if counted is not None and step != steps[-1]:
            self.tell_count_change(counted, steps)
        return raw

    def render_revalidation_failure(
        self, failed_step: str, form: Any, **kwargs: Any
    ) -> HttpResponse:
        self.storage.current_step = failed_step
        return redirect(self.get_step_url(failed_step))

    def done_page(self) -> HttpResponse:
        """GET of ``…/termine/`` changes nothing: the questionnaire is finished
        by the POST of its last step. A finished dossier shows its page; an
        unfinished one goes back to its first unanswered step."""
        if self.dossier is not None and self.dossier.is_complete:
            return redirect(self.dossier)
        return redirect(self.get_step_url(self.first_unanswered_step()))

    def render_done(self, form: Any, **kwargs: Any) -> HttpResponse:
        """Finish on the POST of the last step (formtools would redirect to a
        GET of ``…/termine/`` and finish there: a state change on GET)."""
        return WizardView.render_done(self, form, **kwargs)

    def done(self, form_list: Any, **kwargs: Any) -> HttpResponse:
        if self.dossier is None:
            return redirect(self.get_step_url(self.steps.first))
        services.dossier_complete(dossier=self.dossier, today=self.today)
        return redirect(self.dossier)

    # -- display ----------------------------------------------------------------

    def urgencies(self, step: str) -> tuple[Urgency, ...]:
        """The urgent court step, from the step after « Le courrier » on. The
        law runs only for a dossier saved as urgent (``Dossier.urgent``)."""
        if not STEPS[step].shows_urgency or self.dossier is None:
            return ()
        return urgencies(self.assessment()) if self.dossier.urgent else ()

    def get_context_data(self, form: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        answered = self.storage.answered_steps()
        current = self.steps.current
        context["progress"] = [
            {
                "name": name,
                "title": STEPS[name].title,
                "done": name in answered and name != current,
                "current": name == current,
                "url": self.get_step_url(name)
                if (name in answered or name == current) and self.dossier
                else None,
            }
            for name in self.get_form_list()
        ]
        context["step_title"] = STEPS[current].title
        context["urgencies"] = self.urgencies(current)
        # A step shown as she left it with an error (GET: the form is her draft).
        context["draft"] = self.request.method == "GET" and bool(
            self.storage.draft(current)
        )
        context["answered"] = current in answered
        context["drop_draft_button"] = DROP_DRAFT_BUTTON
        context["dossier"] = self.dossier
        context["row_button"] = ROW_BUTTON
        context.update(STEPS[current].context(self))
        return context
