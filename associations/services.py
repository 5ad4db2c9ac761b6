"""Writes of the associations app: consent, membership, review queue, logs."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from dossiers.models import Dossier

from . import roles
from .models import (
    AccessLog,
    Advice,
    Association,
    InternalNote,
    Membership,
    Review,
    Share,
)

ROLE_GROUPS = {
    Membership.Role.VOLUNTEER: roles.VOLUNTEERS,
    Membership.Role.COORDINATOR: roles.COORDINATORS,
}


@transaction.atomic
def share_create(*, dossier: Dossier, association: Association) -> Share:
    """Record the debtor's consent (idempotent while the share is active)."""
    share = dossier.shares.filter(association=association, revoked_at=None).first()
    if share is None:
        share = Share(
            dossier=dossier, association=association, consented_at=timezone.now()
        )
        share.full_clean()
        share.save()
    Review.objects.get_or_create(dossier=dossier)
    return share


def share_revoke(*, share: Share) -> Share:
    """Withdraw consent: the association loses access with this write."""
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
    return share


def roles_ensure() -> None:
    """Create the two groups and their permissions if missing (idempotent)."""
    for name, perms in roles.GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )


@transaction.atomic
def membership_add(
    *, user: User, association: Association, role: str = Membership.Role.VOLUNTEER
) -> Membership:
    """Make ``user`` a member: staff (to enter /admin/) and in the role's group."""
    membership, created = Membership.objects.get_or_create(
        user=user, association=association, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.full_clean()
        membership.save(update_fields=["role"])
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    membership_sync_groups(user=user)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    """End a membership; the last one also ends staff access (not superusers)."""
    user = membership.user
    membership.delete()
    membership_sync_groups(user=user)
    if user.is_superuser or user.memberships.exists() or user.groups.exists():
        return
    user.is_staff = False
    user.save(update_fields=["is_staff"])


def membership_sync_groups(*, user: User) -> None:
    """The user's role groups follow the roles of their memberships."""
    wanted = {ROLE_GROUPS[m.role] for m in user.memberships.all()}
    for role_group in ROLE_GROUPS.values():
        group, _ = Group.objects.get_or_create(name=role_group)
        if role_group in wanted:
            user.groups.add(group)
        else:
            user.groups.remove(group)


def review_update(
    *, dossiers: QuerySet[Dossier], status: str | None = None, assign: User | None
) -> int:
    """Set the status and/or the assignee of several dossiers' reviews."""
    ids = list(dossiers.values_list("pk", flat=True))
    Review.objects.bulk_create(
        [Review(dossier_id=pk) for pk in ids], ignore_conflicts=True
    )
    changes: dict[str, object] = {"updated_at": timezone.now()}
    if status is not None:
        changes["status"] = status
    if assign is not None:
        changes["assigned_to"] = assign
    return Review.objects.filter(dossier_id__in=ids).update(**changes)


def note_save(*, note: Advice | InternalNote, author: User) -> None:
    """Save advice or an internal note; a new one is signed by ``author``."""
    if note.pk is None and note.author_id is None:
        note.author = author
    note.full_clean()
    note.save()


def access_log_record(*, user: User, dossier: Dossier, path: str) -> AccessLog:
    """Log one opening of ``dossier`` by someone other than its owner."""
    return AccessLog.objects.create(
        user=user, user_email=user.email, dossier=dossier, path=path[:300]
    )
