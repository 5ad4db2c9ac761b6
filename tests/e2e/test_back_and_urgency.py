"""On a 360-px phone: back from a half-filled step and forth again keeps what
she typed (issue 19, item 6); an injonction de payer shows its deadline from
the step after « Le courrier » (item 11)."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from dossiers.law.checks import opposition_last_day
from dossiers.law.dates import format_weekday_date
from dossiers.models import Dossier
from tests.dossiers.wizard_data import post_data

from .conftest import answer_steps, check_axe, shot

pytestmark = pytest.mark.e2e
PHONE = {"width": 360, "height": 740}


def step_count(page: Page) -> str:
    return page.locator(".step-count").inner_text()


def test_back_from_a_half_filled_step_and_forth_again_on_a_phone(
    server_url: str, signed_in: Client, page: Page
) -> None:
    dossier_id = answer_steps(signed_in, [])
    page.set_viewport_size(PHONE)
    page.goto(f"{server_url}/dossiers/{dossier_id}/modifier/montants/")
    assert step_count(page) == "Étape 2 sur 6"
    page.get_by_label("Montant total réclamé").fill("1 318,40")
    page.get_by_role("group", name="vie privée").get_by_label("Oui").check()
    line = page.get_by_role("group", name="Ligne 1", exact=True)
    line.get_by_label("Intitulé de la ligne").fill("Capital restant dû")
    line.get_by_label("Montant").fill("mille cent")

    page.get_by_role("button", name="Étape précédente").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Le courrier")
    expect(page.get_by_role("status")).to_contain_text(
        "Ce que vous avez tapé à l'étape « Les montants » est gardé"
    )
    assert step_count(page) == "Étape 1 sur 6"

    page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les montants")
    assert step_count(page) == "Étape 2 sur 6"
    expect(page.get_by_label("Montant total réclamé")).to_have_value("1 318,40")
    line = page.get_by_role("group", name="Ligne 1", exact=True)
    expect(line.get_by_label("Intitulé de la ligne")).to_have_value(
        "Capital restant dû"
    )
    expect(line.get_by_label("Montant")).to_have_value("mille cent")
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Ligne 1 — Montant")
    expect(page.get_by_text("voici ce que vous aviez tapé")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width  # nothing wider than the phone
    shot(page, "retour-etape-brouillon-360px")
    check_axe(page, "a step shown again with its draft")
    dossier = Dossier.objects.get(pk=dossier_id)
    assert dossier.answers.montants is None

    page.get_by_role("button", name="Effacer ce que j'avais tapé").click()
    expect(page.get_by_label("Montant total réclamé")).to_have_value("")
    expect(page.get_by_role("alert")).to_have_count(0)


def test_an_injonction_shows_its_deadline_on_the_next_step_on_a_phone(
    server_url: str, signed_in: Client, page: Page
) -> None:
    signified = timezone.localdate() - dt.timedelta(days=10)
    courrier = post_data(
        "courrier",
        **{
            "courrier-letter_kind": "injonction_signifiee",
            "courrier-signification_date": signified.isoformat(),
        },
    )
    response = signed_in.post("/dossiers/nouveau/courrier/", courrier)
    dossier_id = int(response["Location"].split("/")[2])
    page.set_viewport_size(PHONE)
    page.goto(f"{server_url}/dossiers/{dossier_id}/modifier/montants/")
    box = page.get_by_role("region", name="Urgent : à faire d'abord")
    last_day = format_weekday_date(opposition_last_day(signified))
    expect(box).to_contain_text("Faites opposition à l'injonction de payer")
    expect(box).to_contain_text(f"Au plus tard le {last_day}.")
    where = box.bounding_box()
    assert where is not None
    assert where["y"] + where["height"] <= PHONE["height"], where  # first screen
    shot(page, "urgence-injonction-etape-montants-360px")
    check_axe(page, "urgent deadline on a wizard step")

    page.goto(f"{server_url}/dossiers/")
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("region", name=re.compile("Urgent"))
    )
    expect(card).to_contain_text(f"Au plus tard le {last_day}.")
    shot(page, "urgence-injonction-mes-dossiers-360px")
    check_axe(page, "urgent deadline in Mes dossiers")
