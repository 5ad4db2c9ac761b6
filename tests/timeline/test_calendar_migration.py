"""0007: calendar tokens stored in clear become their SHA-256 digest.

Run forward from 0006 on a database with tokens, then backwards. Also run
against PostgreSQL with
``scripts/with-postgres.sh .venv/bin/pytest tests/timeline/test_calendar_migration.py``.
"""

import hashlib
import importlib
import secrets

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from dossiers.models import CalendarToken

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("dossiers", "0006_agency_directory")
AFTER = ("dossiers", "0007_calendar_token_hash")
MIGRATION = importlib.import_module("dossiers.migrations.0007_calendar_token_hash")


def migrate(target: tuple[str, str]):
    """Migrate dossiers to ``target``; the models of every app at that point."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    executor.loader.build_graph()
    others = [key for key in executor.loader.graph.leaf_nodes() if key[0] != target[0]]
    return executor.loader.project_state([*others, target]).apps


def latest() -> tuple[str, str]:
    executor = MigrationExecutor(connection)
    (leaf,) = [k for k in executor.loader.graph.leaf_nodes() if k[0] == "dossiers"]
    return leaf


@pytest.fixture
def at_0006():
    """The database at 0006, and back at the latest schema whatever happens."""
    apps = migrate(BEFORE)
    try:
        yield apps
    finally:
        migrate(latest())


def clear_tokens(apps) -> dict[str, int]:
    """Two users with a link stored in clear, as before 0007: secret → user id."""
    User = apps.get_model("accounts", "User")
    Token = apps.get_model("dossiers", "CalendarToken")
    given = {}
    for email in ("sophie@example.org", "marc@example.org"):
        user = User.objects.create(email=email)
        secret = secrets.token_urlsafe(32)
        Token.objects.create(user=user, token=secret)
        given[secret] = user.pk
    return given


def test_links_given_before_keep_working_and_the_secrets_are_gone(
    at_0006, client: Client
) -> None:
    given = clear_tokens(at_0006)

    apps = migrate(AFTER)
    Token = apps.get_model("dossiers", "CalendarToken")
    stored = dict(Token.objects.values_list("token_hash", "user_id"))
    assert stored == {
        hashlib.sha256(secret.encode()).hexdigest(): user_id
        for secret, user_id in given.items()
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM dossiers_calendartoken")
        rows = repr(cursor.fetchall())
        columns = [column[0] for column in cursor.description]
    assert "token" not in columns
    assert all(secret not in rows for secret in given)

    migrate(latest())
    for secret, user_id in given.items():
        assert CalendarToken.objects.get(user_id=user_id).token_hash == (
            CalendarToken.digest(secret)
        )
        assert client.get(f"/calendrier/{secret}.ics").status_code == 200
        assert client.get(f"/calendrier/{secret[:-1]}.ics").status_code == 404


def test_the_data_step_on_its_own(at_0006) -> None:
    """``hash_clear_tokens`` called directly, between the schema steps of 0007
    (digest column added, secret made nullable; secret column not yet dropped)."""
    given = clear_tokens(at_0006)
    executor = MigrationExecutor(connection)
    migration = executor.loader.get_migration(*AFTER)
    state = executor.loader.project_state([BEFORE])
    seen = []
    with connection.schema_editor() as editor:
        for operation in migration.operations:
            before = state.clone()
            operation.state_forwards("dossiers", state)
            if getattr(operation, "code", None) is not MIGRATION.hash_clear_tokens:
                operation.database_forwards("dossiers", editor, before, state)
                continue
            MIGRATION.hash_clear_tokens(state.apps, editor)
            Token = state.apps.get_model("dossiers", "CalendarToken")
            seen = list(Token.objects.values_list("token_hash", "token", "user_id"))
    executor.recorder.record_applied(*AFTER)
    assert sorted(seen) == sorted(
        (hashlib.sha256(secret.encode()).hexdigest(), None, user_id)
        for secret, user_id in given.items()
    )


def test_backwards_revokes_every_link(at_0006, client: Client) -> None:
    given = clear_tokens(at_0006)
    migrate(AFTER)

    apps = migrate(BEFORE)  # the secrets cannot come back: every link is revoked
    assert not apps.get_model("dossiers", "CalendarToken").objects.exists()
    assert apps.get_model("accounts", "User").objects.count() == len(given)

    migrate(latest())
    for secret in given:
        assert client.get(f"/calendrier/{secret}.ics").status_code == 404


def test_forward_on_an_empty_table(at_0006) -> None:
    apps = migrate(AFTER)
    assert not apps.get_model("dossiers", "CalendarToken").objects.exists()
