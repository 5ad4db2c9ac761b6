"""Payment schedules (échéanciers).

Monthly dates are anchored on the first due date with ``dateutil.relativedelta``
(31 January → 28/29 February → 31 March: same day number, clamped to the end of a
shorter month, as CPC 641 does for periods in months). Amounts are in euros,
rounded to the cent; the last instalment absorbs the rounding so that the lines
always add up exactly to the total.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal
from typing import Final

from .dates import add_months
from .money import CENT, MAX_AMOUNT, cents

__all__ = ["Instalment", "ScheduleInputError", "payment_schedule"]

MAX_MONTHS: Final = 120
"""Longest plan accepted (10 years): beyond that a plan is not a realistic answer."""


class ScheduleInputError(ValueError):
    """Invalid input for a payment schedule; the message is in French."""


@dataclass(frozen=True, slots=True)
class Instalment:
    """One line of a payment schedule."""

    number: int
    due: dt.date
    amount: Decimal


def to_cents(value: object, *, field: str) -> Decimal:
    """``value`` as an amount to the cent (``ScheduleInputError`` otherwise)."""
    return cents(value, field, error=ScheduleInputError, maximum=None)


def payment_schedule(
    *,
    total: Decimal,
    monthly: Decimal | None = None,
    months: int | None = None,
    first_due: dt.date,
) -> tuple[Instalment, ...]:
    """Split ``total`` into monthly instalments starting on ``first_due``.

    Give exactly one of ``monthly`` (amount of each instalment; the last one is
    smaller) or ``months`` (number of instalments; equal amounts rounded down to
    the cent, the last one absorbs the remainder). Raises ``ScheduleInputError``
    with a French message on invalid input.
    """
    amount = _check_total(total)
    _check_first_due(first_due)
    amounts = _split(amount, monthly=monthly, months=months)
    return tuple(
        Instalment(number=index + 1, due=add_months(first_due, index), amount=value)
        for index, value in enumerate(amounts)
    )


def _check_total(total: Decimal) -> Decimal:
    amount = to_cents(total, field="Montant total")
    if amount <= 0:
        raise ScheduleInputError("Le montant total doit être supérieur à 0 €.")
    if amount > MAX_AMOUNT:
        raise ScheduleInputError("Le montant total est trop élevé.")
    return amount


def _check_first_due(first_due: dt.date) -> None:
    if isinstance(first_due, dt.datetime) or not isinstance(first_due, dt.date):
        raise ScheduleInputError("Date de la première échéance invalide.")


def _split(
    total: Decimal, *, monthly: Decimal | None, months: int | None
) -> list[Decimal]:
    if (monthly is None) == (months is None):
        raise ScheduleInputError(
            "Indiquez soit le montant de chaque échéance, soit le nombre d'échéances."
        )
    if monthly is not None:
        return _split_by_amount(total, monthly)
    assert months is not None
    return _split_by_count(total, months)


def _split_by_amount(total: Decimal, monthly: Decimal) -> list[Decimal]:
    each = to_cents(monthly, field="Montant de l'échéance")
    if each <= 0:
        raise ScheduleInputError(
            "Le montant de chaque échéance doit être supérieur à 0 €."
        )
    count = int((total / each).to_integral_value(rounding=ROUND_CEILING))
    if count > MAX_MONTHS:
        raise ScheduleInputError(
            f"Avec ce montant, le plan dépasserait {MAX_MONTHS} mois : "
            "augmentez le montant des échéances."
        )
    return _with_last(total, each, count)


def _split_by_count(total: Decimal, months: int) -> list[Decimal]:
    if isinstance(months, bool) or not isinstance(months, int):
        raise ScheduleInputError("Nombre d'échéances invalide.")
    if not 1 <= months <= MAX_MONTHS:
        raise ScheduleInputError(
            f"Le nombre d'échéances doit être compris entre 1 et {MAX_MONTHS}."
        )
    each = (total / months).quantize(CENT, rounding=ROUND_DOWN)
    if each <= 0:
        raise ScheduleInputError("Chaque échéance serait inférieure à 1 centime.")
    return _with_last(total, each, months)


def _with_last(total: Decimal, each: Decimal, count: int) -> list[Decimal]:
    amounts = [each] * (count - 1)
    amounts.append(total - each * (count - 1))
    return amounts
