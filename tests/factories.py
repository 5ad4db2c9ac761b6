"""Plain factory functions for tests."""

from typing import Any

from accounts.models import User
from dossiers.models import Dossier

PASSWORD = "correct-horse-battery-staple"


def user(email: str, **fields: Any) -> User:
    return User.objects.create_user(email=email, password=PASSWORD, **fields)


def dossier(*, owner: User, **fields: Any) -> Dossier:
    fields.setdefault("title", "Intrum — facture")
    return Dossier.objects.create(owner=owner, **fields)
