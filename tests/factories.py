"""Plain factory functions for tests, and the suite's shared helpers."""

from typing import Any

from django.test import Client

from accounts.models import User
from dossiers.models import Dossier

PASSWORD = "correct-horse-battery-staple"


def user(email: str, **fields: Any) -> User:
    return User.objects.create_user(email=email, password=PASSWORD, **fields)


def dossier(*, owner: User, **fields: Any) -> Dossier:
    fields.setdefault("title", "Intrum — facture")
    return Dossier.objects.create(owner=owner, **fields)


def logged_in(user: User, **client_options: Any) -> Client:
    """A new browser logged in as ``user``. ``force_login`` goes through
    ``login()``: its signals run (the staff session is stamped)."""
    client = Client(**client_options)
    client.force_login(user)
    return client


def coordinates(**changes: str) -> dict[str, str]:
    """Sophie's coordinates, as « Mes coordonnées » and the profile take them
    (a new dict each time), with ``changes``."""
    return {
        "first_name": "Sophie",
        "last_name": "Martin",
        "address": "12 rue des Lilas",
        "postal_code": "69003",
        "city": "Lyon",
        "phone": "",
        **changes,
    }
