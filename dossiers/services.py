"""Writes to dossiers. Views call these; none writes a model directly."""

from django.db import transaction

from accounts.models import User

from .models import Dossier


@transaction.atomic
def dossier_create(*, owner: User, title: str = "") -> Dossier:
    """A new, empty dossier owned by ``owner``."""
    dossier = Dossier(owner=owner, title=title.strip())
    dossier.full_clean()
    dossier.save()
    return dossier


def dossier_delete(*, dossier: Dossier) -> None:
    """Delete a dossier and everything that hangs from it."""
    dossier.delete()
