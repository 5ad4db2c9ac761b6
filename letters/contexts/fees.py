"""Contestation des frais de recouvrement (reference §4.6, §7 (c))."""

from dataclasses import dataclass
from decimal import Decimal

from dossiers.law import references as refs
from dossiers.law.checks import AmountLine
from dossiers.law.money import format_euros

from .common import (
    NO_ACKNOWLEDGMENT,
    LetterContext,
    LetterInput,
    common,
    fee_lines,
    is_consumer,
)


@dataclass(frozen=True, kw_only=True)
class FeesContext(LetterContext):
    fee_items: tuple[str, ...]
    fees_total_text: str
    is_consumer: bool


def fee_items(lines: list[AmountLine]) -> tuple[str, ...]:
    return tuple(
        f"« {line.label.strip()} » : {format_euros(line.amount)}" for line in lines
    )


def frais(data: LetterInput) -> FeesContext:
    lines = fee_lines(data)
    consumer = is_consumer(data)
    # L121-21 protects consumers only: a professional debt keeps L111-8 al. 2.
    consumer_basis = (refs.L121_21, refs.CASS_2010_FEES) if consumer else ()
    return FeesContext(
        **common(data, object_line="Contestation des frais de recouvrement réclamés"),
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        fee_items=fee_items(lines),
        fees_total_text=format_euros(sum((line.amount for line in lines), Decimal(0))),
        is_consumer=consumer,
        basis=(refs.L111_8_AL2, *consumer_basis, refs.CIV_1231_6),
        enclosures=("Copie de votre courrier",),
    )
