"""The directory's address is used, and a pasted block does not print the
agency's name twice (issue 19, item 7). The page's script: tests/e2e."""

from types import SimpleNamespace

import pytest
from django.test import Client

from dossiers.addresses import address_without_name, without_name
from dossiers.models import Agency, Dossier
from letters.contexts.common import agency_address_lines, recipient

from .test_wizard import started, step_url
from .wizard_data import post_data

pytestmark = pytest.mark.django_db

INTRUM = "97 allée Borodine\nCS 80004\n69800 Saint-Priest"


@pytest.fixture
def intrum() -> Agency:
    agency, _ = Agency.objects.get_or_create(name="Intrum")
    agency.address = INTRUM
    agency.save()
    return agency


def from_directory(agency: Agency, address: str = "") -> dict[str, object]:
    return post_data(
        "courrier",
        **{
            "courrier-agency": str(agency.pk),
            "courrier-agency_name": "",
            "courrier-agency_address": address,
        },
    )


def test_an_agency_from_the_directory_brings_its_address(
    debtor_client: Client, intrum: Agency
) -> None:
    response = debtor_client.post("/dossiers/nouveau/courrier/", from_directory(intrum))
    assert response.status_code == 302
    dossier = Dossier.objects.latest("id")
    assert dossier.answers.to_json()["courrier"]["agency_address"] == INTRUM
    # Shown again in the step, as kept.
    page = debtor_client.get(step_url(dossier, "courrier")).content.decode()
    assert "97 allée Borodine\nCS 80004\n69800 Saint-Priest</textarea>" in page


def test_an_address_she_typed_wins(debtor_client: Client, intrum: Agency) -> None:
    debtor_client.post(
        "/dossiers/nouveau/courrier/",
        from_directory(intrum, "Service clients\nTSA 12345\n75000 Paris"),
    )
    answers = Dossier.objects.latest("id").answers.to_json()["courrier"]
    assert answers["agency_address"] == "Service clients\nTSA 12345\n75000 Paris"


def test_the_directory_s_options_carry_their_address(
    debtor_client: Client, intrum: Agency
) -> None:
    page = debtor_client.get("/dossiers/nouveau/courrier/").content.decode()
    option = page.split(f'<option value="{intrum.pk}"', 1)[1].split(">", 1)[0]
    assert 'data-address="97 allée Borodine\nCS 80004\n69800 Saint-Priest"' in option
    assert "data-agency-directory" in page
    assert "/static/js/agency.js" in page


@pytest.mark.parametrize(
    ("name", "pasted"),
    [
        ("Intrum", "Intrum\n97 allée Borodine\n69800 Saint-Priest"),
        (
            "Intrum Justitia",
            "  INTRUM JUSTITIA \n97 allée Borodine\n69800 Saint-Priest",
        ),
        ("iQera", "IQERA\nIqera\n97 allée Borodine\n69800 Saint-Priest"),
        ("EOS France", "E.O.S. France\n97 allée Borodine\n69800 Saint-Priest"),
    ],
)
def test_a_pasted_block_loses_its_name_line(
    debtor_client: Client, name: str, pasted: str
) -> None:
    data = post_data(
        "courrier",
        **{"courrier-agency_name": name, "courrier-agency_address": pasted},
    )
    debtor_client.post("/dossiers/nouveau/courrier/", data)
    dossier = Dossier.objects.latest("id")
    stored = dossier.answers.to_json()["courrier"]["agency_address"]
    assert stored == "97 allée Borodine\n69800 Saint-Priest"


def test_a_name_inside_the_address_is_kept() -> None:
    lines = ["Intrum", "Intrum Justitia — service contentieux", "75000 Paris"]
    assert without_name(lines, "Intrum") == lines[1:]
    assert address_without_name("Chez Intrum\n75000 Paris", "Intrum") == (
        "Chez Intrum\n75000 Paris"
    )
    assert without_name(["Intrum"], "") == ["Intrum"]


def test_letters_of_an_older_dossier_print_the_name_once(
    debtor_client: Client,
) -> None:
    dossier = started(debtor_client)
    courrier = {
        **dossier.answers.to_json()["courrier"],
        "agency_address": "Intrum Justitia\n97 allée Borodine\n69800 Saint-Priest",
        "creditor_name": "Cetelem",
        "creditor_address": "CETELEM\n1 boulevard Haussmann\n75009 Paris",
    }
    Dossier.objects.filter(pk=dossier.pk).update(
        answers={**dossier.answers.to_json(), "courrier": courrier}
    )
    dossier.refresh_from_db()
    assert dossier.agency_name == "Intrum Justitia"
    lines = agency_address_lines(dossier.answers, dossier.agency_name)
    assert list(lines) == ["97 allée Borodine", "69800 Saint-Priest"]

    data = SimpleNamespace(answers=dossier.answers, agency_name=dossier.agency_name)
    block = recipient(data)  # type: ignore[arg-type]
    assert list(block.creditor_address_lines) == [
        "1 boulevard Haussmann",
        "75009 Paris",
    ]
