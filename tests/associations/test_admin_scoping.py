"""A volunteer sees in /admin/ only the dossiers shared with their association."""

import pytest
from django.test import Client

from accounts.models import User
from associations import services
from associations.models import AccessLog, Association, Review, Share
from dossiers.models import Dossier
from tests import factories
from tests.factories import logged_in

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/dossiers/dossier/"


def change_url(dossier: Dossier) -> str:
    return f"/admin/dossiers/dossier/{dossier.pk}/change/"


@pytest.fixture
def other_dossier(other_debtor: User, association_b: Association) -> Dossier:
    dossier = factories.dossier(owner=other_debtor, title="Dossier de Marc")
    services.share_create(dossier=dossier, association=association_b)
    return dossier


def test_changelist_shows_only_dossiers_shared_with_my_association(
    volunteer_a_client: Client, share_a: Share, other_dossier: Dossier
) -> None:
    page = volunteer_a_client.get(CHANGELIST).content.decode()
    assert share_a.dossier.title in page
    assert "Dossier de Marc" not in page


def test_other_association_sees_none_of_mine(
    volunteer_b_client: Client, share_a: Share, other_dossier: Dossier
) -> None:
    page = volunteer_b_client.get(CHANGELIST).content.decode()
    assert "Dossier de Marc" in page
    assert share_a.dossier.title not in page


def test_typing_the_id_of_a_dossier_not_shared_says_it_does_not_exist(
    volunteer_b_client: Client, share_a: Share
) -> None:
    url = change_url(share_a.dossier)
    response = volunteer_b_client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "n’existe pas" in response.content.decode()
    assert volunteer_b_client.get(url.replace("change/", "history/")).status_code == 302
    assert not AccessLog.objects.exists()


def test_revoking_hides_at_once(volunteer_a_client: Client, share_a: Share) -> None:
    assert volunteer_a_client.get(change_url(share_a.dossier)).status_code == 200
    services.share_revoke(share=share_a)
    assert volunteer_a_client.get(change_url(share_a.dossier)).status_code == 302
    assert (
        share_a.dossier.title not in volunteer_a_client.get(CHANGELIST).content.decode()
    )


def test_volunteer_cannot_delete(volunteer_a_client: Client, share_a: Share) -> None:
    dossier = share_a.dossier
    page = volunteer_a_client.get(change_url(dossier)).content.decode()
    assert "/delete/" not in page
    url = f"/admin/dossiers/dossier/{dossier.pk}/delete/"
    assert volunteer_a_client.post(url, {"post": "yes"}).status_code == 403
    volunteer_a_client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [dossier.pk]}
    )
    assert Dossier.objects.filter(pk=dossier.pk).exists()


def test_opening_is_logged(
    volunteer_a_client: Client, volunteer_a: User, share_a: Share
) -> None:
    volunteer_a_client.get(change_url(share_a.dossier))
    log = AccessLog.objects.get()
    assert (log.user, log.dossier) == (volunteer_a, share_a.dossier)
    assert log.path == change_url(share_a.dossier)


def test_change_page_shows_findings_uploads_and_answers_read_only(
    volunteer_a_client: Client, share_a: Share, upload
) -> None:
    page = volunteer_a_client.get(change_url(share_a.dossier)).content.decode()
    # No dates yet in this dossier: the finding says the estimate is missing.
    assert "Prescription pas encore estimée" in page
    assert f"/admin-fichiers/{share_a.dossier_id}/{upload.pk}/" in page
    assert 'name="title"' not in page
    assert 'name="advice-0-text"' in page
    assert 'name="internal_notes-0-text"' in page


def test_advice_is_signed_by_the_volunteer_and_dossier_untouched(
    volunteer_a_client: Client, volunteer_a: User, share_a: Share
) -> None:
    dossier = share_a.dossier
    before = Dossier.objects.get(pk=dossier.pk).updated_at
    data = {
        "reviews-TOTAL_FORMS": "1",
        "reviews-INITIAL_FORMS": "1",
        "reviews-0-id": str(Review.objects.get(dossier=dossier).pk),
        "reviews-0-dossier": str(dossier.pk),
        "reviews-0-status": "en_cours",
        "reviews-0-assigned_to": str(volunteer_a.pk),
        "advice-TOTAL_FORMS": "1",
        "advice-INITIAL_FORMS": "0",
        "advice-0-text": "Ne payez pas.",
        "advice-0-dossier": str(dossier.pk),
        "internal_notes-TOTAL_FORMS": "0",
        "internal_notes-INITIAL_FORMS": "0",
    }
    response = volunteer_a_client.post(change_url(dossier), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    advice = dossier.advice.get()
    assert (advice.text, advice.author) == ("Ne payez pas.", volunteer_a)
    assert advice.association == share_a.association
    review = Review.objects.get(dossier=dossier)
    assert (review.status, review.assigned_to) == ("en_cours", volunteer_a)
    assert Dossier.objects.get(pk=dossier.pk).updated_at == before


def test_only_members_of_shared_associations_can_be_assigned(
    volunteer_a_client: Client, volunteer_b: User, share_a: Share
) -> None:
    page = volunteer_a_client.get(change_url(share_a.dossier)).content.decode()
    assert "vol.a@example.org" in page or "Valérie" in page
    assert "Victor" not in page


def test_volunteer_sees_no_users_groups_associations_or_logs(
    volunteer_a_client: Client,
) -> None:
    for url in (
        "/admin/accounts/user/",
        "/admin/auth/group/",
        "/admin/associations/association/",
        "/admin/associations/membership/",
        "/admin/associations/accesslog/",
    ):
        assert volunteer_a_client.get(url).status_code == 403, url


def test_debtor_cannot_enter_admin(debtor_client: Client, share_a: Share) -> None:
    for url in ("/admin/", CHANGELIST, change_url(share_a.dossier)):
        response = debtor_client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_superuser_sees_all(share_a: Share, other_dossier: Dossier) -> None:
    admin = User.objects.create_superuser("root@example.org", "x" * 12)
    client = logged_in(admin)
    page = client.get(CHANGELIST).content.decode()
    assert share_a.dossier.title in page
    assert "Dossier de Marc" in page


def test_actions_assign_and_change_status(
    volunteer_a_client: Client, volunteer_a: User, share_a: Share
) -> None:
    pk = share_a.dossier_id
    for action in ("assign_to_me", "mark_closed"):
        volunteer_a_client.post(
            CHANGELIST, {"action": action, "_selected_action": [pk]}
        )
    review = Review.objects.get(dossier_id=pk)
    assert (review.status, review.assigned_to) == ("clos", volunteer_a)


def test_action_on_a_dossier_not_shared_changes_nothing(
    volunteer_b_client: Client, share_a: Share
) -> None:
    volunteer_b_client.post(
        CHANGELIST, {"action": "mark_closed", "_selected_action": [share_a.dossier_id]}
    )
    assert Review.objects.get(dossier_id=share_a.dossier_id).status == "nouveau"


def test_the_dossier_page_links_nowhere_a_volunteer_cannot_go(
    volunteer_a_client: Client, share_a: Share, dossier: Dossier
) -> None:
    """Read-only association fields are plain text: Django would link them to
    the association's change page, a 403 for a volunteer."""
    page = volunteer_a_client.get(change_url(dossier)).content.decode()
    assert str(share_a.association) in page
    assert "/admin/associations/association/" not in page
    association_page = f"/admin/associations/association/{share_a.association.pk}/"
    assert volunteer_a_client.get(f"{association_page}change/").status_code == 403
