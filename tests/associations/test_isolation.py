"""Two associations on one dossier: neither sees the other's review or notes."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from accounts.models import User
from associations import selectors, services
from associations.models import Advice, Association, InternalNote, Review, Share
from dossiers.models import Dossier
from tests import factories
from tests.factories import logged_in

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/dossiers/dossier/"
A_ADVICE = "Conseil secret de A"
A_NOTE = "Note interne de A"
B_ADVICE = "Conseil de B"
B_NOTE = "Note interne de B"


def change_url(dossier: Dossier) -> str:
    return f"/admin/dossiers/dossier/{dossier.pk}/change/"


def write(model, dossier: Dossier, author: User, text: str):
    note = model(dossier=dossier, text=text)
    services.note_save(note=note, author=author)
    return note


@pytest.fixture
def both(
    dossier: Dossier,
    share_a: Share,
    association_b: Association,
    volunteer_a: User,
    volunteer_b: User,
) -> Share:
    """A writes before B's consent, then the dossier is shared with B too."""
    write(Advice, dossier, volunteer_a, A_ADVICE)
    write(InternalNote, dossier, volunteer_a, A_NOTE)
    services.review_update(
        dossiers=Dossier.objects.filter(pk=dossier.pk),
        user=volunteer_a,
        status=Review.Status.CLOSED,
        assign=volunteer_a,
    )
    share_b = services.share_create(dossier=dossier, association=association_b)
    write(Advice, dossier, volunteer_b, B_ADVICE)
    write(InternalNote, dossier, volunteer_b, B_NOTE)
    return share_b


def formset_post(page_context, **changes: str) -> dict[str, str]:
    """The change form as rendered, with ``changes`` applied."""
    data: dict[str, str] = {}
    for inline in page_context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name, field in management.fields.items():
            data[f"{formset.prefix}-{name}"] = str(
                management.initial.get(name, field.initial or "")
            )
        for form in formset.forms:
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if hasattr(value, "pk"):
                    value = value.pk
                if value is not None and not field.disabled:
                    data[form.add_prefix(name)] = str(value)
    data.update(changes)
    return data


def test_notes_are_attributed_to_the_author_association(
    both: Share, association_a: Association, association_b: Association
) -> None:
    assert Advice.objects.get(text=A_ADVICE).association == association_a
    assert InternalNote.objects.get(text=B_NOTE).association == association_b
    reviews = dict(
        Review.objects.filter(dossier=both.dossier).values_list(
            "association__name", "status"
        )
    )
    assert reviews == {"Asso A": "clos", "Asso B": "nouveau"}


@pytest.mark.parametrize(
    ("who", "mine", "theirs"),
    [
        ("volunteer_b_client", (B_ADVICE, B_NOTE), (A_ADVICE, A_NOTE, "Valérie")),
        ("volunteer_a_client", (A_ADVICE, A_NOTE), (B_ADVICE, B_NOTE, "Victor")),
    ],
)
def test_change_page_shows_only_my_association(
    both: Share, who: str, mine, theirs, request: pytest.FixtureRequest
) -> None:
    client = request.getfixturevalue(who)
    page = client.get(change_url(both.dossier)).content.decode()
    for text in mine:
        assert text in page
    for text in theirs:
        assert text not in page


def test_b_sees_its_own_review_not_a_s(both: Share, volunteer_b_client: Client) -> None:
    response = volunteer_b_client.get(CHANGELIST)
    (row,) = response.context["cl"].result_list
    assert (row.review_status, row.review_assigned_id) == ("nouveau", None)
    page = response.content.decode()
    assert "Valérie" not in page
    assert (
        volunteer_b_client.get(CHANGELIST + "?suivi=clos").context["cl"].result_count
        == 0
    )
    assert (
        volunteer_b_client.get(CHANGELIST + "?assigne=personne")
        .context["cl"]
        .result_count
        == 1
    )
    forms = volunteer_b_client.get(change_url(both.dossier)).context[
        "inline_admin_formsets"
    ]
    (reviews,) = [i.formset for i in forms if i.formset.model is Review]
    assert [f.instance.association.name for f in reviews.forms] == ["Asso B"]


def test_b_actions_change_only_b_review(
    both: Share, volunteer_b_client: Client, volunteer_b: User
) -> None:
    volunteer_b_client.post(
        CHANGELIST, {"action": "assign_to_me", "_selected_action": [both.dossier_id]}
    )
    volunteer_b_client.post(
        CHANGELIST, {"action": "mark_waiting", "_selected_action": [both.dossier_id]}
    )
    reviews = {
        r.association.name: (r.status, r.assigned_to)
        for r in Review.objects.filter(dossier=both.dossier)
    }
    assert reviews["Asso B"] == ("attente_reponse", volunteer_b)
    assert reviews["Asso A"][0] == "clos"
    assert reviews["Asso A"][1].email == "vol.a@example.org"


def test_b_cannot_reach_a_s_rows_by_id(both: Share, volunteer_b_client: Client) -> None:
    url = change_url(both.dossier)
    response = volunteer_b_client.get(url)
    advice = Advice.objects.get(text=A_ADVICE)
    note = InternalNote.objects.get(text=A_NOTE)
    review_a = Review.objects.get(dossier=both.dossier, association__name="Asso A")
    data = formset_post(
        response.context,
        **{
            "advice-0-id": str(advice.pk),
            "advice-0-text": "réécrit par B",
            "internal_notes-0-id": str(note.pk),
            "internal_notes-0-text": "réécrit par B",
            "reviews-0-id": str(review_a.pk),
            "reviews-0-status": "nouveau",
        },
    )
    volunteer_b_client.post(url, data)
    assert Advice.objects.get(pk=advice.pk).text == A_ADVICE
    assert InternalNote.objects.get(pk=note.pk).text == A_NOTE
    review_a.refresh_from_db()
    assert review_a.status == "clos"


def test_assignees_are_members_of_the_review_association(
    both: Share, volunteer_b_client: Client
) -> None:
    forms = volunteer_b_client.get(change_url(both.dossier)).context[
        "inline_admin_formsets"
    ]
    (reviews,) = [i.formset for i in forms if i.formset.model is Review]
    emails = {u.email for u in reviews.forms[0].fields["assigned_to"].queryset}
    assert emails == {"vol.b@example.org"}


def test_revoking_a_hides_the_dossier_from_a_but_debtor_keeps_the_advice(
    both: Share,
    share_a: Share,
    volunteer_a_client: Client,
    volunteer_b_client: Client,
    debtor_client: Client,
) -> None:
    services.share_revoke(share=share_a)
    assert volunteer_a_client.get(change_url(both.dossier)).status_code == 302
    assert volunteer_a_client.get(CHANGELIST).context["cl"].result_count == 0
    page = debtor_client.get(f"/dossiers/{both.dossier_id}/").content.decode()
    assert A_ADVICE in page
    assert B_ADVICE in page
    assert "Asso A" in page  # the advice's association, though revoked
    assert A_NOTE not in page
    assert B_NOTE not in page
    page = volunteer_b_client.get(change_url(both.dossier)).content.decode()
    assert A_ADVICE not in page


def test_a_s_notes_disappear_for_a_member_of_both_once_a_is_revoked(
    both: Share, share_a: Share, association_b: Association
) -> None:
    member = factories.user("deux@example.org")
    services.membership_add(user=member, association=association_b)
    services.membership_add(user=member, association=share_a.association)
    client = logged_in(member)
    page = client.get(change_url(both.dossier)).content.decode()
    assert A_NOTE in page
    assert B_NOTE in page
    services.share_revoke(share=share_a)
    page = client.get(change_url(both.dossier)).content.decode()
    assert B_NOTE in page
    assert A_NOTE not in page


def test_member_of_both_acts_for_the_lowest_id(
    both: Share, share_a: Share, association_b: Association
) -> None:
    member = factories.user("deux@example.org")
    services.membership_add(user=member, association=association_b)
    services.membership_add(user=member, association=share_a.association)
    first = min(share_a.association, association_b, key=lambda a: a.pk)
    assert selectors.acting_association(member, both.dossier) == first
    note = write(InternalNote, both.dossier, member, "les deux")
    assert note.association == first


def test_superuser_sees_every_association(both: Share) -> None:
    root = User.objects.create_superuser("root@example.org", "x" * 12)
    page = logged_in(root).get(change_url(both.dossier)).content.decode()
    for text in (A_ADVICE, A_NOTE, B_ADVICE, B_NOTE):
        assert text in page


# -- append-only -------------------------------------------------------------


@pytest.fixture
def colleague(association_a: Association) -> User:
    user = factories.user("collegue.a@example.org", first_name="Colette")
    services.membership_add(user=user, association=association_a)
    return user


def test_non_author_cannot_rewrite_advice(
    both: Share, colleague: User, volunteer_a: User
) -> None:
    advice = Advice.objects.get(text=A_ADVICE)
    advice.text = "réécrit"
    with pytest.raises(PermissionDenied):
        services.note_save(note=advice, author=colleague)
    client = logged_in(colleague)
    url = change_url(both.dossier)
    response = client.get(url)
    assert 'name="advice-0-text"' not in response.content.decode() or (
        "disabled" in response.content.decode()
    )
    client.post(url, formset_post(response.context, **{"advice-0-text": "réécrit"}))
    advice = Advice.objects.get(pk=advice.pk)
    assert (advice.text, advice.author) == (A_ADVICE, volunteer_a)


def test_author_edits_own_advice_and_stays_author(
    both: Share, volunteer_a_client: Client, volunteer_a: User
) -> None:
    url = change_url(both.dossier)
    response = volunteer_a_client.get(url)
    data = formset_post(response.context, **{"advice-0-text": "Corrigé par Valérie"})
    assert volunteer_a_client.post(url, data).status_code == 302
    advice = Advice.objects.get(text="Corrigé par Valérie")
    assert (advice.author, advice.association.name) == (volunteer_a, "Asso A")


def test_no_delete_for_volunteers(both: Share, volunteer_a_client: Client) -> None:
    url = change_url(both.dossier)
    response = volunteer_a_client.get(url)
    data = formset_post(
        response.context,
        **{"advice-0-DELETE": "on", "internal_notes-0-DELETE": "on"},
    )
    volunteer_a_client.post(url, data)
    assert Advice.objects.filter(text=A_ADVICE).exists()
    assert InternalNote.objects.filter(text=A_NOTE).exists()


def test_note_without_access_is_refused(dossier: Dossier, volunteer_a: User) -> None:
    with pytest.raises(PermissionDenied):
        write(Advice, dossier, volunteer_a, "sans partage")
