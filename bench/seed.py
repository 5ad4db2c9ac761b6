"""Benchmark data: debtors with a complete dossier each (run inside manage.py shell)."""

from accounts.models import User
from bench.serve import PASSWORD
from dossiers import demo, services


def run(debtors: int) -> None:
    for index in range(debtors):
        email = f"bench{index}@example.org"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=PASSWORD)
            dossier = services.dossier_create(owner=user)
            demo.fill(dossier, demo.SOPHIE_ANSWERS)
