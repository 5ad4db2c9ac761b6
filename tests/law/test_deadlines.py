"""Deadlines: one table per rule, nearest first, overdue marked."""

from __future__ import annotations

import datetime as dt

import pytest

from dossiers.law import references as refs
from dossiers.law.deadlines import (
    FOLLOW_UP_DAYS,
    Deadline,
    DeadlineInputError,
    compute_deadlines,
)

TODAY = dt.date(2026, 11, 26)


def only(deadlines: tuple[Deadline, ...], code: str) -> Deadline:
    [deadline] = [item for item in deadlines if item.code == code]
    return deadline


@pytest.mark.parametrize(
    ("last_day", "kind", "overdue", "uncertain", "text"),
    [
        pytest.param(
            dt.date(2027, 3, 1),
            "prescription",
            False,
            False,
            "1er mars 2027 inclus",
            id="limitation-prescription-ahead",
        ),
        pytest.param(
            dt.date(2026, 11, 26),
            "prescription",
            False,
            False,
            "inclus",
            id="limitation-last-day-today-still-open",
        ),
        pytest.param(
            dt.date(2026, 11, 25),
            "prescription",
            True,
            False,
            "a pris fin",
            id="limitation-expired-overdue",
        ),
        pytest.param(
            dt.date(2027, 3, 6),
            "prescription",
            False,
            False,
            "n'est pas prolongé",
            id="limitation-prescription-weekend-no-extension",
        ),
        pytest.param(
            dt.date(2027, 3, 6),
            "forclusion",
            False,
            True,
            "à vérifier",
            id="limitation-forclusion-weekend-cpc-642-a-verifier",
        ),
        pytest.param(
            dt.date(2027, 3, 6),
            None,
            False,
            True,
            "à vérifier",
            id="limitation-kind-unknown-weekend",
        ),
    ],
)
def test_limitation_last_day(
    last_day: dt.date, kind: str | None, overdue: bool, uncertain: bool, text: str
) -> None:
    deadline = only(
        compute_deadlines(
            today=TODAY,
            limitation_last_day=last_day,
            limitation_kind=kind,
            limitation_basis=(refs.R312_35,),
        ),
        "limitation",
    )
    assert deadline.due == last_day
    assert deadline.overdue is overdue
    assert deadline.uncertain is uncertain
    assert text in deadline.explanation
    assert deadline.basis == (refs.R312_35,)


@pytest.mark.parametrize(
    ("signified", "due", "overdue", "uncertain"),
    [
        pytest.param(
            dt.date(2026, 11, 16),
            dt.date(2026, 12, 16),
            False,
            False,
            id="opposition-one-month-cpc-1416",
        ),
        pytest.param(
            dt.date(2026, 10, 31),
            dt.date(2026, 11, 30),
            False,
            False,
            id="opposition-end-of-month-cpc-641",
        ),
        pytest.param(
            dt.date(2026, 11, 19),
            dt.date(2026, 12, 21),
            False,
            False,
            id="opposition-saturday-to-monday-cpc-642",
        ),
        pytest.param(
            dt.date(2026, 11, 25),
            dt.date(2026, 12, 28),
            False,
            False,
            id="opposition-christmas-friday-to-monday-cpc-642-l3133-1",
        ),
        pytest.param(
            dt.date(2026, 11, 20),
            dt.date(2026, 12, 21),
            False,
            False,
            id="opposition-sunday-to-monday-cpc-642",
        ),
        pytest.param(
            dt.date(2026, 9, 1),
            dt.date(2026, 10, 1),
            True,
            True,
            id="opposition-overdue",
        ),
    ],
)
def test_injonction_opposition(
    signified: dt.date, due: dt.date, overdue: bool, uncertain: bool
) -> None:
    deadline = only(
        compute_deadlines(today=TODAY, injonction_signified_on=signified),
        "injonction_opposition",
    )
    assert deadline.due == due
    assert deadline.severity == "urgent"
    assert deadline.overdue is overdue
    assert deadline.uncertain is uncertain
    assert refs.CPC_1416 in deadline.basis
    assert "ne suffit pas" in deadline.explanation


@pytest.mark.parametrize(
    ("ars", "answered", "due"),
    [
        pytest.param(
            [dt.date(2026, 11, 2)], False, dt.date(2026, 12, 2), id="follow-up-30-days"
        ),
        pytest.param(
            [dt.date(2026, 9, 1), dt.date(2026, 11, 10)],
            False,
            dt.date(2026, 12, 10),
            id="follow-up-latest-ar",
        ),
        pytest.param([dt.date(2026, 11, 2)], True, None, id="answered-no-follow-up"),
        pytest.param([], False, None, id="no-letter-sent"),
    ],
)
def test_follow_up_after_avis_de_reception(
    ars: list[dt.date], answered: bool, due: dt.date | None
) -> None:
    deadlines = compute_deadlines(
        today=TODAY, ar_received_on=ars, answer_received_after_ar=answered
    )
    follow_ups = [item for item in deadlines if item.code == "follow_up"]
    if due is None:
        assert follow_ups == []
    else:
        [deadline] = follow_ups
        assert deadline.due == due
        assert deadline.due - max(ars) == dt.timedelta(days=FOLLOW_UP_DAYS)
        assert "pas un délai fixé par la loi" in deadline.explanation


def test_follow_up_overdue() -> None:
    deadline = only(
        compute_deadlines(today=TODAY, ar_received_on=[dt.date(2026, 10, 1)]),
        "follow_up",
    )
    assert deadline.overdue


def test_plan_instalments_numbered_in_date_order_with_overdue() -> None:
    dates = [dt.date(2026, 12, 31), dt.date(2026, 11, 30), dt.date(2026, 10, 31)]
    deadlines = compute_deadlines(today=TODAY, plan_instalments=dates)
    assert [item.due for item in deadlines] == sorted(dates)
    assert [item.title for item in deadlines] == [
        "Échéance n° 1 du plan de paiement",
        "Échéance n° 2 du plan de paiement",
        "Échéance n° 3 du plan de paiement",
    ]
    assert [item.overdue for item in deadlines] == [True, False, False]
    assert all(item.basis == (refs.R124_6,) for item in deadlines)


def test_all_rules_sorted_nearest_first() -> None:
    deadlines = compute_deadlines(
        today=TODAY,
        limitation_last_day=dt.date(2027, 2, 1),
        limitation_kind="prescription",
        injonction_signified_on=dt.date(2026, 11, 20),
        ar_received_on=[dt.date(2026, 11, 5)],
        plan_instalments=[dt.date(2026, 12, 5), dt.date(2027, 1, 5)],
    )
    assert [item.code for item in deadlines] == [
        "follow_up",
        "instalment",
        "injonction_opposition",
        "instalment",
        "limitation",
    ]
    dues = [item.due for item in deadlines]
    assert dues == sorted(dues)


def test_same_day_urgent_first() -> None:
    deadlines = compute_deadlines(
        today=TODAY,
        injonction_signified_on=dt.date(2026, 11, 16),
        plan_instalments=[dt.date(2026, 12, 16)],
        limitation_last_day=dt.date(2026, 12, 16),
    )
    assert [item.severity for item in deadlines] == ["urgent", "important", "info"]


def test_nothing_known_gives_no_deadline() -> None:
    assert compute_deadlines(today=TODAY) == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param(
            {"injonction_signified_on": dt.date(2026, 11, 27)},
            "futur",
            id="signified-in-future",
        ),
        pytest.param(
            {"ar_received_on": [dt.date(2026, 12, 1)]}, "futur", id="ar-in-future"
        ),
        pytest.param({"limitation_kind": "delai"}, "inconnu", id="unknown-kind"),
        pytest.param(
            {"plan_instalments": ["2026-12-01"]}, "invalide", id="instalment-not-date"
        ),
        pytest.param({"today": "2026-11-26"}, "invalide", id="today-not-date"),
        pytest.param(
            {"today": dt.datetime(2026, 11, 26, tzinfo=dt.UTC)},
            "invalide",
            id="today-datetime",
        ),
    ],
)
def test_bad_input_raises(kwargs: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"today": TODAY, **kwargs}
    with pytest.raises(DeadlineInputError, match=message):
        compute_deadlines(**arguments)  # type: ignore[arg-type]


# --- Issue 18 ------------------------------------------------------------------


def test_a_judgment_deadline_is_the_time_to_enforce_not_to_sue() -> None:
    """CPCE L111-4 (§1.9): ten years to enforce (seizures)."""
    deadline = only(
        compute_deadlines(
            today=TODAY,
            limitation_last_day=dt.date(2030, 9, 1),
            limitation_kind="prescription",
            limitation_enforcement=True,
        ),
        "limitation",
    )
    assert deadline.title == "Fin du délai pour faire exécuter le jugement (estimation)"
    assert "peut encore faire exécuter le jugement (saisies)" in deadline.explanation
    assert "agir en justice" not in deadline.explanation


def test_a_partly_barred_debt_says_part_is_already_barred() -> None:
    deadline = only(
        compute_deadlines(
            today=TODAY,
            limitation_last_day=dt.date(2027, 4, 20),
            limitation_kind="prescription",
            limitation_partly_barred=True,
        ),
        "limitation",
    )
    assert deadline.explanation.startswith("Une partie de la dette est déjà prescrite.")


@pytest.mark.parametrize(
    ("act", "alsace", "due"),
    [
        pytest.param(dt.date(2026, 11, 10), False, dt.date(2026, 12, 10), id="plain"),
        pytest.param(dt.date(2026, 11, 25), False, dt.date(2026, 12, 28), id="noel"),
        pytest.param(dt.date(2025, 11, 26), True, dt.date(2025, 12, 29), id="alsace"),
    ],
)
def test_a_commandement_month_runs_from_its_date(
    act: dt.date, alsace: bool, due: dt.date
) -> None:
    """Issue 18, item 16: like the opposition's, with CPC 641-642 (« à
    vérifier »: the kind of act is not known)."""
    deadline = only(
        compute_deadlines(today=act, commandement_on=act, alsace_moselle=alsace),
        "commandement",
    )
    assert deadline.due == due
    assert deadline.uncertain
    assert deadline.severity == "urgent"
    assert refs.WAGE_SEIZURE_2025 in deadline.basis


def test_the_opposition_says_the_legal_last_day_and_to_act_earlier() -> None:
    deadline = only(
        compute_deadlines(
            today=dt.date(2026, 11, 26), injonction_signified_on=dt.date(2026, 11, 25)
        ),
        "injonction_opposition",
    )
    assert deadline.due == dt.date(2026, 12, 28)
    assert (
        "Dernier jour légal : le lundi 28 décembre 2026 inclus." in deadline.explanation
    )
    assert "vendredi 25 décembre 2026, un jour férié (Noël)" in deadline.explanation
    assert "N'attendez pas ce dernier jour" in deadline.explanation
