"""The registered-mail number (issue 19, item 10): an impossible character is
refused beside the field; a number that does not look like La Poste's is kept,
with a warning to check it (the date of sending, which drives the deadlines,
is never lost over the shape of a number)."""

import html

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Dossier
from letters import services
from letters.catalog import LETTERS
from letters.forms import NUMBER_WARNING, registered_number_plausible
from letters.models import Letter

TODAY = timezone.localdate()


@pytest.mark.parametrize(
    "number",
    ["1A 234 567 8901 2", "1a23456789012", "1K-002-345-6789-0", "RR 123 456 785 FR"],
)
def test_la_poste_numbers_are_plausible(number: str) -> None:
    assert registered_number_plausible(number)


@pytest.mark.parametrize(
    "number", ["1A2", "1A 234 567 8901", "1A 234 567 8901 23", "12345678901234", "ABC"]
)
def test_other_shapes_are_not(number: str) -> None:
    assert not registered_number_plausible(number)


def sent(client: Client, dossier: Dossier, number: str) -> object:
    url = reverse("letters:sent", args=[dossier.pk, "prescription"])
    return client.post(
        url, {"sent_on": TODAY.isoformat(), "registered_number": number}, follow=True
    )


@pytest.fixture
def generated(barred_dossier: Dossier) -> Dossier:
    letter = services.letter_get_or_create(dossier=barred_dossier, kind="prescription")
    services.letter_generate(letter=letter, spec=LETTERS["prescription"])
    return barred_dossier


def test_an_unusual_number_is_kept_with_a_warning(
    generated: Dossier, debtor_client: Client
) -> None:
    page = html.unescape(sent(debtor_client, generated, "1A 234 567").content.decode())
    assert "Envoi enregistré." in page
    assert NUMBER_WARNING in page
    letter = Letter.objects.get()
    assert (letter.sent_on, letter.registered_number) == (TODAY, "1A 234 567")


def test_a_la_poste_number_gets_no_warning(
    generated: Dossier, debtor_client: Client
) -> None:
    page = html.unescape(
        sent(debtor_client, generated, "1A 234 567 8901 2").content.decode()
    )
    assert "Envoi enregistré." in page
    assert "ne ressemble pas" not in page


def test_an_impossible_character_is_refused_in_french(
    generated: Dossier, debtor_client: Client
) -> None:
    response = sent(debtor_client, generated, "1A/234<567>")
    page = html.unescape(response.content.decode())
    assert (
        "Utilisez seulement des lettres, des chiffres, des espaces ou des tirets."
        in page
    )
    assert Letter.objects.get().sent_on is None
