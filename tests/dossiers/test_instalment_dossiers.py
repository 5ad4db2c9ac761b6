"""Instalment debts through the wizard (issue 18, item 1): the loan and the rent
of the issue, entered as a series in « La prescription », then their parts and
statuses on the dossier page. Expected values: reference §1.2, §1.7, §3.2 — one
clock per instalment or rent from its due date, one for the capital from the
déchéance du terme; barred from the day after the last day."""

import datetime as dt
import html
import re

import pytest
from django.test import Client
from django.utils import timezone

from dossiers.models import Dossier

from .wizard_data import post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen_on(monkeypatch: pytest.MonkeyPatch):
    """The day she fills the wizard in (the views read ``timezone.localdate``)."""

    def set_day(day: dt.date) -> None:
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    return set_day


def walk(client: Client, day: dt.date, prescription: dict[str, object]) -> Dossier:
    letter = (day - dt.timedelta(days=10)).isoformat()
    courrier = post_data(
        "courrier",
        **{"courrier-letter_date": letter, "courrier-received_date": letter},
    )
    assert client.post("/dossiers/nouveau/courrier/", courrier).status_code == 302
    dossier = Dossier.objects.latest("id")
    for step in ("montants", "verifications"):
        url = f"/dossiers/{dossier.pk}/modifier/{step}/"
        changes = (
            {"verifications-payment_considered": "no"}
            if step == "verifications"
            else {}
        )
        assert client.post(url, post_data(step, **changes)).status_code == 302, step
    data = {
        **post_data("prescription"),
        "prescription-events-TOTAL_FORMS": "0",
        "prescription-start": "",
        **prescription,
    }
    response = client.post(f"/dossiers/{dossier.pk}/modifier/prescription/", data)
    assert response.status_code == 302, response.content.decode()[-4000:]
    dossier.refresh_from_db()
    return dossier


def rows(page: str) -> list[list[str]]:
    """The « Détail par échéance » table, cell texts per row."""
    table = page.split("Détail par échéance", 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [
        [
            " ".join(html.unescape(re.sub(r"<[^>]+>", "", cell)).split())
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def plain(page: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", page)).replace(NBSP, " ")
    return re.sub(r"\s+([.,)])", r"\1", " ".join(text.split()))


def page_of(client: Client, dossier: Dossier) -> str:
    response = client.get(f"/dossiers/{dossier.pk}/")
    assert response.status_code == 200
    return response.content.decode()


BARRED = "Trop ancienne : ne peut plus être réclamée en justice"
OPEN = "Peut encore être réclamée en justice"
NBSP = "\u00a0"


def test_a_loan_seen_on_20_march_2023_is_partly_barred(
    debtor_client: Client, seen_on
) -> None:
    """First unpaid 10/01/2021, déchéance du terme 20/04/2021 (issue 18): the
    instalments of January to March 2021 are barred (from 11 January, 11
    February, 11 March 2023); April's and the capital can still be claimed."""
    day = dt.date(2023, 3, 20)
    seen_on(day)
    dossier = walk(
        debtor_client,
        day,
        {
            "prescription-nature": "real_estate_loan",
            "prescription-first_unpaid": "10/01/2021",
            "prescription-last_unpaid": "10/04/2021",
            "prescription-periodicity": "monthly",
            "prescription-instalment_amount": "450",
            "prescription-acceleration": "20/04/2021",
            "prescription-capital_amount": "9 000",
        },
    )
    assert dossier.limitation_status == "partly_barred"
    page = page_of(debtor_client, dossier)
    assert rows(page) == [
        ["Échéance du 10 janvier 2021", "450,00 €", BARRED, "10 janvier 2023"],
        ["Échéance du 10 février 2021", "450,00 €", BARRED, "10 février 2023"],
        ["Échéance du 10 mars 2021", "450,00 €", BARRED, "10 mars 2023"],
        ["Échéance du 10 avril 2021", "450,00 €", OPEN, "10 avril 2023"],
        [
            "Capital restant dû (déchéance du terme du 20 avril 2021)",
            "9 000,00 €",
            OPEN,
            "20 avril 2023",
        ],
    ]
    text = plain(page)
    assert (
        "Prescrit (ne peut plus être réclamé en justice) : 3 sommes, 1 350,00 €."
        in text
    )
    assert "Encore réclamable en justice : 2 sommes, 9 450,00 €." in text
    assert "Une partie de la dette semble prescrite" in text
    assert "3 échéances, du 10 janvier 2021 au 10 mars 2021 (1 350,00 €)" in text


def test_rent_arrears_seen_on_20_december_2023(debtor_client: Client, seen_on) -> None:
    """Rents from 05/11/2020 to 05/12/2022 (issue 18): November and December
    2020 barred (art. 7-1, three years), the 24 rents from 5 January 2021 not."""
    day = dt.date(2023, 12, 20)
    seen_on(day)
    dossier = walk(
        debtor_client,
        day,
        {
            "prescription-nature": "residential_rent",
            "prescription-first_unpaid": "05/11/2020",
            "prescription-last_unpaid": "05/12/2022",
            "prescription-periodicity": "monthly",
            "prescription-instalment_amount": "620,00",
        },
    )
    assert dossier.limitation_status == "partly_barred"
    table = rows(debtor_client_page := page_of(debtor_client, dossier))
    assert len(table) == 26
    assert [row[2] for row in table[:2]] == [BARRED, BARRED]
    assert {row[2] for row in table[2:]} == {OPEN}
    assert table[0][0] == "Échéance du 5 novembre 2020"
    assert table[0][3] == "5 novembre 2023"
    assert table[2][:1] == ["Échéance du 5 janvier 2021"]
    assert table[2][3] == "5 janvier 2024"
    text = plain(debtor_client_page)
    assert (
        "Prescrit (ne peut plus être réclamé en justice) : 2 sommes, 1 240,00 €."
        in text
    )
    assert "Encore réclamable en justice : 24 sommes, 14 880,00 €." in text
    assert (
        "Peuvent encore être réclamées en justice : 24 échéances, du 5 janvier 2021 "
        "au 5 décembre 2022 (14 880,00 €) ; la plus "
        "ancienne de ces sommes peut l'être jusqu'au 5 janvier 2024 inclus."
    ) in text


def test_a_list_of_rents_with_different_amounts(debtor_client: Client, seen_on) -> None:
    day = dt.date(2023, 12, 20)
    seen_on(day)
    dossier = walk(
        debtor_client,
        day,
        {
            "prescription-nature": "residential_rent",
            "prescription-instalment_list": "05/11/2020 600\n05/01/2021 ; 640,50 €",
        },
    )
    table = rows(page_of(debtor_client, dossier))
    assert [(row[0], row[2]) for row in table] == [
        ("Échéance du 5 novembre 2020", BARRED),
        ("Échéance du 5 janvier 2021", OPEN),
    ]
    assert table[1][1] == "640,50 €"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"prescription-last_unpaid": "20/03/2021"},
            "last_unpaid",
            "pas le 20 mars 2021",
        ),
        (
            {"prescription-periodicity": ""},
            "periodicity",
            "Indiquez le rythme des échéances",
        ),
        (
            {"prescription-instalment_list": "05/11/2020 600"},
            "instalment_list",
            "pas les deux",
        ),
        (
            {"prescription-instalment_list": "le 5 novembre"},
            "instalment_list",
            "Ligne 1 : écrivez la date puis le montant",
        ),
        (
            {"prescription-nature": "overdraft", "prescription-start": "01/01/2021"},
            "first_unpaid",
            "Les échéances ne s'appliquent pas à ce type de dette",
        ),
    ],
)
def test_a_series_that_does_not_add_up_is_explained_beside_its_field(
    debtor_client: Client, seen_on, changes: dict[str, str], field: str, message: str
) -> None:
    day = dt.date(2023, 12, 20)
    seen_on(day)
    dossier = walk(
        debtor_client,
        day,
        {"prescription-nature": "civil", "prescription-start": "01/01/2020"},
    )
    data = {
        **post_data("prescription"),
        "prescription-events-TOTAL_FORMS": "0",
        "prescription-start": "",
        "prescription-nature": "residential_rent",
        "prescription-first_unpaid": "05/01/2021",
        "prescription-last_unpaid": "05/03/2021",
        "prescription-periodicity": "monthly",
        **changes,
    }
    response = debtor_client.post(
        f"/dossiers/{dossier.pk}/modifier/prescription/", data
    )
    assert response.status_code == 200
    form = response.context["wizard"]["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    dossier.refresh_from_db()
    assert dossier.answers.prescription.nature == "civil"  # nothing saved is lost
