"""Small builders shared by the timeline tests."""

import datetime as dt
import io

from django.utils import timezone
from PIL import Image

from dossiers import services
from dossiers.models import Dossier, TimelineEvent


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), "blue").save(out, "PNG")
    return out.getvalue()


def days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def event(dossier: Dossier, kind: str = "call", **fields: object) -> TimelineEvent:
    fields.setdefault("occurred_on", days_ago(3))
    return services.timeline_add(dossier=dossier, kind=kind, **fields)  # type: ignore[arg-type]


def injonction_answers(signified: dt.date) -> dict[str, dict[str, str]]:
    return {
        "courrier": {
            "letter_kind": "injonction_signifiee",
            "signification_date": signified.isoformat(),
            "agency_name": "Intrum",
        },
        "montants": {"total_claimed": "1234.56"},
    }
