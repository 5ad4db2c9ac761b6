"""Reads of the associations app, each scoped to the requesting user."""

import hashlib
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from django.db import connection
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from dossiers import access
from dossiers.access import UserLike
from dossiers.models import Dossier

from .models import AccessLog, Advice, Association, Invitation, Membership, Share

M = TypeVar("M", bound=Model)


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


def members_of(association_id: int | None) -> QuerySet[User]:
    """Members of one association (the assignees of its review)."""
    if association_id is None:
        return User.objects.none()
    return User.objects.filter(memberships__association_id=association_id).order_by(
        "email"
    )


def active_shares(dossier: Dossier) -> QuerySet[Share]:
    return dossier.shares.filter(revoked_at=None).select_related("association")


def active_shares_for_viewer(dossier: Dossier, user: UserLike) -> QuerySet[Share]:
    """The dossier's active shares with the viewer's associations (all of
    them for a superuser), for the admin's « partagé avec »."""
    return active_shares(dossier).filter(
        association__in=associations_of(user).values("pk")
    )


def get_active_share_for_owner(
    user: UserLike, dossier_id: int | str, share_id: int | str
) -> Share:
    """An active share of the user's own dossier, or Http404."""
    dossier = access.get_dossier_for_owner(user, dossier_id)
    try:
        return active_shares(dossier).get(pk=int(share_id))
    except (Share.DoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise Http404("Partage introuvable") from exc


@dataclass(frozen=True)
class DossierSharing:
    """What the dossier page shows of its sharing: who has access, who could
    still get it, and the advice received (oldest first)."""

    shares: list[Share]
    open_associations: list[Association]
    advice: list[Advice]


def dossier_sharing(dossier: Dossier) -> DossierSharing:
    """The sharing section's and the advice notice's data, read once per
    dossier object, in three plain queries: every association (the list of
    choices needs them all anyway), the active shares (newest first) and the
    advice with its author; each share and advice gets its association from
    the first. No join on associations. The shares and the advice are read
    only when one plain EXISTS query says there are some (most dossiers are
    shared with nobody): two queries when there are none, four otherwise."""
    cached = dossier.__dict__.get("_sharing")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    associations = list(Association.objects.all())
    by_id = {association.pk: association for association in associations}
    any_share, any_advice = _any_share_and_advice(dossier)
    shares: list[Share] = (
        list(dossier.shares.filter(revoked_at=None)) if any_share else []  # type: ignore[attr-defined]
    )
    advice: list[Advice] = (
        list(dossier.advice.select_related("author")) if any_advice else []  # type: ignore[attr-defined]
    )
    for row in (*shares, *advice):
        if row.association_id in by_id:  # else created meanwhile: read lazily
            row.association = by_id[row.association_id]
    taken = {share.association_id for share in shares}
    sharing = DossierSharing(
        shares=shares,
        open_associations=[a for a in associations if a.pk not in taken],
        advice=advice,
    )
    dossier.__dict__["_sharing"] = sharing
    return sharing


@cache
def _any_sql() -> str:
    share, advice = (
        connection.ops.quote_name(m._meta.db_table) for m in (Share, Advice)
    )
    return (
        f"SELECT EXISTS (SELECT 1 FROM {share} WHERE dossier_id = %s"
        f" AND revoked_at IS NULL), EXISTS (SELECT 1 FROM {advice} WHERE dossier_id = %s)"
    )


def _any_share_and_advice(dossier: Dossier) -> tuple[bool, bool]:
    """Whether the dossier has an active share, and advice, in one plain query.
    Most dossiers have neither: two ORM queries that find nothing cost the
    dossier page about 0.6 ms more than this one (``make bench`` item 1)."""
    with connection.cursor() as cursor:
        cursor.execute(_any_sql(), [dossier.pk, dossier.pk])
        any_share, any_advice = cursor.fetchone()
    return bool(any_share), bool(any_advice)


def acting_association(user: UserLike, dossier: Dossier) -> Association | None:
    """The association on whose behalf ``user`` works on ``dossier``.

    Among the associations the user belongs to that the dossier is actively
    shared with, the one with the lowest id (deterministic when the user
    belongs to several). A superuser who is not such a member acts for the
    first association (lowest id) holding an active share. None: no access.
    """
    if not user.is_authenticated or not user.is_active:
        return None
    active = Association.objects.filter(
        shares__dossier=dossier, shares__revoked_at__isnull=True
    ).order_by("pk")
    mine = active.filter(memberships__user=user).first()
    if mine is None and user.is_superuser:
        return active.first()
    return mine


def scoped_to_viewer(queryset: QuerySet[M], user: UserLike) -> QuerySet[M]:
    """Rows (with ``dossier`` and ``association``) the user may see in /admin/.

    Those of the user's associations whose share of the row's dossier is
    still active; superusers: all. Works for Review, Advice, InternalNote.
    """
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    active = Share.objects.filter(
        dossier=OuterRef("dossier"),
        association=OuterRef("association"),
        revoked_at__isnull=True,
    )
    return queryset.filter(
        Exists(active), association__in=associations_of(user).values("pk")
    )


def invitations_for_coordinator(user: UserLike) -> QuerySet[Invitation]:
    if user.is_authenticated and user.is_superuser:
        return Invitation.objects.all()
    return Invitation.objects.filter(association__in=coordinated_by(user))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def get_pending_invitation(token: str) -> Invitation:
    """The unused, unexpired invitation of ``token``, or Http404."""
    try:
        return Invitation.objects.select_related("association").get(
            token_hash=token_hash(token),
            accepted_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
    except Invitation.DoesNotExist as exc:
        raise Http404("Invitation introuvable") from exc
