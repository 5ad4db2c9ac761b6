"""Display helpers: French labels for codes, French amounts."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from dossiers.law.schedule import format_euros

register = template.Library()

STATUS_LABELS = {
    "not_barred": "Peut encore être réclamée en justice",
    "barred": "Trop ancienne : ne peut plus être réclamée en justice",
    "partly_barred": "En partie trop ancienne (en partie prescrite)",
    "uncertain": "À vérifier",
    "": "Non estimée",
}


@register.filter
def status_label(value: Any) -> str:
    return STATUS_LABELS.get(str(value or ""), str(value))


@register.filter
def euros(value: Any) -> str:
    """1234.5 -> « 1 234,50 € » (the law package's French formatting)."""
    if value in (None, ""):
        return "—"
    try:
        return format_euros(Decimal(str(value)))
    except InvalidOperation:
        return str(value)
