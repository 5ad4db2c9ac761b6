"""Display helpers: French labels for codes, French amounts."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

register = template.Library()
NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

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
    """1234.5 -> « 1 234,50 € » (narrow no-break space as thousands separator)."""
    if value in (None, ""):
        return "—"
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return str(value)
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{NARROW_NBSP.join(groups)},{cents}{NBSP}€"
