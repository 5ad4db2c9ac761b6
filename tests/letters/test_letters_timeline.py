"""A letter's "sent" and "AR received" marks appear in the timeline by themselves."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dossiers import services as dossier_services
from dossiers.assessment import assess_dossier
from dossiers.models import Dossier, TimelineEvent
from letters import services
from letters.catalog import LETTERS
from letters.models import Letter, LetterVersion

TODAY = timezone.localdate()


def _days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def _letter(dossier: Dossier, kind: str = "prescription") -> Letter:
    letter = services.letter_get_or_create(dossier=dossier, kind=kind)
    version = LetterVersion.objects.create(
        letter=letter, number=1, pdf="letters/x.pdf", sha256="0" * 64, size=1
    )
    # Prepared a month ago: the tests record sendings of the last weeks.
    LetterVersion.objects.filter(pk=version.pk).update(
        created_at=timezone.now() - dt.timedelta(days=30)
    )
    return letter


def _mark(
    letter: Letter, sent: dt.date | None, ar: dt.date | None, number: str = "1A 2"
):
    return services.letter_mark_sent(
        letter=letter, sent_on=sent, registered_number=number, ar_received_on=ar
    )


def _events(dossier: Dossier) -> dict[str, TimelineEvent]:
    """The letters' events (« Le courrier » adds the letter received)."""
    events = dossier.timeline_events.filter(source__startswith="letter:")
    return {e.source: e for e in events}


def test_marks_create_two_events(barred_dossier: Dossier) -> None:
    letter = _letter(barred_dossier)
    _mark(letter, _days_ago(10), _days_ago(7), "1A 234 567 8901 2")
    events = _events(barred_dossier)
    assert set(events) == {"letter:prescription:sent", "letter:prescription:ar"}
    sent, ar = events["letter:prescription:sent"], events["letter:prescription:ar"]
    assert (sent.kind, sent.occurred_on, sent.direction) == (
        "letter_sent",
        _days_ago(10),
        "to_agency",
    )
    assert "1A 234 567 8901 2" in sent.content
    assert LETTERS["prescription"].title in sent.content
    assert (ar.kind, ar.occurred_on) == ("ar_received", _days_ago(7))


def test_marking_again_is_idempotent_and_edits_update(barred_dossier: Dossier) -> None:
    letter = _letter(barred_dossier)
    _mark(letter, _days_ago(10), _days_ago(7))
    first = _events(barred_dossier)
    _mark(letter, _days_ago(10), _days_ago(7))
    assert len(_events(barred_dossier)) == 2
    _mark(letter, _days_ago(9), _days_ago(5), "9Z 999")
    events = _events(barred_dossier)
    assert len(_events(barred_dossier)) == 2
    assert {k: e.pk for k, e in events.items()} == {k: e.pk for k, e in first.items()}
    assert events["letter:prescription:sent"].occurred_on == _days_ago(9)
    assert "9Z 999" in events["letter:prescription:sent"].content
    assert events["letter:prescription:ar"].occurred_on == _days_ago(5)


def test_clearing_a_date_removes_its_event(barred_dossier: Dossier) -> None:
    letter = _letter(barred_dossier)
    _mark(letter, _days_ago(10), _days_ago(7))
    _mark(letter, _days_ago(10), None)
    assert set(_events(barred_dossier)) == {"letter:prescription:sent"}
    _mark(letter, None, None, "")
    assert not _events(barred_dossier)


def test_two_letters_keep_their_own_events(barred_dossier: Dossier) -> None:
    _mark(_letter(barred_dossier), _days_ago(20), _days_ago(18))
    _mark(_letter(barred_dossier, "contestation"), _days_ago(4), None)
    assert set(_events(barred_dossier)) == {
        "letter:prescription:sent",
        "letter:prescription:ar",
        "letter:contestation:sent",
    }


def test_letter_ar_feeds_the_follow_up_deadline(barred_dossier: Dossier) -> None:
    _mark(_letter(barred_dossier), _days_ago(10), _days_ago(7))
    follow_up = [
        d
        for d in assess_dossier(barred_dossier, today=TODAY).deadlines
        if d.code == "follow_up"
    ]
    assert [d.due for d in follow_up] == [_days_ago(7) + dt.timedelta(days=30)]
    barred_dossier.refresh_from_db()
    assert barred_dossier.next_deadline == _days_ago(7) + dt.timedelta(days=30)
    # Editing the AR date moves the deadline; clearing it removes it.
    _mark(Letter.objects.get(), _days_ago(10), _days_ago(2))
    barred_dossier.refresh_from_db()
    assert barred_dossier.next_deadline == _days_ago(2) + dt.timedelta(days=30)
    _mark(Letter.objects.get(), _days_ago(10), None)
    barred_dossier.refresh_from_db()
    assert barred_dossier.next_deadline != _days_ago(2) + dt.timedelta(days=30)


def test_sent_form_puts_the_marks_on_the_dossier_page(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    _letter(barred_dossier)
    response = debtor_client.post(
        reverse("letters:sent", args=[barred_dossier.pk, "prescription"]),
        {
            "sent_on": _days_ago(6).isoformat(),
            "registered_number": "1A 234 567 8901 2",
            "ar_received_on": _days_ago(3).isoformat(),
        },
    )
    assert response.status_code == 302
    page = debtor_client.get(reverse("dossiers:detail", args=[barred_dossier.pk]))
    html = page.content.decode()
    assert "Courrier envoyé à l&#x27;agence" in html
    assert "Avis de réception reçu (lettre recommandée)" in html
    assert "Relancer l&#x27;agence" in html  # the follow-up deadline
    assert reverse("letters:page", args=[barred_dossier.pk, "prescription"]) in html


def test_letter_events_cannot_be_deleted_from_the_timeline(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    _mark(_letter(barred_dossier), _days_ago(10), _days_ago(7))
    event = TimelineEvent.objects.get(source="letter:prescription:ar")
    page = debtor_client.get(reverse("dossiers:detail", args=[barred_dossier.pk]))
    delete_url = reverse("dossiers:timeline_delete", args=[barred_dossier.pk, event.pk])
    assert delete_url not in page.content.decode()
    response = debtor_client.post(delete_url, follow=True)
    assert "vient d&#x27;une lettre" in response.content.decode()
    assert TimelineEvent.objects.filter(pk=event.pk).exists()
    with pytest.raises(dossier_services.TimelineEventLocked):
        dossier_services.timeline_delete(event=event)


def test_dossier_page_query_count_with_letters_and_events(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    url = reverse("dossiers:detail", args=[barred_dossier.pk])
    _mark(_letter(barred_dossier), _days_ago(30), _days_ago(28))
    dossier_services.timeline_add(
        dossier=barred_dossier, kind="call", occurred_on=_days_ago(40)
    )
    debtor_client.get(url)
    cache.clear()  # count the queries of a page rendered, not of a cached one
    with CaptureQueriesContext(connection) as one:
        assert debtor_client.get(url).status_code == 200
    for kind in ("contestation", "frais", "harcelement"):
        _mark(_letter(barred_dossier, kind), _days_ago(20), _days_ago(15))
    for days in range(20):
        dossier_services.timeline_add(
            dossier=barred_dossier, kind="sms", occurred_on=_days_ago(days + 1)
        )
    with CaptureQueriesContext(connection) as many:
        page = debtor_client.get(url)
    assert page.content.decode().count("Avis de réception reçu (lettre") == 4
    assert len(many) == len(one)
