"""Reads of the associations app, each scoped to the requesting user."""

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from dossiers import access
from dossiers.access import UserLike
from dossiers.models import Dossier

from .models import AccessLog, Association, Membership, Share


def associations_of(
    user: UserLike, *, role: str | None = None
) -> QuerySet[Association]:
    """Associations the user belongs to (with ``role``); superusers: all."""
    if not user.is_authenticated or not user.is_active:
        return Association.objects.none()
    if user.is_superuser:
        return Association.objects.all()
    memberships = Membership.objects.filter(user=user)
    if role is not None:
        memberships = memberships.filter(role=role)
    return Association.objects.filter(pk__in=memberships.values("association"))


def coordinated_by(user: UserLike) -> QuerySet[Association]:
    return associations_of(user, role=Membership.Role.COORDINATOR)


def memberships_for_coordinator(user: UserLike) -> QuerySet[Membership]:
    return Membership.objects.filter(association__in=coordinated_by(user))


def access_logs_for_coordinator(user: UserLike) -> QuerySet[AccessLog]:
    """Openings by members of the user's associations, of dossiers shared with them.

    Both conditions: a coordinator neither learns what their volunteers open
    for another association, nor who in another association opened a dossier.
    """
    if user.is_authenticated and user.is_superuser:
        return AccessLog.objects.all()
    mine = coordinated_by(user)
    logs = AccessLog.objects.filter(
        user__memberships__association__in=mine,
        dossier__shares__association__in=mine,
    )
    return AccessLog.objects.filter(pk__in=logs.values("pk"))


def reviewers_of(dossier: Dossier | None) -> QuerySet[User]:
    """Members of the associations the dossier is (actively) shared with."""
    if dossier is None:
        return User.objects.none()
    members = User.objects.filter(
        memberships__association__shares__dossier=dossier,
        memberships__association__shares__revoked_at__isnull=True,
    )
    return User.objects.filter(pk__in=members.values("pk")).order_by("email")


def active_shares(dossier: Dossier) -> QuerySet[Share]:
    return dossier.shares.filter(revoked_at=None).select_related("association")


def get_active_share_for_owner(
    user: UserLike, dossier_id: int | str, share_id: int | str
) -> Share:
    """An active share of the user's own dossier, or Http404."""
    dossier = access.get_dossier_for_owner(user, dossier_id)
    try:
        return active_shares(dossier).get(pk=int(share_id))
    except (Share.DoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise Http404("Partage introuvable") from exc


def open_to_sharing(dossier: Dossier) -> QuerySet[Association]:
    """Associations the dossier could still be shared with."""
    taken = dossier.shares.filter(revoked_at=None).values("association")
    return Association.objects.exclude(pk__in=taken)
