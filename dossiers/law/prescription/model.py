"""Input and result types of the limitation engine (all frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

Kind = Literal["prescription", "forclusion"]


class LawInputError(ValueError):
    """Input the engine refuses to compute; the message is French, for the user.

    ``field``: the ``Claim`` attribute the message is about, when it is about
    one (a form shows the message beside that question)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Status(StrEnum):
    """Outcome of an estimate."""

    NOT_BARRED = "not_barred"
    BARRED = "barred"
    PARTLY_BARRED = "partly_barred"
    UNCERTAIN = "uncertain"


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened to the debt.

    ``kind`` is a key of ``EVENT_KINDS``; ``on`` its date; ``end`` is the end of a
    mediation, or, for ``rescheduling``, the first unregularised incident after
    the agreement.
    """

    kind: str
    on: date
    end: date | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A debt as the debtor describes it.

    ``nature`` is a key of ``NATURES``; ``start`` the point de départ (see
    ``NATURES[nature].start_help``). Debts paid by instalments list each unpaid
    due date in ``instalments`` (ascending) and the déchéance du terme in
    ``acceleration``. ``court_title``: she says a court decision (titre
    exécutoire) exists, without its date of signification: it may give ten
    years to enforce (CPCE L111-4), so a period that looks over is « à
    vérifier ».
    """

    nature: str
    start: date
    events: tuple[Event, ...] = ()
    instalments: tuple[date, ...] = ()
    acceleration: date | None = None
    court_title: bool = False


@dataclass(frozen=True, slots=True)
class LawWarning:
    """A point the user must check: stable ``code`` and French ``message``."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Part:
    """One instalment, or the remaining capital, of an instalment debt."""

    label: str
    due: date
    status: Status
    last_day: date | None
    barred_from: date | None


@dataclass(frozen=True, slots=True)
class Estimate:
    """Result of :func:`estimate`.

    ``last_day`` is the last day on which the creditor may still act (None when
    pending proceedings keep the period open or it cannot be known);
    ``barred_from`` is the day after. ``basis`` lists the legal references in the
    order they were applied; ``explanation`` is a list of French sentences.
    ``enforcement``: the period is the ten years to *enforce* a court title
    (CPCE L111-4: seizures), not a period to sue.
    """

    nature: str
    kind: Kind | None
    status: Status
    last_day: date | None
    barred_from: date | None
    basis: list[str]
    explanation: list[str]
    warnings: list[LawWarning]
    parts: list[Part]
    enforcement: bool = False
