"""The error summary above a refused form (GOV.UK pattern): one line per
faulty answer, each a link to the field it is about."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS

ROW_LABELS = {"lines": "Ligne", "events": "Événement"}
"""The legend of one row of a repeatable group, by the group's name (as the
wizard's templates write it)."""


@dataclass(frozen=True)
class ErrorItem:
    label: str  # the question, « » when the error is about the whole form
    message: str
    anchor: str  # the id of the input to go to, « » for none

    @property
    def text(self) -> str:
        """« Question : message » (« Question ? Message » after a question)."""
        if not self.label:
            return str(self.message)
        separator = " " if self.label.endswith("?") else " : "
        return f"{self.label}{separator}{self.message}"


def field_anchor(bound: forms.BoundField) -> str:
    """The id of the input a link should reach: a group of radios or boxes is
    reached by its first choice."""
    if bound.field.widget.use_fieldset and getattr(bound.field, "choices", None):
        return f"{bound.auto_id}_0"
    return str(bound.id_for_label or bound.auto_id or "")


def _form_items(form: forms.Form, prefix: str = "") -> Iterator[ErrorItem]:
    first = next(iter(form.visible_fields()), None)
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields:
            anchor = field_anchor(first) if prefix and first is not None else ""
            for message in errors:
                yield ErrorItem(prefix.rstrip(" —"), message, anchor)
            continue
        bound = form[name]
        label = f"{prefix}{bound.label}" if prefix else str(bound.label)
        for message in errors:
            yield ErrorItem(label, message, field_anchor(bound))


def error_items(form: Any) -> list[ErrorItem]:
    """Every error of ``form`` and of its repeatable rows (``form.rows``),
    in the order of the page: the form's own fields, then the rows."""
    if form is None or not getattr(form, "is_bound", False):
        return []
    items = list(_form_items(form))
    rows = getattr(form, "rows", None)
    if rows is not None:
        row_label = ROW_LABELS.get(getattr(form, "rows_name", ""), "Ligne")
        for message in rows.non_form_errors():
            items.append(ErrorItem("", message, ""))
        for index, row in enumerate(rows.forms, start=1):
            items += _form_items(row, prefix=f"{row_label} {index} — ")
    return items
