"""Two-user matrix over every URL of the project (ASVS 8.2.2, IDOR/BOLA).

The URLs come from the resolver, so a new URL cannot escape: it must be listed
in ``objects`` as owned (kwargs filled from user A's world), per-user, public
or token-protected, or ``test_every_url_is_classified`` fails.

For an owned URL: user B gets 404 on GET and POST (405 for a method the view
does not accept), with a payload that would succeed for the owner, and A's
objects are untouched; anonymous visitors go to the login page; A gets neither
404 nor 500.
"""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.dossiers.wizard_data import post_data
from tests.factories import PASSWORD
from tests.security import objects
from tests.security.objects import World, jpeg_bytes
from tests.security.urls import project_routes

pytestmark = pytest.mark.django_db

OWNED = objects.owned_urls()
NESTED = [
    name
    for name, params in objects.routes().items()
    if name in OWNED and objects.NESTED_PARAMS & set(params)
]
PER_USER = sorted(objects.PER_USER_URLS)
PUBLIC = sorted(objects.PUBLIC_URLS)
LOGIN = reverse("login")


def url(name: str, world: World, **override: Any) -> str:
    return reverse(name, kwargs={**objects.kwargs_for(name, world), **override})


def hostile_post(name: str, world: World) -> dict[str, Any]:
    """What the owner would post to succeed; an attacker posts the same."""
    payloads: dict[str, dict[str, Any]] = {
        "dossiers:wizard_step": post_data("courrier", **{"courrier-agency_name": "X"}),
        "dossiers:wizard": post_data("courrier"),
        "dossiers:timeline_add": {
            "kind": "call",
            "occurred_on": "2026-01-02",
            "content": "pwned",
        },
        "letters:page": {"personal_text": "pwned", "action": "generate"},
        "letters:sent": {"sent_on": "2026-01-02", "registered_number": "1A2"},
        "associations:share": {"association": world.association.pk},
        "accounts:delete": {"password": PASSWORD},
        "accounts:calendar": {"action": "revoke"},
        "accounts:profile": {"first_name": "pwned", "last_name": "x"},
        "dossiers:new": {"scans": [SimpleUploadedFile("p.jpg", jpeg_bytes())]},
    }
    return payloads.get(name, {})


def assert_login_redirect(response, name: str) -> None:
    assert response.status_code == 302, name
    assert response["Location"].startswith(f"{LOGIN}?next="), name


# -- meta: nothing escapes the matrix ------------------------------------------


def test_every_url_is_classified() -> None:
    """A new URL must be owned (kwargs filled from a world) or listed."""
    assert objects.unclassified() == [], "classify it in tests/security/objects.py"
    assert objects.stale() == [], "stale entry in tests/security/objects.py"


def test_the_enumeration_sees_every_include() -> None:
    prefixes = {route.route.split("/", 1)[0] for route in project_routes()}
    assert {"compte", "dossiers", "calendrier", "admin-fichiers"} <= prefixes
    assert len(project_routes()) >= 35


def test_owned_urls_are_derived_from_their_parameters() -> None:
    assert {"dossiers:detail", "dossiers:upload", "letters:download"} <= set(OWNED)
    assert {"associations:revoke", "dossiers:timeline_delete"} <= set(OWNED)
    assert {"reading:progress", "reading:status"} <= set(OWNED)
    assert not set(OWNED) & (objects.PER_USER_URLS | objects.TOKEN_URLS)


# -- owned URLs ----------------------------------------------------------------


@pytest.mark.parametrize("name", OWNED)
def test_other_user_gets_404_on_get_and_post(
    name: str, world_a: World, client_b: Client
) -> None:
    target = url(name, world_a)
    get = client_b.get(target)
    response = client_b.post(target, hostile_post(name, world_a))
    statuses = {get.status_code, response.status_code}
    assert statuses <= {404, 405}, (target, statuses)
    assert 404 in statuses, (target, statuses)  # the method it accepts is a 404
    assert all(world_a.exists().values()), world_a.exists()
    assert world_a.marker not in response.content.decode(errors="replace")


@pytest.mark.parametrize("name", NESTED)
def test_other_user_own_dossier_with_victims_nested_ids_is_404(
    name: str, world_a: World, world_b: World, client_b: Client
) -> None:
    """Nested objects are looked up through the dossier, never by id alone."""
    kwargs = objects.kwargs_for(name, world_a)
    target = reverse(name, kwargs={**kwargs, "dossier_id": world_b.dossier.pk})
    assert client_b.get(target).status_code in (404, 405), target
    assert client_b.post(target).status_code in (404, 405), target
    assert all(world_a.exists().values()), world_a.exists()


@pytest.mark.parametrize("name", OWNED)
def test_anonymous_is_sent_to_login(name: str, world_a: World, client: Client) -> None:
    target = url(name, world_a)
    assert_login_redirect(client.get(target), name)
    assert_login_redirect(client.post(target, hostile_post(name, world_a)), name)
    assert all(world_a.exists().values())


@pytest.mark.parametrize("name", OWNED)
def test_owner_gets_neither_404_nor_500(
    name: str, world_a: World, client_a: Client
) -> None:
    target = url(name, world_a)
    get = client_a.get(target)
    assert get.status_code in (200, 302, 405), (target, get.status_code)
    post = client_a.post(target, hostile_post(name, world_a))
    assert post.status_code in (200, 302, 400, 405), (target, post.status_code)


@pytest.mark.parametrize("name", OWNED)
def test_ids_that_do_not_exist_are_404(name: str, world_a: World, client_a) -> None:
    kwargs = objects.kwargs_for(name, world_a)
    for key in [k for k in kwargs if k.endswith("_id") or k == "number"]:
        target = reverse(name, kwargs={**kwargs, key: 987654321})
        assert client_a.get(target).status_code in (404, 405), target
        assert client_a.post(target).status_code in (404, 405), target


# -- per-user URLs (no object in the URL) --------------------------------------


@pytest.mark.parametrize("name", PER_USER)
def test_per_user_pages_need_login(name: str, world_a: World, client: Client) -> None:
    target = url(name, world_a)
    assert_login_redirect(client.get(target), name)
    assert_login_redirect(client.post(target, hostile_post(name, world_a)), name)


@pytest.mark.parametrize("name", PER_USER)
def test_per_user_pages_show_and_change_only_the_requester_s_data(
    name: str, world_a: World, world_b: World, client_b: Client
) -> None:
    target = url(name, world_b)
    get = client_b.get(target)
    assert get.status_code in (200, 302, 405), (target, get.status_code)
    assert world_a.marker not in get.content.decode(errors="replace")
    post = client_b.post(target, hostile_post(name, world_a))
    assert post.status_code in (200, 302, 400, 405), (target, post.status_code)
    assert world_a.marker not in post.content.decode(errors="replace")
    assert all(world_a.exists().values()), world_a.exists()


# -- public pages and the token-protected feed ---------------------------------


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_are_open_and_never_fail(
    name: str, world_a: World, client: Client
) -> None:
    target = url(name, world_a)
    assert client.get(target).status_code == 200, target
    assert client.post(target).status_code in (200, 302, 400, 405), target
    assert all(world_a.exists().values())


def test_calendar_feed_token_is_the_only_key(
    world_a: World, world_b: World, client: Client, client_b: Client
) -> None:
    good = url("calendar:feed", world_a)
    response = client.get(good)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert world_b.marker not in response.content.decode()
    secret = world_a.calendar_secret
    stored = world_a.token.token_hash  # what a copy of the database would give
    for token in ("x", "A" * 43, secret[:-1], secret.upper(), stored):
        if token == secret:
            continue
        wrong = reverse("calendar:feed", kwargs={"token": token})
        assert client.get(wrong).status_code == 404, token
        assert client_b.get(wrong).status_code == 404, token
    assert client.post(good).status_code == 405


def test_revoked_calendar_token_is_404(world_a: World, client: Client) -> None:
    good = url("calendar:feed", world_a)
    world_a.token.delete()
    assert client.get(good).status_code == 404


def test_inactive_user_s_calendar_feed_is_404(world_a: World, client: Client) -> None:
    good = url("calendar:feed", world_a)
    world_a.user.is_active = False
    world_a.user.save()
    assert client.get(good).status_code == 404
