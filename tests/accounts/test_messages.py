"""What the account pages say after a save or a log-out (issue 19, item 14)."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import coordinates

pytestmark = pytest.mark.django_db

DETAILS = coordinates(last_name="Test")


def save_profile(client: Client, **changes: str) -> str:
    response = client.post(reverse("accounts:profile"), {**DETAILS, **changes})
    assert response.status_code == 302
    return html.unescape(client.get(response.url).content.decode())


@pytest.fixture
def with_details(debtor: User) -> User:
    for name, value in DETAILS.items():
        setattr(debtor, name, value)
    debtor.save()
    return debtor


def test_ticking_the_reminders_says_so_not_details_saved(
    with_details: User, debtor_client: Client
) -> None:
    page = save_profile(debtor_client, reminders_opt_in="on")
    assert "C'est noté : vous serez prévenu(e) par e-mail." in page
    assert "Vos coordonnées sont enregistrées" not in page
    page = save_profile(debtor_client)  # unticked
    assert "vous ne recevrez plus d'e-mails de rappel ni de conseil" in page


def test_details_and_reminders_together(
    with_details: User, debtor_client: Client
) -> None:
    page = save_profile(debtor_client, city="Villeurbanne", reminders_opt_in="on")
    assert (
        "Vos coordonnées sont enregistrées. C'est noté : vous serez prévenu(e) "
        "par e-mail." in page
    )


def test_details_only_and_nothing_changed(
    with_details: User, debtor_client: Client
) -> None:
    assert "Vos coordonnées sont enregistrées." in save_profile(
        debtor_client, city="Villeurbanne"
    )
    assert "Rien n'a changé" in save_profile(debtor_client, city="Villeurbanne")


def test_the_checkbox_says_what_the_e_mails_contain(debtor_client: Client) -> None:
    page = html.unescape(
        debtor_client.get(reverse("accounts:profile")).content.decode()
    )
    assert "rappels d'échéance, et conseils reçus d'une association" in page
    assert "Ces e-mails ne disent rien de votre dette" in page


def test_logging_out_says_so(debtor_client: Client) -> None:
    response = debtor_client.post(reverse("logout"), follow=True)
    page = html.unescape(response.content.decode())
    assert response.redirect_chain[-1][0] == reverse("landing")
    assert "Vous êtes déconnecté(e)." in page
    assert "Se connecter" in page
