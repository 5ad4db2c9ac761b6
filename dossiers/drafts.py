"""Drafts of answers: what was read on her letter, offered in the wizard.

A draft is the same typed :class:`~dossiers.answers.Answers` as her answers,
plus where each value was read (:class:`Evidence`). It only fills the forms'
initial values of steps she has not answered yet: nothing of it becomes her
answer until she submits the step. The reader (``reading``) provides drafts
through :func:`register` (``dossiers`` does not import ``reading``).
"""

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms

from .answers import Answers, StepAnswers
from .models import Dossier


@dataclass(frozen=True)
class Evidence:
    """The line of her letter a value was read from."""

    text: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Draft:
    answers: Answers
    evidence: Mapping[tuple[str, str], Evidence] = field(default_factory=dict)
    """(step, form field) → where it was read."""

    def step_evidence(self, step: str) -> dict[str, Evidence]:
        return {name: found for (s, name), found in self.evidence.items() if s == step}


Provider = Callable[[Dossier], Draft | None]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    """Called once by the reader's app config."""
    if provider not in _providers:
        _providers.append(provider)


def draft_for(dossier: Dossier | None) -> Draft | None:
    """The draft of a dossier's letter, if one was read."""
    if dossier is None or dossier.pk is None:
        return None
    for provider in _providers:
        if (draft := provider(dossier)) is not None:
            return draft
    return None


def form_initial(answers: StepAnswers, form: type[forms.Form]) -> dict[str, Any]:
    """A step's draft as its form's initial values (only what was read)."""
    values = dataclasses.asdict(answers)
    defaults = {
        f.name: f.default
        for f in dataclasses.fields(answers)
        if f.default is not dataclasses.MISSING
    }
    initial: dict[str, Any] = {}
    if values.get("agency_id"):
        initial["agency"] = values["agency_id"]
    for name, field_ in form.base_fields.items():
        value = values.get(name)
        if value in (None, "", (), frozenset()) or name == "agency":
            continue
        if name in defaults and value == defaults[name]:
            continue  # a default is not something read on her letter
        initial[name] = _form_value(value, field_)
    rows_name = getattr(form, "rows_name", None)
    if rows_name and values.get(rows_name):
        initial[rows_name] = [
            {k: v for k, v in row.items() if v not in (None, "")}
            for row in values[rows_name]
        ]
    return initial


def _form_value(value: Any, field_: forms.Field) -> Any:
    if isinstance(value, bool) and isinstance(field_, forms.ChoiceField):
        return "yes" if value else "no"
    if isinstance(value, frozenset | set):
        return sorted(value)
    return value
