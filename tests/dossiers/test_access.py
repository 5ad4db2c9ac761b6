"""Every dossier URL: owner 200, another user 404, anonymous to the login page."""

import pytest
from django.test import Client

from dossiers import access
from dossiers.models import Dossier

pytestmark = pytest.mark.django_db

DOSSIER_URLS = [
    "/dossiers/{id}/",
    "/dossiers/{id}/supprimer/",
    "/dossiers/{id}/modifier/courrier/",
    "/dossiers/{id}/modifier/prescription/",
    "/dossiers/{id}/lecture/etat/",
]
REDIRECTING_URLS = ["/dossiers/{id}/lecture/"]
"""Owner: a redirect when no reading is under way (the matrix below still
checks other users and anonymous visitors)."""


@pytest.mark.parametrize("pattern", DOSSIER_URLS)
def test_owner_gets_200(debtor_client: Client, dossier: Dossier, pattern: str) -> None:
    assert debtor_client.get(pattern.format(id=dossier.pk)).status_code == 200


@pytest.mark.parametrize("pattern", REDIRECTING_URLS)
def test_owner_is_not_refused(
    debtor_client: Client, dossier: Dossier, pattern: str
) -> None:
    assert debtor_client.get(pattern.format(id=dossier.pk)).status_code == 302


@pytest.mark.parametrize("pattern", DOSSIER_URLS + REDIRECTING_URLS)
def test_other_user_gets_404(
    other_client: Client, dossier: Dossier, pattern: str
) -> None:
    url = pattern.format(id=dossier.pk)
    assert other_client.get(url).status_code == 404
    assert other_client.post(url).status_code == 404
    assert Dossier.objects.filter(pk=dossier.pk).exists()


@pytest.mark.parametrize("pattern", DOSSIER_URLS + REDIRECTING_URLS)
def test_anonymous_goes_to_login(
    client: Client, dossier: Dossier, pattern: str
) -> None:
    response = client.get(pattern.format(id=dossier.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")


def test_list_shows_only_own_dossiers(
    debtor_client: Client, dossier: Dossier, other_debtor
) -> None:
    Dossier.objects.create(owner=other_debtor, title="Secret de Marc")
    body = debtor_client.get("/dossiers/").content.decode()
    assert dossier.title in body
    assert "Secret de Marc" not in body


def test_access_rejects_garbage_ids(debtor) -> None:
    for bad in ["abc", "", None, 10**30]:
        with pytest.raises(access.Http404):
            access.get_dossier_for_owner(debtor, bad)  # type: ignore[arg-type]


def test_list_links_to_the_new_dossier_wizard(debtor_client: Client) -> None:
    assert (
        'href="/dossiers/nouveau/"' in debtor_client.get("/dossiers/").content.decode()
    )


def test_owner_deletes_dossier_with_confirmation(
    debtor_client: Client, dossier: Dossier
) -> None:
    page = debtor_client.get(f"/dossiers/{dossier.pk}/supprimer/").content.decode()
    assert "définitivement" in page
    debtor_client.post(f"/dossiers/{dossier.pk}/supprimer/")
    assert not Dossier.objects.filter(pk=dossier.pk).exists()
