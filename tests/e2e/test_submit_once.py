"""The double-click guard in a real browser (issue 20 item 9).

``static/js/submit-once.js``: after the first click on « Enregistrer », the
button is disabled and another submit of the form sends nothing; a page
restored from the back-forward cache gets its buttons back. Then, against the
real server, a double click creates one event.
"""

import pytest
from django.test import Client
from playwright.sync_api import Page, Route

from dossiers.models import TimelineEvent

from .conftest import answer_steps

pytestmark = pytest.mark.e2e

FORM = "form[enctype]"
BUTTON = f"{FORM} button[type=submit]"


def open_timeline_form(page: Page, server_url: str, dossier_id: int) -> None:
    page.goto(f"{server_url}/dossiers/{dossier_id}/chronologie/ajouter/")
    page.locator("#id_kind").select_option("call")
    page.locator("#id_occurred_on").fill("2026-01-02")
    page.locator("#id_content").fill("Appel de l'agence")


def test_the_button_is_disabled_after_the_first_submit(
    server_url: str, signed_in: Client, page: Page
) -> None:
    open_timeline_form(page, server_url, answer_steps(signed_in, []))
    posts: list[str] = []

    def answer_nothing(route: Route) -> None:
        # 204: the browser stays on the page, as while a slow answer is awaited.
        posts.append(route.request.post_data or "")
        route.fulfill(status=204)

    page.route("**/chronologie/ajouter/", answer_nothing)
    page.locator(BUTTON).click()
    page.wait_for_function(f"document.querySelector('{BUTTON}').disabled")
    assert page.locator(FORM).get_attribute("aria-busy") == "true"
    page.locator(BUTTON).click(force=True)  # a second click on the disabled button
    page.evaluate(f"document.querySelector('{FORM}').requestSubmit()")  # or Enter
    page.wait_for_timeout(500)  # not a timing assertion: room for a stray POST
    assert len(posts) == 1
    assert 'name="submit_token"' in posts[0]
    # Back from the next page (bfcache): the buttons work again.
    page.evaluate(
        "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))"
    )
    assert page.locator(BUTTON).is_enabled()
    assert page.locator(FORM).get_attribute("aria-busy") is None


def test_a_double_click_creates_one_event(
    server_url: str, signed_in: Client, page: Page
) -> None:
    dossier_id = answer_steps(signed_in, [])
    before = TimelineEvent.objects.filter(dossier_id=dossier_id).count()
    open_timeline_form(page, server_url, dossier_id)
    with page.expect_navigation():
        page.locator(BUTTON).dblclick()
    assert page.url.endswith(f"/dossiers/{dossier_id}/")
    assert TimelineEvent.objects.filter(dossier_id=dossier_id).count() == before + 1
