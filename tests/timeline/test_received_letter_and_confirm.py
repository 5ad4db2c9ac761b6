"""The letter of « Le courrier » is in the timeline from the start (issue 19,
item 10), and removing an event asks first, without JavaScript (item 14)."""

import html
import re

import pytest
from django.test import Client

from dossiers.models import Dossier, TimelineEvent
from dossiers.services import RECEIVED_SOURCE
from tests.dossiers.wizard_data import post_data

from .helpers import event

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's words, tags and entities gone (« \xa0 » as a space)."""
    words = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(words).replace("\xa0", " ").split())


def new_dossier(client: Client, **changes: str) -> Dossier:
    response = client.post(
        "/dossiers/nouveau/courrier/", post_data("courrier", **changes)
    )
    assert response.status_code == 302
    return Dossier.objects.latest("id")


def test_the_first_step_puts_the_letter_received_in_the_timeline(
    debtor_client: Client,
) -> None:
    dossier = new_dossier(debtor_client)
    [received] = dossier.timeline_events.all()
    assert received.source == RECEIVED_SOURCE
    assert (received.kind, received.direction, received.who) == (
        "letter_received",
        "from_agency",
        "Intrum Justitia",
    )
    assert received.occurred_on.isoformat() == "2026-10-05"  # the day received
    assert received.content == (
        "Courrier décrit à l'étape « Le courrier » : relance amiable du 2 octobre 2026."
    )
    detail = debtor_client.get(dossier.get_absolute_url())
    assert "Ajouté depuis l'étape « Le courrier »" in text(detail)
    assert f"/chronologie/{received.pk}/supprimer/" not in detail.content.decode()


def test_editing_the_step_updates_the_same_event(debtor_client: Client) -> None:
    dossier = new_dossier(debtor_client)
    first = dossier.timeline_events.get()
    url = f"/dossiers/{dossier.pk}/modifier/courrier/"
    data = post_data(
        "courrier",
        **{
            "courrier-received_date": "",
            "courrier-letter_date": "2026-10-09",
            "courrier-letter_kind": "mise_en_demeure",
        },
    )
    assert debtor_client.post(url, data).status_code == 302
    [received] = dossier.timeline_events.all()
    assert received.pk == first.pk
    assert received.occurred_on.isoformat() == "2026-10-09"  # no day received
    assert received.content.endswith(": mise en demeure du 9 octobre 2026.")


def test_the_letter_received_is_kept_by_the_step(debtor_client: Client) -> None:
    dossier = new_dossier(debtor_client)
    received = dossier.timeline_events.get()
    url = f"/dossiers/{dossier.pk}/chronologie/{received.pk}/supprimer/"
    response = debtor_client.get(url)
    assert "modifiez la date du courrier à l'étape « Le courrier »" in text(response)
    main = response.content.decode().split("<main", 1)[1].split("</main>")[0]
    assert 'method="post"' not in main
    response = debtor_client.post(url, follow=True)
    assert "Cet événement vient de l'étape « Le courrier »" in html.unescape(
        response.content.decode()
    )
    assert TimelineEvent.objects.filter(pk=received.pk).exists()


# -- removing an event asks first ----------------------------------------------------


def test_removing_an_event_goes_through_a_confirmation_page(
    debtor_client: Client, dossier: Dossier
) -> None:
    call = event(dossier, content="Appel du conseiller.")
    url = f"/dossiers/{dossier.pk}/chronologie/{call.pk}/supprimer/"
    detail = debtor_client.get(dossier.get_absolute_url()).content.decode()
    assert f'href="{url}"' in detail  # a link, not a button that removes at once
    assert f'action="{url}"' not in detail
    page = text(debtor_client.get(url))
    assert "Retirer cet événement de la chronologie ?" in page
    assert "Appel du conseiller." in page
    assert "Oui, retirer cet événement" in page
    assert TimelineEvent.objects.filter(pk=call.pk).exists()
    response = debtor_client.post(url)
    assert response.status_code == 302
    assert not TimelineEvent.objects.filter(pk=call.pk).exists()
