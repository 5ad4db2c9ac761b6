"""The wizard's answers as one typed model: the only way to read or write them.

``Dossier.answers`` holds an :class:`Answers` (``dossiers.models.AnswersField``):
one frozen dataclass per step, ``None`` while the step is not answered. Dates are
``date``, money ``Decimal``, choices the law's codes (``dossiers.law``). The same
type is a *draft* when it comes from the reading of a letter: nothing in it is
her answer until she submits the step.

Stored as JSON, one object per step (dates ISO, decimals as strings), the shape
the wizard always had; :meth:`Answers.from_json` tolerates rows written by older
code (a value that no longer parses is dropped, never a crash).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, ClassVar, Self, TypeVar, Union

Json = dict[str, Any]


# --- Rows -----------------------------------------------------------------------


@dataclass(frozen=True)
class AmountRow:
    """One labelled line of the sum claimed (« Les montants »)."""

    label: str = ""
    kind: str = ""
    amount: Decimal = Decimal(0)


@dataclass(frozen=True)
class EventRow:
    """Something that happened to the debt (« La prescription »)."""

    kind: str = ""
    on: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class InstalmentRow:
    """One unpaid instalment of a list (« La prescription », when the amounts
    or the dates of the instalments differ)."""

    due: dt.date | None = None
    amount: Decimal | None = None


# --- Steps ----------------------------------------------------------------------


@dataclass(frozen=True)
class StepAnswers:
    """Base of a step's answers: JSON in and out, field by field."""

    step: ClassVar[str]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        return _load_dataclass(cls, data)

    def to_json(self) -> Json:
        return {f.name: _dump(getattr(self, f.name)) for f in fields(self)}

    def replace(self, **changes: Any) -> Self:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Courrier(StepAnswers):
    step: ClassVar[str] = "courrier"

    agency_id: int | None = None
    agency_name: str = ""
    agency_address: str = ""
    agency_reference: str = ""
    letter_date: dt.date | None = None
    received_date: dt.date | None = None
    channel: str = ""
    letter_kind: str = ""
    signification_date: dt.date | None = None
    creditor_name: str = ""
    creditor_address: str = ""
    agency_role: str = ""
    commissaire_amiable: bool = False
    """The letter comes from a commissaire de justice acting amicably."""


@dataclass(frozen=True)
class Montants(StepAnswers):
    step: ClassVar[str] = "montants"

    total_claimed: Decimal | None = None
    is_consumer: bool = True
    lines: tuple[AmountRow, ...] = ()


@dataclass(frozen=True)
class Verifications(StepAnswers):
    """``mentions`` is ``None`` when she has not said what the letter shows."""

    step: ClassVar[str] = "verifications"

    mentions: frozenset[str] | None = None
    documents: frozenset[str] = frozenset()
    recognises: str = ""
    warning_signs: frozenset[str] = frozenset()
    has_court_title: str = ""
    payment_considered: bool = False


@dataclass(frozen=True)
class Prescription(StepAnswers):
    """The debt's nature, its dates and what happened since.

    A debt paid by instalments (loan, rent, maintenance) gives its unpaid
    instalments either as a series — ``first_unpaid`` to ``last_unpaid`` at
    ``periodicity`` (``dossiers.law.instalments.PERIODICITIES``), each of
    ``instalment_amount`` — or as ``instalment_list`` when they differ;
    ``capital_amount`` is the capital claimed at the déchéance du terme.
    """

    step: ClassVar[str] = "prescription"

    nature: str = ""
    start: dt.date | None = None
    acceleration: dt.date | None = None
    events: tuple[EventRow, ...] = ()
    first_unpaid: dt.date | None = None
    last_unpaid: dt.date | None = None
    periodicity: str = ""
    instalment_amount: Decimal | None = None
    instalment_list: tuple[InstalmentRow, ...] = ()
    capital_amount: Decimal | None = None

    @property
    def has_instalments(self) -> bool:
        return self.first_unpaid is not None or bool(self.instalment_list)


@dataclass(frozen=True)
class Situation(StepAnswers):
    step: ClassVar[str] = "situation"

    monthly_income: Decimal | None = None
    fixed_charges: Decimal | None = None
    other_debt_payments: Decimal | None = None
    dependants: int = 0
    surendettement_admissible: bool = False


@dataclass(frozen=True)
class Reponse(StepAnswers):
    step: ClassVar[str] = "reponse"

    letters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coordonnees(StepAnswers):
    step: ClassVar[str] = "coordonnees"

    first_name: str = ""
    last_name: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    save_to_profile: bool = False


STEP_TYPES: dict[str, type[StepAnswers]] = {
    cls.step: cls
    for cls in (
        Courrier,
        Montants,
        Verifications,
        Prescription,
        Situation,
        Reponse,
        Coordonnees,
    )
}
"""Step name → its answers type, in the wizard's order."""

S = TypeVar("S", bound=StepAnswers)


@dataclass(frozen=True)
class Answers:
    """Every step's answers; a step is ``None`` until it is answered.

    Immutable and hashable: ``with_step`` returns a new object, and the law's
    results can be memoised on it (``dossiers.assessment``).
    """

    courrier: Courrier | None = None
    montants: Montants | None = None
    verifications: Verifications | None = None
    prescription: Prescription | None = None
    situation: Situation | None = None
    reponse: Reponse | None = None
    coordonnees: Coordonnees | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Answers:
        data = data if isinstance(data, Mapping) else {}
        return cls(
            **{
                name: kind.from_json(data[name])
                for name, kind in STEP_TYPES.items()
                if isinstance(data.get(name), Mapping)
            }
        )

    def to_json(self) -> Json:
        return {
            name: step.to_json()
            for name in STEP_TYPES
            if (step := getattr(self, name)) is not None
        }

    def with_step(self, step: StepAnswers) -> Answers:
        """These answers with ``step`` (its type says which) set or replaced."""
        return dataclasses.replace(self, **{step.step: step})

    def __contains__(self, step: object) -> bool:
        """``"montants" in answers``: whether that step is answered."""
        return step in STEP_TYPES and getattr(self, str(step)) is not None

    def answered(self) -> tuple[str, ...]:
        """Names of the answered steps, in the wizard's order."""
        return tuple(name for name in STEP_TYPES if getattr(self, name) is not None)

    def get(self, kind: type[S]) -> S:
        """The answers of step ``kind``, or its empty defaults when unanswered."""
        value = getattr(self, kind.step)
        return value if value is not None else kind()


# --- JSON conversion --------------------------------------------------------------

_NO_VALUE = object()


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _load_dataclass(cls: type[Any], data: Mapping[str, Any]) -> Any:
    hints = _hints(cls)
    values = {}
    for f in fields(cls):
        if f.name in data:
            value = _load(hints[f.name], data[f.name])
            if value is not _NO_VALUE:
                values[f.name] = value
    return cls(**values)


def _load(hint: Any, value: Any) -> Any:  # noqa: PLR0911 - one branch per type
    """``value`` (JSON) as ``hint``, or ``_NO_VALUE`` when it does not fit."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):  # X | None
        if value is None:
            return None
        return _load(next(a for a in args if a is not type(None)), value)
    if origin is tuple:
        rows = value if isinstance(value, list | tuple) else []
        loaded = [_load(args[0], row) for row in rows]
        return tuple(row for row in loaded if row is not _NO_VALUE)
    if origin is frozenset:
        items = value if isinstance(value, list | tuple) else []
        return frozenset(str(item) for item in items)
    if dataclasses.is_dataclass(hint):
        if isinstance(value, Mapping):
            return _load_dataclass(hint, value)
        if isinstance(value, list | tuple):  # an old row stored as a list
            names = [f.name for f in fields(hint)]
            return _load_dataclass(hint, dict(zip(names, value, strict=False)))
        return _NO_VALUE
    return _load_scalar(hint, value)


def _load_scalar(hint: Any, value: Any) -> Any:
    if hint is dt.date:
        return _date(value)
    if hint is Decimal:
        return _decimal(value)
    if hint is bool:
        return _bool(value)
    if hint is int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return _NO_VALUE
    if hint is str:
        return "" if value is None else str(value)
    return _NO_VALUE


def _date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return _NO_VALUE


def _decimal(value: Any) -> Any:
    if isinstance(value, bool) or value in (None, ""):
        return _NO_VALUE
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return _NO_VALUE


def _bool(value: Any) -> Any:
    """Booleans, and the ``"yes"``/``"no"`` codes older rows stored."""
    if isinstance(value, bool):
        return value
    return {"yes": True, "no": False}.get(str(value), _NO_VALUE)


def _dump(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return [_dump(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _dump(getattr(value, f.name)) for f in fields(value)}
    return value


__all__ = [
    "STEP_TYPES",
    "AmountRow",
    "Answers",
    "Coordonnees",
    "Courrier",
    "EventRow",
    "InstalmentRow",
    "Montants",
    "Prescription",
    "Reponse",
    "Situation",
    "StepAnswers",
    "Verifications",
]
