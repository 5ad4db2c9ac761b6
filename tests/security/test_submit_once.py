"""Double submits create nothing twice (issue 20 item 9).

The creating forms carry a one-time token (``{% submit_once_field %}``); the
views carry out a (token, content) pair once (``intrum_assistant.once``).
The browser side (buttons disabled after the first click) is in
``tests/e2e/test_submit_once.py``.
"""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from dossiers import services
from dossiers.models import Dossier, TimelineEvent
from intrum_assistant.models import SubmitReceipt
from intrum_assistant.once import FIELD
from letters.models import LetterVersion
from tests.dossiers.wizard_data import post_data
from tests.security.objects import World

pytestmark = pytest.mark.django_db

TOKEN = "Tok3n-of-one-form-display"
ALREADY = "Cette demande avait déjà été envoyée"


def event_data(**changes: str) -> dict[str, str]:
    return {
        "kind": "call",
        "occurred_on": "2026-01-02",
        "who": "Agence",
        "content": "Appel de relance",
        FIELD: TOKEN,
        **changes,
    }


def add_event(client: Client, world: World, **changes: str):
    path = reverse("dossiers:timeline_add", args=[world.dossier.pk])
    return client.post(path, event_data(**changes), follow=True)


def events(world: World) -> int:
    return TimelineEvent.objects.filter(dossier=world.dossier).count()


# -- the pages carry the token and the script ------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/dossiers/{id}/chronologie/ajouter/",
        "/dossiers/{id}/lettres/prescription/",
        "/dossiers/nouveau/courrier/",
        "/dossiers/{id}/modifier/montants/",
    ],
)
def test_creating_forms_carry_a_fresh_token_and_the_script(
    path: str, world_a: World, client_a: Client
) -> None:
    url = path.format(id=world_a.dossier.pk)
    first, second = (
        client_a.get(url).content.decode(),
        client_a.get(url).content.decode(),
    )
    assert f'name="{FIELD}"' in first
    assert "js/submit-once.js" in first
    token = first.split(f'name="{FIELD}" value="', 1)[1].split('"', 1)[0]
    assert len(token) >= 16
    assert token not in second  # a new token at each display


def test_signup_form_carries_a_token() -> None:
    assert f'name="{FIELD}"' in Client().get("/compte/inscription/").content.decode()


# -- timeline -----------------------------------------------------------------------


def test_a_double_submit_adds_one_event(world_a: World, client_a: Client) -> None:
    before = events(world_a)
    first = add_event(client_a, world_a)
    second = add_event(client_a, world_a)
    assert events(world_a) == before + 1
    assert second.redirect_chain[-1][0] == world_a.dossier.get_absolute_url()
    assert ALREADY in second.content.decode().replace("&#x27;", "'")
    assert ALREADY not in first.content.decode().replace("&#x27;", "'")


def test_the_same_form_sent_again_after_a_change_is_a_new_event(
    world_a: World, client_a: Client
) -> None:
    before = events(world_a)
    add_event(client_a, world_a)
    add_event(client_a, world_a, content="Appel de relance, le second")
    assert events(world_a) == before + 2


def test_two_identical_events_from_two_displays_are_both_kept(
    world_a: World, client_a: Client
) -> None:
    """Two calls noted with the same words: two real events."""
    before = events(world_a)
    add_event(client_a, world_a)
    add_event(client_a, world_a, **{FIELD: "another-display-token-2"})
    assert events(world_a) == before + 2


def test_a_post_without_token_is_carried_out(world_a: World, client_a: Client) -> None:
    before = events(world_a)
    add_event(client_a, world_a, **{FIELD: ""})
    add_event(client_a, world_a, **{FIELD: ""})
    assert events(world_a) == before + 2


def test_a_refused_write_leaves_no_receipt(
    world_a: World, client_a: Client, monkeypatch
) -> None:
    """A refusal (here: the timeline is full) can be sent again once fixed."""

    def full(**kwargs):
        raise services.TimelineFull

    original = services.timeline_add
    monkeypatch.setattr(services, "timeline_add", full)
    before = events(world_a)
    add_event(client_a, world_a)
    assert events(world_a) == before
    assert not SubmitReceipt.objects.exists()
    monkeypatch.setattr(services, "timeline_add", original)
    add_event(client_a, world_a)
    assert events(world_a) == before + 1


def test_the_token_is_per_user(
    world_a: World, world_b: World, client_b: Client
) -> None:
    before = events(world_b)
    add_event(client_b, world_b)
    assert events(world_b) == before + 1


def test_a_double_click_on_generate_makes_one_version(
    world_a: World, client_a: Client
) -> None:
    path = reverse("letters:page", args=[world_a.dossier.pk, world_a.letter.kind])
    data = {"personal_text": "", "action": "generate", FIELD: TOKEN}
    before = LetterVersion.objects.filter(letter=world_a.letter).count()
    client_a.post(path, data)
    second = client_a.post(path, data, follow=True)
    assert LetterVersion.objects.filter(letter=world_a.letter).count() == before + 1
    assert ALREADY in second.content.decode().replace("&#x27;", "'")
    client_a.post(path, {**data, FIELD: "a-new-display-token-3"})
    assert LetterVersion.objects.filter(letter=world_a.letter).count() == before + 2


# -- sign-up -------------------------------------------------------------------------


def test_a_double_click_on_sign_up_makes_one_account_and_logs_in() -> None:
    data = {
        "email": "double@example.org",
        "first_name": "Nina",
        "last_name": "Double",
        "password1": "un-mot-de-passe-solide",
        "password2": "un-mot-de-passe-solide",
        FIELD: TOKEN,
    }
    Client().post("/compte/inscription/", data)
    browser = Client()  # the second click: the first response never arrived
    response = browser.post("/compte/inscription/", data)
    assert response["Location"] == "/dossiers/"
    assert User.objects.filter(email="double@example.org").count() == 1
    assert browser.get("/dossiers/").status_code == 200


# -- the new dossier (wizard's first step), wired by the wizard's owner ------------


def test_a_double_submit_of_the_first_step_creates_one_dossier(
    debtor: User, debtor_client: Client
) -> None:
    data = {**post_data("courrier"), FIELD: TOKEN}
    first = debtor_client.post("/dossiers/nouveau/courrier/", data)
    second = debtor_client.post("/dossiers/nouveau/courrier/", data)
    assert Dossier.objects.filter(owner=debtor).count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]  # the same dossier's next step
