"""One normalisation of e-mail addresses (issue 19 item 1, issue 20 item 8).

Login ignores the address's case; an address with an invisible character is
the same address; what is still unusual after NFKC is refused, at sign-up,
login, password reset and in the admin's user form.
"""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.emails import normalize_email
from accounts.models import User
from tests import factories
from tests.factories import PASSWORD, logged_in

pytestmark = pytest.mark.django_db

SOPHIE = "sophie.durand@example.net"
SIGNUP = {
    "first_name": "Sophie",
    "last_name": "Durand",
    "password1": "un-mot-de-passe-solide",
    "password2": "un-mot-de-passe-solide",
}
ZERO_WIDTH = "sophie.du\u200brand@example.net"
LOOK_ALIKES = {
    "zero-width space": ZERO_WIDTH,
    "zero-width joiner": "sophie.durand\u200d@example.net",
    "byte-order mark": "\ufeffsophie.durand@example.net",
    "soft hyphen": "sophie.\u00addurand@example.net",
    "right-to-left mark": "sophie.durand@example.net\u200f",
    "control character": "sophie.durand\x07@example.net",
    "full-width letters": "ｓｏｐｈｉｅ.durand@example.net",
    "non-breaking space around": "\u00a0Sophie.Durand@Example.net\u00a0",
}
UNUSUAL = {
    "cyrillic a": "sophie.dur\u0430nd@example.net",
    "greek omicron": "s\u03bfphie.durand@example.net",
    "accented": "sophie.durand@exemple-é.net",
    "hangul filler": "sophie.durand\u3164@example.net",
}


@pytest.mark.parametrize("raw", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_normalisation_gives_the_real_address(raw: str) -> None:
    assert normalize_email(raw) == SOPHIE


@pytest.mark.parametrize(
    "typed",
    [
        "Sophie.Durand@example.net",
        "Sophie.Durand@EXAMPLE.NET",
        "SOPHIE.DURAND@EXAMPLE.NET",
    ],
)
def test_login_ignores_the_case_of_the_address(typed: str) -> None:
    factories.user(SOPHIE)
    client = Client()
    response = client.post(reverse("login"), {"username": typed, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:300]
    assert response["Location"] == reverse("dossiers:list")


@pytest.mark.parametrize("raw", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_login_with_a_look_alike_reaches_the_real_account(raw: str) -> None:
    user = factories.user(SOPHIE)
    client = Client()
    client.post(reverse("login"), {"username": raw, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_failures_in_any_case_count_for_one_lower_cased_address(settings) -> None:
    factories.user(SOPHIE)
    client = Client()
    typed = ["Sophie.Durand@example.net", "SOPHIE.DURAND@EXAMPLE.NET", ZERO_WIDTH]
    for i in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"), {"username": typed[i % 3], "password": "mauvais-mdp"}
        )
    locked = client.post(reverse("login"), {"username": SOPHIE, "password": PASSWORD})
    assert locked.status_code == 429


@pytest.mark.parametrize("raw", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_signup_with_a_look_alike_creates_no_second_account(raw: str) -> None:
    factories.user(SOPHIE)
    response = Client().post(reverse("accounts:signup"), {**SIGNUP, "email": raw})
    assert "Un compte existe déjà" in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.parametrize("raw", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_signup_stores_the_normalised_address(raw: str) -> None:
    response = Client().post(reverse("accounts:signup"), {**SIGNUP, "email": raw})
    assert response.status_code == 302
    assert list(User.objects.values_list("email", flat=True)) == [SOPHIE]


@pytest.mark.parametrize("raw", UNUSUAL.values(), ids=UNUSUAL.keys())
def test_signup_refuses_an_unusual_address_beside_the_field(raw: str) -> None:
    response = Client().post(reverse("accounts:signup"), {**SIGNUP, "email": raw})
    body = response.content.decode()
    assert response.status_code == 200
    assert "lettre accentuée ou d&#x27;un autre alphabet" in body
    assert not User.objects.exists()


@pytest.mark.parametrize("raw", [*LOOK_ALIKES.values(), "Sophie.Durand@EXAMPLE.NET"])
def test_password_reset_with_a_variant_reaches_the_account(raw: str) -> None:
    factories.user(SOPHIE)
    response = Client().post(reverse("accounts:password_reset"), {"email": raw})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[SOPHIE]]


def test_admin_user_form_normalises_and_refuses_look_alikes() -> None:
    admin_user = User.objects.create_superuser(email="root@example.org", password="x")
    sophie = factories.user("autre@example.org")
    client = logged_in(admin_user)
    path = reverse("admin:accounts_user_change", args=[sophie.pk])
    form = {
        "email": "",
        "first_name": "",
        "last_name": "",
        "phone": "",
        "address": "",
        "postal_code": "",
        "city": "",
        "is_active": "on",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    refused = client.post(path, {**form, "email": UNUSUAL["cyrillic a"]})
    assert refused.status_code == 200
    assert "un autre alphabet" in refused.content.decode().replace("&#x27;", "'")
    client.post(path, {**form, "email": ZERO_WIDTH.upper()})
    sophie.refresh_from_db()
    assert sophie.email == SOPHIE


def test_invitation_to_a_variant_is_accepted_by_the_account() -> None:
    from associations import services as association_services
    from associations.models import Association, Membership

    volunteer = factories.user(SOPHIE)
    invitation, token = association_services.invitation_create(
        association=Association.objects.create(name="Asso"),
        email=ZERO_WIDTH.upper(),
        role=Membership.Role.VOLUNTEER,
        created_by=None,
        base_url="http://testserver",
    )
    assert invitation.email == SOPHIE
    client = logged_in(volunteer)
    response = client.post(reverse("associations:invitation", args=[token]))
    assert response.status_code == 302
    assert Membership.objects.filter(user=volunteer).exists()
