"""Picking an agency in the directory fills its address on the page (issue 19,
item 7); an address she typed is never replaced."""

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from dossiers.models import Agency

pytestmark = pytest.mark.e2e
ADDRESS = "97 allée Borodine\nCS 80004\n69800 Saint-Priest"


def test_choosing_an_agency_fills_an_empty_address(
    server_url: str, signed_in: Client, page: Page
) -> None:
    Agency.objects.update_or_create(name="Intrum", defaults={"address": ADDRESS})
    Agency.objects.update_or_create(name="iQera", defaults={"address": ""})
    page.goto(f"{server_url}/dossiers/nouveau/courrier/")
    directory = page.get_by_label("Société qui vous écrit")
    address = page.get_by_label("Adresse de la société")
    directory.select_option(label="Intrum")
    expect(address).to_have_value(ADDRESS)
    directory.select_option(label="iQera")  # the previous pick's address goes
    expect(address).to_have_value("")
    address.fill("TSA 12345\n75000 Paris")
    directory.select_option(label="Intrum")  # hers stays
    expect(address).to_have_value("TSA 12345\n75000 Paris")
