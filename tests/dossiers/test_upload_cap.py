"""The 5-files-per-dossier cap holds where the rows are written, even in a race.

The forms check the cap first (fast feedback); the service checks it again in
the write transaction, after locking the dossier row. A request that loses the
race gets the form's message beside the file field, never a 500, and nothing
of its submission is stored (the same outcome as a failed form check: the page
comes back as typed, the files have to be chosen again).
"""

import threading
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client

from accounts.models import User
from dossiers import services
from dossiers.answers import Answers
from dossiers.forms import CourrierForm, TimelineEventForm
from dossiers.models import Dossier, TimelineEvent, Upload
from dossiers.uploads import CleanFile, UploadLimitReached
from tests import factories

from .test_uploads import png
from .wizard_data import post_data

pytestmark = pytest.mark.django_db


def clean(n: int = 0) -> CleanFile:
    return CleanFile(f"%PDF-1.4 scan {n}".encode(), "pdf", "application/pdf", "s.pdf")


def add(dossier: Dossier, count: int) -> None:
    for n in range(count):
        services.upload_add(dossier=dossier, clean=clean(n))


def files_on_disk(settings) -> list[Path]:
    return [p for p in Path(settings.PRIVATE_ROOT).rglob("*") if p.is_file()]


def pngs(count: int) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(f"p{i}.png", png(), "image/png") for i in range(count)]


def error_beside(field_id: str, message: str) -> str:
    return f'<div class="errors" id="{field_id}_error"><p>{message}</p></div>'


# -- the service -------------------------------------------------------------------


def test_the_service_refuses_files_over_the_cap_and_stores_none(
    dossier: Dossier, settings
) -> None:
    add(dossier, 4)
    with pytest.raises(UploadLimitReached) as refused:
        services.uploads_add(dossier=dossier, files=[clean(1), clean(2)])
    assert refused.value.existing == 4
    assert dossier.uploads.count() == 4
    assert len(files_on_disk(settings)) == 4
    assert services.uploads_add(dossier=dossier, files=[clean(3)])  # the fifth fits
    with pytest.raises(UploadLimitReached):
        services.upload_add(dossier=dossier, clean=clean(4))
    assert dossier.uploads.count() == 5


def test_no_files_no_queries(dossier: Dossier, django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        assert services.uploads_add(dossier=dossier, files=[]) == []


def test_the_message_is_the_forms_own() -> None:
    error = UploadLimitReached(4).as_validation_error()
    assert error.code == "too_many"
    assert error.messages == [
        "5 fichiers au maximum par dossier : il y en a déjà 4, vous pouvez en ajouter 1."
    ]


# -- the wizard, step « Le courrier » -------------------------------------------


def test_wizard_race_lost_shows_the_error_beside_the_field(
    debtor_client: Client, dossier: Dossier, monkeypatch, settings
) -> None:
    """3 files stored; she sends 2 (the form's check passes); another request
    stores 1 meanwhile; her step is refused as a whole, shown again as typed."""
    before = {"courrier": {"agency_name": "Avant"}}
    Dossier.objects.filter(pk=dossier.pk).update(answers=before, wizard_data={})
    add(dossier, 3)
    checked = CourrierForm.clean_scans

    def check_then_lose_the_race(form: CourrierForm) -> list[CleanFile]:
        result = checked(form)
        services.upload_add(dossier=dossier, clean=clean(9))  # the other request
        return result

    monkeypatch.setattr(CourrierForm, "clean_scans", check_then_lose_the_race)
    data = {**post_data("courrier"), "courrier-agency_reference": "TAPÉ-PAR-ELLE"}
    response = debtor_client.post(
        f"/dossiers/{dossier.pk}/modifier/courrier/",
        {**data, "courrier-scans": pngs(2)},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert (
        error_beside(
            "id_courrier-scans",
            "5 fichiers au maximum par dossier : il y en a déjà 4, vous pouvez en ajouter 1.",
        )
        in page
    )
    assert 'value="TAPÉ-PAR-ELLE"' in page  # what she typed is still there
    dossier.refresh_from_db()
    assert dossier.uploads.count() == 4
    assert len(files_on_disk(settings)) == 4  # her 2 files were not left behind
    assert dossier.answers == Answers.from_json(
        before
    )  # nothing of the refused step is stored
    assert dossier.current_step == "courrier"  # she comes back to this step
    # She sends one file less: accepted.
    monkeypatch.setattr(CourrierForm, "clean_scans", checked)
    response = debtor_client.post(
        f"/dossiers/{dossier.pk}/modifier/courrier/",
        {**data, "courrier-scans": pngs(1)},
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.uploads.count() == 5
    assert dossier.answers.to_json()["courrier"]["agency_reference"] == "TAPÉ-PAR-ELLE"


def test_wizard_first_step_refused_by_the_service_creates_no_dossier(
    debtor: User, debtor_client: Client, monkeypatch, settings
) -> None:
    """Cannot happen for real (nobody else sees a dossier being created), but
    if the service refuses, the new dossier goes with the step."""
    monkeypatch.setattr(services, "MAX_UPLOADS_PER_DOSSIER", 0)
    response = debtor_client.post(
        "/dossiers/nouveau/courrier/",
        {**post_data("courrier"), "courrier-scans": pngs(1)},
    )
    assert response.status_code == 200
    assert "choisissez-en 5 au plus" in response.content.decode()
    assert not Dossier.objects.exists()
    assert not files_on_disk(settings)


# -- the timeline attachment ------------------------------------------------------


def test_timeline_race_lost_shows_the_error_beside_the_field(
    debtor_client: Client, dossier: Dossier, monkeypatch, settings
) -> None:
    add(dossier, 4)
    checked = TimelineEventForm.clean_attachment

    def check_then_lose_the_race(form: TimelineEventForm) -> CleanFile | None:
        result = checked(form)
        services.upload_add(dossier=dossier, clean=clean(9))  # the other request
        return result

    monkeypatch.setattr(TimelineEventForm, "clean_attachment", check_then_lose_the_race)
    response = debtor_client.post(
        f"/dossiers/{dossier.pk}/chronologie/ajouter/",
        {
            "kind": "letter_received",
            "occurred_on": "02/01/2026",
            "content": "Nouvelle relance reçue",
            "attachment": pngs(1)[0],
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        error_beside(
            "id_attachment",
            "5 fichiers au maximum par dossier, et celui-ci les a déjà. "
            "Supprimez-en un pour pouvoir en ajouter un autre.",
        )
        in page
    )
    assert "Nouvelle relance reçue" in page  # what she typed is still there
    assert not TimelineEvent.objects.exists()
    assert dossier.uploads.count() == 5
    assert len(files_on_disk(settings)) == 5


# -- a real race, on PostgreSQL ---------------------------------------------------


def _waiting_on_a_lock() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return int(cursor.fetchone()[0])


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_writers_cannot_pass_the_cap(debtor: User, settings) -> None:
    """The first writer holds its transaction open after storing 3 files; the
    second (3 files, 0 committed so far) must wait for the dossier's row lock,
    then count the first one's files and be refused. Without the lock it would
    count 0 and both would commit: 6 files."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs concurrent connections; SQLite's IMMEDIATE transactions "
            "serialise writers by themselves (run with scripts/with-postgres.sh)"
        )
    dossier = factories.dossier(owner=debtor)
    stored, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        try:
            with transaction.atomic():
                services.uploads_add(
                    dossier=dossier, files=[clean(n) for n in range(3)]
                )
                stored.set()
                release.wait(20)
            outcome["first"] = "stored"
        except Exception as exc:  # reported by the asserts below
            outcome["first"] = exc
        finally:
            connection.close()

    def second() -> None:
        try:
            services.uploads_add(
                dossier=Dossier.objects.get(pk=dossier.pk),
                files=[clean(n) for n in range(3, 6)],
            )
            outcome["second"] = "stored"
        except UploadLimitReached as refused:
            outcome["second"] = refused
        except Exception as exc:
            outcome["second"] = exc
        finally:
            connection.close()

    one, two = threading.Thread(target=first), threading.Thread(target=second)
    one.start()
    try:
        assert stored.wait(20), outcome
        two.start()
        deadline = time.monotonic() + 20
        while two.is_alive() and not _waiting_on_a_lock():
            assert time.monotonic() < deadline, "the second writer never waited"
            time.sleep(0.01)
        assert two.is_alive(), f"the second writer did not wait: {outcome}"
    finally:
        release.set()
        one.join(20)
        if two.ident is not None:
            two.join(20)

    assert outcome["first"] == "stored"
    assert isinstance(outcome["second"], UploadLimitReached), outcome
    assert outcome["second"].existing == 3
    assert Upload.objects.filter(dossier=dossier).count() == 3
    assert len(files_on_disk(settings)) == 3
