"""From a letter (kind, personal text, options) to its HTML: preview and PDF share it."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string

from dossiers.assessment import DossierAssessment, as_date, as_decimal
from dossiers.models import Dossier

from .catalog import LetterSpec
from .contexts import Context, LetterInput


def letter_input(
    *,
    dossier: Dossier,
    assessment: DossierAssessment,
    today: dt.date,
    personal_text: str = "",
    options: dict[str, Any] | None = None,
) -> LetterInput:
    options = options or {}
    monthly = as_decimal(options.get("monthly"))
    return LetterInput(
        dossier=dossier,
        assessment=assessment,
        today=today,
        personal_text=personal_text,
        monthly=monthly if monthly and monthly > Decimal(0) else None,
        first_due=as_date(options.get("first_due")),
    )


def build(spec: LetterSpec, data: LetterInput) -> tuple[Context, str]:
    """The letter's context and HTML (raises ScheduleInputError for a bad plan)."""
    context = spec.build_context(data)
    return context, render_to_string(spec.template, context)
