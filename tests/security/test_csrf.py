"""CSRF is enforced on every POST of every URL (ASVS 3.5.1).

The test client skips CSRF checks by default; ``enforce_csrf_checks=True``
restores the browser's situation. No view of the project is ``csrf_exempt``.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, logged_in
from tests.security import objects
from tests.security.objects import World
from tests.security.urls import project_routes

pytestmark = pytest.mark.django_db

ALL = sorted({route.name for route in project_routes()})
ADMIN_POSTS = ["/admin/login/", "/admin/logout/", "/admin/dossiers/dossier/"]


def _url(name: str, world: World) -> str:
    return reverse(name, kwargs=objects.kwargs_for(name, world))


@pytest.mark.parametrize("name", ALL)
def test_post_without_token_is_403_for_the_owner(name: str, world_a: World) -> None:
    client = logged_in(world_a.user, enforce_csrf_checks=True)
    response = client.post(_url(name, world_a), {"personal_text": "x"})
    assert response.status_code == 403, name
    assert all(world_a.exists().values()), world_a.exists()


@pytest.mark.parametrize("name", sorted(objects.PUBLIC_URLS))
def test_post_without_token_is_403_for_anonymous(name: str, world_a: World) -> None:
    client = Client(enforce_csrf_checks=True)
    data = {"username": world_a.user.email, "password": PASSWORD}
    assert client.post(_url(name, world_a), data).status_code == 403, name
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ADMIN_POSTS)
def test_admin_posts_without_token_are_403(path: str, world_a: World) -> None:
    world_a.user.is_superuser = world_a.user.is_staff = True
    world_a.user.save()
    client = logged_in(world_a.user, enforce_csrf_checks=True)
    response = client.post(path, {"action": "delete_selected", "_selected_action": 1})
    assert response.status_code == 403, path


def test_a_wrong_token_is_403_too(world_a: World) -> None:
    client = logged_in(world_a.user, enforce_csrf_checks=True)
    client.get(reverse("accounts:profile"))
    target = _url("dossiers:delete", world_a)
    response = client.post(target, {"csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    assert all(world_a.exists().values())


def test_control_the_same_post_with_the_token_passes(world_a: World) -> None:
    """The 403s above come from CSRF, not from something else."""
    client = logged_in(world_a.user, enforce_csrf_checks=True)
    client.get(reverse("accounts:profile"))
    token = client.cookies["csrftoken"].value
    target = _url("dossiers:delete", world_a)
    response = client.post(target, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert not world_a.exists()["dossier"]


def test_csrf_cookie_is_httponly_and_samesite(client: Client) -> None:
    response = client.get(reverse("login"))
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"]
    assert cookie["samesite"].lower() in {"lax", "strict"}
