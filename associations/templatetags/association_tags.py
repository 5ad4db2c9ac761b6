"""On the debtor's dossier page: the sharing section and, near the top, a
notice of the advice received; two queries for both when the dossier is
shared with nobody and has no advice, four otherwise, whatever their number
(``selectors.dossier_sharing``, read once for the two)."""

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
    sharing = selectors.dossier_sharing(dossier)
    return {
        "dossier": dossier,
        "shares": sharing.shares,
        "associations": sharing.open_associations,
        "advice": sharing.advice,
    }


@register.inclusion_tag("associations/advice_notice.html")
def advice_notice(dossier: Dossier) -> dict[str, Any]:
    """The latest advice, at the top of a long page: she shared her dossier to
    read it, and it is written at the bottom, in the sharing section (oldest
    first, the models' ordering: the latest is the last)."""
    advice = selectors.dossier_sharing(dossier).advice
    return {"latest": advice[-1] if advice else None, "count": len(advice)}
