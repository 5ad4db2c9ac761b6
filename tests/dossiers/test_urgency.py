"""An injonction de payer, a commandement or an assignation: the court step and
its deadline from the step after « Le courrier » on, and in « Mes dossiers »
(issue 19, item 11)."""

import datetime as dt
import html
from collections import Counter

import pytest
from django.test import Client
from django.utils import timezone

from dossiers.law.checks import opposition_last_day
from dossiers.law.dates import format_weekday_date
from dossiers.models import Dossier

from .test_wizard import step_url
from .wizard_data import post_data

pytestmark = pytest.mark.django_db

OPPOSITION = "Faites opposition à l'injonction de payer au greffe du tribunal"
ON_THE_ACT = "Date à trouver sur l'acte."
AFTER_COURRIER = ("montants", "verifications", "prescription")  # situation: not paying


def signified(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def court_dossier(client: Client, kind: str, signification: str = "") -> Dossier:
    """A dossier with « Le courrier » only, saying which act she received."""
    courrier = post_data(
        "courrier",
        **{
            "courrier-letter_kind": kind,
            "courrier-signification_date": signification,
        },
    )
    response = client.post("/dossiers/nouveau/courrier/", courrier)
    assert response.status_code == 302, response.content[:2000]
    return Dossier.objects.latest("id")


def text(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(html.unescape(response.content.decode()).split())


def test_the_opposition_deadline_shows_on_the_step_after_le_courrier(
    debtor_client: Client,
) -> None:
    dossier = court_dossier(
        debtor_client, "injonction_signifiee", signified(10).isoformat()
    )
    last_day = format_weekday_date(opposition_last_day(signified(10)))
    page = text(debtor_client, step_url(dossier, "montants"))
    assert "Urgent : à faire d'abord" in page
    assert OPPOSITION in page
    assert f"Au plus tard le {last_day}." in page


def test_the_opposition_deadline_shows_in_mes_dossiers(debtor_client: Client) -> None:
    court_dossier(debtor_client, "injonction_signifiee", signified(10).isoformat())
    last_day = format_weekday_date(opposition_last_day(signified(10)))
    page = text(debtor_client, "/dossiers/")
    assert OPPOSITION in page
    assert f"Au plus tard le {last_day}." in page.split("Montant réclamé")[0]


@pytest.mark.parametrize(
    ("kind", "what"),
    [
        ("injonction_signifiee", OPPOSITION),
        ("commandement", "l'acte du commissaire de justice fixe un délai court"),
        ("assignation", "Allez à l'audience indiquée sur l'acte"),
    ],
)
def test_without_a_date_the_act_is_where_to_find_it(
    debtor_client: Client, kind: str, what: str
) -> None:
    dossier = court_dossier(debtor_client, kind)
    for step in AFTER_COURRIER:
        page = text(debtor_client, step_url(dossier, step))
        assert what in page, step
        assert ON_THE_ACT in page, step
    listed = text(debtor_client, "/dossiers/")
    assert what in listed
    assert ON_THE_ACT in listed


def test_every_step_after_le_courrier_opens_with_it(debtor_client: Client) -> None:
    """« Ma réponse » and the dossier page open with « Ce que je fais
    maintenant », which starts with the same action; « Le courrier » is where
    she describes the act."""
    dossier = court_dossier(
        debtor_client, "injonction_signifiee", signified(3).isoformat()
    )
    for step in (*AFTER_COURRIER, "coordonnees"):
        assert OPPOSITION in text(debtor_client, step_url(dossier, step)), step
    assert "Urgent : à faire d'abord" not in text(
        debtor_client, step_url(dossier, "courrier")
    )
    reponse = text(debtor_client, step_url(dossier, "reponse"))
    assert reponse.count(OPPOSITION) == 1
    assert "Ce que je fais maintenant" in reponse


def test_a_passed_deadline_is_not_sent_to_the_act(debtor_client: Client) -> None:
    dossier = court_dossier(
        debtor_client, "injonction_signifiee", signified(90).isoformat()
    )
    page = text(debtor_client, step_url(dossier, "montants"))
    assert "Le délai d'opposition semble dépassé" in page
    assert ON_THE_ACT not in page


def test_an_amicable_letter_shows_no_urgent_box(debtor_client: Client) -> None:
    dossier = court_dossier(debtor_client, "relance")
    assert "Urgent : à faire d'abord" not in text(
        debtor_client, step_url(dossier, "montants")
    )
    assert "Urgent : à faire d'abord" not in text(debtor_client, "/dossiers/")


def test_a_step_page_of_an_amicable_letter_runs_no_law(
    debtor_client: Client,
    calls: Counter[str],  # noqa: F811
) -> None:
    dossier = court_dossier(debtor_client, "relance")
    calls.clear()
    text(debtor_client, step_url(dossier, "montants"))
    assert calls == Counter()


def test_mes_dossiers_runs_the_law_once_per_dossier(
    debtor_client: Client,
    calls: Counter[str],  # noqa: F811
) -> None:
    court_dossier(debtor_client, "injonction_signifiee", signified(3).isoformat())
    court_dossier(debtor_client, "commandement")
    court_dossier(debtor_client, "relance")
    calls.clear()
    text(debtor_client, "/dossiers/")
    assert calls["triage"] == 3
