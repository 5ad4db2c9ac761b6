"""Display helpers: French labels for codes, French amounts."""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils import timezone

from dossiers.law.checks import CONTACT_CONDUCT
from dossiers.law.dates import format_date, format_weekday_date
from dossiers.law.instalments import total
from dossiers.law.money import format_euros

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
def conduct_labels(codes: Any) -> str:
    """« Exige un paiement immédiat ; Menace de saisie… » for a contact's codes."""
    return " ; ".join(
        CONTACT_CONDUCT[code].label for code in codes or () if code in CONTACT_CONDUCT
    )


@register.filter
def part_totals(parts: Any) -> dict[str, Any]:
    """Counts and sums of an instalment debt's parts by status (None: an amount
    is unknown)."""
    groups: dict[str, list[Any]] = {"barred": [], "not_barred": [], "uncertain": []}
    for part in parts or ():
        groups.setdefault(part.status, []).append(part)
    return {
        "barred_count": len(groups["barred"]),
        "barred_total": total(groups["barred"]),
        "claimable_count": len(groups["not_barred"]),
        "claimable_total": total(groups["not_barred"]),
        "uncertain_count": len(groups["uncertain"]),
    }


@register.filter
def euros(value: Any) -> str:
    """1234.5 -> « 1 234,50 € » (the law package's French formatting)."""
    if value in (None, ""):
        return "—"
    try:
        return format_euros(Decimal(str(value)))
    except InvalidOperation:
        return str(value)


@register.filter
def longdate(value: Any, weekday: str = "") -> str:
    """« 1er mars 2026 », « 15 juin 2024 »: the pages write dates as the letters do
    (Django's ``date:"j F Y"`` gives « 1 mars »). Aware datetimes in local time.
    ``longdate:"jour"``: with the weekday, « dimanche 1er mars 2026 »."""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    if not isinstance(value, dt.date):
        return ""
    return format_weekday_date(value) if weekday else format_date(value)
