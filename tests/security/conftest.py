"""Two worlds: user A's objects (the target) and user B's (the attacker's own)."""

import pytest
from django.test import Client

from tests.factories import logged_in
from tests.security import objects
from tests.security.objects import World


@pytest.fixture
def world_a(db) -> World:
    return objects.world("alice.secu@example.org", marker="ALICE-SECRET-7f3a")


@pytest.fixture
def world_b(db) -> World:
    return objects.world("bob.secu@example.org", marker="BOB-OWN-91c2")


@pytest.fixture
def client_a(world_a: World) -> Client:
    return logged_in(world_a.user)


@pytest.fixture
def client_b(world_b: World) -> Client:
    return logged_in(world_b.user)
