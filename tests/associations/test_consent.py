"""Debtor side: share, revoke, who has access, advice (never internal notes)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from associations import services
from associations.models import Advice, Association, InternalNote, Share
from dossiers.models import Dossier

pytestmark = pytest.mark.django_db


def share_url(dossier: Dossier) -> str:
    return f"/dossiers/{dossier.pk}/partage/"


def revoke_url(share: Share) -> str:
    return f"/dossiers/{share.dossier_id}/partage/{share.pk}/retirer/"


def test_owner_shares_with_recorded_consent(
    debtor_client: Client, dossier: Dossier, association_a: Association
) -> None:
    response = debtor_client.post(share_url(dossier), {"association": association_a.pk})
    assert response.status_code == 302
    share = Share.objects.get(dossier=dossier, association=association_a)
    assert share.consented_at is not None
    assert share.revoked_at is None
    assert dossier.reviews.get(association=association_a).status == "nouveau"


def test_sharing_twice_keeps_one_active_share(
    debtor_client: Client, dossier: Dossier, association_a: Association
) -> None:
    for _ in range(2):
        debtor_client.post(share_url(dossier), {"association": association_a.pk})
    assert Share.objects.filter(dossier=dossier).count() == 1


def test_invalid_association_shares_nothing(
    debtor_client: Client, dossier: Dossier
) -> None:
    debtor_client.post(share_url(dossier), {"association": "999"})
    assert not Share.objects.exists()


def test_page_shows_who_has_access(
    debtor_client: Client, dossier: Dossier, share_a: Share, association_b
) -> None:
    page = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "Asso A" in page
    assert "depuis le" in page
    assert revoke_url(share_a) in page
    # B is still offered in the list; A is not offered twice.
    assert f'<option value="{association_b.pk}">' in page
    assert f'<option value="{share_a.association_id}">' not in page


def test_page_reads_shares_and_advice_in_constant_queries(
    debtor_client: Client,
    dossier: Dossier,
    association_a: Association,
    association_b: Association,
    volunteer_a,
) -> None:
    """The sharing section and the advice notice: the advice read once for
    both, the shares and the associations without a join, whatever their
    number; a revoked share neither lists its association as having access
    nor hides it from the choices. A dossier shared with nobody and without
    advice skips both reads (one plain query says so)."""
    url = f"/dossiers/{dossier.pk}/"
    debtor_client.get(url)
    with CaptureQueriesContext(connection) as unshared:
        debtor_client.get(url)
    share = services.share_create(dossier=dossier, association=association_a)
    Advice.objects.create(
        dossier=dossier,
        association=association_a,
        author=volunteer_a,
        text="Premier conseil.",
    )
    with CaptureQueriesContext(connection) as alone:
        debtor_client.get(url)
    assert len(alone.captured_queries) == len(unshared.captured_queries) + 2
    revoked = Association.objects.create(name="Asso R", city="Rennes")
    services.share_create(dossier=dossier, association=revoked)
    Share.objects.filter(association=revoked).update(revoked_at=share.consented_at)
    Advice.objects.create(
        dossier=dossier,
        association=association_a,
        author=volunteer_a,
        text="Second conseil.",
    )
    with CaptureQueriesContext(connection) as busy:
        page = debtor_client.get(url).content.decode()
    assert len(busy.captured_queries) == len(alone.captured_queries)
    advice_reads = [
        q
        for q in busy.captured_queries
        if 'FROM "associations_advice"' in q["sql"] and "EXISTS" not in q["sql"]
    ]
    assert len(advice_reads) == 1
    assert "Vous avez reçu des conseils" in page
    assert "(2 conseils en tout)" in page
    assert "Premier conseil." in page
    assert "Second conseil." in page
    assert "Valérie, le" in page
    assert "<strong>Asso A</strong> (Lyon), depuis le" in page
    assert revoke_url(share) in page
    assert "Asso R</strong>" not in page
    assert f'<option value="{revoked.pk}">' in page
    assert f'<option value="{association_b.pk}">' in page
    assert f'<option value="{association_a.pk}">' not in page


def test_owner_revokes(debtor_client: Client, share_a: Share) -> None:
    response = debtor_client.post(revoke_url(share_a))
    assert response.status_code == 302
    share_a.refresh_from_db()
    assert share_a.revoked_at is not None
    page = debtor_client.get(f"/dossiers/{share_a.dossier_id}/").content.decode()
    assert "Vous seul avez accès" in page


def test_share_views_refuse_get(debtor_client: Client, share_a: Share) -> None:
    assert debtor_client.get(share_url(share_a.dossier)).status_code == 405
    assert debtor_client.get(revoke_url(share_a)).status_code == 405


def test_other_debtor_gets_404(
    other_client: Client, share_a: Share, association_b: Association
) -> None:
    dossier = share_a.dossier
    assert (
        other_client.post(share_url(dossier), {"association": association_b.pk})
    ).status_code == 404
    assert other_client.post(revoke_url(share_a)).status_code == 404
    share_a.refresh_from_db()
    assert share_a.revoked_at is None
    assert Share.objects.count() == 1


def test_volunteer_cannot_revoke_or_share(
    volunteer_a_client: Client, share_a: Share
) -> None:
    assert volunteer_a_client.post(revoke_url(share_a)).status_code == 404


def test_anonymous_goes_to_login(client: Client, share_a: Share) -> None:
    for url in (share_url(share_a.dossier), revoke_url(share_a)):
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/")


def test_revoked_share_cannot_be_revoked_again(
    debtor_client: Client, share_a: Share
) -> None:
    services.share_revoke(share=share_a)
    assert debtor_client.post(revoke_url(share_a)).status_code == 404


def test_advice_shown_to_debtor_internal_note_never(
    debtor_client: Client, dossier: Dossier, share_a: Share, volunteer_a
) -> None:
    services.note_save(
        note=Advice(dossier=dossier, text="Envoyez la lettre d'opposition."),
        author=volunteer_a,
    )
    services.note_save(
        note=InternalNote(dossier=dossier, text="Secret entre bénévoles"),
        author=volunteer_a,
    )
    page = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "Envoyez la lettre d&#x27;opposition." in page
    assert "Valérie" in page
    assert "Secret entre bénévoles" not in page


def test_dossier_page_queries_do_not_grow_with_shares_and_advice(
    debtor_client: Client,
    dossier: Dossier,
    share_a: Share,
    volunteer_a,
    django_assert_max_num_queries,
) -> None:
    url = f"/dossiers/{dossier.pk}/"
    with django_assert_max_num_queries(100) as few:
        debtor_client.get(url)
    for index in range(5):
        association = Association.objects.create(name=f"Asso {index}")
        services.share_create(dossier=dossier, association=association)
        services.note_save(
            note=Advice(dossier=dossier, text=f"Conseil {index}"), author=volunteer_a
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        debtor_client.get(url)


def test_advice_is_announced_at_the_top_and_in_the_list(
    debtor_client: Client, dossier: Dossier, share_a: Share, volunteer_a
) -> None:
    """The advice sits at the bottom of a long page: a notice near the top
    links to it, and « Mes dossiers » says that advice came."""
    page = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "titre-conseils-recus" not in page
    assert "Conseil reçu" not in debtor_client.get("/dossiers/").content.decode()
    for text in ("Premier conseil.", "Envoyez la lettre d'opposition."):
        services.note_save(note=Advice(dossier=dossier, text=text), author=volunteer_a)
    page = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    notice = page.index('id="titre-conseils-recus"')
    assert notice < page.index("Ce que nous avons relevé")
    assert f"{share_a.association.name} vous a écrit le " in page
    assert "(2 conseils en tout)" in page
    assert 'href="#conseils"' in page
    assert 'id="conseils"' in page
    listing = debtor_client.get("/dossiers/").content.decode()
    assert "Conseil reçu" in listing
    assert f'href="/dossiers/{dossier.pk}/#conseils"' in listing
