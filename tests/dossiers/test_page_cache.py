"""The dossier page's cached parts (``dossiers/page_cache.py``): served again
while nothing changed, without the law or the reads behind them; rendered
again after any change, whichever path made it; their buttons still work
after she logs in again."""

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dossiers import services
from dossiers.models import Dossier, TimelineEvent, Upload
from letters.models import Letter
from letters.services import letter_mark_sent
from tests.factories import logged_in

from .test_law_once import filled
from .test_wizard import tiny_upload
from .wizard_data import post_data

pytestmark = pytest.mark.django_db

TOKENS = re.compile(r'value="[A-Za-z0-9_-]{20,}"')


def page(client: Client, dossier: Dossier) -> str:
    response = client.get(f"/dossiers/{dossier.pk}/")
    assert response.status_code == 200
    # Each response masks the CSRF token anew: compare pages without tokens.
    return TOKENS.sub('value="…"', response.content.decode())


def test_an_unchanged_page_is_served_again_without_the_law_or_its_reads(
    debtor_client: Client, calls
) -> None:
    dossier = filled(debtor_client)
    services.timeline_add(
        dossier=dossier, kind="call", occurred_on=timezone.localdate()
    )
    page(debtor_client, dossier)  # the messages of the last step, shown once
    first = page(debtor_client, dossier)
    calls.clear()
    with CaptureQueriesContext(connection) as again:
        assert page(debtor_client, dossier) == first
    assert calls == {}
    read = " ".join(q["sql"] for q in again.captured_queries)
    for table in ("dossiers_timelineevent", "dossiers_upload", "letters_letter"):
        assert f'SELECT "{table}"."id"' not in read  # only the fingerprint's COUNT(*)


# Each change returns what the page shows after it.


def _step(dossier: Dossier) -> str:
    client = logged_in(dossier.owner)
    url = reverse("dossiers:wizard_step", args=[dossier.pk, "montants"])
    data = post_data("montants", **{"montants-total_claimed": "1 234,56"})
    assert client.post(url, data).status_code == 302
    return "234,56"


def _event_added(dossier: Dossier) -> str:
    services.timeline_add(
        dossier=dossier, kind="sms", occurred_on=timezone.localdate(), content="SMS X"
    )
    return "SMS X"


def _event_edited(dossier: Dossier) -> str:
    event = TimelineEvent.objects.filter(dossier=dossier).latest("id")
    event.content = "Appel du 3e numéro inconnu"
    event.save()
    return "Appel du 3e numéro inconnu"


def _row_updated(dossier: Dossier) -> str:
    """A write that bypasses ``save()`` (and ``updated_at``)."""
    Dossier.objects.filter(pk=dossier.pk).update(title="Titre changé sans save")
    return "<h1>Titre changé sans save</h1>"  # in a cached part


def _file_added(dossier: Dossier) -> str:
    upload = services.upload_add(dossier=dossier, clean=tiny_upload())
    return reverse("dossiers:upload", args=[dossier.pk, upload.pk])


def _letter_sent(dossier: Dossier) -> str:
    letter_mark_sent(
        letter=Letter.objects.get(dossier=dossier, kind="contestation"),
        sent_on=dt.date(2026, 11, 30),
        registered_number="1A 234 567 8901 2",
        ar_received_on=None,
    )
    return "1A 234 567 8901 2"


CHANGES: dict[str, Callable[[Dossier], str]] = {
    "a step's answers": _step,
    "an event added": _event_added,
    "an event edited in place": _event_edited,
    "the row written by update()": _row_updated,
    "a file added": _file_added,
    "a letter sent": _letter_sent,
}


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_shows_on_the_next_view(debtor_client: Client, change: str) -> None:
    dossier = filled(debtor_client)
    services.timeline_add(
        dossier=dossier, kind="call", occurred_on=timezone.localdate()
    )
    generate = reverse("letters:generate", args=[dossier.pk, "contestation"])
    assert debtor_client.post(generate).status_code == 302
    before = page(debtor_client, dossier)
    shown = CHANGES[change](Dossier.objects.get(pk=dossier.pk))
    assert shown not in before
    assert shown in page(debtor_client, dossier)


def test_a_removal_shows_on_the_next_view(debtor_client: Client) -> None:
    dossier = filled(debtor_client)
    upload = services.upload_add(dossier=dossier, clean=tiny_upload())
    url = reverse("dossiers:upload", args=[dossier.pk, upload.pk])
    assert url in page(debtor_client, dossier)
    services.upload_delete(upload=upload)
    assert url not in page(debtor_client, dossier)


def test_the_next_day_is_rendered_anew(debtor_client: Client, monkeypatch) -> None:
    dossier = filled(debtor_client)
    first = page(debtor_client, dossier)
    tomorrow = timezone.localdate() + dt.timedelta(days=400)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)
    assert page(debtor_client, dossier) != first


def test_the_buttons_of_a_cached_part_work_after_logging_in_again(debtor) -> None:
    """The files' delete buttons are in a cached part: their CSRF token must
    belong to the secret of her new session, not of the one that cached it."""
    dossier = Dossier.objects.create(owner=debtor)
    upload = services.upload_add(dossier=dossier, clean=tiny_upload())
    page_url = reverse("dossiers:detail", args=[dossier.pk])
    url = reverse("dossiers:upload_delete", args=[dossier.pk, upload.pk])
    first = logged_in(debtor, enforce_csrf_checks=True)
    assert url in first.get(page_url).content.decode()
    first.logout()
    again = logged_in(debtor, enforce_csrf_checks=True)
    body = again.get(page_url).content.decode()
    form = body[body.index(f'action="{url}"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    response = again.post(url, {"csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302
    assert not Upload.objects.filter(pk=upload.pk).exists()
