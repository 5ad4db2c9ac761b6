"""The error summary of a refused form (``{% error_summary form %}``)."""

from typing import Any

from django import template

from dossiers.error_summary import error_items

register = template.Library()


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form: Any, intro: str = "") -> dict[str, Any]:
    """Nothing for a valid or unbound form. ``intro``: the sentence above the
    list (default: one that suits the form's errors)."""
    items = error_items(form)
    with_fields = any(item.anchor or item.label for item in items)
    return {"items": items, "intro": intro, "with_fields": with_fields}


@register.filter
def read_on_letter(field: Any) -> str:
    """The line of her letter a prefilled field's value was read from, or ""."""
    return str(getattr(field.form, "read_from", {}).get(field.name, ""))
