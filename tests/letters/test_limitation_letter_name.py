"""The limitation letter goes to the agency: it is not the court « opposition »
(issue 19, item 2). « Opposition » stays for the injonction de payer."""

import dataclasses
import datetime as dt

from django.test import Client
from django.urls import reverse

from dossiers.assessment import assess_dossier
from dossiers.law.findings import RESPONSE_TITLES, assess
from dossiers.models import Dossier
from letters import compose
from letters.catalog import LETTERS
from tests.law.test_findings import CLEAN, PARTLY

TODAY = dt.date(2026, 11, 26)
TITLE = "Lettre à l'agence : dette prescrite ou forclose"


def test_the_limitation_letter_is_a_letter_to_the_agency() -> None:
    assert RESPONSE_TITLES["prescription"] == TITLE
    assert LETTERS["prescription"].title == TITLE
    for title in RESPONSE_TITLES.values():
        assert "pposition" not in title


def test_the_rendered_letter_says_nothing_of_an_opposition(
    barred_dossier: Dossier,
) -> None:
    data = compose.letter_input(
        dossier=barred_dossier,
        assessment=assess_dossier(barred_dossier, today=TODAY),
        today=TODAY,
    )
    context, html = compose.build(LETTERS["prescription"], data)
    assert context.title == TITLE
    assert "pposition" not in context.object_line
    assert "pposition" not in html


def test_a_partly_barred_debt_warns_about_the_letter_to_the_agency() -> None:
    warnings = " ".join(
        assess(dataclasses.replace(CLEAN, limitation=PARTLY), today=TODAY).warnings
    )
    assert "votre lettre à l'agence" in warnings
    assert "lettre d'opposition" not in warnings


def test_the_answer_step_and_the_letter_page_use_the_new_name(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    page = debtor_client.get(
        reverse("letters:page", args=[barred_dossier.pk, "prescription"])
    ).content.decode()
    assert "Lettre à l&#x27;agence : dette prescrite ou forclose" in page
    detail = debtor_client.get(barred_dossier.get_absolute_url()).content.decode()
    assert "Lettre à l&#x27;agence : dette prescrite ou forclose" in detail
    assert "Opposition : dette prescrite" not in detail
