import pytest
from django.core import mail
from django.test import Client

from accounts.models import User
from tests import factories
from tests.factories import coordinates

pytestmark = pytest.mark.django_db

GOOD = {
    "email": "nouvelle@example.org",
    "first_name": "Nina",
    "last_name": "Nouvelle",
    "password1": "un-mot-de-passe-solide",
    "password2": "un-mot-de-passe-solide",
}


def test_signup_creates_account_and_logs_in(client: Client) -> None:
    response = client.post("/compte/inscription/", GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/dossiers/"
    assert User.objects.get(email="nouvelle@example.org").first_name == "Nina"
    assert client.get("/dossiers/").status_code == 200


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez une adresse de courriel valide."),
        ({"password1": "123", "password2": "123"}, "Ce mot de passe est trop court."),
        (
            {"password1": "motdepasse", "password2": "motdepasse"},
            "Ce mot de passe est trop courant.",
        ),
        (
            {"password2": "autre-chose-encore"},
            "Les deux mots de passe ne correspondent pas.",
        ),
        ({"email": ""}, "Ce champ est obligatoire."),
    ],
    ids=["bad-email", "too-short", "too-common", "mismatch", "missing-email"],
)
def test_signup_errors_are_in_french_and_keep_input(
    client: Client, changes, message
) -> None:
    data = {**GOOD, **changes}
    response = client.post("/compte/inscription/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body.replace("&#x27;", "'")
    assert 'value="Nina"' in body
    assert not User.objects.filter(email=GOOD["email"]).exists()


def test_signup_refuses_duplicate_email_whatever_the_case(client: Client) -> None:
    factories.user("nouvelle@example.org")
    response = client.post(
        "/compte/inscription/", {**GOOD, "email": "Nouvelle@Example.org"}
    )
    assert (
        "Un compte existe déjà avec cette adresse e-mail" in response.content.decode()
    )
    assert User.objects.filter(email__iexact="nouvelle@example.org").count() == 1


def test_login_with_email_and_logout(client: Client) -> None:
    factories.user("sophie@example.org")
    response = client.post(
        "/connexion/",
        {"username": "sophie@example.org", "password": factories.PASSWORD},
    )
    assert response["Location"] == "/dossiers/"
    client.post("/deconnexion/")
    assert client.get("/dossiers/").status_code == 302


def test_wrong_password_shows_french_message(client: Client) -> None:
    factories.user("sophie@example.org")
    response = client.post(
        "/connexion/", {"username": "sophie@example.org", "password": "x"}
    )
    assert "Adresse e-mail ou mot de passe incorrect" in response.content.decode()


def test_login_locks_out_after_repeated_failures(client: Client, settings) -> None:
    factories.user("sophie@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/connexion/", {"username": "sophie@example.org", "password": "faux"}
        )
    locked = client.post(
        "/connexion/",
        {"username": "sophie@example.org", "password": factories.PASSWORD},
    )
    assert locked.status_code == 429
    assert "Trop de tentatives" in locked.content.decode()
    assert client.get("/dossiers/").status_code == 302


def test_password_reset_sends_french_email(client: Client) -> None:
    factories.user("sophie@example.org")
    response = client.post(
        "/compte/mot-de-passe/oublie/", {"email": "sophie@example.org"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "nouveau mot de passe" in mail.outbox[0].body
    assert "/compte/mot-de-passe/nouveau/" in mail.outbox[0].body


def test_password_change(debtor_client: Client, debtor: User) -> None:
    response = debtor_client.post(
        "/compte/mot-de-passe/",
        {
            "old_password": factories.PASSWORD,
            "new_password1": "encore-un-autre-secret",
            "new_password2": "encore-un-autre-secret",
        },
    )
    assert response.status_code == 302
    debtor.refresh_from_db()
    assert debtor.check_password("encore-un-autre-secret")


def test_profile_keeps_details_for_letters(debtor_client: Client, debtor: User) -> None:
    debtor_client.post("/compte/", coordinates())
    debtor.refresh_from_db()
    assert debtor.city == "Lyon"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postal_code", "ABCDE", "Le code postal s&#x27;écrit avec 5 chiffres."),
        ("phone", "abc<script>", "Indiquez un numéro de téléphone avec des chiffres"),
    ],
)
def test_profile_refuses_what_the_letters_could_not_print(
    debtor_client: Client, debtor: User, field: str, value: str, message: str
) -> None:
    """Same rules as « Mes coordonnées »: what the profile accepts, the
    questionnaire prefilled from it accepts too."""
    good = coordinates(phone="+33 6 12-34.56 78")
    assert debtor_client.post("/compte/", good).status_code == 302
    response = debtor_client.post("/compte/", {**good, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    debtor.refresh_from_db()
    assert getattr(debtor, field) == good[field]  # nothing saved is lost
