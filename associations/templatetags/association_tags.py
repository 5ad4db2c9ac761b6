"""On the debtor's dossier page: the sharing section and, near the top, a
notice of the advice received. Three queries for both, always: the advice (read
once, for both tags), the dossier's active shares and the associations."""

from typing import Any

from django import template
from django.db.models import Prefetch, prefetch_related_objects

from associations import selectors
from associations.models import Advice
from dossiers.models import Dossier

register = template.Library()


def advice_of(dossier: Dossier) -> list[Advice]:
    """The dossier's advice with its association and author, oldest first (the
    models' ordering); one query per dossier object, whichever tag asks first."""
    prefetch_related_objects(
        [dossier],
        Prefetch(
            "advice", queryset=Advice.objects.select_related("author", "association")
        ),
    )
    return list(dossier.advice.all())  # type: ignore[attr-defined]


@register.inclusion_tag("associations/sharing_section.html")
def sharing_section(dossier: Dossier) -> dict[str, Any]:
    """Who has access, the form to share, and the volunteers' advice.

    All advice stays visible to the debtor, each with its association's name,
    including that of an association whose access she has since withdrawn.
    """
    shares, associations = selectors.shares_and_open_associations(dossier)
    return {
        "dossier": dossier,
        "shares": shares,
        "associations": associations,
        "advice": advice_of(dossier),
    }


@register.inclusion_tag("associations/advice_notice.html")
def advice_notice(dossier: Dossier) -> dict[str, Any]:
    """The latest advice, at the top of a long page: she shared her dossier to
    read it, and it is written at the bottom, in the sharing section (oldest
    first, the models' ordering: the latest is the last)."""
    advice = advice_of(dossier)
    return {"latest": advice[-1] if advice else None, "count": len(advice)}
