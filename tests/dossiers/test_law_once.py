"""The law runs once per request: one estimate and one triage for each step
POST, the dossier page and a letter's generation (``dossiers.assessment``)."""

from collections import Counter

import pytest
from django.test import Client

from dossiers.models import Dossier
from letters.models import Letter

from .wizard_data import post_data

pytestmark = pytest.mark.django_db

STEPS = (
    "courrier",
    "montants",
    "verifications",
    "prescription",
    "situation",
    "reponse",
)


def filled(client: Client) -> Dossier:
    """A dossier answered up to « Ma réponse » (payment considered: every step)."""
    client.post("/dossiers/nouveau/courrier/", post_data("courrier"))
    dossier = Dossier.objects.latest("id")
    for step in STEPS[1:]:
        response = client.post(
            f"/dossiers/{dossier.pk}/modifier/{step}/", post_data(step)
        )
        assert response.status_code == 302, step
    return dossier


@pytest.mark.parametrize("step", [*STEPS, "coordonnees"])
def test_each_step_post_runs_the_law_once(
    debtor_client: Client, calls: Counter[str], step: str
) -> None:
    dossier = filled(debtor_client)
    calls.clear()
    url = f"/dossiers/{dossier.pk}/modifier/{step}/"
    response = debtor_client.post(url, post_data(step))
    assert response.status_code == 302
    assert calls == Counter(engine=1, triage=1)


def test_the_prescription_step_with_an_engine_check_runs_it_once(
    debtor_client: Client, calls: Counter[str]
) -> None:
    """The form's input check and the assessment share one estimate."""
    dossier = filled(debtor_client)
    calls.clear()
    changed = post_data(
        "prescription", **{"prescription-events-0-kind": "acknowledgment"}
    )
    debtor_client.post(f"/dossiers/{dossier.pk}/modifier/prescription/", changed)
    assert calls == Counter(engine=1, triage=1)


def test_the_dossier_page_runs_the_law_once(
    debtor_client: Client, calls: Counter[str]
) -> None:
    dossier = filled(debtor_client)
    calls.clear()
    assert debtor_client.get(f"/dossiers/{dossier.pk}/").status_code == 200
    assert calls == Counter(engine=1, triage=1)


def test_a_step_page_runs_the_law_at_most_once(
    debtor_client: Client, calls: Counter[str]
) -> None:
    dossier = filled(debtor_client)
    for step in STEPS:
        calls.clear()
        debtor_client.get(f"/dossiers/{dossier.pk}/modifier/{step}/")
        assert calls["engine"] <= 1, step
        assert calls["triage"] <= 1, step


def test_generating_a_letter_runs_the_law_once(
    debtor_client: Client, calls: Counter[str]
) -> None:
    dossier = filled(debtor_client)
    url = f"/dossiers/{dossier.pk}/lettres/contestation/generer/"
    for version in (1, 2):  # a new letter, then a letter that exists
        calls.clear()
        assert debtor_client.post(url).status_code == 302
        assert Letter.objects.get(dossier=dossier).versions.count() == version
        assert calls == Counter(engine=1, triage=1)
