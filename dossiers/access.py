"""The only way views reach a user's objects.

Every lookup is scoped to the requesting user: someone else's object is a 404,
never a 403, so that its existence is not disclosed.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import Http404

from .models import Dossier, DossierQuerySet, Upload

UserLike = AbstractBaseUser | AnonymousUser


def dossiers_for_owner(user: UserLike) -> DossierQuerySet:
    """The dossiers the user owns (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return Dossier.objects.none()
    return Dossier.objects.owned_by(user)


def get_dossier_for_owner(user: UserLike, dossier_id: int | str) -> Dossier:
    """The user's own dossier, or Http404."""
    try:
        return dossiers_for_owner(user).get(pk=int(dossier_id))
    except (Dossier.DoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise Http404("Dossier introuvable") from exc


def get_upload_for_owner(
    user: UserLike, dossier_id: int | str, upload_id: int | str
) -> Upload:
    """An upload of the user's own dossier, looked up through the dossier."""
    dossier = get_dossier_for_owner(user, dossier_id)
    try:
        return dossier.uploads.get(pk=int(upload_id))
    except (Upload.DoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise Http404("Fichier introuvable") from exc
