"""The debtor's answers as read-only French rows for the admin change page.

Every question is the label of the wizard's own form field, every answer the
label of its choice (read from the form classes, never copied here); dates
and amounts are written the French way; repeatable rows (amount lines,
events) one per line with their own fields' labels.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from dossiers.answers import Answers
from dossiers.error_summary import ROW_LABELS
from dossiers.law.dates import format_date
from dossiers.law.money import format_euros
from dossiers.law.triage import LETTER_TITLES
from dossiers.steps import STEPS

Rows = list[tuple[str, list[tuple[str, str]]]]

DIRECTORY_KEY = "agency_id"
"""Stored for the « agency » question (the directory's choice)."""


def answers_rows(answers: Answers) -> Rows:
    """[(step title, [(question, answer)])] in wizard order."""
    stored = answers.to_json()
    return [
        (step.title, step_rows(step.form, stored[name]))
        for name, step in STEPS.items()
        if stored.get(name)
    ]


def step_rows(form: type[forms.Form], values: dict[str, Any]) -> list[tuple[str, str]]:
    """The step's answers in the order of its form, each with its label."""
    rows_name = getattr(form, "rows_name", None)
    rows: list[tuple[str, str]] = []
    for name, field in form.base_fields.items():
        if name == "agency":
            rows += _agency_rows(field, values)
        elif name == "agency_name" and values.get(DIRECTORY_KEY):
            continue  # the directory's name is the answer to « agency »
        elif name in values:
            rows.append((_label(field, name), answer_text(field, values[name])))
    if rows_name and rows_name in values:
        row_form = form.formset_class.form  # type: ignore[attr-defined]
        rows += _repeated_rows(row_form, rows_name, values[rows_name])
    return rows


def _agency_rows(field: forms.Field, values: dict[str, Any]) -> list[tuple[str, str]]:
    if not values.get(DIRECTORY_KEY):
        return []
    name = values.get("agency_name") or "—"
    return [(_label(field, "agency"), f"{name} (choisie dans l'annuaire)")]


def _repeated_rows(
    row_form: type[forms.Form], rows_name: str, rows: Any
) -> list[tuple[str, str]]:
    prefix = ROW_LABELS.get(rows_name, "Ligne")
    lines = []
    for index, row in enumerate(rows or (), start=1):
        if not isinstance(row, dict):
            continue
        parts = [
            f"{_label(field, name)} : {answer_text(field, row[name])}"
            for name, field in row_form.base_fields.items()
            if row.get(name) not in (None, "")
        ]
        lines.append((f"{prefix} {index}", "\n".join(parts) or "—"))
    return lines or [(prefix, "aucune")]


def _label(field: forms.Field, name: str) -> str:
    return str(field.label) if field.label else name


def answer_text(field: forms.Field, value: Any) -> str:
    """One stored value as the debtor would read it."""
    if value in (None, "", [], ()):
        return "—"
    if isinstance(field, forms.MultipleChoiceField):
        labels = _choices(field) or dict(LETTER_TITLES)
        return " ; ".join(labels.get(str(v), str(v)) for v in value)
    if isinstance(value, bool):
        value = "yes" if value else "no"
        if not _choices(field):
            return "oui" if value == "yes" else "non"
    if isinstance(field, forms.DateField):
        return _date_text(value)
    if isinstance(field, forms.DecimalField):
        return _euros_text(value)
    return _choices(field).get(str(value), str(value))


def _choices(field: forms.Field) -> dict[str, str]:
    choices = getattr(field, "choices", None) or ()
    try:
        return {str(k): str(v) for k, v in choices if not isinstance(v, list | tuple)}
    except (TypeError, ValueError):
        return {}


def _date_text(value: Any) -> str:
    try:
        return format_date(dt.date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def _euros_text(value: Any) -> str:
    try:
        return format_euros(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)
