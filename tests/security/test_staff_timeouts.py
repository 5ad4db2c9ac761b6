"""Staff sessions: inactivity and absolute timeouts (ASVS 7.3.1, 7.3.2).

Volunteers, coordinators and operators read other people's dossiers: their
session ends after ``STAFF_IDLE_TIMEOUT`` without a request, after
``STAFF_SESSION_MAX_AGE`` whatever the activity, and with the browser. Debtors
keep the 12-hour session. Time is simulated by patching the middleware's clock.
"""

import html
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from accounts import middleware
from accounts.models import User
from associations import services as association_services
from associations.models import Advice, Association, Membership, Review
from dossiers.models import Dossier
from tests import factories
from tests.factories import PASSWORD, logged_in

pytestmark = pytest.mark.django_db

MINUTE = 60
HOUR = 3600
START = 1_800_000_000
ADMIN = "/admin/"
ADMIN_LOGIN = "/admin/login/"
IDLE_TEXT = (
    "Pour protéger les dossiers des personnes accompagnées, votre session s'est "
    "fermée après 30 minutes sans activité. Reconnectez-vous pour continuer."
)
MAX_AGE_TEXT = (
    "Pour protéger les dossiers des personnes accompagnées, votre session s'est "
    "fermée 8 heures après la connexion. Reconnectez-vous pour continuer."
)


@dataclass
class Clock:
    now: int = START

    def advance(self, seconds: int) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(middleware, "now", lambda: fake.now)
    return fake


@pytest.fixture
def association(db) -> Association:
    return Association.objects.create(name="Asso Délai", city="Nantes")


@pytest.fixture
def volunteer(association: Association) -> User:
    user = factories.user("vol.delai@example.org", first_name="Vera")
    association_services.membership_add(user=user, association=association)
    return user


@pytest.fixture
def shared_dossier(debtor: User, association: Association) -> Dossier:
    dossier = factories.dossier(owner=debtor)
    association_services.share_create(dossier=dossier, association=association)
    return dossier


def staff_user(kind: str, association: Association) -> User:
    if kind == "superuser":
        return User.objects.create_superuser("root.delai@example.org", PASSWORD)
    user = factories.user(f"{kind}.delai@example.org")
    role = Membership.Role.COORDINATOR if kind == "coordinator" else "volunteer"
    association_services.membership_add(user=user, association=association, role=role)
    return user


def session_key(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def stored(client: Client) -> dict:
    return SessionStore(session_key(client)).load()


def expects_login_with(response, next_path: str, text: str, client: Client) -> None:
    """Redirected where an anonymous visitor would be (the admin index names
    its own login page, other views use LOGIN_URL), the message shown there."""
    login = getattr(resolve(next_path).func, "login_url", None) or reverse("login")
    assert response.status_code == 302
    assert response["Location"] == f"{login}?next={quote(next_path)}"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert text in html.unescape(page.content.decode())


def session_writes(ctx: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"]
        for q in ctx.captured_queries
        if "django_session" in q["sql"]
        and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))
    ]


@pytest.mark.parametrize("kind", ["volunteer", "coordinator", "superuser"])
def test_idle_staff_is_logged_out_and_sent_to_login_with_a_message(
    clock: Clock, association: Association, kind: str
) -> None:
    client = logged_in(staff_user(kind, association))
    assert client.get(ADMIN).status_code == 200
    key = session_key(client)
    clock.advance(30 * MINUTE)
    response = client.get(ADMIN)
    expects_login_with(response, ADMIN, IDLE_TEXT, client)
    assert response["Location"] == "/admin/login/?next=/admin/"
    assert not SessionStore().exists(key)  # flushed server-side
    assert "_auth_user_id" not in client.session
    assert client.get(ADMIN)["Location"].startswith(ADMIN_LOGIN)


def test_the_message_gives_the_configured_number_of_minutes(
    clock: Clock, volunteer: User, settings
) -> None:
    settings.STAFF_IDLE_TIMEOUT = 10 * MINUTE
    client = logged_in(volunteer)
    clock.advance(10 * MINUTE + 1)
    response = client.get(ADMIN)
    expects_login_with(
        response, ADMIN, IDLE_TEXT.replace("30 minutes", "10 minutes"), client
    )


def test_activity_within_the_timeout_keeps_the_session(
    clock: Clock, volunteer: User
) -> None:
    client = logged_in(volunteer)
    for _ in range(6):  # 2.5 hours, one request every 25 minutes
        clock.advance(25 * MINUTE)
        assert client.get(ADMIN).status_code == 200
    assert client.get(reverse("dossiers:list")).status_code == 200
    assert stored(client)[middleware.SEEN_AT] == START + 150 * MINUTE


def test_the_activity_stamp_is_written_at_most_once_a_minute(
    clock: Clock, volunteer: User
) -> None:
    client = logged_in(volunteer)
    assert stored(client)[middleware.SEEN_AT] == START
    for _ in range(3):
        clock.advance(19)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(ADMIN).status_code == 200
        assert session_writes(ctx) == []
    assert stored(client)[middleware.SEEN_AT] == START
    clock.advance(MINUTE - 3 * 19)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(ADMIN).status_code == 200
    assert len(session_writes(ctx)) == 1
    assert stored(client)[middleware.SEEN_AT] == START + MINUTE
    assert stored(client)[middleware.LOGIN_AT] == START


def test_the_absolute_lifetime_ends_the_session_even_with_activity(
    clock: Clock, volunteer: User
) -> None:
    client = logged_in(volunteer)
    for _ in range(8 * 3 - 1):  # a request every 20 minutes for 7 h 40
        clock.advance(20 * MINUTE)
        assert client.get(ADMIN).status_code == 200
    clock.advance(20 * MINUTE)  # 8 hours after login
    response = client.get(ADMIN)
    expects_login_with(response, ADMIN, MAX_AGE_TEXT, client)
    assert "_auth_user_id" not in client.session


def test_a_debtor_idle_for_hours_keeps_her_session(
    clock: Clock, debtor_client: Client
) -> None:
    dossiers = reverse("dossiers:list")
    assert debtor_client.get(dossiers).status_code == 200
    clock.advance(11 * HOUR)
    assert debtor_client.get(dossiers).status_code == 200
    data = stored(debtor_client)
    assert middleware.LOGIN_AT not in data
    assert middleware.SEEN_AT not in data


def test_a_debtor_request_costs_no_extra_query(debtor_client: Client) -> None:
    """Session and user, loaded by LoginRequiredMiddleware, nothing more."""
    with CaptureQueriesContext(connection) as ctx:
        debtor_client.get(reverse("accounts:profile"))
    assert sum("django_session" in q["sql"] for q in ctx.captured_queries) == 1
    assert session_writes(ctx) == []


@pytest.mark.parametrize("login_path", ["/connexion/", "/admin/login/"])
def test_the_staff_cookie_ends_with_the_browser_the_debtors_does_not(
    volunteer: User, debtor: User, login_path: str
) -> None:
    staff = Client()
    response = staff.post(
        login_path, {"username": volunteer.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    assert cookie["httponly"]
    assert staff.get(ADMIN).status_code == 200

    person = Client()
    response = person.post(
        reverse("login"), {"username": debtor.email, "password": PASSWORD}
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE
    assert cookie["expires"]


def test_an_expired_volunteer_posting_the_change_form_saves_nothing(
    clock: Clock, volunteer: User, shared_dossier: Dossier
) -> None:
    client = logged_in(volunteer)
    url = f"/admin/dossiers/dossier/{shared_dossier.pk}/change/"
    assert client.get(url).status_code == 200
    review = Review.objects.get(dossier=shared_dossier)
    data = {
        "reviews-TOTAL_FORMS": "1",
        "reviews-INITIAL_FORMS": "1",
        "reviews-0-id": str(review.pk),
        "reviews-0-dossier": str(shared_dossier.pk),
        "reviews-0-status": "en_cours",
        "reviews-0-assigned_to": str(volunteer.pk),
        "advice-TOTAL_FORMS": "1",
        "advice-INITIAL_FORMS": "0",
        "advice-0-text": "Ne payez pas.",
        "advice-0-dossier": str(shared_dossier.pk),
        "internal_notes-TOTAL_FORMS": "0",
        "internal_notes-INITIAL_FORMS": "0",
    }
    clock.advance(45 * MINUTE)
    response = client.post(url, data)
    expects_login_with(response, url, IDLE_TEXT, client)
    assert response["Location"].startswith("/connexion/?next=")
    assert not Advice.objects.exists()
    review.refresh_from_db()
    assert (review.status, review.assigned_to) != ("en_cours", volunteer)
    # Control: the same POST by an active volunteer is saved.
    active = logged_in(volunteer)
    assert active.post(url, data).status_code == 302
    assert Advice.objects.get().text == "Ne payez pas."


def test_healthz_runs_no_query_with_a_staff_session_cookie(
    volunteer: User, django_assert_num_queries
) -> None:
    client = logged_in(volunteer)
    assert settings.SESSION_COOKIE_NAME in client.cookies
    with django_assert_num_queries(0):
        assert client.get("/healthz").content == b"ok"


def test_a_session_opened_before_becoming_staff_gets_the_staff_clocks(
    clock: Clock, debtor: User, association: Association
) -> None:
    """An invitation accepted while logged in: the clocks start at once."""
    client = logged_in(debtor)
    association_services.membership_add(user=debtor, association=association)
    response = client.get(ADMIN)
    assert response.status_code == 200
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""  # now a browser-session cookie
    assert stored(client)[middleware.LOGIN_AT] == START
    clock.advance(30 * MINUTE)
    expects_login_with(client.get(ADMIN), ADMIN, IDLE_TEXT, client)


def test_the_settings_have_safe_defaults() -> None:
    assert settings.STAFF_IDLE_TIMEOUT == 30 * MINUTE
    assert settings.STAFF_SESSION_MAX_AGE == 8 * HOUR
    assert settings.STAFF_SESSION_MAX_AGE <= settings.SESSION_COOKIE_AGE


def test_an_expired_staff_member_is_shown_logged_out_on_public_pages(
    clock: Clock, volunteer: User
) -> None:
    """The landing page (public) shows who is logged in: an expired staff
    session ends there too, with the same message, instead of lingering
    until the next protected page."""
    client = logged_in(volunteer)
    assert "Se déconnecter" in client.get("/").content.decode()
    key = session_key(client)
    clock.advance(30 * MINUTE)
    response = client.get("/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Se déconnecter" not in page
    assert not SessionStore().exists(key)
    assert "_auth_user_id" not in client.session
    assert IDLE_TEXT in page  # the header reads the user before the messages


def test_a_public_page_within_the_timeout_keeps_the_staff_session(
    clock: Clock, volunteer: User
) -> None:
    client = logged_in(volunteer)
    clock.advance(29 * MINUTE)
    assert "Se déconnecter" in client.get("/").content.decode()
    clock.advance(29 * MINUTE)  # the public page counted as activity
    assert client.get(ADMIN).status_code == 200
