"""The letter kinds: slug → spec (title, template, context builder, availability).

Availability follows the triage of ``dossiers.law.findings`` (its ``Response``
per slug): a letter is offered only when the triage says it is available, and
always with the triage's warning. ``dossiers`` never imports this module.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final

from dossiers.assessment import DossierAssessment
from dossiers.law.triage import LETTER_TITLES
from dossiers.models import Dossier

from . import contexts, guides
from .forms import LetterForm, PlanForm
from .option_forms import (
    ComplaintForm,
    DeferralForm,
    MediatorForm,
    OppositionForm,
    SettlementForm,
)

PageExtra = Callable[[Dossier, DossierAssessment, Any], dict[str, Any]]
Availability = tuple[bool, str | None]
"""(offered?, reason it is not / warning shown with it)."""


@dataclass(frozen=True)
class LetterSpec:
    slug: str
    title: str
    template: str
    build_context: Callable[[contexts.LetterInput], contexts.LetterContext]
    is_available: Callable[[DossierAssessment], Availability]
    acknowledges_debt: bool = False
    has_plan: bool = False
    options_form: type[LetterForm] = LetterForm
    """The letter page's form: the personal paragraph and this kind's options."""
    to_agency: bool = True
    """Addressed to the agency (its address must be known); else to a court,
    a mediator or an authority, whose address is an option of the letter."""
    registered: bool = True
    """Sent by registered mail (its sending and AR are recorded)."""
    guide: str | None = None
    """A template shown on the letter page: where it goes, what else to do."""
    page_extra: PageExtra | None = None
    """More values for the guide (e.g. the opposition's deadline)."""


NOT_ASSESSED: Final = "Cette lettre n'est pas proposée pour ce dossier."


def triage_availability(slug: str) -> Callable[[DossierAssessment], Availability]:
    def is_available(assessment: DossierAssessment) -> Availability:
        for response in assessment.result.responses:
            if response.slug == slug:
                return response.available, response.warning
        return False, NOT_ASSESSED

    return is_available


def _plan_availability(assessment: DossierAssessment) -> Availability:
    """Echeancier: the triage, plus the budget's verdict when it is not sustainable."""
    available, warning = triage_availability("echeancier")(assessment)
    budget = assessment.budget
    if available and budget is not None and not budget.plan_sustainable:
        extra = "Aucun échéancier tenable selon votre budget (estimation)."
        warning = f"{extra} {warning}" if warning else extra
    return available, warning


def _spec(
    slug: str,
    builder: Callable[[contexts.LetterInput], contexts.LetterContext],
    **flags: Any,
) -> LetterSpec:
    availability = (
        _plan_availability if slug == "echeancier" else triage_availability(slug)
    )
    return LetterSpec(
        slug=slug,
        title=LETTER_TITLES[slug],
        template=f"letters/{slug}.html",
        build_context=builder,
        is_available=availability,
        guide=f"letters/guides/{slug}.html" if slug in GUIDES else None,
        **flags,
    )


GUIDES: Final = frozenset(
    {"opposition", "mediateur", "signalement", "plainte", "reglement", "delais"}
)
"""Kinds whose page says where the letter goes and what else to do."""


LETTERS: Final[Mapping[str, LetterSpec]] = MappingProxyType(
    {
        "reponse": _spec("reponse", contexts.reponse),
        "contestation": _spec("contestation", contexts.contestation),
        "prescription": _spec("prescription", contexts.prescription),
        "frais": _spec("frais", contexts.frais),
        "echeancier": _spec(
            "echeancier",
            contexts.echeancier,
            acknowledges_debt=True,
            has_plan=True,
            options_form=PlanForm,
        ),
        "harcelement": _spec("harcelement", contexts.harcelement),
        "quittance": _spec("quittance", contexts.quittance, acknowledges_debt=True),
        "opposition": _spec(
            "opposition",
            contexts.opposition,
            options_form=OppositionForm,
            to_agency=False,
            page_extra=guides.opposition_page,
        ),
        "mediateur": _spec(
            "mediateur", contexts.mediateur, options_form=MediatorForm, to_agency=False
        ),
        "signalement": _spec(
            "signalement",
            contexts.signalement,
            to_agency=False,
            registered=False,
            page_extra=guides.signalement_page,
        ),
        "plainte": _spec(
            "plainte", contexts.plainte, options_form=ComplaintForm, to_agency=False
        ),
        "reglement": _spec(
            "reglement",
            contexts.reglement,
            acknowledges_debt=True,
            options_form=SettlementForm,
        ),
        "delais": _spec(
            "delais", contexts.delais, acknowledges_debt=True, options_form=DeferralForm
        ),
    }
)


def title_of(kind: str) -> str:
    """The title of a letter kind; an unknown (retired) kind shows its slug."""
    return LETTER_TITLES.get(kind, kind)
