"""The private iCalendar feed and the page that manages its secret link."""

import datetime as dt
import hashlib
import logging
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.template.defaultfilters import date
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from dossiers.models import CalendarToken, Dossier
from dossiers.services import calendar_token_create

from .helpers import days_ago, event, injonction_answers

pytestmark = pytest.mark.django_db
PAGE = "/compte/calendrier/"
SHOWN_ONCE = (
    "Copiez ce lien maintenant : pour votre sécurité, il ne sera plus affiché. "
    "Si vous le perdez, créez-en un nouveau (l'ancien cessera de fonctionner)."
)
LINK = re.compile(r"/calendrier/([A-Za-z0-9_-]+)\.ics")


def feed(client: Client, token: str):
    return client.get(f"/calendrier/{token}.ics")


def secret_of(user) -> str:
    return calendar_token_create(user=user)[1]


def shown_secret(response) -> str:
    """The secret of the link a page shows (and fails if it shows none)."""
    (secret,) = LINK.findall(response.content.decode())
    return secret


def test_feed_lists_every_deadline_with_an_alarm(
    client: Client, debtor, other_debtor
) -> None:
    Dossier.objects.create(owner=debtor, answers=injonction_answers(days_ago(5)))
    with_ar = Dossier.objects.create(owner=debtor, title="Cofidis 12 000 €")
    event(with_ar, kind="ar_received", occurred_on=days_ago(10))
    Dossier.objects.create(owner=other_debtor, answers=injonction_answers(days_ago(2)))
    secret = secret_of(debtor)

    response = feed(client, secret)  # anonymous: the token is the credential
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
        alarms = vevent.walk("VALARM")
        assert alarms[-1].decoded("TRIGGER") == -dt.timedelta(days=1)
        assert all(str(alarm["ACTION"]) == "DISPLAY" for alarm in alarms)
    text = response.content.decode()
    assert "1234" not in text
    assert "12 000" not in text
    assert "Cofidis" not in text
    assert len({str(e["UID"]) for e in events}) == 2


def alarm_triggers(vevent) -> list[tuple[dt.timedelta, str]]:
    return [
        (alarm.decoded("TRIGGER"), str(alarm["DESCRIPTION"]))
        for alarm in vevent.walk("VALARM")
    ]


def test_a_court_deadline_warns_a_week_and_a_day_before(client: Client, debtor) -> None:
    """The opposition to an injonction de payer: alarms 7 days and 1 day
    before its last day; the follow-up of a letter, the eve only."""
    Dossier.objects.create(owner=debtor, answers=injonction_answers(days_ago(5)))
    with_ar = Dossier.objects.create(owner=debtor)
    event(with_ar, kind="ar_received", occurred_on=days_ago(10))
    calendar = Calendar.from_ical(feed(client, secret_of(debtor)).content)
    by_title = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    title = "URGENT : opposition à l'injonction de payer"
    assert alarm_triggers(by_title[title]) == [
        (-dt.timedelta(days=7), f"Dans 7 jours : {title}"),
        (-dt.timedelta(days=1), f"Demain : {title}"),
    ]
    follow_up = "Relancer l'agence : pas de réponse à votre lettre"
    assert alarm_triggers(by_title[follow_up]) == [
        (-dt.timedelta(days=1), f"Demain : {follow_up}")
    ]


def test_a_week_s_warning_already_past_is_left_out(client: Client, debtor) -> None:
    """Signified 28 days ago: the last day is in a few days, the eve only."""
    answers = injonction_answers(days_ago(28))
    Dossier.objects.create(owner=debtor, answers=answers)
    calendar = Calendar.from_ical(feed(client, secret_of(debtor)).content)
    (vevent,) = calendar.walk("VEVENT")
    assert [trigger for trigger, _ in alarm_triggers(vevent)] == [-dt.timedelta(days=1)]


def test_unknown_token_is_404(client: Client, debtor) -> None:
    calendar_token_create(user=debtor)
    assert feed(client, "not-a-token").status_code == 404


def test_revoked_token_is_404(debtor_client: Client, client: Client, debtor) -> None:
    secret = secret_of(debtor)
    assert feed(client, secret).status_code == 200
    response = debtor_client.post(PAGE, {"action": "revoke"}, follow=True)
    assert not CalendarToken.objects.exists()
    assert feed(client, secret).status_code == 404
    body = response.content.decode()
    assert "Le lien de calendrier ne fonctionne plus." in body
    assert "Créer mon lien de calendrier" in body


def test_regenerating_revokes_the_old_link(
    debtor_client: Client, client: Client, debtor
) -> None:
    old = secret_of(debtor)
    new = shown_secret(debtor_client.post(PAGE, {"action": "create"}))
    assert new != old
    assert len(new) >= 43
    assert CalendarToken.objects.get(user=debtor).token_hash == CalendarToken.digest(
        new
    )
    assert feed(client, old).status_code == 404
    assert feed(client, new).status_code == 200


def test_only_a_digest_of_the_secret_is_stored(debtor) -> None:
    token, secret = calendar_token_create(user=debtor)
    token.refresh_from_db()
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in token.token_hash
    field = CalendarToken._meta.get_field("token_hash")
    assert field.unique
    assert field.max_length == 64
    assert [f.name for f in CalendarToken._meta.concrete_fields] == [
        "id",
        "user",
        "token_hash",
        "created_at",
    ]


def test_the_database_and_the_logs_never_hold_the_secret(
    debtor_client: Client, debtor, caplog: pytest.LogCaptureFixture
) -> None:
    """Created through the page: not in any row of any table (sessions and
    messages included), nor in a log record; shown without a redirect."""
    caplog.set_level(logging.DEBUG)
    response = debtor_client.post(PAGE, {"action": "create"})
    assert response.status_code == 200  # shown in the answer to the POST itself
    assert not response.has_header("Location")
    secret = shown_secret(response)
    debtor_client.get(PAGE)
    assert len(secret) >= 43
    digest = CalendarToken.digest(secret)
    assert digest in repr(list(CalendarToken.objects.values_list()))  # control
    for model in apps.get_models():
        for row in model._base_manager.values_list():
            assert secret not in repr(row), model
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM dossiers_calendartoken")
        assert secret not in repr(cursor.fetchall())
    assert secret not in caplog.text
    assert all(secret not in str(record.args) for record in caplog.records)


def test_the_link_is_shown_once_then_never_again(
    debtor_client: Client, client: Client, debtor
) -> None:
    first = debtor_client.get(PAGE).content.decode()
    assert "Créer mon lien de calendrier" in first
    assert LINK.search(first) is None

    response = debtor_client.post(PAGE, {"action": "create"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    secret = shown_secret(response)
    assert f'value="{settings.SITE_URL}/calendrier/{secret}.ics"' in body
    assert SHOWN_ONCE in body
    assert secret not in repr(dict(debtor_client.session.items()))

    for _ in range(2):
        again = debtor_client.get(PAGE)
        assert "no-store" in again["Cache-Control"]
        text = again.content.decode()
        assert secret not in text
        assert LINK.search(text) is None
        assert SHOWN_ONCE not in text
        created = timezone.localtime(CalendarToken.objects.get(user=debtor).created_at)
        assert f"Vous avez un lien privé, créé le {date(created, 'j F Y')}." in text
        assert 'value="create"' in text
        assert "Créer un nouveau lien" in text
        assert 'value="revoke"' in text
        assert "Supprimer le lien" in text
    assert feed(client, secret).status_code == 200  # hidden, still working


def test_page_shows_only_my_link(other_client: Client, debtor) -> None:
    token, secret = calendar_token_create(user=debtor)
    body = other_client.get(PAGE).content.decode()
    assert secret not in body
    assert token.token_hash not in body
    assert "Créer mon lien de calendrier" in body
    other_client.post(PAGE, {"action": "revoke"})
    assert CalendarToken.objects.filter(pk=token.pk).exists()


def test_another_user_s_link_gives_no_access_to_mine(
    debtor_client: Client, client: Client, debtor, other_debtor
) -> None:
    Dossier.objects.create(owner=debtor, answers=injonction_answers(days_ago(5)))
    mine = secret_of(debtor)
    theirs = secret_of(other_debtor)
    their_feed = feed(client, theirs)
    assert their_feed.status_code == 200
    assert Calendar.from_ical(their_feed.content).walk("VEVENT") == []
    assert len(Calendar.from_ical(feed(client, mine).content).walk("VEVENT")) == 1
    # My regenerated link: the old one is a 404 although theirs still works.
    debtor_client.post(PAGE, {"action": "create"})
    assert feed(client, mine).status_code == 404
    assert feed(client, theirs).status_code == 200
    # What a copy of the database holds is not a key either.
    for stored in CalendarToken.objects.values_list("token_hash", flat=True):
        assert feed(client, stored).status_code == 404


def test_a_wrong_token_takes_the_same_path_as_a_right_one(
    client: Client, debtor
) -> None:
    """One indexed query on the digest of whatever the URL holds: a near miss
    hashes to an unrelated value, and the secret never reaches the database."""
    secret = secret_of(debtor)
    near_miss = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    for candidate, status in ((secret, 200), (near_miss, 404), ("A" * 43, 404)):
        with CaptureQueriesContext(connection) as queries:
            assert feed(client, candidate).status_code == status
        lookup = queries.captured_queries[0]["sql"]
        assert "token_hash" in lookup
        assert CalendarToken.digest(candidate) in lookup
        assert candidate not in lookup
        if status == 404:
            assert len(queries) == 1  # nothing else is tried on a miss


def test_anonymous_goes_to_login_on_the_page(client: Client, debtor) -> None:
    for response in (client.get(PAGE), client.post(PAGE, {"action": "create"})):
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/")
    assert not CalendarToken.objects.exists()


def test_feed_refuses_post(client: Client, debtor) -> None:
    token = secret_of(debtor)
    assert client.post(f"/calendrier/{token}.ics").status_code == 405


def test_feed_of_a_user_without_dossier_is_an_empty_calendar(
    client: Client, debtor
) -> None:
    token = secret_of(debtor)
    calendar = Calendar.from_ical(feed(client, token).content)
    assert calendar.walk("VEVENT") == []
    assert timezone.localdate()  # the feed is computed for today


def test_token_of_a_deactivated_user_is_404(client: Client, debtor) -> None:
    token = secret_of(debtor)
    debtor.is_active = False
    debtor.save()
    assert feed(client, token).status_code == 404


def test_the_new_link_has_a_copy_button_that_needs_javascript(
    debtor_client: Client,
) -> None:
    """Hidden until static/js/copy.js shows it (the field is selectable without)."""
    page = debtor_client.post(PAGE, {"action": "create"}, follow=True)
    body = page.content.decode()
    [button] = [
        b.split(">", 1)[0] for b in body.split("<button")[1:] if "data-copy" in b
    ]
    assert 'data-copy="lien-calendrier"' in button
    assert button.rstrip().endswith("hidden")
    assert "/static/js/copy.js" in body
    assert 'id="lien-calendrier-copie" role="status"' in body
