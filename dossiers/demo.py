"""Demo data for `manage.py seed_demo`: idempotent, keyed on e-mails and titles."""

from dataclasses import dataclass

from django.db import transaction

from accounts.models import User

from .models import Dossier

SOPHIE = "sophie@example.org"
MARC = "marc@example.org"
VOLUNTEER = "benevole@example.org"
COORDINATOR = "coordination@example.org"
ADMIN = "admin@example.org"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str


DEMO_ACCOUNTS = (
    DemoAccount(SOPHIE, "débitrice, dossier complet partagé avec Association Démo"),
    DemoAccount(MARC, "débiteur, dossier non partagé"),
    DemoAccount(VOLUNTEER, "bénévole d'Association Démo (/admin/)"),
    DemoAccount(COORDINATOR, "coordinatrice d'Association Démo (/admin/)"),
    DemoAccount(ADMIN, "administrateur (/admin/)"),
)


def _user(email: str, password: str, **fields: object) -> User:
    user, _ = User.objects.get_or_create(email=email, defaults=fields)
    for name, value in fields.items():
        setattr(user, name, value)
    user.set_password(password)
    user.save()
    return user


def _dossier(owner: User, title: str) -> Dossier:
    dossier, _ = Dossier.objects.get_or_create(owner=owner, title=title)
    return dossier


@transaction.atomic
def seed(password: str) -> tuple[DemoAccount, ...]:
    """Create or refresh every demo account and dossier; safe to run again."""
    sophie = _user(
        SOPHIE,
        password,
        first_name="Sophie",
        last_name="Martin",
        address="12 rue des Lilas",
        postal_code="69003",
        city="Lyon",
    )
    marc = _user(
        MARC,
        password,
        first_name="Marc",
        last_name="Dubois",
        address="4 place du Marché",
        postal_code="59000",
        city="Lille",
    )
    _user(VOLUNTEER, password, first_name="Bénédicte", last_name="Vol", is_staff=True)
    _user(COORDINATOR, password, first_name="Claire", last_name="Coord", is_staff=True)
    _user(ADMIN, password, first_name="Admin", is_staff=True, is_superuser=True)
    _dossier(sophie, "Intrum — crédit renouvelable Cetelem")
    _dossier(marc, "iQera — facture SFR")
    return DEMO_ACCOUNTS
