"""The story goes on, in the browser, on a 360-px phone: Sophie's barred credit
→ « Ce que je fais maintenant » → the one « Réponse complète » generated and
sent; later an injonction de payer is signified → the opposition letter, its
deadline first on the dossier page and in the calendar; a settlement offer is
refused because the debt is barred. axe-core on every new screen."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from dossiers import demo
from dossiers.law.checks import opposition_last_day
from dossiers.law.dates import format_weekday_date
from dossiers.models import Dossier

from .conftest import check_axe, new_context, shot, sign_in

pytestmark = pytest.mark.e2e
TODAY = timezone.localdate()


@pytest.fixture
def sophie(debtor, transactional_db) -> Dossier:
    """Sophie's demo case (forclosed credit, fees, missing mentions, night
    calls), on the ``debtor`` persona."""
    dossier = Dossier.objects.create(owner=debtor)
    demo.fill(dossier, demo.SOPHIE_ANSWERS)
    demo.seed_timeline(dossier)
    dossier.refresh_from_db()
    return dossier


@pytest.fixture
def phone(browser: Browser, server_url: str, debtor_client: Client):
    context = new_context(browser, width=360, height=740)
    sign_in(context, debtor_client, server_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], errors


def now_box(page: Page):
    return page.get_by_role("region", name="Ce que je fais maintenant")


def test_the_story_on_a_phone(
    phone: Page, server_url: str, sophie: Dossier, debtor_client: Client
) -> None:
    page = phone
    page.goto(f"{server_url}/dossiers/{sophie.pk}/")
    box = now_box(page)
    expect(box).to_be_visible()
    items = box.get_by_role("listitem")
    expect(items.nth(0)).to_contain_text("Ne payez rien")
    expect(items.nth(1)).to_contain_text("« Réponse complète »")
    # The first screen of the phone answers: must I pay, what do I send.
    assert box.bounding_box()["y"] + box.bounding_box()["height"] < 740 * 1.6
    shot(page, "story-1-ce-que-je-fais-maintenant-360")
    check_axe(page, "dossier page with actions (360 px)")
    # The findings are folded: they are one tap away.
    expect(page.locator("details.why")).not_to_have_attribute("open", "")

    # 1. The one letter: prepare, generate, record its sending.
    items.nth(1).get_by_role("link", name="Préparer cette lettre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Réponse complète")
    check_axe(page, "Réponse complète page (360 px)")
    page.get_by_role("button", name="Générer le PDF").click()
    expect(page.get_by_text("Version 1 du PDF créée.")).to_be_visible()
    page.get_by_label("Envoyée le").fill(TODAY.isoformat())
    page.get_by_label("N° de recommandé").fill("1A 234 567 8901 2")
    page.get_by_role("button", name="Enregistrer l'envoi").click()
    expect(page.get_by_text("Envoi enregistré.")).to_be_visible()

    # Sent: what to do now is to wait for the written answer.
    page.goto(f"{server_url}/dossiers/{sophie.pk}/")
    expect(now_box(page)).to_contain_text("Attendez la réponse écrite")

    # 2. Later, an injonction de payer is signified: she notes it.
    signified = TODAY - dt.timedelta(days=4)
    page.goto(f"{server_url}/dossiers/{sophie.pk}/chronologie/ajouter/")
    page.get_by_label("Ce qui s'est passé").select_option(value="injonction")
    page.get_by_label(re.compile(r"^Date\b")).fill(signified.isoformat())
    page.get_by_role("button", name=re.compile("Ajouter|Enregistrer")).click()
    first = now_box(page).get_by_role("listitem").first
    due = opposition_last_day(signified)
    expect(first).to_contain_text("Faites opposition")
    expect(first).to_contain_text(format_weekday_date(due))
    shot(page, "story-2-injonction-360")

    # The opposition letter: to the greffe, with the ordonnance.
    first.get_by_role("link", name="Préparer cette lettre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Opposition à injonction de payer"
    )
    expect(page.get_by_text("Une lettre à l'agence n'est")).to_be_visible()
    check_axe(page, "opposition page (360 px)")
    page.get_by_label("Tribunal qui a rendu l'ordonnance").fill(
        "Tribunal judiciaire de Lyon"
    )
    page.get_by_label("Adresse du greffe de ce tribunal").fill(
        "67 rue Servient\n69003 Lyon"
    )
    page.get_by_label("Date de l'ordonnance").fill(
        (TODAY - dt.timedelta(days=30)).isoformat()
    )
    expect(page.get_by_label("Date de la signification")).to_have_value(
        signified.isoformat()
    )
    page.get_by_role("button", name="Générer le PDF").click()
    expect(page.get_by_text("Version 1 du PDF créée.")).to_be_visible()

    # The deadline is in the calendar feed too.
    created = debtor_client.post(reverse("accounts:calendar")).content.decode()
    match = re.search(r"/calendrier/[\w-]+\.ics", created)
    assert match, created[:2000]
    ics = debtor_client.get(match.group(0)).content.decode()
    assert "opposition" in ics.lower()
    assert due.strftime("%Y%m%d") in ics

    # 3. A settlement offer is refused: the debt is barred.
    page.goto(f"{server_url}/dossiers/{sophie.pk}/lettres/reglement/")
    expect(
        page.get_by_role("heading", name=re.compile("n'est pas proposée"))
    ).to_be_visible()
    expect(page.get_by_text(re.compile("forclose"))).to_be_visible()
    check_axe(page, "refused settlement page (360 px)")
