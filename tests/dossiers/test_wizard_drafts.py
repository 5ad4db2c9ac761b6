"""« Étape précédente » on a half-filled step, and a step count that says why it
changes (issue 19, item 6).

What she typed on a step she leaves with an error is kept in the wizard's
storage (``Dossier.wizard_extra``, formtools' extra data), never in
``Dossier.answers``, and shown again with its errors when she comes back.
"""

import html
from types import SimpleNamespace

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from dossiers.answers import Answers
from dossiers.models import Dossier
from dossiers.steps import situation_why
from dossiers.wizard_drafts import (
    DRAFT_DROPPED_MESSAGE,
    DRAFT_KEPT_MESSAGE,
    NOT_SAVED_MESSAGE,
    STEP_COUNT_MESSAGE,
)

from .test_wizard import body, started, step_url
from .wizard_data import post_data

pytestmark = pytest.mark.django_db

HALF_FILLED_AMOUNTS = {
    "montants-total_claimed": "1 318,40",
    "montants-is_consumer": "yes",
    "montants-lines-TOTAL_FORMS": "2",
    "montants-lines-0-label": "Capital restant dû",
    "montants-lines-0-kind": "principal",
    "montants-lines-0-amount": "mille cent",  # not an amount
    "montants-lines-1-label": "",
    "montants-lines-1-kind": "",
    "montants-lines-1-amount": "",
}
BACK_TO_COURRIER = {"wizard_goto_step": "courrier"}


def text(response) -> str:
    return html.unescape(body(response))


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def go_back_half_filled(client: Client, dossier: Dossier):
    data = post_data("montants", **HALF_FILLED_AMOUNTS, **BACK_TO_COURRIER)
    return client.post(step_url(dossier, "montants"), data, follow=True)


def test_going_back_from_a_half_filled_step_keeps_what_she_typed(
    debtor_client: Client,
) -> None:
    dossier = started(debtor_client)
    before = text(debtor_client.get(step_url(dossier, "montants")))
    assert "Étape 2 sur 6" in before

    page = go_back_half_filled(debtor_client, dossier)
    assert page.redirect_chain[-1][0] == step_url(dossier, "courrier")
    kept = DRAFT_KEPT_MESSAGE.format(title="Les montants")
    assert kept in text(page)
    assert "Étape 1 sur 6" in text(page)
    dossier.refresh_from_db()
    assert dossier.answers.montants is None  # nothing of it as an answer
    assert "montants" not in dossier.wizard_data
    assert "mille cent" not in str(dossier.answers.to_json())

    # « Enregistrer et continuer » on « Le courrier »: she comes back to it.
    again = debtor_client.post(
        step_url(dossier, "courrier"), post_data("courrier"), follow=True
    )
    page = text(again)
    assert again.redirect_chain[-1][0] == step_url(dossier, "montants")
    assert "Étape 2 sur 6" in page  # the count did not move
    assert 'value="mille cent"' in page
    assert 'value="Capital restant dû"' in page
    assert 'value="1 318,40"' in page
    assert "Saisissez un montant" in page  # its error, beside it…
    assert 'id="erreurs"' in page  # …and in the summary above
    assert "voici ce que vous aviez tapé" in page
    dossier.refresh_from_db()
    assert dossier.answers.montants is None


def test_saving_the_step_drops_its_draft(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    go_back_half_filled(debtor_client, dossier)
    response = debtor_client.post(step_url(dossier, "montants"), post_data("montants"))
    assert response["Location"] == step_url(dossier, "verifications")
    dossier.refresh_from_db()
    assert dossier.answers.montants is not None
    assert dossier.wizard_extra.get("drafts") == {}
    page = text(debtor_client.get(step_url(dossier, "montants")))
    assert "mille cent" not in page
    assert "voici ce que vous aviez tapé" not in page


def test_a_draft_of_a_saved_step_leaves_its_answers_and_can_be_dropped(
    debtor_client: Client,
) -> None:
    dossier = started(debtor_client)
    debtor_client.post(step_url(dossier, "montants"), post_data("montants"))
    changed = post_data(
        "montants",
        **{"montants-total_claimed": "douze euros"},
        **BACK_TO_COURRIER,
    )
    debtor_client.post(step_url(dossier, "montants"), changed)
    dossier.refresh_from_db()
    assert str(dossier.answers.montants.total_claimed) == "1318.40"

    page = text(debtor_client.get(step_url(dossier, "montants")))
    assert 'value="douze euros"' in page
    assert "vos réponses enregistrées restent en place" in page
    assert "Revenir à mes réponses enregistrées" in page

    drop = {"questionnaire-current_step": "montants", "wizard_drop_draft": "1"}
    response = debtor_client.post(step_url(dossier, "montants"), drop, follow=True)
    page = text(response)
    assert DRAFT_DROPPED_MESSAGE in page
    assert 'value="douze euros"' not in page
    assert 'value="1 318,40"' in page or 'value="1318.40"' in page
    assert "Saisissez un montant" not in page


def test_an_invalid_continue_keeps_a_draft_too(debtor_client: Client) -> None:
    """A link of the progress bar cannot send the form: what she typed before
    following it is the draft of her last try."""
    dossier = started(debtor_client)
    data = post_data("montants", **HALF_FILLED_AMOUNTS)
    response = debtor_client.post(step_url(dossier, "montants"), data)
    assert response.status_code == 200
    assert "voici ce que vous aviez tapé" not in text(response)  # errors only
    page = text(debtor_client.get(step_url(dossier, "courrier")))
    assert "mille cent" not in page
    page = text(debtor_client.get(step_url(dossier, "montants")))
    assert 'value="mille cent"' in page


def test_a_draft_does_not_stop_her_finishing(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    for step in ("montants", "verifications", "prescription", "situation"):
        debtor_client.post(step_url(dossier, step), post_data(step))
    changed = post_data(
        "montants", **{"montants-total_claimed": "abc"}, wizard_goto_step="courrier"
    )
    debtor_client.post(step_url(dossier, "montants"), changed)
    debtor_client.post(step_url(dossier, "reponse"), post_data("reponse"))
    response = debtor_client.post(
        step_url(dossier, "coordonnees"), post_data("coordonnees")
    )
    assert response["Location"] == dossier.get_absolute_url()
    dossier.refresh_from_db()
    assert dossier.is_complete
    assert str(dossier.answers.montants.total_claimed) == "1318.40"


def test_nothing_typed_keeps_no_draft_and_says_nothing(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    empty = {"questionnaire-current_step": "montants", **BACK_TO_COURRIER}
    response = debtor_client.post(step_url(dossier, "montants"), empty)
    assert response.status_code == 302
    assert messages_of(response) == []
    dossier.refresh_from_db()
    assert not dossier.wizard_extra.get("drafts")


def test_a_huge_draft_is_not_kept_and_she_is_told(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data(
        "montants",
        **{"montants-lines-0-label": "x" * 60_000},
        **BACK_TO_COURRIER,
    )
    response = debtor_client.post(step_url(dossier, "montants"), data)
    assert messages_of(response) == [NOT_SAVED_MESSAGE]
    dossier.refresh_from_db()
    assert not dossier.wizard_extra.get("drafts")


def test_another_users_draft_cannot_be_dropped(
    debtor_client: Client, other_client: Client
) -> None:
    dossier = started(debtor_client)
    go_back_half_filled(debtor_client, dossier)
    drop = {"questionnaire-current_step": "montants", "wizard_drop_draft": "1"}
    assert other_client.post(step_url(dossier, "montants"), drop).status_code == 404
    dossier.refresh_from_db()
    assert "montants" in dossier.wizard_extra["drafts"]


# -- the step count ------------------------------------------------------------


def test_the_step_count_changes_only_with_saved_answers_and_says_why_once(
    debtor_client: Client,
) -> None:
    """« 1 sur 6 » → « 4 sur 7 » → « 5 sur 6 »: each change is told once, on
    the page after the answer that made it; a draft changes nothing."""
    dossier = started(debtor_client)
    assert "Étape 1 sur 6" in text(debtor_client.get(step_url(dossier, "courrier")))
    debtor_client.post(step_url(dossier, "montants"), post_data("montants"))
    pay = post_data("verifications", **{"verifications-payment_considered": "yes"})
    response = debtor_client.post(step_url(dossier, "verifications"), pay, follow=True)
    added = (
        "Une étape « Ma situation » (votre budget) s'ajoute : vous envisagez de "
        "payer. " + STEP_COUNT_MESSAGE.format(count=7)
    )
    assert messages_of(response) == [added]
    assert "Étape 4 sur 7" in text(response)
    page = text(debtor_client.get(step_url(dossier, "prescription")))
    assert "Étape 4 sur 7" in page
    assert "s'ajoute" not in page  # told once

    # Back from a half-filled « La prescription » whose date would bar the debt.
    half = post_data(
        "prescription",
        **{"prescription-nature": "telecom", "prescription-start": "2020-01-15"},
        **{"prescription-events-0-on": "pas une date"},
        wizard_goto_step="verifications",
    )
    response = debtor_client.post(step_url(dossier, "prescription"), half, follow=True)
    assert "Étape 3 sur 7" in text(response)
    page = text(debtor_client.get(step_url(dossier, "prescription")))
    assert "Étape 4 sur 7" in page  # a draft is not an answer: still 7

    barred = {
        "prescription-nature": "telecom",
        "prescription-start": "2020-01-15",
        "prescription-events-TOTAL_FORMS": "0",
    }
    response = debtor_client.post(
        step_url(dossier, "prescription"),
        post_data("prescription", **barred),
        follow=True,
    )
    removed = (
        "L'étape « Ma situation » (votre budget) est retirée : la dette paraît "
        "prescrite, et payer une dette prescrite est déconseillé. "
        + STEP_COUNT_MESSAGE.format(count=6)
    )
    assert messages_of(response) == [removed]
    assert "Étape 5 sur 6" in text(response)
    assert "est retirée" not in text(debtor_client.get(step_url(dossier, "reponse")))

    # The same answers again: nothing changes, nothing is said.
    response = debtor_client.post(
        step_url(dossier, "prescription"), post_data("prescription", **barred)
    )
    assert messages_of(response) == []


def test_no_longer_paying_says_why_the_step_goes() -> None:
    state = SimpleNamespace(answers=Answers())  # « Vérifications »: not paying
    assert "vous n'envisagez plus de payer" in situation_why(state, False)


def test_a_new_dossier_counts_its_steps_from_the_first_one(
    debtor_client: Client,
) -> None:
    dossier = started(debtor_client)
    dossier.refresh_from_db()
    assert dossier.wizard_extra["counted_steps"] == [
        "courrier",
        "montants",
        "verifications",
        "prescription",
        "reponse",
        "coordonnees",
    ]
