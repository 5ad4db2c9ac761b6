"""The only way views reach a user's objects.

Every lookup is scoped to the requesting user: someone else's object is a 404,
never a 403, so that its existence is not disclosed.
"""

from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from .models import Dossier, DossierQuerySet, TimelineEvent, Upload

UserLike = AbstractBaseUser | AnonymousUser
M = TypeVar("M", bound=Model)


def dossiers_for_owner(user: UserLike) -> DossierQuerySet:
    """The dossiers the user owns (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return Dossier.objects.none()
    return Dossier.objects.owned_by(user)


def dossiers_for_owner_id(user_id: int) -> DossierQuerySet:
    """The dossiers of the user a private token (calendar feed) stands for."""
    return Dossier.objects.filter(owner_id=user_id)


def _get_or_404(queryset: QuerySet[M], object_id: int | str, message: str) -> M:
    """``queryset.get(pk=object_id)``, any failure (absent, not an int) a 404."""
    try:
        return queryset.get(pk=int(object_id))
    except (ObjectDoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise Http404(message) from exc


def get_dossier_for_owner(user: UserLike, dossier_id: int | str) -> Dossier:
    """The user's own dossier, or Http404."""
    return _get_or_404(dossiers_for_owner(user), dossier_id, "Dossier introuvable")


def get_upload_for_owner(
    user: UserLike, dossier_id: int | str, upload_id: int | str
) -> Upload:
    """An upload of the user's own dossier, looked up through the dossier."""
    dossier = get_dossier_for_owner(user, dossier_id)
    return _get_or_404(dossier.uploads.all(), upload_id, "Fichier introuvable")


def get_event_for_owner(
    user: UserLike, dossier_id: int | str, event_id: int | str
) -> TimelineEvent:
    """A timeline event of the user's own dossier, looked up through the dossier."""
    dossier = get_dossier_for_owner(user, dossier_id)
    return _get_or_404(dossier.timeline_events.all(), event_id, "Événement introuvable")


def dossiers_for_reviewer(user: UserLike) -> DossierQuerySet:
    """Dossiers shared (consent not revoked) with an association of the user.

    Superusers see every dossier. String lookups keep ``dossiers`` free of any
    import of ``associations``; the subquery keeps one row per dossier.
    """
    if not user.is_authenticated or not user.is_active:
        return Dossier.objects.none()
    if user.is_superuser:
        return Dossier.objects.all()
    shared = Dossier.objects.filter(
        shares__association__memberships__user=user,
        shares__revoked_at__isnull=True,
    )
    return Dossier.objects.filter(pk__in=shared.values("pk"))


def dossiers_for_viewer(user: UserLike) -> DossierQuerySet:
    """The user's own dossiers and those shared with the user's associations."""
    if not user.is_authenticated:
        return Dossier.objects.none()
    reviewed = dossiers_for_reviewer(user).values("pk")
    return Dossier.objects.filter(Q(owner=user) | Q(pk__in=reviewed))


def get_dossier_for_viewer(user: UserLike, dossier_id: int | str) -> Dossier:
    """A dossier the user owns or reviews, or Http404."""
    return _get_or_404(dossiers_for_viewer(user), dossier_id, "Dossier introuvable")


def get_upload_for_viewer(
    user: UserLike, dossier_id: int | str, upload_id: int | str
) -> Upload:
    """An upload of a dossier the user owns or reviews, or Http404."""
    dossier = get_dossier_for_viewer(user, dossier_id)
    return _get_or_404(dossier.uploads.all(), upload_id, "Fichier introuvable")
