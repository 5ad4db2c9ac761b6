"""State of one limitation clock and the trace of what was applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from dossiers.law import references as src
from dossiers.law.dates import add_months, format_date
from dossiers.law.prescription.model import Event, LawWarning
from dossiers.law.prescription.natures import EVENT_KINDS, NatureSpec
from dossiers.law.references import Ref

BUTOIR_YEARS: Final = 20
JUDGMENT_MONTHS: Final = 120
MEDIATION_FLOOR_MONTHS: Final = 6
DEBTOR_ACTS: Final = frozenset(
    {
        "partial_payment",
        "acknowledgment",
        "payment_plan_request",
        "surendettement_filing",
    }
)
ACK_REFS: Final[dict[str, tuple[Ref, ...]]] = {
    "partial_payment": (src.CIV_2240,),
    "acknowledgment": (src.CIV_2240,),
    "payment_plan_request": (src.CIV_2240, src.PLAN_REQUEST_2020),
    "surendettement_filing": (src.CIV_2240, src.SURENDETTEMENT_2014),
}
_PERIODS: Final = {12: "un an", 24: "deux ans", 36: "trois ans", 60: "cinq ans"}


def period_words(months: int) -> str:
    """Return a period in French words: ``deux ans``, ``dix ans``."""
    return _PERIODS.get(months, "dix ans" if months == JUDGMENT_MONTHS else "")


def fr(day: date) -> str:
    """Shorthand for :func:`format_date`."""
    return format_date(day)


@dataclass
class Trace:
    """What a computation applied: references, sentences, warnings."""

    basis: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    warnings: list[LawWarning] = field(default_factory=list)
    uncertain: bool = False
    scope: str = ""
    """Label of the instalment being computed, empty for a whole debt."""

    def cite(self, *refs: Ref) -> None:
        """Record references in application order."""
        self.basis.extend(ref.cite for ref in refs)

    def say(self, sentence: str) -> None:
        """Add a French sentence to the explanation."""
        self.sentences.append(sentence)

    def warn(self, code: str, message: str) -> None:
        """Add a warning."""
        self.warnings.append(LawWarning(code, message))


@dataclass
class Clock:
    """State of one period while events are applied in date order."""

    spec: NatureSpec
    origin: date
    months: int
    last_day: date | None
    forclusion: bool
    judgment: bool = False
    pending_court: bool = False
    suspended: bool = False
    reschedulings: int = 0

    def expired_at(self, day: date) -> bool:
        """True when the period was over before ``day``."""
        if self.pending_court or self.suspended or self.last_day is None:
            return False
        return day > self.last_day


def start_clock(spec: NatureSpec, origin: date) -> Clock:
    """Open the clock of ``spec`` for a right born on ``origin``."""
    assert spec.months is not None, "natures without a rule have no clock"
    anchor = add_months(origin, spec.delay_months)
    return Clock(
        spec=spec,
        origin=origin,
        months=spec.months,
        last_day=add_months(anchor, spec.months),
        forclusion=spec.kind == "forclusion",
        judgment=spec.code == "judgment",
    )


def phrase(event: Event) -> str:
    """Sentence subject for ``event``: ``Le paiement partiel du 3 septembre 2022``."""
    return f"{EVENT_KINDS[event.kind].phrase} du {fr(event.on)}"


def last_day_after(day: date) -> date:
    """Return the day after ``day`` (first day the debt is barred)."""
    return day + timedelta(days=1)
