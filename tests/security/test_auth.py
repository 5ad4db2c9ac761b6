"""Log-in lock-out, admin entry and the volunteers' admin scoping (gaps only).

tests/accounts covers the basic lock-out; tests/associations the dossier
change page for another association. Here: e-mail case and space variants,
the admin login form, a debtor with the right password at /admin/, and every
admin URL of every model for another association's volunteer.
"""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from associations import services as association_services
from associations.models import AccessLog, Association, Membership
from tests import factories
from tests.factories import PASSWORD, logged_in
from tests.security.objects import World

pytestmark = pytest.mark.django_db

EMAIL = "sophie.lock@example.org"
VARIANTS = [
    "Sophie.Lock@example.org",
    "SOPHIE.LOCK@EXAMPLE.ORG",
    " sophie.lock@example.org ",
    "sophie.lock@Example.Org",
    "sophie.lock@example.org",
]


def fail_login(client: Client, path: str, username: str) -> None:
    client.post(path, {"username": username, "password": "mauvais-mot-de-passe"})


def assert_locked(client: Client, path: str, username: str = EMAIL) -> None:
    response = client.post(path, {"username": username, "password": PASSWORD})
    assert response.status_code == 429, path
    assert "_auth_user_id" not in client.session


def test_case_and_space_variants_share_one_counter(settings) -> None:
    factories.user(EMAIL)
    client = Client()
    for i in range(settings.AXES_FAILURE_LIMIT):
        fail_login(client, reverse("login"), VARIANTS[i % len(VARIANTS)])
    assert_locked(client, reverse("login"))
    assert_locked(Client(), reverse("login"), "SOPHIE.LOCK@example.org")


def test_admin_login_locks_out_too(settings) -> None:
    staff = factories.user(EMAIL)
    staff.is_staff = True
    staff.save()
    client = Client()
    for i in range(settings.AXES_FAILURE_LIMIT):
        fail_login(client, "/admin/login/", VARIANTS[i % len(VARIANTS)])
    assert_locked(client, "/admin/login/")
    assert_locked(client, reverse("login"))  # one counter for both forms
    assert client.get("/admin/").status_code == 302


def test_front_lockout_also_closes_the_admin_login(settings) -> None:
    staff = factories.user(EMAIL)
    staff.is_staff = True
    staff.save()
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        fail_login(client, reverse("login"), EMAIL)
    assert_locked(client, "/admin/login/")


def test_unknown_account_is_locked_the_same_way(settings) -> None:
    """No enumeration: a non-existent e-mail behaves like an existing one."""
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        fail_login(client, reverse("login"), "personne@example.org")
    response = client.post(
        reverse("login"), {"username": "personne@example.org", "password": "x"}
    )
    assert response.status_code == 429


def test_debtor_with_the_right_password_cannot_enter_admin(world_a: World) -> None:
    client = Client()
    response = client.post(
        "/admin/login/", {"username": world_a.user.email, "password": PASSWORD}
    )
    assert response.status_code == 200  # the form again, with an error
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/dossiers/dossier/").status_code == 302


def test_logged_in_debtor_gets_no_admin_page(client_a: Client) -> None:
    for path in ("/admin/", "/admin/dossiers/dossier/", "/admin/accounts/user/"):
        response = client_a.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/login/"), path


# -- another association's volunteer, on every admin URL -------------------------


@pytest.fixture
def volunteer_b(db) -> Client:
    user = factories.user("vol.other@example.org")
    association_services.membership_add(
        user=user, association=Association.objects.create(name="Autre asso")
    )
    return logged_in(user)


@pytest.fixture
def coordinator_b(db) -> Client:
    user = factories.user("coord.other@example.org")
    association_services.membership_add(
        user=user,
        association=Association.objects.create(name="Autre asso coord"),
        role=Membership.Role.COORDINATOR,
    )
    return logged_in(user)


def targets(world: World) -> list[object]:
    """A's objects that have an admin: dossier, association, membership, log, user."""
    volunteer = factories.user("vol.a.secu@example.org")
    membership = association_services.membership_add(
        user=volunteer, association=world.association
    )
    log = association_services.access_log_record(
        user=volunteer, dossier=world.dossier, path="/admin/"
    )
    objs = [world.dossier, world.association, membership, log, world.user]
    return [o for o in objs if type(o) in admin.site._registry]


@pytest.mark.parametrize("who", ["volunteer_b", "coordinator_b"])
def test_other_association_reaches_none_of_a_s_objects_in_admin(
    who: str, world_a: World, request: pytest.FixtureRequest
) -> None:
    client = request.getfixturevalue(who)
    objs = targets(world_a)
    assert len(objs) >= 4
    for obj in objs:
        meta = obj._meta
        for view in ("change", "history", "delete"):
            path = reverse(
                f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk]
            )
            get = client.get(path)
            assert get.status_code in (302, 403, 404), (path, get.status_code)
            assert world_a.marker not in get.content.decode(), path
            post = client.post(path, {"post": "yes", "text": "pwned"})
            assert post.status_code in (302, 403, 404), (path, post.status_code)
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        page = client.get(changelist)
        assert world_a.marker not in page.content.decode(), changelist
    assert all(world_a.exists().values()), world_a.exists()
    assert AccessLog.objects.filter(dossier=world_a.dossier).count() == 1
