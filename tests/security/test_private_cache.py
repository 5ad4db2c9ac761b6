"""Every response to a logged-in user says ``Cache-Control: private, no-store``
(issue 20 item 2), over the whole URL matrix, and the request body is capped
(issue 20 item 17)."""

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from dossiers.uploads import MAX_UPLOAD_BYTES, MAX_UPLOADS_PER_DOSSIER
from tests.security import objects
from tests.security.objects import World

pytestmark = pytest.mark.django_db

LOGGED_IN_URLS = sorted(
    {*objects.owned_urls(), *objects.PER_USER_URLS, *objects.PUBLIC_URLS}
    - {"healthz", "favicon"}
)


def no_store(response) -> bool:
    parts = {p.strip() for p in response.get("Cache-Control", "").split(",")}
    return "no-store" in parts and ("private" in parts or "no-cache" in parts)


def target(name: str, world: World) -> str:
    return reverse(name, kwargs=objects.kwargs_for(name, world))


@pytest.mark.parametrize("name", LOGGED_IN_URLS)
def test_every_page_of_a_logged_in_user_is_private_no_store(
    name: str, world_a: World, client_a: Client
) -> None:
    url = target(name, world_a)
    response = client_a.get(url)
    if response.status_code == 405:
        response = client_a.post(url)
    assert no_store(response), (
        url,
        response.status_code,
        response.get("Cache-Control"),
    )


@pytest.mark.parametrize(
    "path",
    [
        "/dossiers/nouveau/courrier/",
        "/dossiers/{id}/modifier/montants/",
        "/dossiers/{id}/modifier/coordonnees/",
        "/admin/",
        "/admin/associations/association/",
    ],
)
def test_wizard_steps_and_admin_pages_are_private_no_store(
    path: str, world_a: World, client_a: Client
) -> None:
    client_a.force_login(world_a.user)
    world_a.user.is_staff = world_a.user.is_superuser = True
    world_a.user.save()
    response = client_a.get(path.format(id=world_a.dossier.pk))
    assert response.status_code in (200, 302)
    assert no_store(response), (path, response.get("Cache-Control"))


def test_the_front_page_of_a_logged_in_user_is_private(client_a: Client) -> None:
    assert client_a.get("/").get("Cache-Control") == "private, no-store"


def test_anonymous_public_pages_and_healthz_keep_their_own_caching(
    client: Client,
) -> None:
    assert "no-store" not in client.get("/").get("Cache-Control", "")
    assert client.get("/favicon.ico")["Cache-Control"] == "public, max-age=86400"


def test_healthz_with_a_session_cookie_reads_no_session(
    client_a: Client, django_assert_num_queries
) -> None:
    with django_assert_num_queries(0):
        response = client_a.get("/healthz")
    assert response.status_code == 200


# -- request body cap -------------------------------------------------------------


def test_the_cap_holds_a_dossier_s_files_sent_at_once() -> None:
    assert settings.MAX_REQUEST_BODY >= MAX_UPLOADS_PER_DOSSIER * MAX_UPLOAD_BYTES
    readme = (settings.BASE_DIR / "README.md").read_text()
    megabytes = settings.MAX_REQUEST_BODY // (1024 * 1024)
    assert f"client_max_body_size {megabytes}m" in readme


def body_of(size: int) -> dict[str, Any]:
    return {"CONTENT_LENGTH": str(size), "CONTENT_TYPE": "application/octet-stream"}


def test_a_body_over_the_cap_is_refused_before_it_is_read(
    client_a: Client, world_a: World, settings
) -> None:
    settings.MAX_REQUEST_BODY = 1000
    path = f"/dossiers/{world_a.dossier.pk}/chronologie/ajouter/"
    before = world_a.dossier.timeline_events.count()
    response = client_a.generic("POST", path, b"x" * 1001, **body_of(1001))
    assert response.status_code == 413
    assert "Envoi trop lourd" in response.content.decode()
    assert world_a.dossier.timeline_events.count() == before
    # Anonymous too, on the login form.
    assert Client().generic("POST", "/connexion/", b"x" * 1001).status_code == 413


def test_a_body_under_the_cap_goes_through(client_a: Client, world_a: World) -> None:
    path = f"/dossiers/{world_a.dossier.pk}/chronologie/ajouter/"
    data = {"kind": "call", "occurred_on": "2026-01-02", "content": "appel"}
    assert client_a.post(path, data).status_code == 302
