"""Shared fixtures: personas and fast, isolated settings."""

import copy
import dataclasses
import gc
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.test import Client, override_settings

from accounts.models import User
from dossiers.models import Dossier
from tests import factories
from tests.corpus import Corpus, corpus_root
from tests.factories import logged_in


def pytest_sessionstart(session: pytest.Session) -> None:
    """Fewer garbage collections in each test process: what Django, the
    project and the test modules loaded is frozen out of every collection,
    and the youngest generation is collected every 50 000 allocations instead
    of 700 (a tenth of the admin matrix's CPU went to the collector)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--screenshots",
        action="store_true",
        help="browser tests: save a full-page screenshot of every page they "
        "check under tests/e2e/artifacts/ (`make screenshots`)",
    )


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def storages_at(root: Path) -> dict[str, Any]:
    return {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root), "base_url": "/__private__/"},
        },
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(scope="session", autouse=True)
def _suite_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Fast password hashing, plain HTTP, and a private storage of the test
    process's own, for the whole session: set once (a per-test override of
    four settings, with its ``tmp_path``, cost a millisecond per test)."""
    private = tmp_path_factory.getbasetemp() / "private"
    with override_settings(
        PASSWORD_HASHERS=FAST_HASHERS,
        STORAGES=storages_at(private),
        PRIVATE_ROOT=private,
        SECURE_SSL_REDIRECT=False,
    ):
        yield private


@pytest.fixture(autouse=True)
def _isolated(_suite_settings: Path) -> Iterator[None]:
    """Each test starts with an empty cache (the dossier page's parts are
    cached under their inputs' fingerprint: dossiers/page_cache.py) and an
    empty private storage: what a test stored is removed after it."""
    cache.clear()
    yield
    if _suite_settings.exists():
        shutil.rmtree(_suite_settings)


@pytest.fixture(scope="session")
def suite_corpus(
    pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory
) -> Corpus:
    """The reader's test letters (``tests/corpus.py``), shared by every process."""
    return Corpus(corpus_root(pytestconfig, tmp_path_factory))


@pytest.fixture
def debtor(db) -> User:
    return factories.user(
        "sophie.test@example.org", first_name="Sophie", last_name="Test"
    )


@pytest.fixture
def other_debtor(db) -> User:
    return factories.user("marc.test@example.org", first_name="Marc", last_name="Autre")


@pytest.fixture
def dossier(debtor: User) -> Dossier:
    return factories.dossier(owner=debtor)


@pytest.fixture
def debtor_client(debtor: User) -> Client:
    client = logged_in(debtor)
    return client


@pytest.fixture
def other_client(other_debtor: User) -> Client:
    client = logged_in(other_debtor)
    return client


# --- Worlds built once per module -----------------------------------------------------


def refetched(value: Any) -> Any:
    """The same objects, as the database holds them (one query per model)."""
    wanted: dict[type[Model], set[Any]] = {}
    for instance in _instances(value):
        wanted.setdefault(type(instance), set()).add(instance.pk)
    fresh = {
        (model, pk): row
        for model, pks in wanted.items()
        for pk, row in model._base_manager.in_bulk(list(pks)).items()
    }
    return _rebuilt(value, fresh)


def _instances(value: Any) -> Iterator[Model]:
    if isinstance(value, Model) and value.pk is not None:
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.init:
                yield from _instances(getattr(value, f.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _instances(item)


def _rebuilt(value: Any, fresh: dict[tuple[type[Model], Any], Model]) -> Any:
    if isinstance(value, Model) and value.pk is not None:
        return fresh[type(value), value.pk]  # KeyError: it was deleted
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value,
            **{
                f.name: _rebuilt(getattr(value, f.name), fresh)
                for f in dataclasses.fields(value)
                if f.init
            },
        )
    if isinstance(value, list):
        return [_rebuilt(item, fresh) for item in value]
    if isinstance(value, tuple):
        return tuple(_rebuilt(item, fresh) for item in value)
    return value


@contextmanager
def built_once(
    django_db_blocker: Any, root: Path, build: Callable[[], Any]
) -> Iterator[Any]:
    """Build a costly world once for a module, in a transaction rolled back at
    its end: each test's own transaction is then a savepoint inside it, so what
    a test changes is undone and the next test finds the world as built. Its
    files live under ``root``; :func:`with_files` copies them for each test."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(STORAGES=storages_at(root), PRIVATE_ROOT=root):
            world = build()
        try:
            yield world
        finally:
            _FRESH.pop(id(world), None)
        transaction.set_rollback(True)


def with_files(root: Path, settings: Any, world: Any) -> Any:
    """The module's world for one test: its files in the private storage
    (emptied after each test), its objects as the database holds them.

    The world is read back from the database once, on its first test (after
    the module's own set-up, logins included); each test then gets a deep
    copy of that, so what a test does to the instances it holds stays with
    it, as what it does to the rows is undone by its rollback. (A change that
    escaped a rollback would no longer show in the next test's copy: the
    rollbacks are pytest-django's own.)
    """
    shutil.copytree(root, settings.PRIVATE_ROOT, dirs_exist_ok=True)
    if id(world) not in _FRESH:
        _FRESH[id(world)] = (world, refetched(world))
    return copy.deepcopy(_FRESH[id(world)][1])


_FRESH: dict[int, tuple[Any, Any]] = {}
"""Each module's world (kept, so that its id is not reused) and its copy as
read back from the database, until the module's transaction ends."""


DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)
"""pytest-django's ways into the test database: a test that asks for none of
them (nor for the ``django_db`` mark) cannot reach it."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/e2e is a browser test; a test that cannot reach
    the database is ``nodb``. The PostgreSQL run of ``make test`` leaves both
    out (``-m "not e2e and not ocr and not nodb and not postgres_covered_by"``):
    the law, the reader's extraction, the renderers and the processes started
    with their own settings give the same answer whatever the database. So
    does a test marked ``postgres_covered_by(name)``: the named test of its
    module, which runs there, sends PostgreSQL the same statements."""
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.e2e)
        elif item.get_closest_marker("django_db") is None and not (
            DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        ):
            item.add_marker(pytest.mark.nodb)
    _check_postgres_covers(items)


def _check_postgres_covers(items: list[pytest.Item]) -> None:
    """``postgres_covered_by`` must name a test function of the same module
    that the PostgreSQL run keeps (one of its parameter sets at least), judged
    on the items collected when the run collects it."""
    left_out = {"e2e", "ocr", "nodb", "postgres_covered_by"}
    collected, kept = set(), set()
    for item in items:
        key = (item.path, getattr(item, "originalname", item.name))
        collected.add(key)
        if not any(item.get_closest_marker(name) for name in left_out):
            kept.add(key)
    for item in items:
        marker = item.get_closest_marker("postgres_covered_by")
        if marker is None:
            continue
        name = marker.args[0] if len(marker.args) == 1 else ""
        module = getattr(item, "module", None)
        sibling = getattr(module, name, None) if name.startswith("test_") else None
        key = (item.path, name)
        if not callable(sibling) or (key in collected and key not in kept):
            raise pytest.UsageError(
                f"{item.nodeid}: postgres_covered_by{marker.args!r} must name one "
                "test of the same module that runs on PostgreSQL"
            )
