"""The calendar link's « Copier le lien » button (issue 19, item 10)."""

import pytest
from django.test import Client
from playwright.sync_api import BrowserContext, Page, expect

pytestmark = pytest.mark.e2e


def test_copy_puts_the_secret_link_in_the_clipboard(
    server_url: str, signed_in: Client, context: BrowserContext, page: Page
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url)
    page.goto(f"{server_url}/compte/calendrier/")
    page.get_by_role("button", name="Créer mon lien de calendrier").click()
    link = page.get_by_label("Votre lien privé").input_value()
    assert "/calendrier/" in link
    assert link.endswith(".ics")
    page.get_by_role("button", name="Copier le lien").click()
    expect(page.locator("#lien-calendrier-copie")).to_have_text(
        "Lien copié : collez-le dans votre agenda."
    )
    assert page.evaluate("navigator.clipboard.readText()") == link
