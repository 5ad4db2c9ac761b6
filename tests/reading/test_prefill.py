"""What was read on her letter prefills the wizard's steps, says so beside each
value with the line it was read on, and becomes her answer only when she
submits the step."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from dossiers.models import Agency, Dossier
from reading import services
from reading.drafting import draft_of
from tests.dossiers.wizard_data import post_data

from .test_jobs import queued_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def read_dossier(debtor, one_page_letter) -> Dossier:
    job = queued_job(debtor, one_page_letter.pdf)
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "done"
    return job.dossier


def step_url(dossier: Dossier, step: str) -> str:
    return reverse("dossiers:wizard_step", args=[dossier.pk, step])


def value_of(html: str, name: str) -> str | None:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html)
    if match is None:
        match = re.search(rf'<input[^>]*value="([^"]*)"[^>]*name="{name}"', html)
    return match.group(1) if match else None


def read_notes(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", note)
        for note in re.findall(r'<p class="read-note">(.*?)</p>', html, re.S)
    ]


def test_the_letter_step_is_prefilled_with_what_was_read(
    read_dossier: Dossier, debtor_client: Client, one_page_letter
) -> None:
    expected = one_page_letter.expected
    response = debtor_client.get(step_url(read_dossier, "courrier"))
    assert response.status_code == 200
    html = response.content.decode()
    assert value_of(html, "courrier-agency_reference") == expected["reference"]
    assert value_of(html, "courrier-letter_date") == expected["letter_date"]
    # recognised in the directory: chosen in the list, with the directory's
    # address when none was read, and its name not typed again below
    agency = Agency.objects.get(name=expected["agency"])
    assert re.search(rf'<option value="{agency.pk}"[^>]*selected', html)
    assert value_of(html, "courrier-agency_name") in (None, "")
    address = re.search(
        r'<textarea[^>]*name="courrier-agency_address"[^>]*>(.*?)</textarea>',
        html,
        re.S,
    )
    assert address is not None
    assert address.group(1).strip()
    notes = read_notes(html)
    # the line each value came from is quoted beside it
    assert any(expected["reference"] in note for note in notes), notes
    assert any(expected["agency"] in note for note in notes), notes
    assert all(note.startswith("Lu sur votre courrier — vérifiez") for note in notes)
    # nothing is her answer yet
    read_dossier.refresh_from_db()
    assert read_dossier.answers.courrier is None


def test_the_amounts_step_shows_the_lines_and_total_read(
    read_dossier: Dossier, debtor_client: Client, one_page_letter
) -> None:
    expected = one_page_letter.expected
    html = debtor_client.get(step_url(read_dossier, "montants")).content.decode()
    total = value_of(html, "montants-total_claimed") or ""
    assert Decimal(total.replace(" ", "").replace(",", ".")) == Decimal(
        expected["total"]
    )
    first = expected["lines"][0]
    assert value_of(html, "montants-lines-0-label") == first["label"]
    notes = read_notes(html)
    assert len(notes) == 2, notes  # the total, and the lines
    assert any(first["label"] in note for note in notes), notes


def test_mentions_spotted_are_ticked_and_marked_automatic() -> None:
    draft = draft_of(
        {
            "agency": "Recouvra",
            "mentions": ["creditor_identity", "fees_text"],
            "evidence": {
                "agency": {"line": 1, "text": "RECOUVRA SAS", "confidence": 0.9},
                "mentions": {
                    "creditor_identity": {"line": 8, "text": "pour le compte de X"},
                    "fees_text": {"line": 30, "text": "Article L111-8"},
                },
            },
        }
    )
    assert draft.answers.verifications is not None
    assert draft.answers.verifications.mentions == {"creditor_identity", "fees_text"}
    from dossiers.forms import VerificationsForm

    initial = VerificationsForm.initial_from(draft.answers.verifications)
    assert initial["mentions_checked"] == "checked"
    assert initial["mentions"] == ["creditor_identity", "fees_text"]
    assert "recognises" not in initial  # nothing is guessed beyond what was read
    evidence = draft.step_evidence("verifications")["mentions"]
    assert "pour le compte de X" in evidence.text


def test_the_verifications_step_marks_spotted_mentions(
    read_dossier: Dossier, debtor_client: Client
) -> None:
    result = services.latest_draft(read_dossier)
    assert result is not None
    html = debtor_client.get(step_url(read_dossier, "verifications")).content.decode()
    if result["mentions"]:
        assert "Repéré automatiquement sur votre courrier — vérifiez" in html
        for code in result["mentions"]:
            assert re.search(rf'<input[^>]*value="{code}"[^>]*checked', html), code
    else:  # pragma: no cover - the corpus letter shows its mentions
        pytest.fail("the corpus letter should show R124-4 mentions")


def test_a_step_she_submitted_wins_over_the_reading(
    read_dossier: Dossier, debtor_client: Client, one_page_letter
) -> None:
    data = post_data("courrier", **{"courrier-agency_reference": "MA-REF-CORRIGEE"})
    response = debtor_client.post(step_url(read_dossier, "courrier"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    read_dossier.refresh_from_db()
    courrier = read_dossier.answers.courrier
    assert courrier is not None
    assert courrier.agency_reference == "MA-REF-CORRIGEE"  # her correction kept
    html = debtor_client.get(step_url(read_dossier, "courrier")).content.decode()
    assert value_of(html, "courrier-agency_reference") == "MA-REF-CORRIGEE"
    assert "Lu sur votre courrier" not in html  # her answer, no longer a reading


def test_a_value_the_answers_refuse_is_left_empty_and_unmarked(
    read_dossier: Dossier, debtor_client: Client
) -> None:
    job = read_dossier.reading_jobs.get()
    job.result = {**job.result, "letter_date": "le 8 octobre", "total": "beaucoup"}
    job.save(update_fields=["result"])
    response = debtor_client.get(step_url(read_dossier, "courrier"))
    assert response.status_code == 200
    html = response.content.decode()
    assert value_of(html, "courrier-letter_date") in (None, "")
    date_line = job.result["evidence"]["letter_date"]["text"]
    assert not any(date_line in note for note in read_notes(html))
    assert any(job.result["reference"] in note for note in read_notes(html))
    montants = debtor_client.get(step_url(read_dossier, "montants"))
    assert montants.status_code == 200
