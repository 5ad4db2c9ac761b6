"""The typed answers: JSON in and out, old rows, and the 0008 data migration."""

import datetime as dt
import importlib
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from dossiers.answers import (
    STEP_TYPES,
    AmountRow,
    Answers,
    Courrier,
    EventRow,
    Montants,
    Prescription,
    Situation,
    Verifications,
)
from dossiers.models import Dossier

FULL = Answers(
    courrier=Courrier(
        agency_id=3,
        agency_name="Intrum",
        agency_address="97 allée Borodine\n69800 Saint-Priest",
        agency_reference="INT-1",
        letter_date=dt.date(2026, 10, 12),
        received_date=dt.date(2026, 10, 15),
        channel="courrier",
        letter_kind="relance",
        creditor_name="Cetelem",
        agency_role="mandate",
    ),
    montants=Montants(
        total_claimed=Decimal("2486.90"),
        is_consumer=True,
        lines=(AmountRow("Capital", "principal", Decimal("2140.00")),),
    ),
    verifications=Verifications(
        mentions=frozenset({"collector_identity"}),
        documents=frozenset(),
        recognises="partly",
        warning_signs=frozenset({"repeated_calls"}),
        has_court_title="no",
        payment_considered=True,
    ),
    prescription=Prescription(
        nature="consumer_credit",
        start=dt.date(2022, 11, 5),
        events=(EventRow("partial_payment", dt.date(2023, 1, 20)),),
    ),
    situation=Situation(
        monthly_income=Decimal("1500"),
        fixed_charges=Decimal("900"),
        dependants=1,
        surendettement_admissible=True,
    ),
)


def test_json_round_trip_keeps_every_value() -> None:
    assert Answers.from_json(FULL.to_json()) == FULL


def test_json_is_the_stored_shape() -> None:
    stored = FULL.to_json()
    assert list(stored) == [
        "courrier",
        "montants",
        "verifications",
        "prescription",
        "situation",
    ]
    assert stored["montants"]["total_claimed"] == "2486.90"
    assert stored["courrier"]["letter_date"] == "2026-10-12"
    assert stored["montants"]["lines"] == [
        {"label": "Capital", "kind": "principal", "amount": "2140.00"}
    ]


def test_unanswered_steps_are_none_and_not_in() -> None:
    answers = Answers.from_json({"courrier": {"agency_name": "X"}})
    assert "courrier" in answers
    assert "montants" not in answers
    assert answers.montants is None
    assert answers.get(Montants) == Montants()  # defaults when unanswered
    assert answers.answered() == ("courrier",)


def test_old_rows_are_read_without_crashing() -> None:
    old = {
        "courrier": {"letter_date": "pas une date", "agency_id": "x", "junk": 1},
        "montants": {"total_claimed": "abc", "lines": [["Capital", "principal", "10"]]},
        "verifications": {"payment_considered": "yes", "mentions": "nope"},
        "situation": {"surendettement_admissible": "no", "dependants": None},
        "unknown_step": {"a": 1},
        "prescription": "not a mapping",
    }
    answers = Answers.from_json(old)
    assert answers.courrier == Courrier()
    assert answers.montants is not None
    assert answers.montants.total_claimed is None
    assert answers.montants.lines == (AmountRow("Capital", "principal", Decimal(10)),)
    assert answers.get(Verifications).payment_considered is True
    assert answers.get(Verifications).mentions == frozenset()
    assert answers.get(Situation).surendettement_admissible is False
    assert answers.prescription is None


def test_answers_are_immutable_and_hashable() -> None:
    with pytest.raises(AttributeError):
        FULL.courrier = None  # type: ignore[misc]
    assert {FULL: 1}[Answers.from_json(FULL.to_json())] == 1


def test_with_step_replaces_one_step() -> None:
    changed = FULL.with_step(Montants(total_claimed=Decimal(1)))
    assert changed.montants == Montants(total_claimed=Decimal(1))
    assert changed.courrier == FULL.courrier
    assert FULL.get(Montants).total_claimed == Decimal("2486.90")


def test_every_step_has_a_type() -> None:
    assert list(STEP_TYPES) == [
        "courrier",
        "montants",
        "verifications",
        "prescription",
        "situation",
        "reponse",
        "coordonnees",
    ]


@pytest.mark.django_db
def test_the_model_field_stores_and_reads_typed_answers(debtor) -> None:
    dossier = Dossier.objects.create(owner=debtor, answers=FULL)
    assert Dossier.objects.get(pk=dossier.pk).answers == FULL
    dossier.answers = FULL.to_json()  # JSON assigned is typed at once
    assert dossier.answers == FULL


# --- 0008: yes/no codes become booleans -----------------------------------------------

BEFORE = ("dossiers", "0007_calendar_token_hash")
AFTER = ("dossiers", "0008_answers_typed")


def _migrate(target: tuple[str, str]):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    executor.loader.build_graph()
    others = [k for k in executor.loader.graph.leaf_nodes() if k[0] != target[0]]
    return executor.loader.project_state([*others, target]).apps


def _latest() -> tuple[str, str]:
    executor = MigrationExecutor(connection)
    (leaf,) = [k for k in executor.loader.graph.leaf_nodes() if k[0] == "dossiers"]
    return leaf


@pytest.mark.django_db(transaction=True)
def test_0008_converts_yes_no_codes_of_demo_data_and_back() -> None:
    from dossiers.demo import SOPHIE_ANSWERS

    old = {
        "courrier": dict(SOPHIE_ANSWERS["courrier"]),
        "verifications": {
            **SOPHIE_ANSWERS["verifications"],
            "payment_considered": "yes",
        },
        "situation": {"monthly_income": "1500", "surendettement_admissible": "no"},
    }
    apps = _migrate(BEFORE)
    try:
        User = apps.get_model("accounts", "User")
        OldDossier = apps.get_model("dossiers", "Dossier")
        owner = User.objects.create(email="migration@example.org")
        pk = OldDossier.objects.create(owner=owner, answers=old).pk
        apps = _migrate(AFTER)
        row = apps.get_model("dossiers", "Dossier").objects.get(pk=pk)
        stored = row.answers.to_json()
        assert stored["verifications"]["payment_considered"] is True
        assert stored["situation"]["surendettement_admissible"] is False
        assert stored["courrier"]["agency_reference"] == "INT-4471-2026"
        migration = importlib.import_module("dossiers.migrations.0008_answers_typed")
        assert migration.AS_BOOLEANS  # the two questions it converts
        apps = _migrate(BEFORE)
        back = apps.get_model("dossiers", "Dossier").objects.get(pk=pk).answers
        assert back["verifications"]["payment_considered"] == "yes"
        assert back["situation"]["surendettement_admissible"] == "no"
    finally:
        _migrate(_latest())


# --- 0011: « not checked » is not « absent » ------------------------------------------

BEFORE_0011 = ("dossiers", "0010_mediators")


@pytest.mark.django_db(transaction=True)
def test_0011_an_empty_list_of_mentions_becomes_not_checked_and_back() -> None:
    """The old form stored [] when she skipped the R124-4 question: that row
    must no longer say the five mentions are missing (issue 18, item 13)."""
    skipped = {"verifications": {"mentions": [], "recognises": "no"}}
    ticked = {"verifications": {"mentions": ["creditor_identity"], "recognises": "no"}}
    apps = _migrate(BEFORE_0011)
    try:
        User = apps.get_model("accounts", "User")
        OldDossier = apps.get_model("dossiers", "Dossier")
        owner = User.objects.create(email="migration-0011@example.org")
        first = OldDossier.objects.create(owner=owner, answers=skipped).pk
        second = OldDossier.objects.create(owner=owner, answers=ticked).pk
        apps = _migrate(("dossiers", "0011_timeline_conduct_mentions_not_checked"))
        rows = apps.get_model("dossiers", "Dossier").objects
        assert rows.get(pk=first).answers.verifications.mentions is None
        assert rows.get(pk=second).answers.verifications.mentions == frozenset(
            {"creditor_identity"}
        )
        apps = _migrate(BEFORE_0011)
        rows = apps.get_model("dossiers", "Dossier").objects
        assert rows.get(pk=first).answers.to_json()["verifications"]["mentions"] == []
    finally:
        _migrate(_latest())
