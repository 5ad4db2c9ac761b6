"""Instalment debts: one clock per unpaid instalment or rent, one for the capital
from the déchéance du terme (reference §1.2, §1.7, §3.2 rule 5), entered as a
series (issue 18, item 1). Expected values come from the reference, not from
the output: last day = same day number N years later (§3.2), barred from the
next day."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dossiers.law.instalments import (
    InstalmentInputError,
    UnpaidInstalment,
    priced_parts,
    series,
    span,
    total,
)
from dossiers.law.prescription import Claim, Status, estimate

D = Decimal


def dues(first: date, last: date | None, every: str = "monthly") -> list[date]:
    return [item.due for item in series(first, last, every)]


@pytest.mark.parametrize(
    ("first", "last", "every", "expected"),
    [
        pytest.param(
            date(2021, 1, 10),
            date(2021, 4, 10),
            "monthly",
            [
                date(2021, 1, 10),
                date(2021, 2, 10),
                date(2021, 3, 10),
                date(2021, 4, 10),
            ],
            id="monthly",
        ),
        pytest.param(
            date(2021, 1, 31),
            date(2021, 4, 30),
            "monthly",
            [
                date(2021, 1, 31),
                date(2021, 2, 28),
                date(2021, 3, 31),
                date(2021, 4, 30),
            ],
            id="anchored-end-of-month",
        ),
        pytest.param(
            date(2020, 1, 15),
            date(2020, 10, 15),
            "quarterly",
            [
                date(2020, 1, 15),
                date(2020, 4, 15),
                date(2020, 7, 15),
                date(2020, 10, 15),
            ],
            id="quarterly",
        ),
        pytest.param(date(2021, 1, 10), None, "", [date(2021, 1, 10)], id="one-only"),
    ],
)
def test_series_dates(
    first: date, last: date | None, every: str, expected: list
) -> None:
    assert dues(first, last, every) == expected


@pytest.mark.parametrize(
    ("first", "last", "every", "field", "message"),
    [
        (date(2021, 4, 10), date(2021, 1, 10), "monthly", "last", "précéder"),
        (date(2021, 1, 10), date(2021, 3, 20), "monthly", "last", "10 mars 2021"),
        (date(2021, 1, 10), date(2021, 3, 10), "", "periodicity", "rythme"),
        (date(1990, 1, 1), date(2026, 1, 1), "monthly", "last", "240"),
    ],
)
def test_impossible_series_are_refused_in_french(
    first: date, last: date, every: str, field: str, message: str
) -> None:
    with pytest.raises(InstalmentInputError, match=message) as error:
        series(first, last, every)
    assert error.value.field == field


# --- The loan of issue 18: first unpaid 10/01/2021, déchéance 20/04/2021 ---------

LOAN_DUES = dues(date(2021, 1, 10), date(2021, 4, 10))


@pytest.mark.parametrize("nature", ["real_estate_loan", "consumer_service"])
@pytest.mark.parametrize(
    ("instalments", "barred_from", "claimable_until"),
    [
        pytest.param(
            LOAN_DUES,
            [date(2023, 1, 11), date(2023, 2, 11), date(2023, 3, 11)],
            [date(2023, 4, 10), date(2023, 4, 20)],
            id="four-instalments-and-capital",
        ),
        pytest.param(
            LOAN_DUES[:1],
            [date(2023, 1, 11)],
            [date(2023, 4, 20)],
            id="first-instalment-and-capital",
        ),
    ],
)
def test_loan_seen_on_20_march_2023_is_partly_barred(
    nature: str,
    instalments: list[date],
    barred_from: list[date],
    claimable_until: list[date],
) -> None:
    """L218-2: two years per instalment from its due date, two years for the
    capital from the déchéance du terme (Cass. 1re civ. 11 févr. 2016)."""
    result = estimate(
        Claim(
            nature=nature,
            start=instalments[0],
            instalments=tuple(instalments),
            acceleration=date(2021, 4, 20),
        ),
        today=date(2023, 3, 20),
    )
    assert result.status is Status.PARTLY_BARRED
    barred = [part for part in result.parts if part.status is Status.BARRED]
    open_ = [part for part in result.parts if part.status is Status.NOT_BARRED]
    assert [part.barred_from for part in barred] == barred_from
    assert [part.last_day for part in open_] == claimable_until
    assert open_[-1].label == "Capital restant dû (déchéance du terme du 20 avril 2021)"


def test_before_the_fix_the_loan_read_not_barred_without_its_instalments() -> None:
    """The defect: with only the déchéance du terme the engine gives the
    instalments no clock; the series must reach it as ``instalments``."""
    without = estimate(
        Claim("real_estate_loan", date(2021, 1, 10), acceleration=date(2021, 4, 20)),
        today=date(2023, 3, 20),
    )
    assert without.status is Status.NOT_BARRED
    assert len(without.parts) == 1


# --- The rent of issue 18: 05/11/2020 to 05/12/2022, seen on 20/12/2023 -----------

RENTS = series(date(2020, 11, 5), date(2022, 12, 5), "monthly", D("450.00"))


def test_rent_arrears_seen_on_20_december_2023() -> None:
    """Art. 7-1 loi 1989: three years per rent. The rents of November and
    December 2020 are barred (from 6 November and 6 December 2023); those due
    from 5 January 2021 can still be claimed."""
    result = estimate(
        Claim(
            nature="residential_rent",
            start=RENTS[0].due,
            instalments=tuple(item.due for item in RENTS),
        ),
        today=date(2023, 12, 20),
    )
    assert result.status is Status.PARTLY_BARRED
    parts = priced_parts(result.parts, RENTS)
    barred = [part for part in parts if part.barred]
    claimable = [part for part in parts if part.claimable]
    assert [part.due for part in barred] == [date(2020, 11, 5), date(2020, 12, 5)]
    assert [part.barred_from for part in barred] == [
        date(2023, 11, 6),
        date(2023, 12, 6),
    ]
    assert len(claimable) == 24
    assert claimable[0].due == date(2021, 1, 5)
    assert claimable[0].last_day == date(2024, 1, 5)
    assert total(barred) == D("900.00")
    assert total(claimable) == D("10800.00")
    assert span(claimable) == (
        "24 échéances, du 5 janvier 2021 au 5 décembre 2022 (10\u00a0800,00\u00a0€)"
    )


def test_the_oldest_rent_as_start_alone_reads_wholly_barred() -> None:
    """The defect of issue 18: one start date for all the rents."""
    alone = estimate(
        Claim("residential_rent", date(2020, 11, 5)), today=date(2023, 12, 20)
    )
    assert alone.status is Status.BARRED


def test_priced_parts_put_the_capital_amount_last() -> None:
    result = estimate(
        Claim(
            "real_estate_loan",
            date(2021, 1, 10),
            instalments=(date(2021, 1, 10),),
            acceleration=date(2021, 4, 20),
        ),
        today=date(2023, 3, 20),
    )
    parts = priced_parts(
        result.parts, [UnpaidInstalment(date(2021, 1, 10), D("450"))], D("9000")
    )
    assert [(part.amount, part.status) for part in parts] == [
        (D("450"), "barred"),
        (D("9000"), "not_barred"),
    ]
    assert total(parts) == D("9450")
    assert (
        total(
            [
                *parts,
                parts[0].__class__("x", date(2021, 1, 1), None, "barred", None, None),
            ]
        )
        is None
    )
