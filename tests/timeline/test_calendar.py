"""The private iCalendar feed and the page that manages its secret link."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from dossiers.models import CalendarToken, Dossier
from dossiers.services import calendar_token_create

from .helpers import days_ago, event, injonction_answers

pytestmark = pytest.mark.django_db
PAGE = "/compte/calendrier/"


def feed(client: Client, token: str):
    return client.get(f"/calendrier/{token}.ics")


def test_feed_lists_every_deadline_with_an_alarm(
    client: Client, debtor, other_debtor
) -> None:
    Dossier.objects.create(owner=debtor, answers=injonction_answers(days_ago(5)))
    with_ar = Dossier.objects.create(owner=debtor, title="Cofidis 12 000 €")
    event(with_ar, kind="ar_received", occurred_on=days_ago(10))
    Dossier.objects.create(owner=other_debtor, answers=injonction_answers(days_ago(2)))
    token = calendar_token_create(user=debtor)

    response = feed(client, token.token)  # anonymous: the token is the credential
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == [
        "Relancer l'agence : pas de réponse à votre lettre",
        "URGENT : opposition à l'injonction de payer",
    ]
    follow_up = next(e for e in events if str(e["SUMMARY"]).startswith("Relancer"))
    assert follow_up.decoded("DTSTART") == days_ago(10) + dt.timedelta(days=30)
    assert f"/dossiers/{with_ar.pk}/" in str(follow_up["URL"])
    for vevent in events:
        (alarm,) = vevent.walk("VALARM")
        assert alarm.decoded("TRIGGER") == -dt.timedelta(days=1)
        assert str(alarm["ACTION"]) == "DISPLAY"
    text = response.content.decode()
    assert "1234" not in text
    assert "12 000" not in text
    assert "Cofidis" not in text
    assert len({str(e["UID"]) for e in events}) == 2


def test_unknown_token_is_404(client: Client, debtor) -> None:
    calendar_token_create(user=debtor)
    assert feed(client, "not-a-token").status_code == 404


def test_revoked_token_is_404(debtor_client: Client, client: Client, debtor) -> None:
    token = calendar_token_create(user=debtor).token
    assert feed(client, token).status_code == 200
    debtor_client.post(PAGE, {"action": "revoke"})
    assert not CalendarToken.objects.exists()
    assert feed(client, token).status_code == 404


def test_new_token_replaces_the_old_one(
    debtor_client: Client, client: Client, debtor
) -> None:
    old = calendar_token_create(user=debtor).token
    debtor_client.post(PAGE, {"action": "create"})
    new = CalendarToken.objects.get(user=debtor).token
    assert new != old
    assert len(new) >= 43
    assert feed(client, old).status_code == 404
    assert feed(client, new).status_code == 200


def test_page_creates_and_reveals_the_link(debtor_client: Client, debtor) -> None:
    assert "Créer mon lien" in debtor_client.get(PAGE).content.decode()
    response = debtor_client.post(PAGE, {"action": "create"}, follow=True)
    token = CalendarToken.objects.get(user=debtor)
    assert f"/calendrier/{token.token}.ics" in response.content.decode()


def test_page_shows_only_my_link(other_client: Client, debtor) -> None:
    token = calendar_token_create(user=debtor)
    body = other_client.get(PAGE).content.decode()
    assert token.token not in body
    other_client.post(PAGE, {"action": "revoke"})
    assert CalendarToken.objects.filter(pk=token.pk).exists()


def test_anonymous_goes_to_login_on_the_page(client: Client, debtor) -> None:
    for response in (client.get(PAGE), client.post(PAGE, {"action": "create"})):
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/")
    assert not CalendarToken.objects.exists()


def test_feed_refuses_post(client: Client, debtor) -> None:
    token = calendar_token_create(user=debtor).token
    assert client.post(f"/calendrier/{token}.ics").status_code == 405


def test_feed_of_a_user_without_dossier_is_an_empty_calendar(
    client: Client, debtor
) -> None:
    token = calendar_token_create(user=debtor).token
    calendar = Calendar.from_ical(feed(client, token).content)
    assert calendar.walk("VEVENT") == []
    assert timezone.localdate()  # the feed is computed for today


def test_token_of_a_deactivated_user_is_404(client: Client, debtor) -> None:
    token = calendar_token_create(user=debtor).token
    debtor.is_active = False
    debtor.save()
    assert feed(client, token).status_code == 404
