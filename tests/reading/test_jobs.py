"""A reading job run for real (the task's body), in this process: the text is
kept page by page with its upload, the draft is offered, limits hold."""

import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.deletion import account_delete
from dossiers import services as dossier_services
from dossiers.models import Upload
from dossiers.uploads import clean_upload
from letters.export import build_archive
from reading import services
from reading.models import ReadingJob, ReadingStatus, ReadText

from .conftest import blank_photo

pytestmark = pytest.mark.django_db


def queued_job(owner, *paths: Path) -> ReadingJob:
    files = [clean_upload(SimpleUploadedFile(p.name, p.read_bytes())) for p in paths]
    return services.intake_create(owner=owner, files=files)


def test_a_born_digital_pdf_is_read_and_its_draft_offered(
    debtor, one_page_letter
) -> None:
    job = queued_job(debtor, one_page_letter.pdf)
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ReadingStatus.DONE
    assert (job.pages_total, job.pages_done) == (1, 1)
    draft = services.latest_draft(job.dossier)
    assert draft is not None
    expected = one_page_letter.expected
    for key in ("agency", "reference", "letter_date", "total", "letter_kind"):
        assert draft[key] == expected[key], key
    assert draft["evidence"]["total"]["line"] > 0
    text = ReadText.objects.get(job=job)
    assert text.by_ocr is False
    assert expected["reference"] in text.text


def test_a_two_page_letter_photographed_page_by_page(debtor, two_page_letter) -> None:
    job = queued_job(debtor, *two_page_letter.photos)
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.pages_total, job.pages_done) == ("done", 2, 2)
    assert ReadText.objects.filter(job=job, by_ocr=True).count() == 2
    draft = services.latest_draft(job.dossier)
    assert draft is not None
    assert draft["total"] == two_page_letter.expected["total"]
    assert draft["agency"] == two_page_letter.expected["agency"]


def test_a_photo_with_no_text_says_nothing_was_read(debtor, tmp_path: Path) -> None:
    job = queued_job(debtor, blank_photo(tmp_path / "table.jpg"))
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ReadingStatus.DONE
    assert services.latest_draft(job.dossier) is None
    assert services.outcome_message(job) == services.NOTHING_READ


def test_a_job_over_its_time_limit_is_stopped_and_says_so(
    debtor, one_page_letter, settings
) -> None:
    settings.READING_TIME_LIMIT = 0.0001
    job = queued_job(debtor, *one_page_letter.photos)
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ReadingStatus.FAILED
    assert job.error == services.TIMED_OUT
    assert job.dossier.uploads.count() == 1  # the dossier stays usable
    assert not ReadText.objects.filter(job=job).exists()  # no half reading kept


def test_a_job_is_run_once(debtor, one_page_letter) -> None:
    job = queued_job(debtor, one_page_letter.pdf)
    services.job_run(job_id=job.pk)
    services.job_run(job_id=job.pk)
    assert ReadText.objects.filter(job=job).count() == 1
    services.job_run(job_id=0)  # a job deleted with its dossier: nothing to do


def test_the_text_read_is_exported_with_the_dossier(debtor, one_page_letter) -> None:
    job = queued_job(debtor, one_page_letter.pdf)
    services.job_run(job_id=job.pk)
    with build_archive(job.dossier) as archive, zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        read = [name for name in names if name.startswith("Documents/Texte lu")]
        assert len(read) == 1
        text = zipped.read(read[0]).decode()
        assert one_page_letter.expected["reference"] in text
        assert "texte du PDF" in text
        assert read[0] in zipped.read("LISEZMOI.txt").decode()


def test_the_text_goes_with_its_upload_and_its_dossier(debtor, one_page_letter) -> None:
    job = queued_job(debtor, one_page_letter.pdf)
    services.job_run(job_id=job.pk)
    upload = Upload.objects.get(dossier=job.dossier)
    dossier_services.upload_delete(upload=upload)
    assert not ReadText.objects.exists()
    assert services.latest_draft(job.dossier) is None  # its source is gone
    dossier_services.dossier_delete(dossier=job.dossier)
    assert not ReadingJob.objects.exists()


def test_account_deletion_takes_the_readings(debtor, one_page_letter) -> None:
    job = queued_job(debtor, one_page_letter.pdf)
    services.job_run(job_id=job.pk)
    account_delete(user=debtor)
    assert not ReadingJob.objects.exists()
    assert not ReadText.objects.exists()


def test_the_whole_web_journey_upload_progress_first_step(
    debtor_client: Client,
    debtor,
    one_page_letter,
    django_capture_on_commit_callbacks,
    settings,
) -> None:
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    with (
        one_page_letter.photos[0].open("rb") as handle,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = debtor_client.post("/dossiers/nouveau/", {"scans": [handle]})
    progress = response["Location"]
    state = debtor_client.get(progress + "etat/").json()
    assert state["finished"] is True
    assert state["status"] == "done"
    page = debtor_client.get(progress, follow=True)
    dossier_id = page.redirect_chain[-1][0].split("/")[2]
    assert page.redirect_chain[-1][0] == f"/dossiers/{dossier_id}/modifier/courrier/"
    draft = services.latest_draft(debtor.dossiers.get())
    assert draft is not None
    assert draft["total"] == one_page_letter.expected["total"]


def test_a_reading_process_that_crashes_leaves_the_dossier_usable(
    debtor, one_page_letter, monkeypatch
) -> None:
    import os

    from reading import runner

    def crash(*args, **kwargs):
        os._exit(3)  # a crash inside a library: the child dies without a word
        yield  # pragma: no cover

    monkeypatch.setattr(runner, "read_pages", crash)
    job = queued_job(debtor, one_page_letter.pdf)
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ReadingStatus.FAILED
    assert job.error.startswith("La lecture s'est arrêtée sur ce fichier.")
    assert services.outcome_message(job) == job.error
    assert job.dossier.uploads.count() == 1
