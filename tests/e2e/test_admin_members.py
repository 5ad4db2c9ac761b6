"""The coordinator's list of members, on a phone (issue 19, item 14): two
members with the same name are told apart by their e-mail, and the list
does not run off the screen."""

import re

import pytest
from playwright.sync_api import Browser, expect

from associations import services
from associations.models import Association, Membership
from tests import factories

from .conftest import new_context, shot

pytestmark = pytest.mark.e2e
WIDTH = 360


def test_members_list_shows_e_mails_and_fits_a_phone(
    server_url: str, transactional_db, browser: Browser
) -> None:
    services.roles_ensure()
    association = Association.objects.create(name="Association Démo", city="Lyon")
    coordinator = factories.user(
        "coordination@example.org", first_name="Claire", last_name="Coord"
    )
    services.membership_add(
        user=coordinator, association=association, role=Membership.Role.COORDINATOR
    )
    for email in ("sophie.martin@example.org", "s.martin.lyon@example.net"):
        member = factories.user(email, first_name="Sophie", last_name="Martin")
        services.membership_add(user=member, association=association)
    context = new_context(browser, width=WIDTH, height=740)
    page = context.new_page()
    page.goto(f"{server_url}/admin/")
    page.get_by_label("Adresse e-mail").fill(coordinator.email)
    page.get_by_label("Mot de passe").fill(factories.PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.goto(f"{server_url}/admin/associations/membership/")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(3)
    for email in ("sophie.martin@example.org", "s.martin.lyon@example.net"):
        expect(rows.filter(has_text=email)).to_have_count(1)
    width = page.evaluate("document.documentElement.scrollWidth")
    shot(page, "telephone-admin-membres")
    assert width <= WIDTH, f"the members' list is {width}px wide"
    header = page.locator("#result_list thead th.column-member_email")
    expect(header).to_have_text(re.compile("e-mail", re.IGNORECASE))
    # Every e-mail is on the screen, not behind a sideways scroll of the table.
    for cell in page.locator("#result_list td.field-member_email").all():
        box = cell.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= WIDTH, cell.inner_text()
    context.close()
