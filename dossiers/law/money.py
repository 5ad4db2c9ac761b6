"""Money: the one check of an amount in euros, and its French format."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Final

CENT: Final = Decimal("0.01")
NBSP: Final = "\u00a0"
MAX_AMOUNT: Final = Decimal("10000000")
"""Largest sum the rules accept (ten million euros): anything above is absurd input."""


def cents(
    value: object,
    what: str,
    *,
    error: type[ValueError] = ValueError,
    allow_negative: bool = True,
    maximum: Decimal | None = MAX_AMOUNT,
    too_large: str = "le montant est trop élevé",
) -> Decimal:
    """``value`` as a finite amount in euros with at most two decimals.

    Raises ``error`` with a French message naming ``what``: not a Decimal or an
    int, not finite, negative (unless ``allow_negative``), above ``maximum`` (in
    absolute value; ``None``: no cap; the message says ``too_large``), or with
    fractions of a cent.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise error(f"{what} : montant invalide.")
    amount = Decimal(value)
    if not amount.is_finite():
        raise error(f"{what} : montant invalide.")
    if amount < 0 and not allow_negative:
        raise error(f"{what} : le montant ne peut pas être négatif.")
    if maximum is not None and abs(amount) > maximum:
        raise error(f"{what} : {too_large}.")
    try:
        rounded = amount.quantize(CENT)
    except InvalidOperation as exc:
        raise error(f"{what} : montant invalide.") from exc
    if rounded != amount:
        raise error(f"{what} : indiquez un montant au centime près.")
    return rounded


def format_euros(amount: Decimal) -> str:
    """Format an amount the French way: ``1 234,56 €`` (non-breaking spaces)."""
    quantized = amount.quantize(CENT)
    sign = "-" if quantized < 0 else ""
    units, decimals = f"{abs(quantized):.2f}".split(".")
    groups: list[str] = []
    while units:
        groups.insert(0, units[-3:])
        units = units[:-3]
    return f"{sign}{NBSP.join(groups)},{decimals}{NBSP}€"
