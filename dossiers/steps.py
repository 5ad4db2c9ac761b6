"""The questionnaire's steps, as data: adding a step is one entry and one form.

Each :class:`Step` names its form, its title, its template
(``dossiers/wizard/<name>.html``), the condition that shows it (optional steps)
and the hooks that give its form kwargs and initial values and its page's
extra context. Hooks receive the wizard's :class:`StepState`: the dossier,
the user, the answers in effect for this request and their assessment
(memoised, so a hook never runs the law again).
"""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, Protocol

from accounts.models import User

from . import forms, services
from .answers import Answers, Coordonnees, StepAnswers
from .assessment import (
    DossierAssessment,
    creditor_names,
    situation_applies,
    wants_to_pay,
)
from .law.operators import telecom_operator
from .law.prescription import NATURES, Claim, Estimate
from .models import Dossier


class StepState(Protocol):
    """What a step's hooks may read (implemented by the wizard view)."""

    dossier: Dossier | None
    user: User
    today: dt.date

    @property
    def answers(self) -> Answers: ...

    def assessment(self) -> DossierAssessment: ...

    def estimate(self, claim: Claim) -> Estimate: ...


Hook = Callable[[StepState], dict[str, Any]]


def _nothing(state: StepState) -> dict[str, Any]:
    return {}


def _no_action(state: StepState, answers: StepAnswers) -> None:
    return None


@dataclass(frozen=True)
class Step:
    name: str
    title: str
    form: type[forms.StepForm]
    condition: Callable[[StepState], bool] | None = None
    form_kwargs: Hook = _nothing
    initial: Hook = _nothing
    context: Hook = _nothing
    on_saved: Callable[[StepState, StepAnswers], None] = _no_action
    """Run after the step is stored (other writes the answers call for)."""
    why: Callable[[StepState, bool], str] | None = None
    """An optional step: why it now applies (True) or no longer does (False),
    told once when the questionnaire's count changes."""
    shows_urgency: bool = True
    """Whether its page opens with the urgent court deadline, if any: not on
    « Le courrier », where she describes the act, nor on a page that opens
    with « Ce que je fais maintenant » (which starts with it)."""

    @property
    def template(self) -> str:
        return f"dossiers/wizard/{self.name}.html"


# --- Hooks ---------------------------------------------------------------------


def situation_shown(state: StepState) -> bool:
    """« Ma situation » only when she considers paying (vérifications) and the
    debt does not seem time-barred (prescription): paying a barred debt is
    exactly what the findings advise against."""
    if not wants_to_pay(state.answers):
        return False  # no need to estimate the limitation
    estimate = state.assessment().estimate
    barred = estimate is not None and estimate.status == "barred"
    return situation_applies(state.answers, barred=barred)


def situation_why(state: StepState, shown: bool) -> str:
    """Why « Ma situation » comes or goes (the reasons of :func:`situation_shown`)."""
    if shown:
        return (
            "Une étape « Ma situation » (votre budget) s'ajoute : vous envisagez "
            "de payer."
        )
    if not wants_to_pay(state.answers):
        return (
            "L'étape « Ma situation » (votre budget) est retirée : vous "
            "n'envisagez plus de payer."
        )
    return (
        "L'étape « Ma situation » (votre budget) est retirée : la dette paraît "
        "prescrite, et payer une dette prescrite est déconseillé."
    )


def _courrier_kwargs(state: StepState) -> dict[str, Any]:
    return {"dossier": state.dossier}


def _courrier_context(state: StepState) -> dict[str, Any]:
    return {"uploads": list(state.dossier.uploads.all()) if state.dossier else []}


def _prescription_kwargs(state: StepState) -> dict[str, Any]:
    return {"estimator": state.estimate, "context": state.answers}


def _prescription_initial(state: StepState) -> dict[str, Any]:
    """An operator's debt: the telecom nature (one year, L34-2) is preselected,
    she confirms it."""
    if state.answers.prescription is None and telecom_operator(
        *creditor_names(state.answers)
    ):
        return {"nature": "telecom"}
    return {}


def _prescription_context(state: StepState) -> dict[str, Any]:
    return {
        "natures": NATURES,
        "operator": telecom_operator(*creditor_names(state.answers)),
    }


def _with_assessment(state: StepState) -> dict[str, Any]:
    return {"assessment": state.assessment()}


def _reponse_kwargs(state: StepState) -> dict[str, Any]:
    return {"responses": state.assessment().result.responses}


PROFILE_FIELDS: Final = (
    "first_name",
    "last_name",
    "address",
    "postal_code",
    "city",
    "phone",
)


def _profile(state: StepState) -> dict[str, Any]:
    return {name: getattr(state.user, name) for name in PROFILE_FIELDS}


def _save_to_profile(state: StepState, answers: StepAnswers) -> None:
    """« Enregistrer ces coordonnées dans mon compte »."""
    if isinstance(answers, Coordonnees) and answers.save_to_profile:
        services.profile_update(user=state.user, details=answers.to_json())


# --- The list ----------------------------------------------------------------------

STEP_LIST: Final = (
    Step(
        "courrier",
        "Le courrier",
        forms.CourrierForm,
        form_kwargs=_courrier_kwargs,
        context=_courrier_context,
        shows_urgency=False,
    ),
    Step("montants", "Les montants", forms.MontantsForm),
    Step("verifications", "Vérifications", forms.VerificationsForm),
    Step(
        "prescription",
        "La prescription",
        forms.PrescriptionForm,
        form_kwargs=_prescription_kwargs,
        initial=_prescription_initial,
        context=_prescription_context,
    ),
    Step(
        "situation",
        "Ma situation",
        forms.SituationForm,
        condition=situation_shown,
        context=_with_assessment,
        why=situation_why,
    ),
    Step(
        "reponse",
        "Ma réponse",
        forms.ReponseForm,
        form_kwargs=_reponse_kwargs,
        context=_with_assessment,
        shows_urgency=False,
    ),
    Step(
        "coordonnees",
        "Mes coordonnées",
        forms.CoordonneesForm,
        initial=_profile,
        on_saved=_save_to_profile,
    ),
)

STEPS: Final[Mapping[str, Step]] = MappingProxyType({s.name: s for s in STEP_LIST})
"""Step name → step, in the questionnaire's order."""


def title_of(name: str) -> str:
    return STEPS[name].title
