"""The avis de réception of the timeline feed the follow-up deadline."""

import datetime as dt

import pytest
from django.utils import timezone

from dossiers import demo
from dossiers.assessment import assess_dossier
from dossiers.law.deadlines import FOLLOW_UP_DAYS
from dossiers.models import Dossier
from dossiers.timeline_facts import ar_dates_for
from tests.factories import logged_in

from .helpers import event

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 10)


def codes(dossier: Dossier, today: dt.date = TODAY) -> dict[str, dt.date]:
    return {d.code: d.due for d in assess_dossier(dossier, today=today).deadlines}


@pytest.mark.parametrize(
    ("events", "follow_up"),
    [
        ([], None),
        ([("ar_received", dt.date(2026, 3, 1))], dt.date(2026, 3, 31)),
        (
            [
                ("ar_received", dt.date(2026, 2, 1)),
                ("ar_received", dt.date(2026, 3, 1)),
            ],
            dt.date(2026, 3, 31),
        ),
        (
            [
                ("ar_received", dt.date(2026, 3, 1)),
                ("letter_received", dt.date(2026, 3, 5)),
            ],
            None,
        ),
        (
            [
                ("letter_received", dt.date(2026, 2, 20)),
                ("ar_received", dt.date(2026, 3, 1)),
            ],
            dt.date(2026, 3, 31),
        ),
        (
            [("ar_received", dt.date(2026, 3, 1)), ("call", dt.date(2026, 3, 5))],
            dt.date(2026, 3, 31),
        ),
        ([("ar_received", dt.date(2026, 4, 1))], None),  # after ``today``: ignored
    ],
)
def test_follow_up_deadline_from_timeline(
    dossier: Dossier, events: list[tuple[str, dt.date]], follow_up: dt.date | None
) -> None:
    for kind, day in events:
        event(dossier, kind=kind, occurred_on=day)
    assert codes(dossier).get("follow_up") == follow_up


def test_ar_dates_for_lists_only_avis_de_reception(dossier: Dossier) -> None:
    event(dossier, kind="ar_received", occurred_on=dt.date(2026, 3, 1))
    event(dossier, kind="letter_sent", occurred_on=dt.date(2026, 2, 25))
    event(dossier, kind="ar_received", occurred_on=dt.date(2026, 2, 1))
    assert ar_dates_for(dossier) == (dt.date(2026, 2, 1), dt.date(2026, 3, 1))


def test_adding_an_ar_updates_the_next_deadline(dossier: Dossier) -> None:
    ar = event(dossier, kind="ar_received")
    dossier.refresh_from_db()
    assert dossier.next_deadline == ar.occurred_on + dt.timedelta(days=FOLLOW_UP_DAYS)


def test_wizard_steps_assess_like_the_dossier_page(debtor, dossier: Dossier) -> None:
    """« Ma réponse » reads the timeline's avis de réception too."""
    demo.fill(dossier, demo.SOPHIE_ANSWERS)
    event(dossier, kind="ar_received", occurred_on=timezone.localdate())
    dossier.refresh_from_db()
    client = logged_in(debtor)
    response = client.get(f"/dossiers/{dossier.pk}/modifier/reponse/")
    assert response.status_code == 200
    shown = response.context["assessment"]
    page = assess_dossier(dossier, today=timezone.localdate())
    assert "follow_up" in {d.code for d in shown.deadlines}
    assert shown.deadlines == page.deadlines
    assert shown.result == page.result
