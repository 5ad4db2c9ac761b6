"""Rows the page says may stay empty, as a real browser posts them.

An untouched row posts its « Nature » select; its first, empty option keeps the
row "unchanged" so the formset skips it. Test-client tests do not see this: they
post only the keys they choose.
"""

import re

import pytest
from django.test import Client
from playwright.sync_api import Page

from .conftest import answer_steps

pytestmark = pytest.mark.e2e


def test_total_alone_is_accepted_when_the_letter_has_no_detail(
    server_url: str, signed_in: Client, page: Page
) -> None:
    # The page says: « S'il n'y a pas de détail, indiquez seulement le total ».
    dossier_id = answer_steps(signed_in, [])
    page.goto(f"{server_url}/dossiers/{dossier_id}/modifier/montants/")
    page.get_by_label("Montant total réclamé").fill("845,20")
    page.get_by_role("group", name="vie privée").get_by_label("Oui").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer et continuer").click()
    assert page.url.endswith("/modifier/verifications/"), page.url


def test_event_row_may_stay_empty_when_nothing_happened(
    server_url: str, signed_in: Client, page: Page
) -> None:
    # The page says: « Laissez la ligne vide s'il ne s'est rien passé ».
    dossier_id = answer_steps(signed_in, ["montants", "verifications"])
    page.goto(f"{server_url}/dossiers/{dossier_id}/modifier/prescription/")
    page.get_by_role("group", name="D'où vient cette dette").get_by_role(
        "radio", name=re.compile(r"^Opérateur de téléphone")
    ).check()
    page.get_by_label("Point de départ du délai").fill("2025-01-15")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer et continuer").click()
    # A telephone bill due on 15 January 2025 is barred a year later, so « Ma
    # situation » (how much could she pay) is skipped.
    assert page.url.endswith("/modifier/reponse/"), page.url
