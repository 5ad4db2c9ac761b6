"""The letters section of the dossier page, in a constant number of queries."""

from typing import Any

from django import template
from django.db.models import prefetch_related_objects

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
    letters = list(Letter.objects.filter(dossier=dossier))
    prefetch_related_objects(letters, "versions")  # no query without letters
    rows = []
    for letter in letters:
        versions = list(letter.versions.all())
        rows.append(
            {
                "letter": letter,
                "title": title_of(letter.kind),
                "versions": versions,
                "sent": sent_version(letter, versions),
            }
        )
    return rows


def sent_version(letter: Letter, versions: list[Any]) -> Any:
    """The version that went in the envelope, among ``versions`` (no query)."""
    return next((v for v in versions if v.pk == letter.sent_version_id), None)


@register.inclusion_tag("letters/dossier_section.html")
def dossier_letters(dossier: Dossier, assessment: DossierAssessment) -> dict[str, Any]:
    offered = offered_letters(assessment, chosen_letters(dossier.answers))
    return {
        "dossier": dossier,
        "offered": offered,
        # Folded below the advised letters: one screen less on a phone.
        "others": [i for i in offered if not (i["chosen"] or i["recommended"])],
        "letters": letter_rows(dossier),
    }
