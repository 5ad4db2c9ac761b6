"""Demo data: each app seeds its own part; this module puts them together."""

from django.db import transaction

from associations import demo as associations_demo
from dossiers import demo as dossiers_demo
from letters import demo as letters_demo

DemoAccount = dossiers_demo.DemoAccount


@transaction.atomic
def seed(password: str) -> tuple[DemoAccount, ...]:
    """Create or refresh every demo account and object; safe to run again."""
    people = dossiers_demo.seed(password)
    dossiers_demo.seed_timeline(people.sophie_dossier)
    associations_demo.seed(people)
    letters_demo.seed(people)
    return dossiers_demo.DEMO_ACCOUNTS
