"""Dossier list deadlines (constant queries), fresh next_deadline, event access."""

import datetime as dt

import pytest
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from dossiers import access, services
from dossiers.answers import Answers, Courrier
from dossiers.law.checks import opposition_last_day
from dossiers.models import Dossier

from .helpers import days_ago, event, injonction_answers

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _three_deadlines(owner: User) -> Dossier:
    """Opposition (nearest), follow-up after an AR, limitation (far away)."""
    answers = injonction_answers(days_ago(10))
    answers["prescription"] = {"nature": "consumer_credit", "start": "2026-06-05"}
    dossier = Dossier.objects.create(owner=owner, title="Trois échéances")
    dossier.answers = answers
    dossier.save()
    event(dossier, "ar_received", occurred_on=days_ago(3))
    return dossier


def test_list_shows_the_two_nearest_deadlines(
    debtor_client: Client, debtor: User
) -> None:
    _three_deadlines(debtor)
    html = debtor_client.get("/dossiers/").content.decode()
    # The deadline's line (the urgent box above says what to do by then).
    opposition = html.index("URGENT : opposition à l&#x27;injonction de payer")
    follow_up = html.index("Relancer l&#x27;agence")
    assert opposition < follow_up
    assert "Fin du délai de forclusion" not in html
    due = opposition_last_day(days_ago(10))
    assert f"{due.day} " in html[opposition - 40 : opposition]


def test_list_without_deadline(debtor_client: Client, dossier: Dossier) -> None:
    html = debtor_client.get("/dossiers/").content.decode()
    assert "Prochaines échéances" in html


def test_list_shows_only_own_dossiers(
    debtor_client: Client, other_debtor: User
) -> None:
    _three_deadlines(other_debtor)
    html = debtor_client.get("/dossiers/").content.decode()
    assert "Trois échéances" not in html


def test_list_query_count_is_constant(debtor_client: Client, debtor: User) -> None:
    _three_deadlines(debtor)
    debtor_client.get("/dossiers/")
    with CaptureQueriesContext(connection) as one:
        debtor_client.get("/dossiers/")
    for _ in range(19):
        dossier = _three_deadlines(debtor)
        for days in range(1, 4):
            event(dossier, "call", occurred_on=days_ago(days))
    with CaptureQueriesContext(connection) as many:
        html = debtor_client.get("/dossiers/").content.decode()
    assert html.count("Relancer l&#x27;agence") == 20
    assert len(many) == len(one)


def test_saving_a_step_keeps_the_timeline_deadline(dossier: Dossier) -> None:
    """_refresh_summary reads the timeline's AR, like the dossier page."""
    dossier.answers = {"courrier": {"letter_kind": "relance", "agency_name": "X"}}
    dossier.save()
    event(dossier, "ar_received", occurred_on=days_ago(5))
    dossier.refresh_from_db()
    follow_up = days_ago(5) + dt.timedelta(days=30)
    assert dossier.next_deadline == follow_up
    services.dossier_save_step(
        dossier=dossier,
        raw={},
        answers=Courrier(letter_kind="relance", agency_name="Intrum"),
    )
    dossier.refresh_from_db()
    assert dossier.agency_name == "Intrum"
    assert dossier.next_deadline == follow_up
    services.dossier_complete(dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.next_deadline == follow_up


def test_step_save_is_one_transaction(dossier: Dossier, monkeypatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Dossier, "full_clean", boom)
    with pytest.raises(RuntimeError):
        services.dossier_save_step(
            dossier=dossier, raw={"a": ["b"]}, answers=Courrier(agency_name="x")
        )
    dossier.refresh_from_db()
    assert dossier.answers == Answers()


def test_get_event_for_owner(dossier: Dossier, debtor: User, other_debtor) -> None:
    ev = event(dossier)
    assert access.get_event_for_owner(debtor, dossier.pk, ev.pk) == ev
    foreign = event(Dossier.objects.create(owner=other_debtor))
    for args in (
        (other_debtor, dossier.pk, ev.pk),
        (debtor, dossier.pk, foreign.pk),
        (debtor, foreign.dossier_id, foreign.pk),
        (debtor, dossier.pk, "x"),
        (debtor, dossier.pk, 10**30),
    ):
        with pytest.raises(Http404):
            access.get_event_for_owner(*args)


def test_anonymous_get_event_is_404(dossier: Dossier) -> None:
    from django.contrib.auth.models import AnonymousUser

    ev = event(dossier)
    with pytest.raises(Http404):
        access.get_event_for_owner(AnonymousUser(), dossier.pk, ev.pk)
