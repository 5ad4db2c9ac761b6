"""A refused step opens with an error summary linking each faulty answer
(GOV.UK pattern), and Enter continues rather than adding a row (issue 19,
items 9 and 12). The focus itself is checked in a browser (tests/e2e)."""

import html
import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from .test_wizard import started, step_url
from .wizard_data import post_data

pytestmark = pytest.mark.django_db


def summary_links(page: str) -> list[tuple[str, str]]:
    """(href, text) of each link of the error summary."""
    block = page.split('class="errors form-errors error-summary"', 1)[1]
    block = block.split("</div>", 1)[0]
    return [
        (href, html.unescape(re.sub(r"\s+", " ", text)).strip())
        for href, text in re.findall(r'<a href="#([^"]+)">(.*?)</a>', block, re.S)
    ]


def test_a_refused_step_lists_each_faulty_answer_with_a_link(
    debtor_client: Client,
) -> None:
    dossier = started(debtor_client)
    data = post_data(
        "montants",
        **{
            "montants-total_claimed": "douze euros",
            "montants-is_consumer": "",
            "montants-lines-1-amount": "",
        },
    )
    page = debtor_client.post(step_url(dossier, "montants"), data).content.decode()
    links = summary_links(page)
    assert links == [
        (
            "id_montants-total_claimed",
            "Montant total réclamé (€) : Saisissez un montant en euros, "
            "par exemple 1 234,56.",
        ),
        (
            "id_montants-is_consumer_0",
            "Cette dette vient-elle de votre vie privée (pas d'une activité "
            "professionnelle) ? Ce champ est obligatoire.",
        ),
        (
            "id_montants-lines-1-amount",
            "Ligne 2 — Montant (€) : Ce champ est obligatoire.",
        ),
    ]
    for anchor, _ in links:
        assert f'id="{anchor}"' in page, anchor  # every link reaches its field
    assert 'tabindex="-1"' in page.split("error-summary", 1)[1][:200]


def test_an_event_row_error_names_the_event(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data("prescription", **{"prescription-events-0-on": "31/02/2025"})
    page = debtor_client.post(step_url(dossier, "prescription"), data).content.decode()
    [(anchor, text)] = summary_links(page)
    assert anchor == "id_prescription-events-0-on"
    assert text.startswith("Événement 1 — Date : ")


def test_a_valid_page_has_no_summary(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    page = debtor_client.get(step_url(dossier, "montants")).content.decode()
    assert "error-summary" not in page


def test_other_forms_get_the_summary_too(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    page = debtor_client.post(
        f"/dossiers/{dossier.pk}/chronologie/ajouter/", {"kind": "call"}
    ).content.decode()
    hrefs = [href for href, _ in summary_links(page)]
    assert "id_occurred_on" in hrefs


def test_after_adding_a_row_the_page_asks_to_focus_it(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = {**post_data("montants"), "wizard_add_row": "1"}
    page = debtor_client.post(step_url(dossier, "montants"), data).content.decode()
    assert "data-focus-new-row" in page
    assert "data-focus-new-row" not in (
        debtor_client.get(step_url(dossier, "montants")).content.decode()
    )


class SubmitButtons(HTMLParser):
    """The submit buttons of the page's main form, in tree order."""

    def __init__(self) -> None:
        super().__init__()
        self.in_form = False
        self.buttons: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form" and values.get("method") == "post" and "action" not in values:
            self.in_form = True
        elif tag == "button" and self.in_form and values.get("type") == "submit":
            self.buttons.append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_form = False


@pytest.mark.parametrize("step", ["montants", "prescription"])
def test_enter_in_a_text_field_saves_and_continues(
    debtor_client: Client, step: str
) -> None:
    """Enter clicks the form's first submit button (its "default button"):
    « Enregistrer et continuer », not « Ajouter une ligne »."""
    dossier = started(debtor_client)
    parser = SubmitButtons()
    parser.feed(debtor_client.get(step_url(dossier, step)).content.decode())
    default = parser.buttons[0]
    assert "name" not in default  # neither the row button nor « précédente »
    row_button = next(b for b in parser.buttons if b.get("name") == "wizard_add_row")
    assert parser.buttons.index(row_button) > 0
    # What that button posts saves the step.
    response = debtor_client.post(step_url(dossier, step), post_data(step))
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert step in dossier.answers


@pytest.mark.parametrize("zero", ["0", "0,00", "0 €"])
def test_a_zero_total_is_refused_in_french(debtor_client: Client, zero: str) -> None:
    """Issue 19, item 14: « 0 € » was accepted as the sum claimed."""
    dossier = started(debtor_client)
    data = post_data("montants", **{"montants-total_claimed": zero})
    response = debtor_client.post(step_url(dossier, "montants"), data)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Le total ne peut pas être 0 € : recopiez la somme" in page
    dossier.refresh_from_db()
    assert "montants" not in dossier.answers
