"""Names and addresses refuse control and direction-override characters
(issue 20 item 17): in the wizard, the profile, sign-up, the timeline and the
letter's personal paragraph; new lines stay allowed where a text has lines."""

import pytest
from django.test import Client

from accounts.models import User
from dossiers.fields import hidden_characters
from dossiers.models import Dossier, TimelineEvent
from letters.models import Letter
from tests.dossiers.wizard_data import post_data
from tests.security.objects import World

pytestmark = pytest.mark.django_db

RLO = "Sophie \u202eniloM"  # right-to-left override: prints « Sophie Molin »
HIDDEN = {
    "right-to-left override": RLO,
    "left-to-right isolate": "12 rue \u2066des Lilas\u2069",
    "zero-width space": "Mar\u200btin",
    "bell": "Lyon\x07",
    "escape": "Lyon\x1b[31m",
    "line separator": "Lyon\u2028Cedex",
    "null": "Lyon\x00",
}
MESSAGE = "caractère invisible ou de contrôle"


def text(response) -> str:
    return response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize("value", HIDDEN.values(), ids=HIDDEN.keys())
def test_the_detector_finds_them(value: str) -> None:
    assert hidden_characters(value)


def test_new_lines_tabs_accents_and_apostrophes_are_fine() -> None:
    assert hidden_characters("12, rue de l’Église\r\n\t69003 Lyon — Bât. B « 2 »") == []


@pytest.mark.parametrize(
    "field",
    ["first_name", "last_name", "address", "city"],
)
def test_wizard_coordonnees_refuse_them(field: str, debtor_client: Client) -> None:
    debtor_client.post("/dossiers/nouveau/courrier/", post_data("courrier"))
    dossier = Dossier.objects.latest("id")
    data = post_data("coordonnees", **{f"coordonnees-{field}": RLO})
    response = debtor_client.post(f"/dossiers/{dossier.pk}/modifier/coordonnees/", data)
    assert response.status_code == 200
    assert MESSAGE in text(response)
    dossier.refresh_from_db()
    assert "coordonnees" not in (dossier.answers or {})


@pytest.mark.parametrize(
    "field", ["agency_name", "agency_address", "creditor_name", "creditor_address"]
)
def test_wizard_courrier_refuses_them(field: str, debtor_client: Client) -> None:
    data = post_data(
        "courrier", **{f"courrier-{field}": HIDDEN["left-to-right isolate"]}
    )
    response = debtor_client.post("/dossiers/nouveau/courrier/", data)
    assert MESSAGE in text(response)


@pytest.mark.parametrize("field", ["first_name", "last_name", "address", "city"])
def test_profile_refuses_them(field: str, debtor_client: Client, debtor: User) -> None:
    good = {"first_name": "Sophie", "last_name": "Test", "address": "", "city": ""}
    response = debtor_client.post("/compte/", {**good, field: RLO})
    assert response.status_code == 200
    assert MESSAGE in text(response)
    debtor.refresh_from_db()
    assert RLO not in (debtor.first_name, debtor.last_name, debtor.address, debtor.city)


@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_signup_refuses_them(field: str) -> None:
    data = {
        "email": "nina@example.org",
        "first_name": "Nina",
        "last_name": "Test",
        "password1": "un-mot-de-passe-solide",
        "password2": "un-mot-de-passe-solide",
    }
    response = Client().post("/compte/inscription/", {**data, field: RLO})
    assert MESSAGE in text(response)
    assert not User.objects.exists()


@pytest.mark.parametrize("field", ["who", "content"])
def test_timeline_refuses_them(field: str, world_a: World, client_a: Client) -> None:
    before = TimelineEvent.objects.count()
    data = {"kind": "call", "occurred_on": "2026-01-02", field: RLO}
    response = client_a.post(
        f"/dossiers/{world_a.dossier.pk}/chronologie/ajouter/", data
    )
    assert MESSAGE in text(response)
    assert TimelineEvent.objects.count() == before


def test_letter_paragraph_refuses_them(world_a: World, client_a: Client) -> None:
    path = f"/dossiers/{world_a.dossier.pk}/lettres/{world_a.letter.kind}/"
    response = client_a.post(path, {"personal_text": RLO, "action": "save"})
    assert MESSAGE in text(response)
    assert Letter.objects.get(pk=world_a.letter.pk).personal_text == world_a.marker
