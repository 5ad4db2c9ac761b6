"""Two clicks at once (issue 20 item 9): the second request arrives while the
first is still writing, and adds nothing.

Its own module: the requests run in two threads with their own database
connections, so the test commits (``transaction=True``) and builds its world
for itself rather than sharing the module world of ``tests/security/conftest.py``
(held in a transaction the other threads cannot see).
"""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from dossiers import services
from tests.factories import logged_in
from tests.security import objects
from tests.security.objects import World
from tests.security.test_submit_once import ALREADY, add_event, event_data, events


@pytest.fixture
def world_a(transactional_db: None) -> World:
    return objects.world(*objects.WORLD_A)


@pytest.mark.django_db(transaction=True)
def test_a_twin_request_during_the_first_one_creates_nothing(
    world_a: World, monkeypatch
) -> None:
    """Two clicks, two requests at once: the second arrives while the first is
    still writing, and adds nothing."""
    started, release = threading.Event(), threading.Event()
    original = services.timeline_add

    def slow(**kwargs):
        started.set()
        release.wait(20)
        return original(**kwargs)

    monkeypatch.setattr(services, "timeline_add", slow)
    before = events(world_a)
    outcome: dict[str, int] = {}

    def first() -> None:
        client = logged_in(world_a.user)
        path = reverse("dossiers:timeline_add", args=[world_a.dossier.pk])
        outcome["first"] = client.post(path, event_data()).status_code
        connection.close()

    thread = threading.Thread(target=first)
    thread.start()
    try:
        assert started.wait(20)
        twin = logged_in(world_a.user)
        response = add_event(twin, world_a)
        assert ALREADY in response.content.decode().replace("&#x27;", "'")
    finally:
        release.set()
        thread.join(20)
    assert outcome["first"] == 302
    assert events(world_a) == before + 1


# -- letters -------------------------------------------------------------------------
