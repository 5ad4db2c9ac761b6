"""Coordinators invite by e-mail; the invitee accepts while logged in."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import User
from associations import roles, services
from associations.models import Association, Invitation, Membership
from tests import factories
from tests.factories import logged_in

pytestmark = pytest.mark.django_db

ADD = "/admin/associations/invitation/add/"
LIST = "/admin/associations/invitation/"


def invite(client: Client, email: str, association: Association, role="volunteer"):
    return client.post(
        ADD, {"email": email, "association": association.pk, "role": role}, follow=True
    )


def message(response) -> str:
    (msg,) = [str(m) for m in response.context["messages"]]
    return msg


def link(email_index: int = -1) -> str:
    found = re.search(
        r"https?://[^/\s]+(/associations/invitation/[^/\s]+/)",
        mail.outbox[email_index].body,
    )
    assert found
    return found.group(1)


@pytest.fixture
def invited(association_a: Association, coordinator_a: User) -> tuple[User, str]:
    user = factories.user("invitee@example.org")
    _, token = services.invitation_create(
        association=association_a,
        email="Invitee@example.org",
        role=Membership.Role.VOLUNTEER,
        created_by=coordinator_a,
        base_url="http://testserver",
    )
    return user, f"/associations/invitation/{token}/"


def test_message_is_the_same_with_or_without_an_account(
    coordinator_a_client: Client,
    association_a: Association,
    django_capture_on_commit_callbacks,
) -> None:
    existing = factories.user("exists@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        one = invite(coordinator_a_client, "exists@example.org", association_a)
    with django_capture_on_commit_callbacks(execute=True):
        two = invite(coordinator_a_client, "nobody@example.org", association_a)
    assert one.status_code == two.status_code == 200
    assert message(one).replace("exists", "X") == message(two).replace("nobody", "X")
    assert "Aucun compte" not in one.content.decode() + two.content.decode()
    assert [m.to for m in mail.outbox] == [
        ["exists@example.org"],
        ["nobody@example.org"],
    ]
    assert "Asso A" in mail.outbox[0].subject
    existing.refresh_from_db()
    assert not existing.is_staff
    assert not Membership.objects.filter(user=existing).exists()
    # Only the hash of the token is stored.
    token = link(0).rstrip("/").rsplit("/", 1)[-1]
    assert not Invitation.objects.filter(token_hash=token).exists()


def test_accept_requires_the_invited_address(invited, association_a) -> None:
    user, url = invited
    stranger = logged_in(factories.user("stranger@example.org"))
    assert stranger.get(url).status_code == 403
    assert stranger.post(url).status_code == 403
    assert (
        not Membership.objects.filter(association=association_a)
        .exclude(user__email="coord.a@example.org")
        .exists()
    )
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/connexion/")
    user.refresh_from_db()
    assert not user.is_staff


def test_invitee_accepts_once(invited, association_a) -> None:
    user, url = invited
    client = logged_in(user)
    page = client.get(url)
    assert page.status_code == 200
    assert "Asso A" in page.content.decode()
    user.refresh_from_db()
    assert not user.is_staff  # not before the POST
    key_before = client.session.session_key
    response = client.post(url)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_staff
    # New privileges, new session key; a staff session ends with the browser.
    assert client.session.session_key != key_before
    assert client.cookies["sessionid"]["max-age"] == ""
    assert client.get("/admin/").status_code == 200
    assert user.groups.filter(name=roles.VOLUNTEERS).exists()
    assert Membership.objects.filter(user=user, association=association_a).exists()
    assert Invitation.objects.get().accepted_at is not None
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_expired_or_unknown_token_is_404(invited) -> None:
    user, url = invited
    client = logged_in(user)
    assert client.get("/associations/invitation/inconnu/").status_code == 404
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    user.refresh_from_db()
    assert not user.is_staff


def test_coordinator_invites_only_to_their_association(
    coordinator_a_client: Client, association_b: Association
) -> None:
    page = coordinator_a_client.get(ADD).content.decode()
    assert "Asso A" in page
    assert "Asso B" not in page
    invite(coordinator_a_client, "x@example.org", association_b)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_pending_invitations_are_scoped(
    coordinator_a_client: Client, invited, association_b: Association
) -> None:
    services.invitation_create(
        association=association_b,
        email="chez-b@example.org",
        role="volunteer",
        created_by=None,
        base_url="http://testserver",
    )
    page = coordinator_a_client.get(LIST + "?etat=attente").content.decode()
    assert "invitee@example.org" in page
    assert "chez-b@example.org" not in page
    other = Invitation.objects.get(email="chez-b@example.org")
    response = coordinator_a_client.get(f"{LIST}{other.pk}/change/")
    assert response.status_code == 302  # "n'existe pas"


def test_volunteers_cannot_invite(volunteer_a_client: Client, association_a) -> None:
    assert volunteer_a_client.get(ADD).status_code == 403
    assert volunteer_a_client.get(LIST).status_code == 403


def test_superuser_still_adds_members_directly(association_a: Association) -> None:
    root = User.objects.create_superuser("root@example.org", "x" * 12)
    member = factories.user("direct@example.org")
    response = logged_in(root).post(
        "/admin/associations/membership/add/",
        {
            "email": "direct@example.org",
            "association": association_a.pk,
            "role": "volunteer",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.is_staff
