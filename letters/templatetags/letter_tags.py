"""The letters section of the dossier page, in a constant number of queries."""

from typing import Any

from django import template

from dossiers.assessment import DossierAssessment, chosen_letters
from dossiers.models import Dossier
from letters.catalog import LETTERS, title_of
from letters.models import Letter

register = template.Library()


def offered_letters(
    assessment: DossierAssessment, chosen: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """Available responses with a letter: those she chose in « Ma réponse »
    first, then the triage order (recommended first), each with its reason."""
    offered = []
    for response in assessment.result.responses:
        spec = LETTERS.get(response.slug)
        if spec is None:
            continue
        available, warning = spec.is_available(assessment)
        if available:
            offered.append(
                {
                    "slug": spec.slug,
                    "title": spec.title,
                    "recommended": response.recommended,
                    "chosen": spec.slug in chosen,
                    "reason": response.reason,
                    "warning": warning,
                }
            )
    return sorted(offered, key=lambda item: not item["chosen"])


def letter_rows(dossier: Dossier) -> list[dict[str, Any]]:
    """Existing letters with their versions: two queries whatever their number."""
    letters = Letter.objects.filter(dossier=dossier).prefetch_related("versions")
    return [
        {
            "letter": letter,
            "title": title_of(letter.kind),
            "versions": list(letter.versions.all()),
        }
        for letter in letters
    ]


@register.inclusion_tag("letters/dossier_section.html")
def dossier_letters(dossier: Dossier, assessment: DossierAssessment) -> dict[str, Any]:
    return {
        "dossier": dossier,
        "offered": offered_letters(assessment, chosen_letters(dossier.answers)),
        "letters": letter_rows(dossier),
    }
