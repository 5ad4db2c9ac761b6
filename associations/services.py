"""Writes of the associations app: consent, membership, review queue, logs."""

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.emails import normalize_email
from accounts.models import User
from dossiers.models import Dossier

from . import notify, roles, selectors
from .models import (
    AccessLog,
    Advice,
    Association,
    InternalNote,
    Invitation,
    Membership,
    Review,
    Share,
)

INVITATION_VALIDITY = dt.timedelta(days=7)

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
    Review.objects.get_or_create(dossier=dossier, association=association)
    return share


def share_revoke(*, share: Share) -> Share:
    """Withdraw consent: the association loses access with this write."""
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
    return share


def roles_ensure() -> dict[str, Group]:
    """The two role groups, made or completed with their permissions
    (``roles.GROUP_PERMISSIONS`` is the truth: idempotent), by name."""
    groups = {}
    for name, perms in roles.GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = Q()
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        found = list(Permission.objects.filter(wanted))
        if len(found) != len(perms):
            raise Permission.DoesNotExist(f"{name}: {len(perms) - len(found)} missing")
        group.permissions.add(*found)
        groups[name] = group
    return groups


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
    # With their permissions: a group remade empty (deleted in the admin, or
    # a database flushed of what the data migration put there) would let a
    # volunteer into /admin/ with nothing to see.
    groups = roles_ensure()
    for role_group in ROLE_GROUPS.values():
        group = groups[role_group]
        if role_group in wanted:
            user.groups.add(group)
        else:
            user.groups.remove(group)


def review_update(
    *,
    dossiers: QuerySet[Dossier],
    user: User,
    status: str | None = None,
    assign: User | None,
) -> int:
    """Set status and/or assignee of ``user``'s acting association's reviews.

    For each dossier, only the review of the association ``user`` acts for
    (``selectors.acting_association``): never another association's.
    """
    ids = list(dossiers.values_list("pk", flat=True))
    pairs: dict[int, int] = {}
    shares = Share.objects.filter(dossier_id__in=ids, revoked_at=None)
    if not user.is_superuser:
        shares = shares.filter(association__memberships__user=user)
    member_of = set(user.memberships.values_list("association_id", flat=True))
    for dossier_id, association_id in shares.order_by(
        "dossier_id", "association_id"
    ).values_list("dossier_id", "association_id"):
        current = pairs.get(dossier_id)
        # A member's own association first, then the lowest id.
        if current is None or (
            association_id in member_of and current not in member_of
        ):
            pairs[dossier_id] = association_id
    Review.objects.bulk_create(
        [Review(dossier_id=d, association_id=a) for d, a in pairs.items()],
        ignore_conflicts=True,
    )
    changes: dict[str, object] = {"updated_at": timezone.now()}
    if status is not None:
        changes["status"] = status
    if assign is not None:
        changes["assigned_to"] = assign
    count = 0
    for dossier_id, association_id in pairs.items():
        count += Review.objects.filter(
            dossier_id=dossier_id, association_id=association_id
        ).update(**changes)
    return count


def note_save(*, note: Advice | InternalNote, author: User) -> None:
    """Save advice or an internal note: append-only except for its author.

    A new note is signed by ``author`` for the association ``author`` acts
    for on the dossier (``selectors.acting_association``); new advice is
    announced to the debtor by e-mail if she opted in (``notify``). An existing note
    can only be edited by its author; author, association and dossier never
    change. Raises PermissionDenied otherwise.
    """
    created = note.pk is None
    if created:
        note.author = author
        if note.association_id is None:
            association = selectors.acting_association(author, note.dossier)
            if association is None:
                raise PermissionDenied("Aucune association n'a accès à ce dossier.")
            note.association = association
    else:
        original = type(note).objects.get(pk=note.pk)
        if original.author_id is None or original.author_id != author.pk:
            raise PermissionDenied("Seul·e l'auteur·rice peut modifier ce texte.")
        note.author_id = original.author_id
        note.association_id = original.association_id
        note.dossier_id = original.dossier_id
    note.full_clean()
    note.save()
    if created and isinstance(note, Advice):
        notify.advice_notify(advice=note)


@transaction.atomic
def invitation_create(
    *,
    association: Association,
    email: str,
    role: str,
    created_by: User | None,
    base_url: str,
) -> tuple[Invitation, str]:
    """Record an invitation and e-mail its link; returns it with the token.

    The e-mail is sent whether or not an account exists with ``email``: the
    coordinator learns nothing about who has an account.
    """
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        association=association,
        email=normalize_email(email),
        role=role,
        token_hash=selectors.token_hash(token),
        created_by=created_by,
        expires_at=timezone.now() + INVITATION_VALIDITY,
    )
    invitation.full_clean()
    invitation.save()
    context = {
        "invitation": invitation,
        "url": base_url.rstrip("/") + reverse("associations:invitation", args=[token]),
    }
    transaction.on_commit(
        lambda: send_mail(
            subject=f"Invitation à rejoindre {association.name}",
            message=render_to_string("associations/invitation_email.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[invitation.email],
        )
    )
    return invitation, token


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """The invitee, logged in with the invited address, joins the association."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.expires_at <= timezone.now():
        raise ValidationError("Cette invitation n'est plus valable.")
    if normalize_email(user.email) != normalize_email(invitation.email):
        raise PermissionDenied("Cette invitation est adressée à un autre compte.")
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership_add(
        user=user, association=invitation.association, role=invitation.role
    )


def access_log_record(*, user: User, dossier: Dossier, path: str) -> AccessLog:
    """Log one opening of ``dossier`` by someone other than its owner."""
    return AccessLog.objects.create(
        user=user, user_email=user.email, dossier=dossier, path=path[:300]
    )
