"""What every step's form shares: the base classes (a step, a step with
repeatable rows), the choices helpers and the multiple-file field."""

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.files.uploadedfile import UploadedFile
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from dossiers import answers as typed
from dossiers.drafts import form_initial
from dossiers.uploads import CleanFile

YES_NO = [("yes", _("Oui")), ("no", _("Non"))]
YES_NO_UNKNOWN = [*YES_NO, ("unknown", _("Je ne sais pas"))]
MAX_ROWS = 30


def choices(table: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Form choices from a law table (code -> object with a ``label``)."""
    return [(code, spec.label) for code, spec in table.items()]


def row_choices(table: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Choices for a select in a repeatable row: empty first, so that an
    untouched row posts nothing and is skipped (as the page promises)."""
    return [("", _("— Choisir —")), *choices(table)]


def radio() -> forms.RadioSelect:
    return forms.RadioSelect()


def checkboxes() -> forms.CheckboxSelectMultiple:
    return forms.CheckboxSelectMultiple()


class StepForm(forms.Form):
    """A wizard step: knows which POST keys belong to it (nothing else is stored)
    and the typed answers its cleaned values make."""

    template_name_div = "includes/form.html"
    answers_class: ClassVar[type[typed.StepAnswers]]
    read_from: dict[str, str] = {}  # noqa: RUF012 - set per instance by the wizard
    """Field → the line of her letter its initial value was read from."""

    @classmethod
    def initial_from(cls, answers: typed.StepAnswers) -> dict[str, Any]:
        """Initial values from typed answers read on her letter (a draft)."""
        return form_initial(answers, cls)

    def declared_keys(self) -> set[str]:
        return {self.add_prefix(name) for name in self.fields}

    def answers(self) -> typed.StepAnswers:
        """The typed answers kept in ``Dossier.answers``."""
        return self.answers_class.from_json(self.cleaned_data)

    def files_to_store(self) -> list[CleanFile]:
        """Sanitised files the step brings (stored with it, as ``Upload``)."""
        return []

    def step_data(self) -> dict[str, list[str]]:
        """What the wizard keeps to show the step again: the declared fields
        only, never the raw POST."""
        return {k: self.data.getlist(k) for k in self.declared_keys() if k in self.data}

    def has_typed(self) -> bool:
        """Whether she typed or chose anything (compared with the initial values)."""
        return self.has_changed()

    @property
    def has_field_errors(self) -> bool:
        """Whether a message stands beside a question (not only above the form)."""
        return any(name != NON_FIELD_ERRORS for name in self.errors)

    def quiet(self) -> "StepForm":
        """Redisplay what was typed without validating it (« Ajouter une ligne »)."""
        self._errors = ErrorDict()
        self.cleaned_data = {}
        return self


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class RowsForm(StepForm):
    """A step whose main form carries a repeatable group (a formset) of rows."""

    formset_class: ClassVar[type[forms.BaseFormSet]]
    rows_name: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        initial_rows = (self.initial or {}).get(self.rows_name) or None
        self.rows = self.formset_class(
            data=self.data if self.is_bound else None,
            prefix=self.add_prefix(self.rows_name),
            initial=initial_rows,
        )

    def is_valid(self) -> bool:
        main = super().is_valid()
        return self.rows.is_valid() and main

    def has_typed(self) -> bool:
        return super().has_typed() or self.rows.has_changed()

    @property
    def has_field_errors(self) -> bool:
        return super().has_field_errors or bool(self.rows.total_error_count())

    def declared_keys(self) -> set[str]:
        keys = super().declared_keys()
        keys |= {
            self.rows.management_form.add_prefix(n)
            for n in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
        }
        total = min(self.rows.total_form_count(), MAX_ROWS)
        for index in range(total):
            row_prefix = self.rows.add_prefix(index)
            fields = [*self.rows.form.base_fields, "DELETE"]
            keys |= {f"{row_prefix}-{name}" for name in fields}
        return keys

    def step_data(self) -> dict[str, list[str]]:
        """As the base class, minus the rows she ticked « Supprimer », the
        others renumbered: a deleted line does not come back, ticked."""
        prefix = self.rows.prefix
        row_key = re.compile(rf"{re.escape(prefix)}-(\d+)-(.+)")
        data: dict[str, list[str]] = {}
        rows: dict[int, dict[str, list[str]]] = {}
        for key, value in super().step_data().items():
            if match := row_key.fullmatch(key):
                rows.setdefault(int(match[1]), {})[match[2]] = value
            else:
                data[key] = value
        kept = [
            row for _, row in sorted(rows.items()) if not any(row.get("DELETE", []))
        ]
        for index, row in enumerate(kept):
            data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
        management = self.rows.management_form
        data[management.add_prefix("TOTAL_FORMS")] = [str(len(kept))]
        data[management.add_prefix("INITIAL_FORMS")] = ["0"]
        return data

    def quiet(self) -> "StepForm":
        super().quiet()
        self.rows._errors = []
        self.rows._non_form_errors = self.rows.error_class()
        for row in self.rows.forms:
            row._errors = ErrorDict()
        return self

    def kept_rows(self) -> list[dict[str, Any]]:
        return [
            {k: v for k, v in row.cleaned_data.items() if k != "DELETE"}
            for row in self.rows.forms
            if row.has_changed()
            and row.cleaned_data
            and not row.cleaned_data.get("DELETE")
        ]

    def answers(self) -> typed.StepAnswers:
        return self.answers_class.from_json(
            {**self.cleaned_data, self.rows_name: self.kept_rows()}
        )
