"""letters 0003: existing sendings go to the version that was the latest when
the sending was recorded (issue 19, item 5).

Run forward from 0002 on a database with data. Also against PostgreSQL:
``scripts/with-postgres.sh .venv/bin/pytest tests/letters/test_migrations.py``.
"""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("letters", "0002_sent_version")]
AFTER = [("letters", "0003_sent_version_backfill")]
T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    others = [key for key in executor.loader.graph.leaf_nodes() if key[0] != "letters"]
    return executor.loader.project_state(others + target).apps


def latest():
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] == "letters"]


def test_sendings_go_to_the_latest_version_when_they_were_recorded() -> None:
    apps = migrate(BEFORE)
    User = apps.get_model("accounts", "User")
    Dossier = apps.get_model("dossiers", "Dossier")
    TimelineEvent = apps.get_model("dossiers", "TimelineEvent")
    Letter = apps.get_model("letters", "Letter")
    LetterVersion = apps.get_model("letters", "LetterVersion")
    owner = User.objects.create(email="owner@example.org")
    dossier = Dossier.objects.create(owner=owner)

    def letter(kind: str, **sending: object):
        return Letter.objects.create(dossier=dossier, kind=kind, **sending)

    def version(letter, number: int, days: float):
        row = LetterVersion.objects.create(
            letter=letter,
            number=number,
            pdf=f"l/{letter.kind}{number}.pdf",
            sha256="0" * 64,
            size=1,
        )
        LetterVersion.objects.filter(pk=row.pk).update(
            created_at=T0 + dt.timedelta(days=days)
        )
        return row

    def sent_event(letter, days: float) -> None:
        event = TimelineEvent.objects.create(
            dossier=dossier,
            kind="letter_sent",
            occurred_on=T0.date(),
            source=f"letter:{letter.kind}:sent",
        )
        TimelineEvent.objects.filter(pk=event.pk).update(
            created_at=T0 + dt.timedelta(days=days)
        )

    # Recorded on day 3, between version 2 (day 2) and version 3 (day 4).
    recorded = letter("prescription", sent_on=T0.date(), registered_number="1A")
    for number, day in ((1, 0), (2, 2), (3, 4)):
        version(recorded, number, day)
    sent_event(recorded, 3)
    # No timeline event: the day it was sent decides (sent on day 5).
    by_date = letter("contestation", sent_on=(T0 + dt.timedelta(days=5)).date())
    version(by_date, 1, 1)
    chosen_by_date = version(by_date, 2, 5.2)  # generated that morning
    version(by_date, 3, 6)
    # Nothing recorded: no version.
    unsent = letter("frais")
    version(unsent, 1, 0)
    # Recorded before every version (the form refuses it): the first one.
    odd = letter("harcelement", sent_on=T0.date())
    first_odd = version(odd, 1, 3)
    version(odd, 2, 4)
    sent_event(odd, 1)
    # Only an avis de réception noted (an old row): still a sending.
    ar_only = letter("quittance", ar_received_on=T0.date())
    ar_version = version(ar_only, 1, 0)

    apps = migrate(AFTER)
    Letter = apps.get_model("letters", "Letter")
    LetterVersion = apps.get_model("letters", "LetterVersion")
    sent = {row.kind: row.sent_version_id for row in Letter.objects.all()}
    assert sent["prescription"] == (
        LetterVersion.objects.get(letter_id=recorded.pk, number=2).pk
    )
    assert sent["contestation"] == chosen_by_date.pk
    assert sent["frais"] is None
    assert sent["harcelement"] == first_odd.pk
    assert sent["quittance"] == ar_version.pk
    migrate(latest())


def test_the_backfill_runs_on_an_empty_database() -> None:
    migrate(BEFORE)
    migrate(AFTER)
    migrate(latest())
