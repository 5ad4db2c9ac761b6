"""Both sides of the journey in a real browser: the debtor's registered letter,
the association's volunteer in ``/admin/``, and the advice back on the dossier.

The debtor signs up, answers the wizard with a photo of her letter, leaves and
comes back, reads the findings, opens the recommended letter, adds a personal
paragraph, previews it, generates and downloads the PDF (read back with pypdf,
its first page kept as a PNG), records the registered mail and shares the
dossier with « Association Démo ». The volunteer finds it in the admin (and
only it), writes advice; the debtor reads it. axe-core checks every new page;
a second test walks the same pages on a 360-px phone screen.
"""

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from accounts.models import User
from associations import services
from associations.models import AccessLog, Association
from dossiers.law.dates import format_date
from dossiers.models import Dossier
from tests import factories
from tests.pdftext import page_texts

from .conftest import (
    ARTIFACTS,
    answer_steps,
    check_axe,
    check_page,
    letter_photo,
    new_context,
    shot,
    sign_in,
)
from .steps import (
    expect_step,
    fill_coordonnees,
    fill_courrier,
    fill_montants,
    fill_prescription,
    fill_situation,
    fill_verifications,
    log_in,
    log_out,
    sign_up,
    submit,
)

pytestmark = pytest.mark.e2e

DEBTOR_EMAIL = "sophie.lettre@example.org"
DEBTOR_NAME = ("Sophie", "Lambert")
REFERENCE = "INT-2026-48213"  # what fill_courrier types
ASSOCIATION = "Association Démo"
PERSONAL = "Je conserve une copie de ce courrier et de l'avis de réception."
REGISTERED = "1A 234 567 8901 2"
ADVICE = (
    "Bonjour Sophie, nous avons lu votre lettre. Gardez le récépissé du "
    "recommandé et rappelez-nous dès que l'agence vous répond."
)
PHONE_WIDTH = 360

# Django's admin is third-party markup. Elements left out of axe on its pages,
# each one precisely identified; everything else on those pages is checked.
ADMIN_AXE_EXCLUDE: tuple[
    str, ...
] = ()  # templates/admin/base_site.html fixes the breadcrumbs


@dataclass
class Others:
    """The association side of the world, created in the test database."""

    association: Association
    volunteer: User
    unshared: Dossier  # Marc's: shared with nobody
    elsewhere: Dossier  # Luc's: shared with another association


@pytest.fixture
def others(transactional_db) -> Others:
    # As in associations/demo.py: roles first (a flushed test database has no
    # groups), then the association and its volunteer.
    services.roles_ensure()
    association = Association.objects.create(name=ASSOCIATION, city="Lyon")
    volunteer = factories.user(
        "benevole@example.org", first_name="Bénédicte", last_name="Bénévole"
    )
    services.membership_add(user=volunteer, association=association)
    marc = factories.user(
        "marc.autre@example.org", first_name="Marc", last_name="Autre"
    )
    unshared = factories.dossier(
        owner=marc,
        title="",
        agency_name="Intrum Justitia",
        agency_reference="INT-2026-77777",
    )
    luc = factories.user("luc.ailleurs@example.org", first_name="Luc", last_name="Loin")
    elsewhere = factories.dossier(
        owner=luc, title="", agency_name="Intrum Justitia", agency_reference="EOS-555"
    )
    other = Association.objects.create(name="Association Autre", city="Lille")
    services.share_create(dossier=elsewhere, association=other)
    return Others(association, volunteer, unshared, elsewhere)


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, width=PHONE_WIDTH, height=740)
    yield context
    context.close()


def french_date(day: dt.date) -> str:
    """« 1er mars 2026 », as every page writes a date."""
    return format_date(day)


def flash(page: Page) -> Locator:
    """The message shown after a form (``role=status`` on our pages)."""
    return page.get_by_role("status")


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.split()) for page in page_texts(path))


def pdf_first_page_png(pdf: Path, name: str) -> Path:
    """The PDF's first page as a PNG artefact (poppler's ``pdftoppm``)."""
    if shutil.which("pdftoppm") is None:
        pytest.fail(
            "pdftoppm is missing: the letter test opens the PDF with poppler. "
            "Run `make install` (as root) or `sudo apt-get install -y poppler-utils`."
        )
    prefix = ARTIFACTS / name
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
        + [str(pdf), str(prefix)],
        check=True,
        timeout=30,
    )
    png = prefix.with_suffix(".png")
    assert png.stat().st_size > 1000, f"{png} is (almost) empty"
    return png


def assert_fits(page: Page, name: str) -> None:
    """Screenshot on the phone, and no sideways scrolling."""
    width = page.evaluate("document.documentElement.scrollWidth")
    shot(page, f"telephone-{name}")
    assert width <= PHONE_WIDTH, f"« {name} » scrolls sideways: {width}px wide"


def admin_log_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(factories.PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page).to_have_url(f"{url}/admin/")


def admin_search(page: Page, text: str) -> None:
    page.locator("#searchbar").fill(text)
    page.locator("#searchbar").press("Enter")
    expect(page).to_have_url(re.compile(r"\?q="))


def results(page: Page) -> Locator:
    return page.locator("#result_list tbody tr")


def answer_the_wizard(page: Page, url: str, photo: Path) -> str:
    """Sign up, answer with a photo, leave and come back; the dossier's URL."""
    sign_up(page, url, DEBTOR_EMAIL, *DEBTOR_NAME)
    page.get_by_role("link", name="Nouveau dossier").click()
    page.get_by_role("link", name="Je préfère tout saisir moi-même").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Le courrier")
    fill_courrier(page, photo)
    submit(page)
    expect_step(page, "Les montants", "montants")
    fill_montants(page)
    submit(page)
    expect_step(page, "Vérifications", "verifications")

    log_out(page)
    log_in(page, url, DEBTOR_EMAIL)
    page.get_by_role("link", name="Reprendre le questionnaire").click()
    expect_step(page, "Vérifications", "verifications")
    fill_verifications(page)
    submit(page)
    expect_step(page, "La prescription", "prescription")
    fill_prescription(page)
    submit(page)
    expect_step(page, "Ma situation", "situation")
    fill_situation(page)
    submit(page)
    expect_step(page, "Ma réponse", "reponse")
    expect(page.get_by_role("heading", name="Ce que nous avons relevé")).to_be_visible()
    submit(page)
    expect_step(page, "Mes coordonnées", "coordonnees")
    fill_coordonnees(page)
    submit(page, "Enregistrer et terminer")
    expect(page).to_have_url(re.compile(r"/dossiers/\d+/$"))
    return page.url


def open_recommended_letter(page: Page) -> str:
    """From the dossier page, the letter marked « Conseillée »; its title."""
    letters = page.get_by_role("region", name="Mes lettres")
    card = letters.get_by_role("listitem").filter(has_text="Conseillée").first
    link = card.get_by_role("link")
    title = link.inner_text().strip()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return title


def test_letter_sent_shared_and_advised_by_a_volunteer(
    server_url: str, browser: Browser, page: Page, tmp_path: Path, others: Others
) -> None:
    photo = letter_photo(tmp_path / "courrier-intrum.jpg")
    dossier_url = answer_the_wizard(page, server_url, photo)

    # -- findings, then the recommended letter ---------------------------------
    expect(page.get_by_role("heading", name="Ce que nous avons relevé")).to_be_visible()
    title = open_recommended_letter(page)
    check_page(page, "lettre")
    page.get_by_label("Paragraphe personnel").fill(PERSONAL)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(flash(page)).to_contain_text("Votre lettre est enregistrée")

    # -- HTML preview, in a new tab ----------------------------------------------
    with page.context.expect_page() as new_tab:
        page.get_by_role("link", name=re.compile(r"^Voir l'aperçu")).click()
    preview = new_tab.value
    preview.wait_for_load_state()
    body = preview.locator("body")
    for text in (" ".join(DEBTOR_NAME), PERSONAL, "recommandée", "Objet", REFERENCE):
        expect(body).to_contain_text(text)
    check_page(preview, "lettre-apercu")
    preview.close()

    # -- the PDF: generated, downloaded, read back, first page as a PNG -------------
    page.get_by_role("button", name="Générer le PDF").click()
    expect(flash(page)).to_contain_text("Version 1 du PDF créée.")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"\.pdf$")).first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
    pdf = ARTIFACTS / "lettre-telechargee.pdf"
    download.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = pdf_text(pdf)
    for expected in (" ".join(DEBTOR_NAME), "recommandée", "Objet", REFERENCE):
        assert expected in text, f"{expected!r} not in the PDF: {text[:800]}"
    assert PERSONAL in text
    pdf_first_page_png(pdf, "lettre-pdf-page-1")

    # -- marked as sent by registered mail ---------------------------------------------
    today = timezone.localdate()
    page.get_by_label("Envoyée le").fill(today.isoformat())
    page.get_by_label("N° de recommandé").fill(REGISTERED)
    page.get_by_role("button", name="Enregistrer l'envoi").click()
    expect(flash(page)).to_contain_text("Envoi enregistré.")
    check_page(page, "lettre-envoyee")

    # -- back on the dossier: the letter sent, then shared with the association -------
    page.goto(dossier_url)
    letters = page.get_by_role("region", name="Mes lettres")
    expect(letters).to_contain_text(title)
    expect(letters).to_contain_text(
        f"envoyée le {french_date(today)} (n° de recommandé {REGISTERED})"
    )
    sharing = page.get_by_role("region", name="Aide d'une association")
    expect(sharing).to_contain_text("Vous seul avez accès à ce dossier.")
    sharing.get_by_label("Partager ce dossier avec").select_option(
        label=f"{ASSOCIATION} — Lyon"
    )
    sharing.get_by_role("button", name="Partager mon dossier").click()
    expect(flash(page)).to_contain_text(
        f"Votre dossier est partagé avec {ASSOCIATION}."
    )
    sharing = page.get_by_role("region", name="Aide d'une association")
    expect(sharing).to_contain_text(
        f"{ASSOCIATION} (Lyon), depuis le {french_date(today)}"
    )
    check_page(page, "dossier-lettre-et-partage")
    log_out(page)

    # -- the volunteer, in her own browser ------------------------------------------------
    volunteer = new_context(browser)
    try:
        admin = volunteer.new_page()
        admin_errors: list[str] = []
        admin.on("pageerror", lambda exc: admin_errors.append(str(exc)))
        admin.goto(f"{server_url}/admin/")
        expect(admin).to_have_url(re.compile(r"/admin/login/"))
        shot(admin, "admin-connexion")
        check_axe(admin, "admin : connexion", ADMIN_AXE_EXCLUDE)
        admin_log_in(admin, server_url, others.volunteer.email)
        admin.get_by_role("rowheader", name="Dossiers").get_by_role("link").click()
        expect(admin).to_have_url(re.compile(r"/admin/dossiers/dossier/$"))
        expect(results(admin)).to_have_count(1)
        table = admin.locator("#result_list")
        expect(table).to_contain_text(" ".join(DEBTOR_NAME))
        for stranger in ("Marc Autre", "Luc Loin", "INT-2026-77777", "EOS-555"):
            expect(table).not_to_contain_text(stranger)
        shot(admin, "admin-liste")
        check_axe(admin, "admin : liste des dossiers", ADMIN_AXE_EXCLUDE)

        # Searching for the other dossiers finds nothing, typing an id neither.
        for reference in ("INT-2026-77777", "EOS-555"):
            admin_search(admin, reference)
            expect(results(admin)).to_have_count(0)
        admin.goto(f"{server_url}/admin/dossiers/dossier/{others.unshared.pk}/change/")
        expect(admin).to_have_url(f"{server_url}/admin/")
        expect(admin.locator(".messagelist")).to_contain_text("n’existe pas")

        # Her dossier, found by the agency's reference.
        admin.goto(f"{server_url}/admin/dossiers/dossier/")
        admin_search(admin, REFERENCE)
        expect(results(admin)).to_have_count(1)
        admin.locator("#result_list tbody tr th a").click()
        expect(admin).to_have_url(re.compile(r"/admin/dossiers/dossier/\d+/change/"))
        content = admin.locator("#content")
        expect(content).to_contain_text(" ".join(DEBTOR_NAME))
        expect(content).to_contain_text(ASSOCIATION)
        expect(content).to_contain_text("courrier-intrum.jpg")  # her upload
        letters = admin.locator("fieldset").filter(
            has=admin.get_by_role("heading", name="Lettres", exact=True)
        )
        expect(letters).to_contain_text(f"Envoyée le {french_date(today)}")
        expect(letters).to_contain_text("version envoyée")
        expect(letters.get_by_role("link", name="Version 1 (PDF)")).to_be_visible()
        shot(admin, "admin-dossier")
        check_axe(admin, "admin : dossier", ADMIN_AXE_EXCLUDE)
        advice = admin.locator(".inline-group").filter(
            has=admin.get_by_role("heading", name=re.compile(r"^Conseils"))
        )
        advice.get_by_label("Texte").first.fill(ADVICE)
        admin.get_by_role("button", name="Enregistrer", exact=True).click()
        expect(admin.locator(".messagelist .success")).to_be_visible()
        assert admin_errors == [], f"JavaScript errors in the admin: {admin_errors}"
        # Her opening of the dossier is in the access log (not the refused one).
        openings = AccessLog.objects.filter(user=others.volunteer)
        assert {log.dossier.agency_reference for log in openings} == {REFERENCE}
    finally:
        volunteer.close()

    # -- the debtor reads the advice ---------------------------------------------
    log_in(page, server_url, DEBTOR_EMAIL)
    page.goto(dossier_url)
    sharing = page.get_by_role("region", name="Aide d'une association")
    expect(
        sharing.get_by_role("heading", name="Conseils de l'association")
    ).to_be_visible()
    expect(sharing).to_contain_text(ADVICE)
    expect(sharing).to_contain_text(f"Bénédicte, le {french_date(today)}")
    check_page(page, "dossier-conseil-recu")


WIZARD = ["montants", "verifications", "prescription", "situation", "reponse"]


def phone_letter_page(phone: BrowserContext, url: str, client: Client) -> Page:
    """A dossier answered through the test client (the wizard's own phone test
    is in test_journey); the browser opens its recommended letter."""
    dossier_id = answer_steps(client, [*WIZARD, "coordonnees"])
    sign_in(phone, client, url)
    page = phone.new_page()
    page.goto(f"{url}/dossiers/{dossier_id}/")
    open_recommended_letter(page)
    return page


def test_letter_and_admin_fit_a_360px_phone_screen(
    server_url: str, phone: BrowserContext, debtor_client: Client, others: Others
) -> None:
    page = phone_letter_page(phone, server_url, debtor_client)
    assert_fits(page, "lettre")
    page.get_by_role("button", name="Générer le PDF").click()
    expect(flash(page)).to_contain_text("Version 1 du PDF créée.")
    assert_fits(page, "lettre-generee")
    page.get_by_role("link", name=re.compile(r"^← ")).click()
    page.get_by_label("Partager ce dossier avec").select_option(
        label=f"{ASSOCIATION} — Lyon"
    )
    page.get_by_role("button", name="Partager mon dossier").click()
    expect(flash(page)).to_contain_text("partagé")
    assert_fits(page, "dossier-lettre-et-partage")
    log_out(page)

    page.goto(f"{server_url}/admin/")
    assert_fits(page, "admin-connexion")
    admin_log_in(page, server_url, others.volunteer.email)
    assert_fits(page, "admin-accueil")
    page.goto(f"{server_url}/admin/dossiers/dossier/")
    expect(results(page)).to_have_count(1)
    assert_fits(page, "admin-liste")
    page.locator("#result_list tbody tr th a").click()
    expect(page).to_have_url(re.compile(r"/change/"))
    expect(page.locator("#content")).to_contain_text(ASSOCIATION)
    page.wait_for_load_state()
    assert_fits(page, "admin-dossier")


def test_letter_preview_fits_a_360px_phone_screen(
    server_url: str, phone: BrowserContext, debtor_client: Client
) -> None:
    page = phone_letter_page(phone, server_url, debtor_client)
    page.goto(page.url + "apercu/")
    expect(page.locator(".letter")).to_contain_text("Objet")
    assert_fits(page, "lettre-apercu")
