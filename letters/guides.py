"""What a letter page shows beside the form, per kind (``LetterSpec.page_extra``):
the opposition's CPC 1416 deadline, the SignalConso text to copy."""

from typing import Any

from django.utils import timezone

from dossiers.assessment import DossierAssessment
from dossiers.models import Dossier

from . import compose
from .models import Letter


def opposition_page(
    dossier: Dossier, assessment: DossierAssessment, letter: Letter | None
) -> dict[str, Any]:
    due = next(
        (d.due for d in assessment.deadlines if d.code == "injonction_opposition"),
        None,
    )
    return {"opposition_due": due}


def signalement_page(
    dossier: Dossier, assessment: DossierAssessment, letter: Letter | None
) -> dict[str, Any]:
    """The text to paste, as the PDF holds it (with her last saved paragraph)."""
    from .catalog import LETTERS  # noqa: PLC0415 - the catalog names this module

    data = compose.letter_input(
        dossier=dossier,
        assessment=assessment,
        today=timezone.localdate(),
        personal_text=letter.personal_text if letter else "",
    )
    context, _ = compose.build(LETTERS["signalement"], data)
    return {"report_text": getattr(context, "paste", "")}
