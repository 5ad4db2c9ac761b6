"""Shared fixtures: personas and fast, isolated settings."""

from pathlib import Path

import pytest
from django.test import Client

from accounts.models import User
from dossiers.models import Dossier
from tests import factories


@pytest.fixture(autouse=True)
def _fast_isolated_settings(settings, tmp_path: Path) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {
                "location": str(tmp_path / "private"),
                "base_url": "/__private__/",
            },
        },
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.SECURE_SSL_REDIRECT = False


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
    client = Client()
    client.force_login(debtor)
    return client


@pytest.fixture
def other_client(other_debtor: User) -> Client:
    client = Client()
    client.force_login(other_debtor)
    return client
