"""Demo data: each app seeds its own part; this module puts them together."""

from django.db import transaction

from dossiers import demo as dossiers_demo

DemoAccount = dossiers_demo.DemoAccount


@transaction.atomic
def seed(password: str) -> tuple[DemoAccount, ...]:
    """Create or refresh every demo account and object; safe to run again."""
    people = dossiers_demo.seed(password)
    del people  # later apps (associations, letters) seed from these
    return dossiers_demo.DEMO_ACCOUNTS
