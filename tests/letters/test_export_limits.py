"""The export on a large timeline, and the chronology's layout (issue 20 items
10 and 13): a render failure is a French message, not a 500; the chronology
is laid out in blocks (a table split over dozens of pages rendered twice as
slowly); a dossier holds at most ``MAX_TIMELINE_EVENTS`` events; one long
unbroken token wraps instead of pushing the details off the page."""

import datetime as dt
import io
import zipfile

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from weasyprint import HTML
from weasyprint.formatting_structure.boxes import TextBox

from dossiers import services as dossier_services
from dossiers.assessment import assess_dossier
from dossiers.models import MAX_TIMELINE_EVENTS, Dossier, TimelineEvent
from letters import chronology, export, rendering

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TOKEN = "https://agence.example/" + "A1b2C3d4E5" * 6  # one 83-character word


def many_events(dossier: Dossier, count: int) -> None:
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            dossier=dossier,
            kind="call",
            occurred_on=TODAY - dt.timedelta(days=i % 700),
            who="Agence",
            content=f"Appel de relance numéro EV{i:04d}",
        )
        for i in range(count)
    )


def add_event(client: Client, dossier: Dossier):
    return client.post(
        reverse("dossiers:timeline_add", args=[dossier.pk]),
        {"kind": "call", "occurred_on": TODAY.isoformat(), "content": "encore un"},
    )


# -- export ---------------------------------------------------------------------


def test_export_of_a_full_timeline_works(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    many_events(barred_dossier, MAX_TIMELINE_EVENTS)
    response = debtor_client.get(reverse("letters:export", args=[barred_dossier.pk]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    (name,) = [n for n in archive.namelist() if "Chronologie" in n]
    text = pdf_text(archive.read(name))
    assert "EV0000" in text
    assert f"EV{MAX_TIMELINE_EVENTS - 1:04d}" in text


def test_a_render_failure_of_the_export_is_a_french_message(
    barred_dossier: Dossier, debtor_client: Client, monkeypatch
) -> None:
    def too_slow(*args, **kwargs):
        raise rendering.LetterRenderError("La lettre a pris trop de temps à produire.")

    monkeypatch.setattr(export, "render_chronology", too_slow)
    response = debtor_client.get(
        reverse("letters:export", args=[barred_dossier.pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == barred_dossier.get_absolute_url()
    assert "L&#x27;export n&#x27;a pas pu être préparé" in response.content.decode()


def test_the_chronology_is_laid_out_in_blocks_not_a_table(
    barred_dossier: Dossier,
) -> None:
    many_events(barred_dossier, 3)
    context = chronology.chronology_context(
        barred_dossier, assess_dossier(barred_dossier, today=TODAY), today=TODAY
    )
    html = render_to_string(chronology.TEMPLATE, context)
    assert "<table" not in html.split("Échéances")[0]
    assert "overflow-wrap: anywhere" in html


# -- the cap ---------------------------------------------------------------------


def test_the_event_past_the_cap_is_refused_in_french(
    dossier: Dossier, debtor_client: Client
) -> None:
    many_events(dossier, MAX_TIMELINE_EVENTS - 1)
    assert add_event(debtor_client, dossier).status_code == 302
    refused = add_event(debtor_client, dossier)
    assert refused.status_code == 200
    assert (
        f"déjà {MAX_TIMELINE_EVENTS} événements, le maximum" in refused.content.decode()
    )
    assert dossier.timeline_events.count() == MAX_TIMELINE_EVENTS


def test_the_service_holds_the_cap_too(dossier: Dossier) -> None:
    many_events(dossier, MAX_TIMELINE_EVENTS)
    with pytest.raises(dossier_services.TimelineFull):
        dossier_services.timeline_add(
            dossier=dossier, kind="call", occurred_on=TODAY, content="x"
        )
    assert dossier.timeline_events.count() == MAX_TIMELINE_EVENTS


def test_a_race_past_the_form_check_is_a_message(
    dossier: Dossier, debtor_client: Client, monkeypatch
) -> None:
    """Another request filled the dossier between the form and the write."""

    def full(**kwargs):
        raise dossier_services.TimelineFull

    monkeypatch.setattr(dossier_services, "timeline_add", full)
    response = add_event(debtor_client, dossier)
    assert response.status_code == 200
    assert "le maximum" in response.content.decode()


# -- long tokens wrap -------------------------------------------------------------


def text_right_edges(html: str) -> list[tuple[float, float, str]]:
    """(right edge, page width, text) of every text box, laid out exactly as
    the renderer does (same fetcher, fonts and stylesheet)."""
    html, stylesheets = rendering._with_cached_stylesheet(html)
    document = HTML(
        string=html,
        base_url=rendering.BASE_URL,
        url_fetcher=rendering.StaticOnlyFetcher(),
    ).render(font_config=rendering.font_config(), stylesheets=stylesheets)
    edges = []
    for page in document.pages:
        width = page._page_box.margin_width()
        for box in page._page_box.descendants():
            if isinstance(box, TextBox) and box.text.strip():
                edges.append((box.position_x + box.width, width, box.text))
    return edges


def test_a_long_token_wraps_inside_the_page(barred_dossier: Dossier) -> None:
    dossier_services.timeline_add(
        dossier=barred_dossier,
        kind="email",
        occurred_on=TODAY,
        who=TOKEN,
        content=f"{TOKEN} VISIBLE",
    )
    many_events(barred_dossier, 3)  # the other events' details must stay too
    context = chronology.chronology_context(
        barred_dossier, assess_dossier(barred_dossier, today=TODAY), today=TODAY
    )
    edges = text_right_edges(render_to_string(chronology.TEMPLATE, context))
    outside = [
        (round(right), text) for right, width, text in edges if right > width - 40
    ]
    assert outside == []
    assert any("VISIBLE" in text for _, _, text in edges)
    assert sum("EV000" in text for _, _, text in edges) == 3
