"""The whole questionnaire with the keyboard only: Tab, Space, arrows, Enter, typing."""

import re

import pytest
from django.test import Client
from playwright.sync_api import Locator, Page, expect

from .conftest import check_axe, shot

pytestmark = pytest.mark.e2e

MAX_TABS = 120
FOCUSED_AND_VISIBLE = """el => el === document.activeElement
    && el.matches(':focus-visible')
    && getComputedStyle(el).outlineStyle !== 'none'"""


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until ``target`` has the focus, and check the focus can be seen."""
    handle = target.element_handle()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if handle.evaluate("el => el === document.activeElement"):
            assert handle.evaluate(FOCUSED_AND_VISIBLE), (
                f"no visible focus on {handle.evaluate('el => el.outerHTML')}"
            )
            return
    pytest.fail(f"Tab never reaches {target} on {page.url}")


def type_into(page: Page, target: Locator, text: str) -> None:
    tab_to(page, target)
    page.keyboard.type(text)


def choose(page: Page, radio: Locator) -> None:
    """Tab into a radio group, then arrow down to the choice and select it."""
    name = radio.get_attribute("name")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("n => document.activeElement.name === n", name):
            break
    else:
        pytest.fail(f"Tab never reaches the radio group {name}")
    for _ in range(12):
        if radio.evaluate("el => el === document.activeElement"):
            page.keyboard.press("Space")
            expect(radio).to_be_checked()
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"Arrow keys never reach {radio}")


def type_date(page: Page, target: Locator, iso: str) -> None:
    """Type a date into a date field, segment by segment.

    The order of the segments follows the browser's language (Debian's chromium
    without its l10n package shows mm/dd/yyyy): try day first, else month first.
    """
    year, month, day = iso.split("-")
    tab_to(page, target)
    page.keyboard.type(day + month + year)
    if target.input_value() != iso:
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.keyboard.type(month + day + year)
    expect(target).to_have_value(iso)


def press_button(page: Page, name: str) -> None:
    tab_to(page, page.get_by_role("button", name=name))
    page.keyboard.press("Enter")


def group(page: Page, question: str) -> Locator:
    return page.get_by_role("group", name=question)


def test_questionnaire_can_be_completed_with_the_keyboard_only(
    server_url: str, signed_in: Client, page: Page
) -> None:
    page.goto(f"{server_url}/dossiers/nouveau/courrier/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    # « Le courrier »
    expect(page.get_by_role("heading", level=1)).to_have_text("Le courrier")
    type_into(
        page,
        page.get_by_label("Nom de la société, si elle n'est pas dans la liste"),
        "Intrum Justitia",
    )
    type_into(page, page.get_by_label("Adresse de la société"), "97 allée Borodine")
    page.keyboard.press("Enter")
    page.keyboard.type("69800 Saint-Priest")
    type_date(page, page.get_by_label("Date du courrier"), "2026-10-02")
    choose(page, group(page, "Comment l'avez-vous reçu").get_by_label("Recommandée"))
    choose(page, group(page, "De quel type").get_by_label("Mise en demeure"))
    choose(
        page,
        group(page, "La société dit-elle agir").get_by_label("racheté la dette"),
    )
    shot(page, "clavier-courrier")
    press_button(page, "Enregistrer et continuer")

    # « Les montants », with « Ajouter une ligne » pressed from the keyboard
    expect(page).to_have_url(re.compile(r"/modifier/montants/(#contenu)?$"))
    type_into(page, page.get_by_label("Montant total réclamé"), "845,20")
    choose(page, group(page, "vie privée").get_by_label("Oui"))
    first = page.get_by_role("group", name="Ligne 1", exact=True)
    type_into(page, first.get_by_label("Intitulé de la ligne"), "Facture impayée")
    type_into(page, first.get_by_label("Nature de la ligne"), "Principal")
    type_into(page, first.get_by_label("Montant"), "780")
    press_button(page, "Ajouter une ligne")
    second = page.get_by_role("group", name="Ligne 2", exact=True)
    expect(second).to_be_visible()
    type_into(page, second.get_by_label("Intitulé de la ligne"), "Frais de dossier")
    type_into(page, second.get_by_label("Nature de la ligne"), "Frais")
    expect(second.get_by_label("Nature de la ligne")).to_have_value("fees")
    type_into(page, second.get_by_label("Montant"), "65,20")
    shot(page, "clavier-montants")
    press_button(page, "Enregistrer et continuer")

    # « Vérifications »: she does not consider paying (no « Ma situation »)
    expect(page).to_have_url(re.compile(r"/modifier/verifications/(#contenu)?$"))
    choose(
        page,
        group(page, "Avez-vous vérifié les mentions").get_by_label("Oui, j'ai regardé"),
    )
    mention = group(page, "Cochez ce que le courrier").get_by_label(
        "Nom et adresse du créancier"
    )
    tab_to(page, mention)
    page.keyboard.press("Space")
    expect(mention).to_be_checked()
    choose(page, group(page, "Reconnaissez-vous").get_by_label("Je ne sais pas"))
    choose(page, group(page, "Un juge vous a-t-il").get_by_label("Non"))
    choose(page, group(page, "envisagez-vous de payer").get_by_label("Non"))
    press_button(page, "Enregistrer et continuer")

    # « La prescription »
    expect(page).to_have_url(re.compile(r"/modifier/prescription/(#contenu)?$"))
    choose(
        page,
        group(page, "D'où vient cette dette").get_by_role(
            "radio", name=re.compile(r"^Opérateur de téléphone")
        ),
    )
    type_date(page, page.get_by_label("Point de départ du délai"), "2024-01-15")
    event = page.get_by_role("group", name="Événement 1", exact=True)
    type_into(page, event.get_by_label("Ce qui s'est passé"), "Reconnaissance")
    type_date(page, event.get_by_label(re.compile(r"^Date\b")).first, "2024-03-20")
    press_button(page, "Enregistrer et continuer")

    # « Ma réponse » then « Mes coordonnées »
    expect(page).to_have_url(re.compile(r"/modifier/reponse/(#contenu)?$"))
    press_button(page, "Enregistrer et continuer")
    expect(page).to_have_url(re.compile(r"/modifier/coordonnees/(#contenu)?$"))
    type_into(page, page.get_by_label(re.compile(r"^Adresse\b")), "3 place Bellecour")
    type_into(page, page.get_by_label("Code postal"), "69002")
    type_into(page, page.get_by_label("Ville"), "Lyon")
    press_button(page, "Enregistrer et terminer")

    expect(page).to_have_url(re.compile(r"/dossiers/\d+/(#contenu)?$"))
    expect(page.get_by_role("heading", name="Ce que nous avons relevé")).to_be_visible()
    shot(page, "clavier-dossier")
    check_axe(page, "dossier (clavier)")
