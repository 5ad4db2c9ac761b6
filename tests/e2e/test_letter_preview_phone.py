"""The letter's preview on a real phone (issue 19, item 13).

A phone browser lays a page out at 980 px unless the page says otherwise
(``<meta name="viewport">``): the preview's text was then about 5 px high.
This context emulates a phone (``is_mobile``), which a desktop window of
360 px does not: it ignores the viewport tag.
"""

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, expect

from .conftest import answer_steps, shot, sign_in

pytestmark = pytest.mark.e2e
WIDTH = 360


@pytest.fixture
def mobile(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="fr-FR",
        timezone_id="Europe/Paris",
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


def test_the_preview_is_laid_out_for_the_phone_screen(
    server_url: str, mobile: BrowserContext, debtor_client: Client
) -> None:
    steps = ["montants", "verifications", "prescription", "situation", "reponse"]
    dossier_id = answer_steps(debtor_client, [*steps, "coordonnees"])
    sign_in(mobile, debtor_client, server_url)
    page = mobile.new_page()
    page.goto(f"{server_url}/dossiers/{dossier_id}/lettres/contestation/apercu/")
    expect(page.locator(".letter")).to_contain_text(re.compile("Objet"))
    layout_width = page.evaluate("window.innerWidth")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    font_px = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.letter p')).fontSize)"
    )
    shot(page, "telephone-apercu-mobile")
    assert layout_width == WIDTH, f"laid out at {layout_width}px"
    assert scroll_width <= WIDTH, f"scrolls sideways: {scroll_width}px"
    assert font_px >= 14, f"text {font_px}px high"
