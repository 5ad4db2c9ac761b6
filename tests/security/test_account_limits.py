"""Sign-up and password reset: throttles, links from SITE_URL, and what a new
password revokes (issue 20 items 7, 12 and 17)."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import throttle
from accounts.models import RateLimitHit, User
from dossiers import services as dossier_services
from dossiers.models import CalendarToken
from tests import factories
from tests.factories import PASSWORD, logged_in

pytestmark = pytest.mark.django_db

SIGNUP = "/compte/inscription/"
RESET = "/compte/mot-de-passe/oublie/"


def signup(client: Client, email: str, ip: str = "203.0.113.5"):
    data = {
        "email": email,
        "first_name": "Nina",
        "last_name": "Test",
        "password1": "un-mot-de-passe-solide",
        "password2": "un-mot-de-passe-solide",
    }
    return client.post(SIGNUP, data, REMOTE_ADDR=ip)


# -- sign-up: enumeration is throttled per IP -----------------------------------


def test_signup_is_throttled_per_ip_whatever_the_answer() -> None:
    """15 addresses probed from one IP: only the first 10 get an answer."""
    for i in range(5):
        factories.user(f"existe{i}@example.org")
    probes = [f"existe{i}@example.org" for i in range(5)]
    probes += [f"inconnu{i}@example.org" for i in range(10)]
    statuses = [signup(Client(), email).status_code for email in probes]
    limit = throttle.SIGNUP_PER_IP.count
    assert 429 not in statuses[:limit]
    assert statuses[limit:] == [429] * (len(probes) - limit)
    refused = signup(Client(), "existe0@example.org")
    body = refused.content.decode()
    assert "Trop de comptes demandés depuis cette connexion" in body
    assert "Un compte existe déjà" not in body  # nothing revealed any more
    assert 'value="existe0@example.org"' in body  # what she typed stays
    assert User.objects.count() == 5 + (limit - 5)


def test_signup_throttle_is_per_ip() -> None:
    for i in range(throttle.SIGNUP_PER_IP.count):
        signup(Client(), f"n{i}@example.org", ip="203.0.113.5")
    assert signup(Client(), "autre@example.org", ip="198.51.100.5").status_code == 302


def test_throttle_rows_name_nobody_in_clear() -> None:
    signup(Client(), "secret.person@example.org", ip="203.0.113.99")
    Client().post(
        RESET, {"email": "secret.person@example.org"}, REMOTE_ADDR="203.0.113.99"
    )
    stored = " ".join(f"{r.scope} {r.key}" for r in RateLimitHit.objects.all())
    assert RateLimitHit.objects.count() == 3
    assert "secret.person" not in stored
    assert "203.0.113.99" not in stored


# -- password reset: throttled per address and per IP ---------------------------


def test_reset_emails_are_capped_per_address_silently() -> None:
    factories.user("sophie@example.org")
    responses = [
        Client().post(
            RESET, {"email": "Sophie@example.org"}, REMOTE_ADDR=f"192.0.2.{i}"
        )
        for i in range(1, 9)
    ]
    assert {r.status_code for r in responses} == {302}  # the same answer...
    assert len(mail.outbox) == throttle.RESET_PER_EMAIL.count  # ... fewer e-mails


def test_reset_requests_are_capped_per_ip() -> None:
    factories.user("sophie@example.org")
    statuses = [
        Client()
        .post(RESET, {"email": f"p{i}@example.org"}, REMOTE_ADDR="203.0.113.6")
        .status_code
        for i in range(25)
    ]
    limit = throttle.RESET_PER_IP.count
    assert statuses[:limit] == [302] * limit
    assert statuses[limit:] == [429] * (25 - limit)
    refused = Client().post(
        RESET, {"email": "sophie@example.org"}, REMOTE_ADDR="203.0.113.6"
    )
    assert "Trop de demandes de nouveau mot de passe" in refused.content.decode()
    assert mail.outbox == []


def test_reset_link_is_built_from_site_url_not_the_host_header(settings) -> None:
    settings.SITE_URL = "https://recouvrement.example.fr"
    settings.ALLOWED_HOSTS = ["evil.example.com", "recouvrement.example.fr"]
    factories.user("sophie@example.org")
    Client().post(RESET, {"email": "sophie@example.org"}, HTTP_HOST="evil.example.com")
    body = mail.outbox[0].body
    assert "https://recouvrement.example.fr/compte/mot-de-passe/nouveau/" in body
    assert "evil.example.com" not in body


# -- a new password revokes the calendar link -----------------------------------


@pytest.fixture
def sophie_with_calendar() -> User:
    sophie = factories.user("sophie@example.org")
    dossier_services.calendar_token_create(user=sophie)
    return sophie


def test_password_change_revokes_the_calendar_link(sophie_with_calendar) -> None:
    client = logged_in(sophie_with_calendar)
    response = client.post(
        "/compte/mot-de-passe/",
        {
            "old_password": PASSWORD,
            "new_password1": "encore-un-autre-secret",
            "new_password2": "encore-un-autre-secret",
        },
        follow=True,
    )
    assert not CalendarToken.objects.filter(user=sophie_with_calendar).exists()
    assert "Votre lien de calendrier a été désactivé" in response.content.decode()


def test_password_reset_revokes_the_calendar_link(sophie_with_calendar) -> None:
    client = Client()
    client.post(RESET, {"email": "sophie@example.org"})
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/nouveau/" in line
    )
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "encore-un-autre-secret",
            "new_password2": "encore-un-autre-secret",
        },
    )
    sophie_with_calendar.refresh_from_db()
    assert sophie_with_calendar.check_password("encore-un-autre-secret")
    assert not CalendarToken.objects.filter(user=sophie_with_calendar).exists()


def test_admin_password_change_revokes_the_calendar_link(sophie_with_calendar) -> None:
    root = User.objects.create_superuser(email="root@example.org", password="x")
    client = logged_in(root)
    path = reverse("admin:auth_user_password_change", args=[sophie_with_calendar.pk])
    response = client.post(
        path,
        {"password1": "encore-un-autre-secret", "password2": "encore-un-autre-secret"},
    )
    assert response.status_code == 302
    assert not CalendarToken.objects.filter(user=sophie_with_calendar).exists()
