"""Two worlds: user A's objects (the target) and user B's (the attacker's own).

Both are built once per module (``built_once``: about 60 ms each, and most
security tests need one) in a transaction rolled back at the module's end;
each test gets a copy of them as the database holds them, with their files in
the private storage (emptied after each test), and its changes are undone
with its own transaction.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.conftest import built_once, with_files
from tests.factories import logged_in
from tests.security import objects
from tests.security.objects import World


@pytest.fixture(scope="module")
def worlds_once(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any
) -> Iterator[tuple[tuple[World, World], Path]]:
    root = tmp_path_factory.mktemp("security-worlds")

    def build() -> tuple[World, World]:
        return objects.world(*objects.WORLD_A), objects.world(*objects.WORLD_B)

    with built_once(django_db_blocker, root, build) as worlds:
        yield worlds, root


@pytest.fixture
def worlds(
    worlds_once: tuple[tuple[World, World], Path], db: None, settings: Any
) -> tuple[World, World]:
    built, root = worlds_once
    return with_files(root, settings, built)  # type: ignore[no-any-return]


@pytest.fixture
def world_a(worlds: tuple[World, World]) -> World:
    return worlds[0]


@pytest.fixture
def world_b(worlds: tuple[World, World]) -> World:
    return worlds[1]


@pytest.fixture
def client_a(world_a: World) -> Client:
    return logged_in(world_a.user)


@pytest.fixture
def client_b(world_b: World) -> Client:
    return logged_in(world_b.user)
