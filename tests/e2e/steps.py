"""Answer the wizard in the browser, as a person would (labels and roles only).

Shared by the journeys: ``test_journey`` checks every step (errors, axe);
``test_full_journey`` goes through them quickly to reach the letters and the
association.
"""

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.dossiers.wizard_data import CREDIT_PAYMENT, CREDIT_START

from .conftest import PASSWORD


def group(page: Page, question: str) -> Locator:
    """A question answered by radios or checkboxes (a fieldset and its legend)."""
    return page.get_by_role("group", name=question)


def row(page: Page, legend: str) -> Locator:
    return page.get_by_role("group", name=legend, exact=True)


def submit(page: Page, name: str = "Enregistrer et continuer") -> None:
    page.get_by_role("button", name=name).click()


def expect_step(page: Page, title: str, step: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page).to_have_url(re.compile(rf"/dossiers/\d+/modifier/{step}/$"))


def sign_up(page: Page, url: str, email: str, first: str, last: str) -> None:
    page.goto(f"{url}/compte/inscription/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Prénom").fill(first)
    page.get_by_label(re.compile(r"^Nom\b")).fill(last)
    page.get_by_label(re.compile(r"^Mot de passe\b")).fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes dossiers")


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter").first).to_be_visible()


def log_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes dossiers")


def fill_courrier(page: Page, photo: Path) -> None:
    page.get_by_label("Nom de la société, si elle n'est pas dans la liste").fill(
        "Intrum Justitia"
    )
    page.get_by_label("Adresse de la société").fill(
        "97 allée Borodine\n69800 Saint-Priest"
    )
    page.get_by_label("Référence du dossier chez la société").fill("INT-2026-48213")
    page.get_by_label("Date du courrier").fill("2026-10-02")
    page.get_by_label("Date à laquelle vous l'avez reçu").fill("2026-10-05")
    group(page, "Comment l'avez-vous reçu").get_by_label("Courrier simple").check()
    group(page, "De quel type de courrier").get_by_label("Relance amiable").check()
    page.get_by_label("Créancier d'origine (à qui").fill("Cetelem")
    group(page, "La société dit-elle agir pour le créancier").get_by_label(
        "pour le compte du créancier"
    ).check()
    page.get_by_label("Photos ou scans du courrier").set_input_files(photo)


def fill_montants(page: Page) -> None:
    """A total and two lines (the second added without JavaScript)."""
    page.get_by_label("Montant total réclamé").fill("1 318,40")
    group(page, "vie privée").get_by_label("Oui").check()
    line = row(page, "Ligne 1")
    line.get_by_label("Intitulé de la ligne").fill("Capital restant dû")
    line.get_by_label("Nature de la ligne").select_option(label="Principal")
    line.get_by_label("Montant").fill("1 150,00")
    page.get_by_role("button", name="Ajouter une ligne").click()
    line = row(page, "Ligne 2")
    expect(line).to_be_visible()
    line.get_by_label("Intitulé de la ligne").fill("Frais de recouvrement")
    line.get_by_label("Nature de la ligne").select_option(label="Frais")
    line.get_by_label("Montant").fill("168,40")


def fill_verifications(page: Page) -> None:
    """She recognises part of the debt and considers paying (« Ma situation »)."""
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


def fill_prescription(page: Page) -> None:
    group(page, "D'où vient cette dette").get_by_role(
        "radio", name=re.compile(r"^Crédit à la consommation")
    ).check()
    page.get_by_label("Point de départ du délai").fill(CREDIT_START)
    event = row(page, "Événement 1")
    event.get_by_label("Ce qui s'est passé").select_option(
        label="Paiement partiel (acompte)"
    )
    event.get_by_label(re.compile(r"^Date\b")).first.fill(CREDIT_PAYMENT)


def fill_situation(page: Page) -> None:
    page.get_by_label("Revenus du foyer par mois").fill("1 650")
    page.get_by_label("Charges fixes par mois").fill("1 050")
    page.get_by_label("Personnes à charge").fill("1")
    group(page, "Banque de France").get_by_label("Non").check()


def fill_coordonnees(page: Page) -> None:
    page.get_by_label(re.compile(r"^Adresse\b")).fill("12 rue des Lilas")
    page.get_by_label("Code postal").fill("69003")
    page.get_by_label("Ville").fill("Lyon")
