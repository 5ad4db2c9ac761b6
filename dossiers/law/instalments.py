"""Debts paid by instalments: the unpaid ones as a series, and the parts of an
estimate with their amounts.

Reference §1.2, §1.7, §3.2 rule 5: « la prescription se divise comme la dette
elle-même » — each unpaid instalment (a loan's monthly payment, a rent, a
maintenance payment) has its own clock from its due date, and the remaining
capital its own from the déchéance du terme. The engine
(:mod:`dossiers.law.prescription`) computes those clocks from the due dates; this
module turns what she knows (« the first unpaid was on the 5th of January, the
last on the 5th of December, every month, 450 € each ») into those dates, and
puts the amounts back beside the engine's parts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Final, NamedTuple

from dossiers.law.dates import add_months, format_date
from dossiers.law.money import format_euros
from dossiers.law.prescription import Part, Status

MAX_INSTALMENTS: Final = 240
"""Twenty years of monthly instalments: anything longer is a typing error."""


class Periodicity(NamedTuple):
    label: str
    months: int


PERIODICITIES: Final[Mapping[str, Periodicity]] = MappingProxyType(
    {
        "monthly": Periodicity("Tous les mois", 1),
        "quarterly": Periodicity("Tous les trois mois", 3),
        "yearly": Periodicity("Tous les ans", 12),
    }
)
"""How often the instalments fall due (code → French label, months)."""


class InstalmentInputError(ValueError):
    """An impossible series of instalments; the message is French.

    ``field``: the answer the message is about (``first``, ``last``,
    ``periodicity``), for a form to show it beside the question."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class UnpaidInstalment:
    """One unpaid instalment: its due date and, when known, its amount."""

    due: date
    amount: Decimal | None = None


def series(
    first: date, last: date | None, periodicity: str, amount: Decimal | None = None
) -> tuple[UnpaidInstalment, ...]:
    """Every due date from ``first`` to ``last`` at ``periodicity``.

    Dates are anchored on ``first`` (31 January monthly → 28/29 February →
    31 March), as the contract's due dates are. ``last`` must be one of them.
    """
    if last is None or last == first:
        return (UnpaidInstalment(first, amount),)
    if last < first:
        raise InstalmentInputError(
            "La dernière échéance impayée ne peut pas précéder la première.",
            field="last",
        )
    if periodicity not in PERIODICITIES:
        raise InstalmentInputError(
            "Indiquez le rythme des échéances (tous les mois, tous les trois "
            "mois, tous les ans).",
            field="periodicity",
        )
    return tuple(
        UnpaidInstalment(due, amount)
        for due in _dues(first, last, PERIODICITIES[periodicity].months)
    )


def _dues(first: date, last: date, months: int) -> list[date]:
    dues: list[date] = []
    while (due := add_months(first, months * len(dues))) < last:
        dues.append(due)
        if len(dues) >= MAX_INSTALMENTS:
            raise InstalmentInputError(
                f"Plus de {MAX_INSTALMENTS} échéances : vérifiez les deux dates.",
                field="last",
            )
    if due != last:
        raise InstalmentInputError(
            f"Au rythme choisi à partir du {format_date(first)}, les échéances "
            f"tombent le {format_date(dues[-1])} puis le {format_date(due)}, pas "
            f"le {format_date(last)} : vérifiez la dernière date ou le rythme.",
            field="last",
        )
    return [*dues, last]


# --- The parts of an estimate, with their amounts ---------------------------------


@dataclass(frozen=True, slots=True)
class DebtPart:
    """One instalment or the capital, as the engine judged it, with its amount."""

    label: str
    due: date
    amount: Decimal | None
    status: str
    last_day: date | None
    barred_from: date | None

    @property
    def barred(self) -> bool:
        return self.status == Status.BARRED

    @property
    def claimable(self) -> bool:
        return self.status == Status.NOT_BARRED


def priced_parts(
    parts: Sequence[Part],
    instalments: Sequence[UnpaidInstalment],
    capital_amount: Decimal | None = None,
) -> tuple[DebtPart, ...]:
    """The engine's ``parts`` (instalments in order, then the capital when a
    déchéance du terme was given) with the amount of each."""
    amounts = [item.amount for item in instalments]
    amounts += [capital_amount] * (len(parts) - len(amounts))
    return tuple(
        DebtPart(
            part.label,
            part.due,
            amount,
            str(part.status),
            part.last_day,
            part.barred_from,
        )
        for part, amount in zip(parts, amounts, strict=False)
    )


def total(parts: Sequence[DebtPart]) -> Decimal | None:
    """Sum of the amounts, or None when one of them is not known."""
    if not parts or any(part.amount is None for part in parts):
        return None
    return sum((part.amount or Decimal(0) for part in parts), Decimal(0))


def span(parts: Sequence[DebtPart]) -> str:
    """« l'échéance du 10 janvier 2021 (450,00 €) », « 24 échéances, du 5 janvier
    2021 au 5 décembre 2022 (10 800,00 €) », capital named apart."""
    instalments = [p for p in parts if p.label.startswith("Échéance")]
    others = [p for p in parts if not p.label.startswith("Échéance")]
    words = []
    if len(instalments) == 1:
        words.append(_one(instalments[0]))
    elif instalments:
        first, last = instalments[0], instalments[-1]
        amount = total(instalments)
        money = f" ({format_euros(amount)})" if amount is not None else ""
        words.append(
            f"{len(instalments)} échéances, du {format_date(first.due)} au "
            f"{format_date(last.due)}{money}"
        )
    words += [_one(part) for part in others]
    return " ; ".join(words)


def _one(part: DebtPart) -> str:
    money = f" ({format_euros(part.amount)})" if part.amount is not None else ""
    return f"{with_article(part.label)}{money}"


def with_article(label: str) -> str:
    """« Échéance du … » → « l'échéance du … », « Capital … » → « le capital … »."""
    lowered = f"{label[:1].lower()}{label[1:]}"
    if lowered.startswith("échéance"):
        return f"l'{lowered}"
    if lowered.startswith("capital"):
        return f"le {lowered}"
    return lowered
