"""The debtor's answers as read-only French rows for the admin change page."""

from typing import Any

from django import forms

from dossiers.answers import Answers
from dossiers.steps import STEPS

Rows = list[tuple[str, list[tuple[str, str]]]]


def answers_rows(answers: Answers) -> Rows:
    """[(step title, [(question, answer)])] in wizard order."""
    stored = answers.to_json()
    return [
        (step.title, [_row(step.form, k, v) for k, v in stored[name].items()])
        for name, step in STEPS.items()
        if stored.get(name)
    ]


def _row(form: type[forms.Form], name: str, value: Any) -> tuple[str, str]:
    field = form.base_fields.get(name)
    label = str(field.label) if field is not None and field.label else name
    return label, _text(value, _choices(field))


def _choices(field: forms.Field | None) -> dict[str, str]:
    choices = getattr(field, "choices", None) or ()
    try:
        return {str(k): str(v) for k, v in choices if not isinstance(v, list | tuple)}
    except (TypeError, ValueError):
        return {}


def _text(value: Any, labels: dict[str, str]) -> str:
    if isinstance(value, dict):
        return " / ".join(
            _text(v, labels) for v in value.values() if v not in ("", None)
        )
    if isinstance(value, list | tuple):
        parts = [_text(v, labels) for v in value]
        return " ; ".join(p for p in parts if p) or "—"
    if isinstance(value, bool):  # a yes/no question shows its own labels
        return labels.get("yes" if value else "no", "oui" if value else "non")
    if value in (None, ""):
        return "—"
    return labels.get(str(value), str(value))
