"""send_reminders: once per deadline and window, opt-in only, no debt details."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from dossiers.management.commands.send_reminders import window_for
from dossiers.models import Dossier, ReminderSent

from .helpers import days_ago, event

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 5, 10)


def run(*args: str) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def opted_in(debtor):
    debtor.reminders_opt_in = True
    debtor.save()
    return debtor


def follow_up_in(dossier: Dossier, days: int) -> dt.date:
    """An avis de réception such that the follow-up falls ``days`` from today."""
    event(dossier, kind="ar_received", occurred_on=days_ago(30 - days))
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.mark.parametrize(
    ("due", "window"),
    [
        (TODAY, 1),
        (TODAY + dt.timedelta(days=1), 1),
        (TODAY + dt.timedelta(days=2), 7),
        (TODAY + dt.timedelta(days=7), 7),
        (TODAY + dt.timedelta(days=8), None),
        (TODAY - dt.timedelta(days=1), None),
    ],
)
def test_window_for(due: dt.date, window: int | None) -> None:
    assert window_for(due, TODAY) == window


def test_reminder_is_sent_once_even_when_run_twice(opted_in, dossier: Dossier) -> None:
    follow_up_in(dossier, 5)
    run()
    run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [opted_in.email]
    assert f"/dossiers/{dossier.pk}/" in message.body
    assert "dans 5 jours" in message.body
    assert ReminderSent.objects.get().window == 7


def test_one_day_reminder_follows_the_seven_day_one(opted_in, dossier: Dossier) -> None:
    follow_up_in(dossier, 5)
    ReminderSent.objects.create(
        user=opted_in,
        dossier=dossier,
        code="follow_up",
        due=timezone.localdate() + dt.timedelta(days=1),
        window=7,
    )
    dossier.timeline_events.all().delete()
    follow_up_in(dossier, 1)
    run()
    assert len(mail.outbox) == 1
    assert "demain" in mail.outbox[0].body


def test_body_has_no_debt_details(opted_in, debtor) -> None:
    dossier = Dossier.objects.create(
        owner=debtor,
        title="Intrum — Cofidis",
        agency_name="Intrum",
        total_claimed="4321.00",
    )
    follow_up_in(dossier, 3)
    run()
    (message,) = mail.outbox
    for secret in ("Intrum", "Cofidis", "4321", "4 321"):
        assert secret not in message.body
        assert secret not in message.subject


def test_dry_run_sends_and_records_nothing(opted_in, dossier: Dossier) -> None:
    follow_up_in(dossier, 5)
    output = run("--dry-run")
    assert "[dry-run]" in output
    assert opted_in.email in output
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()


def test_users_who_did_not_opt_in_get_nothing(dossier: Dossier) -> None:
    follow_up_in(dossier, 1)
    run()
    assert mail.outbox == []


def test_far_or_past_deadlines_get_nothing(opted_in, dossier: Dossier) -> None:
    follow_up_in(dossier, 12)
    other = Dossier.objects.create(owner=opted_in)
    follow_up_in(other, -2)
    run()
    assert mail.outbox == []


def test_a_run_that_loses_the_race_sends_nothing(
    opted_in, dossier: Dossier, monkeypatch
) -> None:
    """Simulate a concurrent run: the row appears between our check and insert."""
    follow_up_in(dossier, 5)
    from dossiers.management.commands import send_reminders

    def raced(**key):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(send_reminders.ReminderSent.objects, "get_or_create", raced)
    run()
    assert mail.outbox == []


def test_failed_send_is_retried_next_run(
    opted_in, dossier: Dossier, monkeypatch
) -> None:
    follow_up_in(dossier, 5)
    from dossiers.management.commands import send_reminders

    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(send_reminders, "send_mail", broken)
    with pytest.raises(OSError, match="SMTP down"):
        run()
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    run()
    assert len(mail.outbox) == 1


def test_unique_constraint_guards_duplicates(opted_in, dossier: Dossier) -> None:
    key = {"user": opted_in, "dossier": dossier, "code": "x", "due": TODAY, "window": 7}
    ReminderSent.objects.create(**key)
    with pytest.raises(IntegrityError):
        ReminderSent.objects.create(**key)
