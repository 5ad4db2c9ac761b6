"""Sessions: rotation on login, logout, password change and account deletion."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, logged_in
from tests.security.objects import World

pytestmark = pytest.mark.django_db

DOSSIERS = reverse("dossiers:list")


def session_key(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def is_logged_in(client: Client) -> bool:
    return client.get(DOSSIERS).status_code == 200


def test_session_key_rotates_on_login(world_a: World) -> None:
    client = Client()
    store = SessionStore()
    store["planted"] = "by an attacker"  # session fixation attempt
    store.create()
    client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
    response = client.post(
        reverse("login"), {"username": world_a.user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert session_key(client) != store.session_key
    assert not SessionStore().exists(store.session_key)
    assert is_logged_in(client)


def test_logout_invalidates_the_session_server_side(world_a: World) -> None:
    client = Client()
    client.post(
        reverse("login"), {"username": world_a.user.email, "password": PASSWORD}
    )
    key = session_key(client)
    assert client.post(reverse("logout")).status_code == 302
    assert not SessionStore().exists(key)
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = key
    assert not is_logged_in(replay)


def test_logout_by_get_is_refused(client_a: Client) -> None:
    assert client_a.get(reverse("logout")).status_code == 405
    assert is_logged_in(client_a)


def test_password_change_logs_out_other_sessions(world_a: World) -> None:
    here, elsewhere = logged_in(world_a.user), logged_in(world_a.user)
    response = here.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "un-tout-nouveau-secret",
            "new_password2": "un-tout-nouveau-secret",
        },
    )
    assert response.status_code == 302
    assert is_logged_in(here)
    assert not is_logged_in(elsewhere)


def test_account_deletion_terminates_every_session(world_a: World) -> None:
    here, elsewhere = logged_in(world_a.user), logged_in(world_a.user)
    keys = [session_key(here), session_key(elsewhere)]
    response = here.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not SessionStore().exists(keys[0])
    assert not is_logged_in(here)
    assert not is_logged_in(elsewhere)
    assert not SessionStore().exists(keys[1])


def test_session_cookie_is_httponly_and_short_lived(world_a: World) -> None:
    client = Client()
    response = client.post(
        reverse("login"), {"username": world_a.user.email, "password": PASSWORD}
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"].lower() in ("lax", "strict")
    assert int(cookie["max-age"]) <= 12 * 3600
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
