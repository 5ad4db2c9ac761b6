"""The debtor's whole journey in a real browser, with axe-core on every page."""

import re
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from tests.dossiers.wizard_data import CREDIT_PAYMENT, CREDIT_START

from .conftest import (
    PASSWORD,
    answer_steps,
    check_axe,
    check_page,
    letter_photo,
    new_context,
    shot,
    sign_in,
)
from .steps import expect_step, fill_courrier, group, row, submit

pytestmark = pytest.mark.e2e

EMAIL = "sophie.parcours@example.org"


def submit_empty_and_check(page: Page, step: str) -> None:
    """Each step once with its validation errors shown, checked by axe."""
    submit(page)
    expect(page.get_by_role("alert")).to_contain_text("Certaines réponses")
    check_page(page, f"etape-{step}-erreurs")


def test_debtor_signs_up_leaves_resumes_and_gets_a_recommended_response(
    server_url: str, page: Page, tmp_path: Path
) -> None:
    # -- sign up (once refused, once accepted) -------------------------------
    page.goto(f"{server_url}/compte/inscription/")
    check_page(page, "inscription")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_text("Ce champ est obligatoire").first).to_be_visible()
    check_page(page, "inscription-erreurs")
    page.get_by_label("Adresse e-mail").fill(EMAIL)
    page.get_by_label("Prénom").fill("Sophie")
    page.get_by_label(re.compile(r"^Nom\b")).fill("Parcours")
    page.get_by_label(re.compile(r"^Mot de passe\b")).fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes dossiers")
    check_page(page, "mes-dossiers-vide")

    # -- « Le courrier », with a photo of the letter --------------------------
    page.get_by_role("link", name="Nouveau dossier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Prenez en photo votre courrier"
    )
    page.get_by_role("link", name="Je préfère tout saisir moi-même").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Le courrier")
    check_page(page, "etape-courrier")
    submit_empty_and_check(page, "courrier")
    fill_courrier(page, letter_photo(tmp_path / "courrier-intrum.jpg"))
    submit(page)

    # -- « Les montants », a second line added without JavaScript -------------
    expect_step(page, "Les montants", "montants")
    check_page(page, "etape-montants")
    submit_empty_and_check(page, "montants")
    page.get_by_label("Montant total réclamé").fill("1 318,40")
    group(page, "vie privée").get_by_label("Oui").check()
    line = row(page, "Ligne 1")
    line.get_by_label("Intitulé de la ligne").fill("Capital restant dû")
    line.get_by_label("Nature de la ligne").select_option(label="Principal")
    line.get_by_label("Montant").fill("1 150,00")
    page.get_by_role("button", name="Ajouter une ligne").click()
    line = row(page, "Ligne 2")
    expect(line).to_be_visible()
    expect(row(page, "Ligne 1").get_by_label("Intitulé de la ligne")).to_have_value(
        "Capital restant dû"
    )
    line.get_by_label("Intitulé de la ligne").fill("Frais de recouvrement")
    line.get_by_label("Nature de la ligne").select_option(label="Frais")
    line.get_by_label("Montant").fill("168,40")
    check_page(page, "etape-montants-deux-lignes")
    submit(page)
    expect_step(page, "Vérifications", "verifications")

    # -- she leaves in the middle, then comes back ------------------------------
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter").first).to_be_visible()
    check_page(page, "deconnectee")
    page.get_by_role("link", name="Se connecter").first.click()
    check_page(page, "connexion")
    page.get_by_label("Adresse e-mail").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes dossiers")
    expect(page.get_by_text("Questionnaire en cours")).to_be_visible()
    check_page(page, "mes-dossiers-en-cours")
    page.get_by_role("link", name="Reprendre le questionnaire").click()

    # -- « Vérifications »: she considers paying, so « Ma situation » appears ----
    expect_step(page, "Vérifications", "verifications")
    check_page(page, "etape-verifications")
    submit_empty_and_check(page, "verifications")
    group(page, "Avez-vous vérifié les mentions").get_by_label(
        "Oui, j'ai regardé"
    ).check()
    mentions = group(page, "Cochez ce que le courrier indique")
    mentions.get_by_label("Nom et adresse de l'agence").check()
    mentions.get_by_label("Nom et adresse du créancier").check()
    mentions.get_by_label("Demande de payer").check()
    group(page, "Reconnaissez-vous cette dette").get_by_label("En partie").check()
    group(page, "Avez-vous vécu").get_by_label("Appels le soir").check()
    group(page, "Un juge vous a-t-il").get_by_label("Non").check()
    group(page, "envisagez-vous de payer").get_by_label("Oui").check()
    submit(page)

    # -- « La prescription » ---------------------------------------------------
    expect_step(page, "La prescription", "prescription")
    check_page(page, "etape-prescription")
    submit_empty_and_check(page, "prescription")
    group(page, "D'où vient cette dette").get_by_role(
        "radio", name=re.compile(r"^Crédit à la consommation")
    ).check()
    page.get_by_label("Point de départ du délai").fill(CREDIT_START)
    event = row(page, "Événement 1")
    event.get_by_label("Ce qui s'est passé").select_option(
        label="Paiement partiel (acompte)"
    )
    event.get_by_label(re.compile(r"^Date\b")).first.fill(CREDIT_PAYMENT)
    submit(page)

    # -- « Ma situation » ------------------------------------------------------
    expect_step(page, "Ma situation", "situation")
    check_page(page, "etape-situation")
    submit_empty_and_check(page, "situation")
    page.get_by_label("Revenus du foyer par mois").fill("1 650")
    page.get_by_label("Charges fixes par mois").fill("1 050")
    page.get_by_label("Personnes à charge").fill("1")
    group(page, "Banque de France").get_by_label("Non").check()
    submit(page)

    # -- « Ma réponse »: findings and the recommended answer ----------------------
    expect_step(page, "Ma réponse", "reponse")
    expect(page.get_by_role("heading", name="Ce que nous avons relevé")).to_be_visible()
    expect(page.get_by_text("Conseillée").first).to_be_visible()
    check_page(page, "etape-reponse")
    submit(page)

    # -- « Mes coordonnées » ---------------------------------------------------
    expect_step(page, "Mes coordonnées", "coordonnees")
    expect(page.get_by_label("Prénom")).to_have_value("Sophie")
    check_page(page, "etape-coordonnees")
    submit(page, "Enregistrer et terminer")
    expect(page.get_by_role("alert")).to_contain_text("Certaines réponses")
    check_page(page, "etape-coordonnees-erreurs")
    page.get_by_label(re.compile(r"^Adresse\b")).fill("12 rue des Lilas")
    page.get_by_label("Code postal").fill("69003")
    page.get_by_label("Ville").fill("Lyon")
    submit(page, "Enregistrer et terminer")

    # -- the dossier: what we found and what to answer ----------------------------
    expect(page).to_have_url(re.compile(r"/dossiers/\d+/$"))
    expect(page.get_by_role("heading", name="Ce que nous avons relevé")).to_be_visible()
    expect(page.get_by_text("Conseillée").first).to_be_visible()
    expect(page.get_by_text("courrier-intrum", exact=False).first).to_be_visible()
    check_page(page, "dossier")
    page.get_by_role("link", name="Mes dossiers", exact=True).click()
    expect(page.get_by_text("Questionnaire terminé")).to_be_visible()
    check_page(page, "mes-dossiers-termine")


PHONE_WIDTH = 360


def assert_no_horizontal_scroll(page: Page, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    shot(page, f"telephone-{name}")
    assert width <= PHONE_WIDTH, f"« {name} » scrolls sideways: {width}px wide"


def test_wizard_fits_a_360px_phone_screen(
    server_url: str, browser: Browser, debtor_client: Client
) -> None:
    dossier_id = answer_steps(
        debtor_client,
        ["montants", "verifications", "prescription", "situation", "reponse"],
    )
    context = new_context(browser, width=PHONE_WIDTH, height=740)
    try:
        sign_in(context, debtor_client, server_url)
        page = context.new_page()
        page.goto(f"{server_url}/dossiers/nouveau/courrier/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Le courrier")
        assert_no_horizontal_scroll(page, "etape-courrier")
        check_axe(page, "le courrier, sur un téléphone")
        submit(page)
        expect(page.get_by_role("alert")).to_be_visible()
        assert_no_horizontal_scroll(page, "etape-courrier-erreurs")
        for step in (
            "montants",
            "verifications",
            "prescription",
            "situation",
            "reponse",
            "coordonnees",
        ):
            page.goto(f"{server_url}/dossiers/{dossier_id}/modifier/{step}/")
            assert_no_horizontal_scroll(page, f"etape-{step}")
        page.goto(f"{server_url}/dossiers/{dossier_id}/")
        assert_no_horizontal_scroll(page, "dossier")
    finally:
        context.close()
