"""Coordinators: members, access log, activity figures and CSV export."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from accounts.models import User
from associations import roles, services
from associations.models import AccessLog, Association, Membership, Review, Share
from dossiers.models import Dossier
from tests import factories

pytestmark = pytest.mark.django_db


def activity_url(association: Association, query: str = "") -> str:
    return f"/admin/associations/association/{association.pk}/activite/{query}"


def test_groups_are_created_by_the_migration() -> None:
    volunteers = Group.objects.get(name=roles.VOLUNTEERS)
    coordinators = Group.objects.get(name=roles.COORDINATORS)
    codenames = set(volunteers.permissions.values_list("codename", flat=True))
    assert {"view_dossier", "change_dossier", "add_advice"} <= codenames
    assert "delete_dossier" not in codenames
    assert "view_accesslog" not in codenames
    assert "view_accesslog" in set(
        coordinators.permissions.values_list("codename", flat=True)
    )


def test_roles_ensure_is_idempotent() -> None:
    services.roles_ensure()
    services.roles_ensure()
    assert Group.objects.filter(name__in=roles.GROUP_PERMISSIONS).count() == 2


def test_a_member_added_after_the_groups_were_lost_gets_their_permissions(
    association_a: Association,
) -> None:
    """Groups deleted (in the admin, or by a test that flushed the database):
    a new member's groups come back with their permissions, not empty."""
    Group.objects.filter(name__in=roles.GROUP_PERMISSIONS).delete()
    user = factories.user("after.loss@example.org")
    services.membership_add(
        user=user, association=association_a, role=Membership.Role.COORDINATOR
    )
    user = User.objects.get(pk=user.pk)
    assert user.has_perm("dossiers.view_dossier")
    assert user.has_perm("associations.view_accesslog")
    emptied = Group.objects.get(name=roles.VOLUNTEERS)
    emptied.permissions.clear()
    services.membership_add(
        user=factories.user("v@example.org"), association=association_a
    )
    assert emptied.permissions.filter(codename="add_advice").exists()


def test_membership_gives_staff_and_group_and_removal_takes_them(
    association_a: Association,
) -> None:
    user = factories.user("new@example.org")
    membership = services.membership_add(user=user, association=association_a)
    user.refresh_from_db()
    assert user.is_staff
    assert user.has_perm("dossiers.view_dossier")
    services.membership_remove(membership=membership)
    user = User.objects.get(pk=user.pk)
    assert not user.is_staff
    assert not user.groups.exists()


def test_coordinator_cannot_add_a_member_directly(
    coordinator_a_client: Client, association_a: Association
) -> None:
    """No lookup of accounts by e-mail: coordinators invite (test_invitations)."""
    member = factories.user("nouveau@example.org")
    url = "/admin/associations/membership/add/"
    assert coordinator_a_client.get(url).status_code == 403
    response = coordinator_a_client.post(
        url,
        {
            "email": "nouveau@example.org",
            "association": association_a.pk,
            "role": "volunteer",
        },
    )
    assert response.status_code == 403
    member.refresh_from_db()
    assert not member.is_staff
    assert not Membership.objects.filter(user=member).exists()


def test_coordinator_sees_only_their_association_and_members(
    coordinator_a_client: Client, volunteer_a: User, volunteer_b: User
) -> None:
    page = coordinator_a_client.get("/admin/associations/association/").content.decode()
    assert "Asso A" in page
    assert "Asso B" not in page
    page = coordinator_a_client.get("/admin/associations/membership/").content.decode()
    assert "vol.a@example.org" in page
    assert "vol.b@example.org" not in page


def test_access_log_visible_to_coordinator_scoped(
    coordinator_a_client: Client,
    volunteer_a_client: Client,
    volunteer_b_client: Client,
    share_a: Share,
    association_b: Association,
    other_debtor: User,
) -> None:
    volunteer_a_client.get(f"/admin/dossiers/dossier/{share_a.dossier_id}/change/")
    dossier_b = factories.dossier(owner=other_debtor, title="Chez B")
    services.share_create(dossier=dossier_b, association=association_b)
    volunteer_b_client.get(f"/admin/dossiers/dossier/{dossier_b.pk}/change/")
    assert AccessLog.objects.count() == 2
    page = coordinator_a_client.get("/admin/associations/accesslog/").content.decode()
    assert "vol.a@example.org" in page
    assert "vol.b@example.org" not in page


def test_access_log_is_read_only(
    coordinator_a_client: Client, share_a: Share, volunteer_a
) -> None:
    log = services.access_log_record(
        user=volunteer_a, dossier=share_a.dossier, path="/x"
    )
    url = f"/admin/associations/accesslog/{log.pk}/delete/"
    assert coordinator_a_client.post(url, {"post": "yes"}).status_code == 403
    assert AccessLog.objects.filter(pk=log.pk).exists()


@pytest.fixture
def activity_data(
    share_a: Share, volunteer_a: User, association_a: Association, other_debtor: User
) -> None:
    dossier = share_a.dossier
    dossier.total_claimed = Decimal("1000.00")
    dossier.answers = {
        "montants": {
            "lines": [
                {"label": "Capital", "kind": "principal", "amount": "880.00"},
                {"label": "Frais", "kind": "fees", "amount": "120.00"},
            ]
        }
    }
    dossier.save()
    barred = factories.dossier(
        owner=other_debtor, total_claimed=Decimal("500.00"), limitation_status="barred"
    )
    services.share_create(dossier=barred, association=association_a)
    services.review_update(
        dossiers=Dossier.objects.filter(pk=barred.pk),
        user=volunteer_a,
        status=Review.Status.CLOSED,
        assign=None,
    )
    services.access_log_record(user=volunteer_a, dossier=dossier, path="/x")
    services.access_log_record(user=volunteer_a, dossier=dossier, path="/x")


def test_activity_page(
    coordinator_a_client: Client, association_a: Association, activity_data
) -> None:
    response = coordinator_a_client.get(activity_url(association_a))
    assert response.status_code == 200
    rows = dict(response.context["figures"].rows())
    assert rows["Dossiers partagés"] == "2"
    assert rows["Dossiers consultés"] == "1"
    assert rows["Dossiers clos"] == "1"
    assert rows["Montant réclamé (€)"] == "1500,00"
    assert rows["Montant contesté (€)"] == "620,00"  # 500 barred + 120 fees
    assert rows["Suivi : clos"] == "1"


def test_activity_csv(
    coordinator_a_client: Client, association_a: Association, activity_data
) -> None:
    today = timezone.localdate().isoformat()
    response = coordinator_a_client.get(
        activity_url(association_a, f"?du={today}&au={today}&format=csv")
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffIndicateur;Valeur")
    rows = dict(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows["Montant réclamé (€)"] == "1500,00"
    assert rows["Dossiers partagés"] == "2"


def test_activity_empty_period(
    coordinator_a_client: Client, association_a: Association, activity_data
) -> None:
    response = coordinator_a_client.get(
        activity_url(association_a, "?du=2000-01-01&au=2000-01-31")
    )
    assert dict(response.context["figures"].rows())["Dossiers partagés"] == "0"


def test_activity_of_another_association_is_404(
    coordinator_a_client: Client, volunteer_a_client: Client, association_b: Association
) -> None:
    assert coordinator_a_client.get(activity_url(association_b)).status_code == 404
    assert volunteer_a_client.get(activity_url(association_b)).status_code in {403, 404}
