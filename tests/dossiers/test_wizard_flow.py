"""The wizard end to end with the test client."""

import pytest
from django.test import Client

from dossiers.models import Dossier

from .wizard_data import STEPS, post_data

pytestmark = pytest.mark.django_db


def start(client: Client) -> Dossier:
    response = client.post("/dossiers/nouveau/courrier/", post_data("courrier"))
    assert response.status_code == 302, response.content.decode()[:3000]
    dossier = Dossier.objects.latest("id")
    assert response["Location"] == f"/dossiers/{dossier.pk}/modifier/montants/"
    return dossier


def finish(client: Client, dossier: Dossier) -> None:
    for step in list(STEPS)[1:]:
        url = f"/dossiers/{dossier.pk}/modifier/{step}/"
        page = client.get(url)
        assert page.status_code == 200, step
        data = post_data(step)
        if step == "reponse":
            data["reponse-letters"] = ["contestation"]
        response = client.post(url, data)
        assert response.status_code == 302, (step, response.content.decode()[:3000])


def test_new_dossier_page_offers_the_first_step_by_hand(debtor_client: Client) -> None:
    """« Nouveau dossier » opens on the photo intake (reading); typing
    everything stays one link away, on the questionnaire's first step."""
    intake = debtor_client.get("/dossiers/nouveau/").content.decode()
    assert 'href="/dossiers/nouveau/courrier/"' in intake
    page = debtor_client.get("/dossiers/nouveau/courrier/")
    assert "Le courrier" in page.content.decode()


def test_first_valid_step_creates_the_dossier(debtor_client: Client, debtor) -> None:
    dossier = start(debtor_client)
    assert dossier.owner == debtor
    assert dossier.answers.to_json()["courrier"]["agency_name"] == "Intrum Justitia"
    assert dossier.agency_reference == "INT-2026-48213"


def test_whole_wizard_then_dossier_page(debtor_client: Client) -> None:
    dossier = start(debtor_client)
    finish(debtor_client, dossier)
    response = debtor_client.get(f"/dossiers/{dossier.pk}/modifier/termine/")
    assert response["Location"] == f"/dossiers/{dossier.pk}/"
    dossier.refresh_from_db()
    assert dossier.completed_at is not None
    page = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "Ce que nous avons relevé" in page
    assert "R124-4" in page
