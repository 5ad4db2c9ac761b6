"""The intake page, the progress page and its JSON state (client tests)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from dossiers.models import Dossier, Upload
from reading import services
from reading.models import ReadingJob, ReadingStatus
from tests.security.objects import jpeg_bytes

pytestmark = pytest.mark.django_db

FIRST_STEP = "/dossiers/{id}/modifier/courrier/"


def photo(name: str = "courrier.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes((400, 600)), content_type="image/jpeg")


def test_new_dossier_opens_on_the_intake_page(debtor_client: Client) -> None:
    page = debtor_client.get("/dossiers/nouveau/").content.decode()
    assert "<h1>Prenez en photo votre courrier</h1>" in page
    assert (
        'href="/dossiers/nouveau/courrier/">Je préfère tout saisir moi-même</a>' in page
    )
    assert 'type="file"' in page
    assert "multiple" in page
    assert "image/heic" in page


def test_the_questionnaire_s_first_step_moved_under_nouveau(
    debtor_client: Client,
) -> None:
    page = debtor_client.get("/dossiers/nouveau/courrier/").content.decode()
    assert "<h1>Le courrier</h1>" in page


def test_upload_creates_the_dossier_stores_the_files_and_queues_the_reading(
    debtor_client: Client, debtor, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        response = debtor_client.post(
            "/dossiers/nouveau/", {"scans": [photo("p1.jpg"), photo("p2.jpg")]}
        )
    dossier = Dossier.objects.get(owner=debtor)
    assert response.status_code == 302
    assert response["Location"] == f"/dossiers/{dossier.pk}/lecture/"
    job = ReadingJob.objects.get(dossier=dossier)
    assert job.status == ReadingStatus.QUEUED
    assert set(job.uploads.all()) == set(Upload.objects.filter(dossier=dossier))
    assert dossier.uploads.count() == 2
    assert len(callbacks) == 1  # the task is queued once everything is committed


def test_the_queued_task_lands_in_the_database_queue(
    debtor_client: Client, django_capture_on_commit_callbacks
) -> None:
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        debtor_client.post("/dossiers/nouveau/", {"scans": [photo()]})
    task = DBTaskResult.objects.get()
    job = ReadingJob.objects.get()
    assert task.args_kwargs["args"] == [job.pk]
    assert task.task_path == "reading.tasks.read_letter"


def test_no_file_is_refused_beside_the_field(debtor_client: Client) -> None:
    response = debtor_client.post("/dossiers/nouveau/", {})
    assert response.status_code == 200
    assert (
        "Choisissez au moins une photo ou un PDF du courrier."
        in response.content.decode()
    )
    assert not Dossier.objects.exists()


def test_too_many_files_are_refused(debtor_client: Client) -> None:
    files = [photo(f"p{n}.jpg") for n in range(6)]
    response = debtor_client.post("/dossiers/nouveau/", {"scans": files})
    assert "5 fichiers au maximum par dossier" in response.content.decode()
    assert not Dossier.objects.exists()
    assert not Upload.objects.exists()


def _job(dossier: Dossier, **fields) -> ReadingJob:
    job = ReadingJob.objects.create(dossier=dossier, **fields)
    return job


def test_progress_page_says_which_page_is_read(debtor_client: Client, dossier) -> None:
    _job(
        dossier,
        status="running",
        pages_total=2,
        pages_done=0,
        started_at=timezone.now(),
    )
    page = debtor_client.get(f"/dossiers/{dossier.pk}/lecture/").content.decode()
    assert "Lecture de votre courrier… page 1 sur 2" in page
    assert "js/reading-progress.js" in page
    assert "<script>" not in page
    assert '<meta http-equiv="refresh" content="5">' in page  # inside <noscript>
    assert f'href="/dossiers/{dossier.pk}/lecture/">Continuer</a>' in page


def test_status_json_follows_the_job(debtor_client: Client, dossier) -> None:
    job = _job(
        dossier,
        status="running",
        pages_total=2,
        pages_done=1,
        started_at=timezone.now(),
    )
    state = debtor_client.get(f"/dossiers/{dossier.pk}/lecture/etat/").json()
    assert state["label"] == "Lecture de votre courrier… page 2 sur 2"
    assert state["finished"] is False
    job.status, job.result = "done", {"empty": False, "agency": "Intrum"}
    job.save()
    state = debtor_client.get(f"/dossiers/{dossier.pk}/lecture/etat/").json()
    assert state["finished"] is True
    assert state["next"] == f"/dossiers/{dossier.pk}/lecture/"


def test_finished_reading_moves_on_to_the_first_step(
    debtor_client: Client, dossier
) -> None:
    _job(dossier, status="done", result={"empty": False, "agency": "Intrum"})
    response = debtor_client.get(f"/dossiers/{dossier.pk}/lecture/", follow=True)
    assert response.redirect_chain[-1][0] == FIRST_STEP.format(id=dossier.pk)
    assert "Nous n&#x27;avons pas pu lire" not in response.content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "done", "result": {"empty": True}}, services.NOTHING_READ),
        ({"status": "failed", "error": services.TIMED_OUT}, services.TIMED_OUT),
        ({"status": "running", "started_at": "long ago"}, services.STOPPED),
        ({"status": "queued", "created_at": "long ago"}, services.NOT_STARTED),
    ],
    ids=["nothing-read", "timed-out", "worker-died", "no-worker"],
)
def test_a_reading_that_gave_nothing_says_so_in_one_sentence(
    debtor_client: Client, dossier, fields: dict, message: str
) -> None:
    long_ago = timezone.now() - dt.timedelta(hours=1)
    values = {k: (long_ago if v == "long ago" else v) for k, v in fields.items()}
    job = _job(dossier, **{k: v for k, v in values.items() if k != "created_at"})
    if "created_at" in values:
        ReadingJob.objects.filter(pk=job.pk).update(created_at=long_ago)
    response = debtor_client.get(f"/dossiers/{dossier.pk}/lecture/", follow=True)
    assert response.redirect_chain[-1][0] == FIRST_STEP.format(id=dossier.pk)
    body = response.content.decode().replace("&#x27;", "'")
    assert message in body
    assert message.count(".") == 1  # one sentence
    assert Dossier.objects.filter(pk=dossier.pk).exists()


def test_a_dossier_without_reading_goes_straight_to_its_first_step(
    debtor_client: Client, dossier
) -> None:
    response = debtor_client.get(f"/dossiers/{dossier.pk}/lecture/")
    assert response["Location"] == FIRST_STEP.format(id=dossier.pk)


def test_progress_and_state_are_not_cached(debtor_client: Client, dossier) -> None:
    _job(dossier, status="queued")
    for url in (
        f"/dossiers/{dossier.pk}/lecture/",
        f"/dossiers/{dossier.pk}/lecture/etat/",
    ):
        assert "no-cache" in debtor_client.get(url)["Cache-Control"]


def test_list_links_to_the_intake(debtor_client: Client) -> None:
    assert (
        'href="/dossiers/nouveau/"' in debtor_client.get("/dossiers/").content.decode()
    )
