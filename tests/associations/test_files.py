"""The access-checked file view for reviewers (and owners)."""

import pytest
from django.test import Client

from associations import services
from associations.models import Share
from dossiers.models import Upload

pytestmark = pytest.mark.django_db


def url(upload: Upload) -> str:
    return f"/admin-fichiers/{upload.dossier_id}/{upload.pk}/"


def test_owner_gets_the_file(debtor_client: Client, upload: Upload) -> None:
    response = debtor_client.get(url(upload))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_volunteer_of_the_association_gets_the_file(
    volunteer_a_client: Client, share_a: Share, upload: Upload
) -> None:
    assert volunteer_a_client.get(url(upload)).status_code == 200


def test_volunteer_of_another_association_gets_404(
    volunteer_b_client: Client, share_a: Share, upload: Upload
) -> None:
    assert volunteer_b_client.get(url(upload)).status_code == 404


def test_other_debtor_gets_404(
    other_client: Client, share_a: Share, upload: Upload
) -> None:
    assert other_client.get(url(upload)).status_code == 404


def test_revoked_share_gives_404(
    volunteer_a_client: Client, share_a: Share, upload: Upload
) -> None:
    services.share_revoke(share=share_a)
    assert volunteer_a_client.get(url(upload)).status_code == 404


def test_upload_of_another_dossier_gives_404(
    volunteer_a_client: Client, share_a: Share, upload: Upload, other_debtor
) -> None:
    from tests import factories

    other = factories.dossier(owner=other_debtor)
    response = volunteer_a_client.get(f"/admin-fichiers/{other.pk}/{upload.pk}/")
    assert response.status_code == 404
    response = volunteer_a_client.get(f"/admin-fichiers/{share_a.dossier_id}/999/")
    assert response.status_code == 404


def test_anonymous_goes_to_login(client: Client, upload: Upload) -> None:
    response = client.get(url(upload))
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")
