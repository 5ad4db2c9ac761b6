"""The photographed letter, in a real browser on a 360 px phone screen: the
intake, the progress page moving on by itself, the steps prefilled with what
was read (she confirms and completes them), the answer; axe on each screen."""

import datetime as dt
import re
import threading

import pytest
from django.test import Client
from playwright.sync_api import Browser, expect

from bench import corpus
from reading.models import ReadingJob
from tests.corpus import Corpus

from .conftest import check_axe, new_context, shot, sign_in
from .steps import fill_coordonnees, fill_prescription, group, submit
from .test_journey import PHONE_WIDTH, assert_no_horizontal_scroll

pytestmark = pytest.mark.e2e


def run_worker() -> threading.Thread:
    """The database backend's own worker (``db_worker``'s loop), in a thread of
    this process so that it shares the live server's test database."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0.2,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="e2e-worker",
    )
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    return thread


def test_a_photographed_letter_is_read_then_the_first_step_opens(
    server_url: str, browser: Browser, debtor_client: Client, suite_corpus: Corpus
) -> None:
    sample = suite_corpus.sample(suite_corpus.specs[0])
    context = new_context(browser, width=PHONE_WIDTH, height=740)
    try:
        sign_in(context, debtor_client, server_url)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{server_url}/dossiers/")
        page.get_by_role("link", name="Nouveau dossier").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Prenez en photo votre courrier"
        )
        assert_no_horizontal_scroll(page, "lecture-depot")
        check_axe(page, "dépôt du courrier, sur un téléphone")
        page.get_by_role("button", name="Envoyer et lire le courrier").click()
        expect(page.get_by_role("alert")).to_contain_text(  # the error summary
            "Photos ou PDF de votre courrier"
        )
        check_axe(page, "dépôt du courrier, erreur")

        page.get_by_label("Photos ou PDF de votre courrier").set_input_files(
            [str(path) for path in sample.photos]
        )
        page.get_by_role("button", name="Envoyer et lire le courrier").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Lecture de votre courrier"
        )
        expect(page.get_by_role("status")).to_contain_text("Votre courrier va être lu")
        assert_no_horizontal_scroll(page, "lecture-en-cours")
        check_axe(page, "lecture en cours, sur un téléphone")
        assert ReadingJob.objects.get().status == "queued"

        worker = run_worker()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Le courrier", timeout=90_000
        )
        worker.join(timeout=30)
        dossier_id = ReadingJob.objects.get().dossier_id
        assert page.url.endswith(f"/dossiers/{dossier_id}/modifier/courrier/")
        assert ReadingJob.objects.get().status == "done"
        shot(page, "lecture-terminee")
        confirm_and_reach_the_answer(page, sample)
        assert errors == []
    finally:
        context.close()


def confirm_and_reach_the_answer(page, sample: corpus.Sample) -> None:
    """What was read is shown, beside each value, with the line it came from;
    she adds what a letter cannot tell (when and how she received it, her
    situation) and reaches « Ce que je fais maintenant »."""
    expected = sample.expected
    notes = page.locator(".read-note")
    expect(notes.first).to_contain_text("Lu sur votre courrier — vérifiez")
    expect(page.get_by_label("Référence du dossier chez la société")).to_have_value(
        expected["reference"]
    )
    check_axe(page, "« Le courrier » prérempli, sur un téléphone")
    # What the reader left empty (it never guesses), she types as anyone would.
    agency = page.get_by_label("Société qui vous écrit")
    name = page.get_by_label("Nom de la société, si elle n'est pas dans la liste")
    if not agency.input_value() and not name.input_value():
        name.fill(expected["agency"])
    letter_date = page.get_by_label("Date du courrier")
    if not letter_date.input_value():
        letter_date.fill(expected["letter_date"])
    page.get_by_label("Date à laquelle vous l'avez reçu").fill(
        dt.date.today().isoformat()  # noqa: DTZ011 - the browser's today
    )
    group(page, "Comment l'avez-vous reçu").get_by_label("Courrier simple").check()
    kind = group(page, "De quel type de courrier")
    if not kind.locator("input:checked").count():
        kind.get_by_label("Relance amiable").check()
    role = group(page, "La société dit-elle agir pour le créancier")
    if not role.locator("input:checked").count():
        role.get_by_label("Je ne sais pas").check()
    submit(page)
    reached(page, "Les montants")
    expect(page.get_by_text("Lu sur votre courrier — vérifiez").first).to_be_visible()
    check_axe(page, "« Les montants » préremplis")
    total = page.get_by_label("Montant total réclamé")
    if not total.input_value():
        total.fill(expected["total"].replace(".", ","))
    group(page, "vie privée").get_by_label("Oui").check()
    for select in page.locator("select[name$='-kind']").all():
        if (
            not select.input_value()
            and select.locator("xpath=ancestor::fieldset[1]")
            .locator("input[name$='-amount']")
            .input_value()
        ):
            select.select_option(label="Principal")
    submit(page)
    reached(page, "Vérifications")

    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifications")
    check_axe(page, "« Vérifications » préremplies")
    group(page, "Reconnaissez-vous cette dette").get_by_label("Non").check()
    group(page, "Un juge vous a-t-il").get_by_label("Non").check()
    group(page, "envisagez-vous de payer").get_by_label("Non").check()
    submit(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("La prescription")
    fill_prescription(page)
    submit(page)
    if page.get_by_role("heading", level=1).inner_text() == "Ma situation":
        submit(page)  # nothing asked there is needed for an answer
    expect(page.get_by_role("heading", level=1)).to_have_text("Ma réponse")
    expect(
        page.get_by_role("heading", name="Ce que je fais maintenant")
    ).to_be_visible()
    check_axe(page, "« Ma réponse » après lecture du courrier")
    shot(page, "lecture-reponse")
    submit(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes coordonnées")
    fill_coordonnees(page)
    submit(page, "Enregistrer et terminer")
    expect(page).to_have_url(re.compile(r"/dossiers/\d+/$"))
    expect(
        page.get_by_role("heading", name="Ce que je fais maintenant")
    ).to_be_visible()


def reached(page, title: str) -> None:
    """The next step opened; a refused step says why instead of a bare timeout."""
    try:
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
    except AssertionError:
        summary = page.get_by_role("alert")
        errors = summary.inner_text() if summary.count() else "(no error summary)"
        raise AssertionError(f"« {title} » not reached: {errors}") from None
