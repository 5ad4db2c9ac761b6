"""Timeline: access matrix, adding and deleting events, hostile input."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dossiers.models import Dossier, TimelineEvent, Upload
from dossiers.uploads import FILES_NOT_KEPT

from .helpers import days_ago, event, png

pytestmark = pytest.mark.django_db


def add_url(dossier: Dossier) -> str:
    return f"/dossiers/{dossier.pk}/chronologie/ajouter/"


def delete_url(ev: TimelineEvent) -> str:
    return f"/dossiers/{ev.dossier_id}/chronologie/{ev.pk}/supprimer/"


def valid(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "call",
        "occurred_on": days_ago(2).strftime("%d/%m/%Y"),
        "occurred_at_time": "21:45",
        "direction": "from_agency",
        "who": "M. Dupont",
        "content": "Appel insistant à 21 h 45.",
    }
    data.update(changes)
    return data


# Access matrix -------------------------------------------------------------


def test_owner_can_open_the_add_form(debtor_client: Client, dossier: Dossier) -> None:
    response = debtor_client.get(add_url(dossier))
    assert response.status_code == 200
    assert "Ajouter un événement" in response.content.decode()


def test_other_user_gets_404_on_add(other_client: Client, dossier: Dossier) -> None:
    assert other_client.get(add_url(dossier)).status_code == 404
    assert other_client.post(add_url(dossier), valid()).status_code == 404
    assert not TimelineEvent.objects.exists()


def test_anonymous_goes_to_login_on_add(client: Client, dossier: Dossier) -> None:
    for response in (client.get(add_url(dossier)), client.post(add_url(dossier))):
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/")
    assert not TimelineEvent.objects.exists()


def test_other_user_gets_404_on_delete(other_client: Client, dossier: Dossier) -> None:
    ev = event(dossier)
    assert other_client.post(delete_url(ev)).status_code == 404
    assert TimelineEvent.objects.filter(pk=ev.pk).exists()


def test_anonymous_goes_to_login_on_delete(client: Client, dossier: Dossier) -> None:
    ev = event(dossier)
    response = client.post(delete_url(ev))
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")
    assert TimelineEvent.objects.filter(pk=ev.pk).exists()


def test_event_of_another_dossier_is_404(
    debtor_client: Client, dossier: Dossier, other_debtor
) -> None:
    foreign = event(Dossier.objects.create(owner=other_debtor))
    url = f"/dossiers/{dossier.pk}/chronologie/{foreign.pk}/supprimer/"
    assert debtor_client.post(url).status_code == 404
    assert TimelineEvent.objects.filter(pk=foreign.pk).exists()


def test_delete_needs_post(debtor_client: Client, dossier: Dossier) -> None:
    """A GET asks for confirmation and removes nothing."""
    ev = event(dossier)
    assert debtor_client.get(delete_url(ev)).status_code == 200
    assert debtor_client.put(delete_url(ev)).status_code == 405
    assert TimelineEvent.objects.filter(pk=ev.pk).exists()


def test_owner_deletes_an_event(debtor_client: Client, dossier: Dossier) -> None:
    ev = event(dossier)
    response = debtor_client.post(delete_url(ev))
    assert response.status_code == 302
    assert not TimelineEvent.objects.filter(pk=ev.pk).exists()


# Adding ------------------------------------------------------------------


def test_owner_adds_a_call_and_sees_it(debtor_client: Client, dossier: Dossier) -> None:
    response = debtor_client.post(add_url(dossier), valid(), follow=True)
    ev = TimelineEvent.objects.get()
    assert (ev.kind, ev.occurred_at_time, ev.who) == (
        "call",
        dt.time(21, 45),
        "M. Dupont",
    )
    body = response.content.decode()
    assert "Appel insistant à 21 h 45." in body
    assert "21:45" in body
    assert "De l&#x27;agence vers moi" in body


def test_what_the_agency_demanded_is_recorded_as_codes(
    debtor_client: Client, dossier: Dossier
) -> None:
    """Issue 18, item 11: the letters state these facts, never her notes."""
    data = {**valid(), "conduct": ["immediate_payment", "seizure_threat"]}
    response = debtor_client.post(add_url(dossier), data, follow=True)
    assert TimelineEvent.objects.get().conduct == [
        "immediate_payment",
        "seizure_threat",
    ]
    assert "Exigé ou dit : Exige un paiement immédiat ; Menace de saisie" in (
        response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    )
    refused = debtor_client.post(add_url(dossier), {**valid(), "conduct": ["rude"]})
    assert refused.status_code == 200
    assert "conduct" in refused.context["form"].errors
    assert TimelineEvent.objects.count() == 1


def test_event_with_an_attachment_is_sanitised(
    debtor_client: Client, dossier: Dossier
) -> None:
    scan = SimpleUploadedFile("scan.png", png(), content_type="image/png")
    debtor_client.post(add_url(dossier), valid(attachment=scan))
    ev = TimelineEvent.objects.get()
    assert ev.attachment is not None
    assert ev.attachment.kind == "image"
    assert ev.attachment.content_type == "image/jpeg"  # re-encoded
    page = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert f"/dossiers/{dossier.pk}/fichiers/{ev.attachment.pk}/" in page


def test_documents_list_says_which_event_a_file_came_with(
    debtor_client: Client, dossier: Dossier
) -> None:
    """« Documents déposés » lists letter scans and event attachments alike;
    an attachment names its event and links to it in the timeline."""
    scan = SimpleUploadedFile("releve.png", png(), content_type="image/png")
    debtor_client.post(add_url(dossier), valid(attachment=scan))
    ev = TimelineEvent.objects.get()
    page = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    documents = page.split("<h2>Documents déposés</h2>", 1)[1]
    documents = documents.split("</ul>", 1)[0]
    assert "5 fichiers au plus par dossier" in documents
    assert "releve.png" in documents
    assert (
        f'joint à l\'événement <a href="#evenement-{ev.pk}">'
        "Appel téléphonique du " in documents.replace("&#x27;", "'")
    )
    assert f'id="evenement-{ev.pk}"' in page
    ev.delete()  # the file stays among the documents, without an event
    page = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "releve.png" in page
    assert "joint à l" not in page


def test_letter_received_proposes_to_reread_the_findings(
    debtor_client: Client, dossier: Dossier
) -> None:
    data = valid(kind="letter_received", occurred_at_time="", content="Relance")
    body = debtor_client.post(add_url(dossier), data, follow=True).content.decode()
    assert "Nouveau courrier enregistré : relisez les constats ci-dessous" in body
    assert "Ce courrier parle d&#x27;une injonction" not in body


def test_letter_mentioning_injonction_points_to_opposition(
    debtor_client: Client, dossier: Dossier
) -> None:
    data = valid(
        kind="letter_received", content="Ordonnance portant INJONCTION de payer"
    )
    body = debtor_client.post(add_url(dossier), data, follow=True).content.decode()
    assert "Nouveau courrier enregistré" in body
    assert "injonction de payer : c&#x27;est urgent" in body
    assert "faire opposition" in body


# Hostile input -------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"occurred_on": ""}, "Indiquez la date"),
        ({"occurred_on": "31/02/2024"}, "Saisissez une date valide"),
        ({"occurred_on": "01/01/2999"}, "Cette date est dans le futur"),
        ({"occurred_on": "01/01/1900"}, "trop ancienne"),
        ({"kind": "hack"}, "Sélectionnez un choix valide"),
        ({"kind": ""}, "Choisissez le type"),
        ({"direction": "sideways"}, "Sélectionnez un choix valide"),
        ({"occurred_at_time": "25:99"}, "Saisissez une heure valide"),
        ({"content": "x" * 2001}, "2 000 caractères au maximum"),
        ({"who": "y" * 201}, "200 caractères au maximum"),
        ({"content": "nul\x00byte"}, "Le caractère nul"),
    ],
)
def test_bad_input_gets_a_french_message(
    debtor_client: Client, dossier: Dossier, changes: dict[str, str], message: str
) -> None:
    response = debtor_client.post(add_url(dossier), valid(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TimelineEvent.objects.exists()


def test_time_later_today_is_refused(debtor_client: Client, dossier: Dossier) -> None:
    now = timezone.localtime()
    if now.hour == 23 and now.minute >= 58:
        pytest.skip("no later minute today")
    later = (now + dt.timedelta(minutes=1)).strftime("%H:%M")
    data = valid(occurred_on=now.date().strftime("%d/%m/%Y"), occurred_at_time=later)
    body = debtor_client.post(add_url(dossier), data).content.decode()
    assert "Cette heure est dans le futur" in body
    assert not TimelineEvent.objects.exists()


def test_html_in_content_is_escaped(debtor_client: Client, dossier: Dossier) -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    debtor_client.post(add_url(dossier), valid(content=hostile, who=hostile))
    body = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "&lt;script&gt;alert" in body


def test_bad_attachment_is_refused(debtor_client: Client, dossier: Dossier) -> None:
    fake = SimpleUploadedFile("lettre.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    body = debtor_client.post(add_url(dossier), valid(attachment=fake)).content.decode()
    assert "n&#x27;est pas une photo JPEG ou PNG ni un PDF lisible" in body
    assert not TimelineEvent.objects.exists()
    assert not Upload.objects.exists()


def test_a_chosen_attachment_refused_with_another_field_is_asked_again(
    debtor_client: Client, dossier: Dossier
) -> None:
    scan = SimpleUploadedFile("releve.png", png(), content_type="image/png")
    future = (timezone.localdate() + dt.timedelta(days=3)).strftime("%d/%m/%Y")
    response = debtor_client.post(
        add_url(dossier), valid(occurred_on=future, attachment=scan)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert str(FILES_NOT_KEPT) in form.errors["attachment"]
    assert "occurred_on" in form.errors
    assert not Upload.objects.exists()


def test_attachment_respects_the_upload_cap(
    debtor_client: Client, dossier: Dossier
) -> None:
    for _ in range(5):
        scan = SimpleUploadedFile("scan.png", png(), content_type="image/png")
        debtor_client.post(add_url(dossier), valid(attachment=scan))
    scan = SimpleUploadedFile("scan.png", png(), content_type="image/png")
    body = debtor_client.post(add_url(dossier), valid(attachment=scan)).content.decode()
    assert "5 fichiers au maximum" in body
    assert Upload.objects.count() == 5


# Page ----------------------------------------------------------------------


def _page_queries(client: Client, dossier: Dossier) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(f"/dossiers/{dossier.pk}/").status_code == 200
    return len(ctx.captured_queries)


def test_dossier_page_query_count_is_constant(
    debtor_client: Client, dossier: Dossier
) -> None:
    scan = SimpleUploadedFile("scan.png", png(), content_type="image/png")
    debtor_client.post(add_url(dossier), valid(attachment=scan))
    event(dossier, kind="ar_received")
    few = _page_queries(debtor_client, dossier)
    for number in range(18):
        event(dossier, kind="letter_received", content=f"Courrier {number}")
    assert dossier.timeline_events.count() == 20
    assert _page_queries(debtor_client, dossier) == few


def test_page_links_to_the_calendar(debtor_client: Client, dossier: Dossier) -> None:
    body = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert 'href="/compte/calendrier/"' in body
    assert (
        'href="/compte/calendrier/"' in debtor_client.get("/dossiers/").content.decode()
    )
