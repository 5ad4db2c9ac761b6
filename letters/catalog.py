"""The letter kinds: slug → spec (title, template, context builder, availability).

Availability follows the triage of ``dossiers.law.findings`` (its ``Response``
per slug): a letter is offered only when the triage says it is available, and
always with the triage's warning. ``dossiers`` never imports this module.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from dossiers.assessment import DossierAssessment
from dossiers.law.findings import RESPONSE_TITLES

from . import contexts

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
    **flags: bool,
) -> LetterSpec:
    availability = (
        _plan_availability if slug == "echeancier" else triage_availability(slug)
    )
    return LetterSpec(
        slug=slug,
        title=RESPONSE_TITLES[slug],
        template=f"letters/{slug}.html",
        build_context=builder,
        is_available=availability,
        **flags,
    )


LETTERS: Final[Mapping[str, LetterSpec]] = MappingProxyType(
    {
        "contestation": _spec("contestation", contexts.contestation),
        "prescription": _spec("prescription", contexts.prescription),
        "frais": _spec("frais", contexts.frais),
        "echeancier": _spec(
            "echeancier", contexts.echeancier, acknowledges_debt=True, has_plan=True
        ),
        "harcelement": _spec("harcelement", contexts.harcelement),
        "quittance": _spec("quittance", contexts.quittance, acknowledges_debt=True),
    }
)


def title_of(kind: str) -> str:
    """The title of a letter kind; an unknown (retired) kind shows its slug."""
    return RESPONSE_TITLES.get(kind, kind)
