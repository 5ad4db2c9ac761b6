"""People in the volunteers' admin (issue 19, item 14): the author of advice
is plain text (a link to their account was a 403 for a volunteer), and two
members with the same name are told apart by their e-mail."""

from django.test import Client
from django.urls import reverse

from accounts.models import User
from associations import services
from associations.models import Advice, Association, Share
from tests import factories

from .test_admin_scoping import change_url


def test_the_advice_author_is_not_a_link_to_a_forbidden_page(
    volunteer_a_client: Client, volunteer_a: User, share_a: Share
) -> None:
    services.note_save(
        note=Advice(dossier=share_a.dossier, text="Ne payez pas."), author=volunteer_a
    )
    page = volunteer_a_client.get(change_url(share_a.dossier)).content.decode()
    account = reverse("admin:accounts_user_change", args=[volunteer_a.pk])
    assert f'href="{account}"' not in page
    assert volunteer_a_client.get(account).status_code == 403  # what the link gave
    assert "Valérie A (vol.a@example.org)" in page


def test_members_with_the_same_name_are_told_apart_by_e_mail(
    volunteer_a_client: Client, association_a: Association, share_a: Share
) -> None:
    for email in ("sophie.martin@example.org", "s.martin.lyon@example.net"):
        namesake = factories.user(email, first_name="Sophie", last_name="Martin")
        services.membership_add(user=namesake, association=association_a)
    page = volunteer_a_client.get(change_url(share_a.dossier)).content.decode()
    assert "Sophie Martin (sophie.martin@example.org)</option>" in page
    assert "Sophie Martin (s.martin.lyon@example.net)</option>" in page


def test_the_members_list_has_an_e_mail_column(
    coordinator_a_client: Client, volunteer_a: User
) -> None:
    page = coordinator_a_client.get(
        reverse("admin:associations_membership_changelist")
    ).content.decode()
    assert "column-member_email" in page
    assert '<td class="field-member_email">vol.a@example.org</td>' in page
