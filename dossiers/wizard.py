"""The guided questionnaire: django-formtools, with its answers kept in the database.

Design (see the README): each valid step is written to the dossier at once
(``services.dossier_save_step``), so nothing lives only in the session. The
wizard's storage is a thin view over ``Dossier.wizard_data``: two dossiers in
two tabs each read their own row and never mix. A new dossier is created by the
first valid step of ``/dossiers/nouveau/``.
"""

import json
from collections import OrderedDict
from collections.abc import Callable
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
from formtools.wizard.storage.base import BaseStorage
from formtools.wizard.views import NamedUrlWizardView, StepsHelper, WizardView

from . import access, forms, services
from .assessment import (
    assess_answers,
    assess_dossier,
    run_estimate,
    situation_applies,
    wants_to_pay,
)
from .law.prescription import NATURES
from .models import Dossier

STEP_TITLES = OrderedDict(
    [
        ("courrier", "Le courrier"),
        ("montants", "Les montants"),
        ("verifications", "Vérifications"),
        ("prescription", "La prescription"),
        ("situation", "Ma situation"),
        ("reponse", "Ma réponse"),
        ("coordonnees", "Mes coordonnées"),
    ]
)
FORMS = [
    ("courrier", forms.CourrierForm),
    ("montants", forms.MontantsForm),
    ("verifications", forms.VerificationsForm),
    ("prescription", forms.PrescriptionForm),
    ("situation", forms.SituationForm),
    ("reponse", forms.ReponseForm),
    ("coordonnees", forms.CoordonneesForm),
]
ROW_BUTTON = "wizard_add_row"


class StepRejected(Exception):
    """A valid step the service refused to store: shown again with its error."""

    def __init__(self, form: forms.StepForm) -> None:
        super().__init__(form.prefix)
        self.form = form


def situation_shown(wizard: "DossierWizard", answers: dict[str, Any]) -> bool:
    """« Ma situation » only when she considers paying (vérifications) and the
    debt does not seem time-barred (prescription): paying a barred debt is
    exactly what the findings advise against."""
    if not wants_to_pay(answers):
        return False  # no need to estimate the limitation
    barred = wizard.seems_barred(answers.get("prescription") or {})
    return situation_applies(answers, barred=barred)


STEP_GONE_MESSAGE = (
    "Cette étape ne s'applique plus à votre dossier : vos réponses ont changé "
    "entre-temps (peut-être dans un autre onglet). Voici la suite du questionnaire."
)
NOT_SAVED_MESSAGE = (
    "Les réponses de l'étape que vous venez de quitter n'ont pas été "
    "enregistrées : l'une d'elles était à corriger. Vous pourrez y revenir."
)

SITUATION_SKIPPED_NO_PAYMENT = (
    "Une étape « Ma situation » (votre budget) s'ajoute si vous envisagez de payer."
)
SITUATION_SKIPPED_BARRED = (
    "L'étape « Ma situation » (votre budget) n'est pas proposée : la dette "
    "paraît prescrite, et payer une dette prescrite est déconseillé."
)

StepRule = Callable[["DossierWizard", dict[str, Any]], bool]

STEP_CONDITIONS: dict[str, StepRule] = {"situation": situation_shown}
"""Optional steps, each shown by a rule on given answers: formtools'
``condition_dict`` applies it to the stored answers, ``next_step_after`` to the
answers being saved."""


def on_stored_answers(rule: StepRule) -> Callable[["DossierWizard"], bool]:
    """A formtools condition: ``rule`` on the dossier's stored answers."""

    def condition(wizard: "DossierWizard") -> bool:
        return rule(wizard, (wizard.dossier.answers if wizard.dossier else None) or {})

    return condition


payment_considered = on_stored_answers(situation_shown)


class DossierStorage(BaseStorage):  # type: ignore[misc]
    """Wizard storage backed by the dossier row; files go to ``Upload`` instead."""

    def __init__(
        self, prefix: str, request: HttpRequest, dossier: Dossier | None
    ) -> None:
        super().__init__(prefix, request, file_storage=None)
        self.dossier = dossier
        self.init_data()
        if dossier is not None:
            self.data[self.step_data_key] = dict(dossier.wizard_data or {})
            self.data[self.step_key] = dossier.current_step or None

    def update_response(self, response: HttpResponse) -> None:
        """Remember where she stopped: on POST only (no state change on GET),
        one write, and only when it changed."""
        step = self.current_step
        if self.dossier is not None and step and self.request.method == "POST":
            services.dossier_set_current_step(dossier=self.dossier, step=step)

    def reset(self) -> None:
        """Answers are the dossier's: finishing the wizard keeps them."""

    def get_step_files(self, step: str) -> None:
        return None

    def set_step_files(self, step: str, files: Any) -> None:
        return None


class DossierWizard(NamedUrlWizardView):  # type: ignore[misc]
    form_list = FORMS
    # formtools insists on a file storage when a step has a FileField; ours
    # never uses it: sanitised files go straight to ``Upload`` (process_step).
    file_storage = FileSystemStorage(
        location=str(settings.PRIVATE_ROOT / "wizard-unused")
    )
    condition_dict = {  # noqa: RUF012
        name: on_stored_answers(rule) for name, rule in STEP_CONDITIONS.items()
    }

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        dossier_id = kwargs.get("dossier_id")
        self.dossier = (
            access.get_dossier_for_owner(request.user, dossier_id)
            if dossier_id
            else None
        )
        self.prefix = self.get_prefix(request, *args, **kwargs)
        self.storage = DossierStorage(self.prefix, request, self.dossier)
        self.steps = StepsHelper(self)
        step = kwargs.get("step")
        if step and step != self.done_step_name and step not in self.form_list:
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
        return [f"dossiers/wizard/{self.steps.current}.html"]

    # -- forms ----------------------------------------------------------------

    def get_form_kwargs(self, step: str | None = None) -> dict[str, Any]:
        if step == "courrier":
            return {"dossier": self.dossier}
        if step == "reponse":
            return {"responses": self.assessment().result.responses}
        return {}

    def get_form_initial(self, step: str) -> dict[str, Any]:
        if step == "coordonnees":
            user = self.request.user
            return {
                f: getattr(user, f)
                for f in (
                    "first_name",
                    "last_name",
                    "address",
                    "postal_code",
                    "city",
                    "phone",
                )
            }
        return {}

    def get_form_step_data(self, form: forms.StepForm) -> dict[str, list[str]]:
        """Only the declared fields of the step are kept, never the raw POST."""
        return form.step_data()

    def assessment(self) -> Any:
        """The same assessment as the dossier page (avis de réception included)."""
        if not hasattr(self, "_assessment"):
            today = timezone.localdate()
            self._assessment = (
                assess_dossier(self.dossier, today=today)
                if self.dossier
                else assess_answers({}, today=today)
            )
        return self._assessment

    # -- requests ---------------------------------------------------------------

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if kwargs.get("step") == self.done_step_name:
            return self.done_page()
        if (
            kwargs.get("step") is None
            and self.storage.current_step not in self.get_form_list()
        ):
            self.storage.current_step = self.first_unanswered_step()
        return super().get(*args, **kwargs)

    def first_unanswered_step(self) -> str:
        stored = self.storage.data[self.storage.step_data_key]
        return next(
            (s for s in self.get_form_list() if s not in stored), self.steps.last
        )

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        step = kwargs.get("step")
        form_list = self.get_form_list()
        if step in self.form_list and step not in form_list:
            # A tab left open on an optional step that her answers in another
            # tab have since ruled out: nothing to save there, go on.
            messages.info(self.request, STEP_GONE_MESSAGE)
            return redirect(self.get_step_url(self.first_unanswered_step()))
        if step not in form_list:
            raise SuspiciousOperation("Posted to a step that is not in the wizard.")
        goto = self.request.POST.get("wizard_goto_step")
        if goto:
            if goto not in form_list:
                raise SuspiciousOperation("Unknown wizard_goto_step.")
            self.save_before_leaving(step)
            return self.render_goto_step(goto)
        # formtools would follow a posted current_step to another step's form:
        # it must be the step of the URL (formtools validates the rest of its
        # management form itself, with the same SuspiciousOperation → 400).
        if self.request.POST.get(f"{self.prefix}-current_step") != step:
            raise SuspiciousOperation("Wizard management form tampered.")
        self.storage.current_step = step
        if ROW_BUTTON in self.request.POST:
            return self.render(self.form_with_extra_row())
        new = self.dossier is None
        try:
            return super().post(*args, **kwargs)
        except StepRejected as rejected:
            self.forget_rejected_step(new=new)
            return self.render(rejected.form)

    def forget_rejected_step(self, *, new: bool) -> None:
        """After a refused step (rolled back): drop what it set in memory."""
        if new:  # the dossier this step created was rolled back with it
            self.dossier = self.storage.dossier = None
        elif self.dossier is not None:  # forget what the refused step set
            self.dossier.refresh_from_db()

    def save_before_leaving(self, step: str) -> None:
        """« Étape précédente » keeps what she typed: a valid step is saved as
        « Enregistrer et continuer » would; an invalid one is left as stored,
        and she is told so."""
        if self.request.POST.get(f"{self.prefix}-current_step") != step:
            return  # not this step's form: nothing of it to keep
        self.storage.current_step = step
        form = self.get_form(data=self.request.POST, files=self.request.FILES)
        if not form.is_valid():
            if form.has_changed():
                messages.warning(self.request, NOT_SAVED_MESSAGE)
            return
        new = self.dossier is None
        try:
            self.storage.set_step_data(step, self.process_step(form))
        except StepRejected:
            self.forget_rejected_step(new=new)
            messages.warning(self.request, NOT_SAVED_MESSAGE)

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
        if self.dossier is not None:
            return self.save_step(form)
        # The first step creates the dossier: both writes or neither.
        with transaction.atomic():
            self.dossier = services.dossier_create(owner=self.request.user)  # type: ignore[arg-type]
            self.storage.dossier = self.dossier
            return self.save_step(form)

    def save_step(self, form: forms.StepForm) -> dict[str, list[str]]:
        assert self.dossier is not None
        raw = self.get_form_step_data(form)
        step = self.steps.current
        answers = form.answers()
        files = form.cleaned_data.get("scans", []) if step == "courrier" else []
        try:
            services.dossier_save_step(
                dossier=self.dossier,
                step=step,
                raw=raw,
                answers=answers,
                files=files,
                next_step=self.next_step_after(step, answers),
            )
        except services.UploadLimitReached as full:
            # Another request stored files since the form's check. Like a failed
            # check, the whole step is refused (nothing of it is stored) and
            # shown again as typed, the error beside the file field.
            form.add_error("scans", full.as_validation_error())
            raise StepRejected(form) from full
        if self.steps.current == "coordonnees" and form.cleaned_data.get(
            "save_to_profile"
        ):
            services.profile_update(user=self.request.user, details=form.cleaned_data)  # type: ignore[arg-type]
        if hasattr(self, "_assessment"):
            del self._assessment
        return raw

    def seems_barred(self, prescription: dict[str, Any]) -> bool:
        """The limitation estimate of these answers, today (memoised: the
        conditions are evaluated several times in one request)."""
        key = json.dumps(prescription, sort_keys=True, default=str)
        memo = self.__dict__.setdefault("_barred_memo", {})
        if key not in memo:
            estimate, _ = run_estimate(prescription, timezone.localdate())
            memo[key] = bool(estimate and estimate.status == "barred")
        return bool(memo[key])

    def next_step_after(self, step: str, answers: dict[str, Any]) -> str:
        """The step that follows once ``answers`` are saved, so that one write
        stores both (conditions read the answers being saved)."""
        assert self.dossier is not None
        pending = {**(self.dossier.answers or {}), step: services.jsonable(answers)}
        names = list(self.form_list)
        later = names[names.index(step) + 1 :]
        return next(
            (
                name
                for name in later
                if name not in STEP_CONDITIONS or STEP_CONDITIONS[name](self, pending)
            ),
            step,
        )

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
        services.dossier_complete(dossier=self.dossier)
        return redirect(self.dossier)

    # -- display ----------------------------------------------------------------

    def situation_note(self, current: str) -> str:
        """Why the step count has no « Ma situation » (it comes and goes with
        her answers), from « Vérifications » on, where she chooses."""
        names = list(self.form_list)
        if "situation" in self.get_form_list() or names.index(current) < names.index(
            "verifications"
        ):
            return ""
        if wants_to_pay((self.dossier.answers if self.dossier else None) or {}):
            return SITUATION_SKIPPED_BARRED
        return SITUATION_SKIPPED_NO_PAYMENT

    def get_context_data(self, form: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        stored = self.storage.data[self.storage.step_data_key]
        current = self.steps.current
        context["progress"] = [
            {
                "name": name,
                "title": STEP_TITLES[name],
                "done": name in stored and name != current,
                "current": name == current,
                "url": self.get_step_url(name)
                if (name in stored or name == current) and self.dossier
                else None,
            }
            for name in self.get_form_list()
        ]
        context["step_title"] = STEP_TITLES[current]
        context["situation_note"] = self.situation_note(current)
        context["dossier"] = self.dossier
        context["row_button"] = ROW_BUTTON
        if current == "prescription":
            context["natures"] = NATURES
        if current in {"reponse", "situation"}:
            context["assessment"] = self.assessment()
        if current == "courrier" and self.dossier:
            context["uploads"] = list(self.dossier.uploads.all())
        return context
