"""Step 2 of 3: attribute every review, piece of advice and note.

Before this migration a dossier had one review and its notes had no
association. Rules (deterministic; "first" = lowest association id):

- Review: the association of its assignee among the associations the dossier
  is actively shared with, else the first active share, else the first share
  ever (revoked). Every other active share gets a fresh review (« nouveau »):
  an association never inherits another's status or assignee.
- Advice / internal note: among the dossier's shares (active first) the first
  association the author belongs to; else the first share consented before the
  note was written (else the first share at all); else the author's first
  membership (by membership id).
- A row that none of these attributes (a dossier never shared, a note by
  someone without any membership: only a superuser could write it) is deleted,
  since no association could ever see it; ``0005`` then makes the columns
  non-null. The count is printed.
"""

from django.db import migrations


def _shares(Share, dossier_id):
    """[(association_id, consented_at, active)], active first, then by id."""
    rows = Share.objects.filter(dossier_id=dossier_id).values_list(
        "association_id", "consented_at", "revoked_at"
    )
    return sorted(
        ((a, c, r is None) for a, c, r in rows), key=lambda row: (not row[2], row[0])
    )


def _member_of(Membership, user_id):
    if user_id is None:
        return []
    return list(
        Membership.objects.filter(user_id=user_id)
        .order_by("id")
        .values_list("association_id", flat=True)
    )


def backfill(apps, schema_editor):
    Share = apps.get_model("associations", "Share")
    Membership = apps.get_model("associations", "Membership")
    Review = apps.get_model("associations", "Review")
    deleted = 0

    for review in Review.objects.filter(association__isnull=True).order_by("id"):
        shares = _shares(Share, review.dossier_id)
        active = [a for a, _, is_active in shares if is_active]
        assignee_of = set(_member_of(Membership, review.assigned_to_id))
        chosen = next((a for a in active if a in assignee_of), None)
        if chosen is None and shares:
            chosen = shares[0][0]
        if chosen is None:
            review.delete()
            deleted += 1
            continue
        if review.assigned_to_id is not None and chosen not in assignee_of:
            review.assigned_to_id = None  # not a member: do not keep them
        review.association_id = chosen
        review.save(update_fields=["association", "assigned_to"])
        for association_id in active:
            if association_id != chosen:
                Review.objects.get_or_create(
                    dossier_id=review.dossier_id, association_id=association_id
                )

    for name in ("Advice", "InternalNote"):
        model = apps.get_model("associations", name)
        for note in model.objects.filter(association__isnull=True).order_by("id"):
            shares = _shares(Share, note.dossier_id)
            memberships = _member_of(Membership, note.author_id)
            chosen = next((a for a, _, _ in shares if a in memberships), None)
            if chosen is None and shares:
                before = [a for a, c, _ in shares if c <= note.created_at]
                chosen = before[0] if before else shares[0][0]
            if chosen is None and memberships:
                chosen = memberships[0]
            if chosen is None:
                note.delete()
                deleted += 1
                continue
            note.association_id = chosen
            note.save(update_fields=["association"])

    # Every active share has its review.
    for dossier_id, association_id in Share.objects.filter(
        revoked_at__isnull=True
    ).values_list("dossier_id", "association_id"):
        Review.objects.get_or_create(
            dossier_id=dossier_id, association_id=association_id
        )
    if deleted:
        print(f"\n  associations.0004: {deleted} unattributable row(s) deleted.")


class Migration(migrations.Migration):
    dependencies = [("associations", "0003_association_scoping")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
