"""What the letters print (issue 19, item 8): no second page holding only the
texts cited and the enclosures; the R124-4 mentions the agency left out; a
Sunday and an evening call named as such; no copy to a creditor without an
address; one date style (« 1er mars »)."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from dossiers import demo
from dossiers import services as dossier_services
from dossiers.models import Dossier
from letters import compose, rendering
from letters.catalog import LETTERS
from tests.pdftext import page_texts

from .conftest import answers, fill

TODAY = dt.date(2026, 12, 2)
SUNDAY = dt.date(2026, 11, 29)


def render(dossier: Dossier, slug: str, personal_text: str = "") -> tuple[str, bytes]:
    from dossiers.assessment import assess_dossier

    data = compose.letter_input(
        dossier=dossier,
        assessment=assess_dossier(dossier, today=TODAY),
        today=TODAY,
        personal_text=personal_text,
    )
    _, html = compose.build(LETTERS[slug], data)
    meta = rendering.PdfMeta(title=LETTERS[slug].title, author="Sophie Martin")
    return html, rendering.render_pdf(html, meta=meta)


def pages(pdf: bytes) -> list[str]:
    return [" ".join(page.split()) for page in page_texts(pdf)]


def words(html: str) -> str:
    text = re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'")
    return " ".join(text.split())


@pytest.fixture
def sophie(barred_dossier: Dossier) -> Dossier:
    """Sophie's demo dossier with her demo timeline and a Sunday-night call."""
    demo.seed_timeline(barred_dossier)
    dossier_services.timeline_add(
        dossier=barred_dossier,
        kind="call",
        occurred_on=SUNDAY,
        occurred_at_time=dt.time(21, 30),
        direction="from_agency",
        who="Intrum",
        content="Appel masqué, menace de saisie.",
    )
    return barred_dossier


# -- the ending stays together -------------------------------------------------


@pytest.mark.parametrize("slug", ["contestation", "harcelement"])
def test_the_two_letters_fit_one_page(sophie: Dossier, slug: str) -> None:
    """Both printed their texts cited and enclosures alone on a page 2."""
    _, pdf = render(sophie, slug)
    printed = pages(pdf)
    assert len(printed) == 1, printed[1:]
    assert "Textes cités" in printed[0]
    assert "Pièces jointes" in printed[0]


@pytest.mark.parametrize("slug", ["contestation", "harcelement"])
def test_whatever_the_length_the_ending_stays_whole_with_some_body(
    sophie: Dossier, slug: str
) -> None:
    """A personal paragraph of 0 to 27 sentences pushes the ending down line by
    line: wherever the page breaks, the page with the texts cited also holds
    the closing, the signature, the enclosures and a line of the body."""
    for sentences in range(0, 28, 6):
        personal = "Je précise ma situation. " * sentences
        printed = pages(render(sophie, slug, personal_text=personal)[1])
        [last] = [page for page in printed if "Textes cités" in page]
        where = (sentences, len(printed))
        for part in ("Je vous prie d'agréer", "Pièces jointes", "Sophie Martin"):
            assert part in last.split("Textes cités")[0], (part, where)
        before = last.split("Je vous prie d'agréer")[0]
        assert len(printed) == 1 or len(before.split()) >= 5, (before, where)


# -- the R124-4 mentions ----------------------------------------------------------


def test_the_contestation_names_the_missing_mentions(sophie: Dossier) -> None:
    """Sophie ticked 1°, 2° and 4°: the letter names 3° and 5°."""
    html, _ = render(sophie, "contestation")
    text = words(html)
    assert (
        "Votre courrier ne comporte pas les mentions que l'article R124-4 du code "
        "des procédures civiles d'exécution impose à qui recouvre une créance pour "
        "le compte d'autrui : le fondement et le montant de la somme due, "
        "distinguant principal, intérêts et accessoires (3°) ; la reproduction du "
        "texte de loi sur les frais de recouvrement (5°)." in text
    )
    for present in ("(1°)", "(2°)", "(4°)"):
        assert present not in text
    assert "CPCE, art. R124-7" in text


def test_role_unknown_says_if(barred_dossier: Dossier) -> None:
    fill(barred_dossier, answers(courrier={"agency_role": "unknown"}))
    text = words(render(barred_dossier, "contestation")[0])
    assert "Si vous recouvrez cette créance pour le compte d'autrui" in text
    assert "(3°)" in text


@pytest.mark.parametrize(
    "changes",
    [
        {"courrier": {"agency_role": "purchase"}},
        {
            "verifications": {
                "mentions": [
                    "collector_identity",
                    "creditor_identity",
                    "debt_details",
                    "payment_terms",
                    "fees_article",
                ]
            }
        },
    ],
    ids=["bought-debt", "all-five-present"],
)
def test_no_missing_mention_no_sentence(
    barred_dossier: Dossier, changes: dict[str, dict[str, object]]
) -> None:
    fill(barred_dossier, answers(**changes))
    text = words(render(barred_dossier, "contestation")[0])
    assert "R124-4 du code" not in text
    assert "R124-7" not in text


# -- the harassment letter's moments ----------------------------------------------


def test_a_sunday_and_an_evening_call_are_named(sophie: Dossier) -> None:
    text = words(render(sophie, "harcelement")[0])
    assert (
        "3 de ces contacts ont eu lieu un dimanche, avant 8 heures ou après "
        "20 heures." in text
    )
    for moment in (  # each contact says when it was unreasonable
        "le 20 octobre 2026 à 21 h 40 (le soir, après 20 heures) :",
        "le 23 octobre 2026 à 22 h 15 (le soir, après 20 heures) :",
        "le 29 novembre 2026 à 21 h 30 (un dimanche, le soir, après 20 heures) :",
    ):
        assert moment in text


def test_a_sunday_morning_and_an_early_call(barred_dossier: Dossier) -> None:
    for day, at in ((SUNDAY, dt.time(10, 0)), (SUNDAY - dt.timedelta(days=3), None)):
        dossier_services.timeline_add(
            dossier=barred_dossier, kind="sms", occurred_on=day, occurred_at_time=at
        )
    dossier_services.timeline_add(
        dossier=barred_dossier,
        kind="call",
        occurred_on=dt.date(2026, 11, 24),
        occurred_at_time=dt.time(7, 5),
    )
    text = words(render(barred_dossier, "harcelement")[0])
    assert (
        "2 de ces contacts ont eu lieu un dimanche, avant 8 heures ou après "
        "20 heures." in text
    )
    assert "le 24 novembre 2026 à 7 h 05 (tôt le matin, avant 8 heures) :" in text
    assert "le 29 novembre 2026 à 10 h 00 (un dimanche) :" in text


# -- copies -------------------------------------------------------------------------


def test_no_copy_to_a_creditor_without_an_address(barred_dossier: Dossier) -> None:
    fill(barred_dossier, answers(courrier={"creditor_address": ""}))
    for slug in ("contestation", "harcelement", "prescription"):
        text = words(render(barred_dossier, slug)[0])
        assert "Copie :" not in text, slug
        assert "Une copie de ce courrier" not in text, slug
        if slug == "contestation":
            assert "pour le compte de Cetelem" in text  # still named


def test_a_copy_to_a_creditor_with_an_address(barred_dossier: Dossier) -> None:
    text = words(render(barred_dossier, "harcelement")[0])
    assert "Copie : Cetelem (BNP Paribas Personal Finance), 1 boulevard" in text
    assert "Une copie de ce courrier est adressée à Cetelem" in text


# -- one date style -------------------------------------------------------------------


def test_pages_and_e_mails_write_the_first_of_the_month_as_1er() -> None:
    class Finding:
        severity = "urgent"
        title = "URGENT"
        explanation = ""
        basis = ()
        due = dt.date(2027, 3, 1)
        uncertain = False

    class Assessment:
        class result:  # noqa: N801
            findings = (Finding(),)

        estimate = None
        limitation_error = None

    html = render_to_string(
        "dossiers/includes/findings.html", {"assessment": Assessment()}
    )
    assert "lundi 1er mars 2027" in html
    body = render_to_string(
        "emails/reminder_body.txt",
        {"items": [{"due": dt.date(2027, 3, 1), "days": 7, "link": "x"}]},
    )
    assert "le lundi 1er mars 2027" in body


def test_no_template_writes_a_day_with_django_s_date_filter() -> None:
    """Django's ``date:"j F"`` writes « 1 mars »: ``longdate`` writes « 1er mars »."""
    offenders = []
    for template in Path(settings.BASE_DIR, "templates").rglob("*.*"):
        text = template.read_text(encoding="utf-8")
        if re.search(r"\|\s*date\s*:\s*\"[^\"]*\bj\b", text):
            offenders.append(str(template))
    assert offenders == []
