"""The sharing section of the debtor's dossier page (three queries, always)."""

from typing import Any

from django import template

from associations import selectors
from dossiers.models import Dossier

register = template.Library()


@register.inclusion_tag("associations/sharing_section.html")
def sharing_section(dossier: Dossier) -> dict[str, Any]:
    """Who has access, the form to share, and the volunteers' advice.

    All advice stays visible to the debtor, each with its association's name,
    including that of an association whose access she has since withdrawn.
    """
    shares = list(selectors.active_shares(dossier))
    return {
        "dossier": dossier,
        "shares": shares,
        "associations": list(selectors.open_to_sharing(dossier)),
        "advice": list(dossier.advice.select_related("author", "association")),  # type: ignore[attr-defined]
    }
