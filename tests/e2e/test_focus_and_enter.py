"""Keyboard and screen-reader behaviour of a refused or growing step, in a
real browser (issue 19, items 9 and 12)."""

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from .conftest import answer_steps, check_axe, shot

pytestmark = pytest.mark.e2e


def test_enter_in_a_text_field_saves_the_amounts_and_continues(
    server_url: str, signed_in: Client, page: Page
) -> None:
    dossier_id = answer_steps(signed_in, [])
    page.goto(f"{server_url}/dossiers/{dossier_id}/modifier/montants/")
    page.get_by_role("group", name="vie privée").get_by_label("Oui").check()
    total = page.get_by_label("Montant total réclamé")
    total.fill("845,20")
    with page.expect_navigation():
        total.press("Enter")
    assert page.url.endswith("/modifier/verifications/"), page.url


def test_enter_in_an_event_date_continues_rather_than_adding_an_event(
    server_url: str, signed_in: Client, page: Page
) -> None:
    dossier_id = answer_steps(signed_in, ["montants", "verifications"])
    page.goto(f"{server_url}/dossiers/{dossier_id}/modifier/prescription/")
    page.get_by_role("group", name="D'où vient cette dette").get_by_role(
        "radio", name="Opérateur de téléphone ou d'internet"
    ).check()
    start = page.get_by_label("Point de départ du délai")
    start.fill("2025-01-15")
    with page.expect_navigation():
        start.press("Enter")
    assert page.url.endswith("/modifier/reponse/"), page.url


def test_a_refused_step_focuses_its_error_summary_and_links_to_the_field(
    server_url: str, signed_in: Client, page: Page
) -> None:
    dossier_id = answer_steps(signed_in, [])
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{server_url}/dossiers/{dossier_id}/modifier/montants/")
    page.get_by_label("Montant total réclamé").fill("douze euros")
    page.get_by_role("button", name="Enregistrer et continuer").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Montant total réclamé (€) : Saisissez un montant")
    shot(page, "error-summary")
    check_axe(page, "error summary")
    summary.get_by_role("link", name="vie privée").click()
    expect(page.locator("#id_montants-is_consumer_0")).to_be_focused()
    summary.get_by_role("link", name="Montant total réclamé").click()
    expect(page.get_by_label("Montant total réclamé")).to_be_focused()


def test_adding_a_row_focuses_the_first_field_of_the_new_row(
    server_url: str, signed_in: Client, page: Page
) -> None:
    dossier_id = answer_steps(signed_in, [])
    page.goto(f"{server_url}/dossiers/{dossier_id}/modifier/montants/")
    page.get_by_role("button", name="Ajouter une ligne").click()
    new_row = page.get_by_role("group", name="Ligne 2", exact=True)
    expect(new_row.get_by_label("Intitulé de la ligne")).to_be_focused()
