"""Private files never outlive their transaction, and the sweep removes strays.

``dossiers.private_files.atomic`` deletes the files saved inside it when it
rolls back; ``manage.py sweep_private_files`` deletes, after a grace period,
the files no row names (left by a crash or a rollback the code cannot see) and
never a file a row names.
"""

import datetime as dt
import io
import logging
import os
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone

from dossiers import private_files, services
from dossiers.models import Dossier, TimelineEvent, Upload
from dossiers.uploads import CleanFile
from letters import services as letter_services
from letters.models import Letter, LetterVersion
from tests.security.objects import letter_version

from .test_uploads import png
from .wizard_data import post_data

pytestmark = pytest.mark.django_db


class Boom(Exception):
    pass


def boom(*args: object, **kwargs: object) -> None:
    raise Boom


def clean(n: int = 0) -> CleanFile:
    return CleanFile(f"%PDF-1.4 scan {n}".encode(), "pdf", "application/pdf", "s.pdf")


def on_disk(settings) -> set[str]:
    root = Path(settings.PRIVATE_ROOT)
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def saved(monkeypatch) -> list[str]:
    """The names of the files ``save_file`` wrote, to prove they existed."""
    names: list[str] = []
    save_file = private_files.save_file

    def spy(field_file, name, content) -> None:
        save_file(field_file, name, content)
        names.append(field_file.name)

    monkeypatch.setattr(private_files, "save_file", spy)
    return names


def write(dossier: Dossier, n: int = 0) -> str:
    upload = Upload(dossier=dossier, kind="pdf")
    private_files.save_file(upload.file, "x", ContentFile(f"file {n}".encode()))
    return upload.file.name


# -- private_files.atomic -----------------------------------------------------------


def fails(*steps: object) -> list[str]:
    """Run ``steps`` (callables) in ``private_files.atomic()``, then raise Boom;
    returns what they returned (file names)."""
    names: list[str] = []

    def run() -> None:
        with private_files.atomic():
            names.extend(step() for step in steps)  # type: ignore[operator]
            assert all(default_storage.exists(name) for name in names)
            raise Boom

    with pytest.raises(Boom):
        run()
    return names


def test_a_file_saved_in_a_block_that_raises_is_deleted(dossier: Dossier) -> None:
    [name] = fails(lambda: write(dossier))
    assert not default_storage.exists(name)


def test_a_file_saved_in_a_block_that_commits_is_kept(dossier: Dossier) -> None:
    with private_files.atomic():
        name = write(dossier)
    assert default_storage.exists(name)


def test_blocks_nest_like_savepoints(dossier: Dossier) -> None:
    with private_files.atomic():
        outer = write(dossier, 1)
        [rolled_back] = fails(lambda: write(dossier, 2))
        with private_files.atomic():
            released = write(dossier, 3)
    assert not default_storage.exists(rolled_back)
    assert default_storage.exists(outer)
    assert default_storage.exists(released)


def test_an_inner_block_that_succeeded_goes_with_the_outer_rollback(
    dossier: Dossier,
) -> None:

    def inner() -> str:
        with private_files.atomic():
            return write(dossier)

    [name] = fails(inner)
    assert not default_storage.exists(name)


def test_a_silent_rollback_deletes_too(dossier: Dossier) -> None:
    with private_files.atomic():
        name = write(dossier)
        transaction.set_rollback(True)
    assert not default_storage.exists(name)


def test_save_file_refuses_to_write_outside_a_block(dossier: Dossier, settings) -> None:
    with pytest.raises(RuntimeError):
        write(dossier)
    assert not on_disk(settings)


def test_a_failed_cleanup_does_not_hide_the_error(
    dossier: Dossier, monkeypatch, caplog
) -> None:
    def disk_error(self: FileSystemStorage, name: str) -> None:
        raise OSError("read-only file system")

    monkeypatch.setattr(FileSystemStorage, "delete", disk_error)
    with caplog.at_level(logging.WARNING, "dossiers.private_files"):
        [name] = fails(lambda: write(dossier))  # Boom, not the cleanup's error
    assert default_storage.exists(name)
    assert "sweep_private_files will" in caplog.text


# -- every write that stores a file ----------------------------------------------


def test_wizard_step_failing_after_its_files_were_saved_leaves_none(
    debtor_client: Client, monkeypatch, saved: list[str], settings
) -> None:
    save = Dossier.save

    def fail_the_step_write(self, *args, **kwargs) -> None:
        if kwargs.get("update_fields"):  # the step's write, after its files
            raise Boom
        save(self, *args, **kwargs)

    monkeypatch.setattr(Dossier, "save", fail_the_step_write)
    with pytest.raises(Boom):
        debtor_client.post(
            "/dossiers/nouveau/courrier/",
            {
                **post_data("courrier"),
                "courrier-scans": [
                    SimpleUploadedFile(f"p{i}.png", png(), "image/png")
                    for i in range(2)
                ],
            },
        )
    assert len(saved) == 2  # both were written…
    assert not on_disk(settings)  # …and both are gone
    assert not Upload.objects.exists()
    assert not Dossier.objects.exists()


def test_second_file_failing_takes_the_first_with_it(
    dossier: Dossier, monkeypatch, saved: list[str], settings
) -> None:
    full_clean = Upload.full_clean
    calls = []

    def fail_the_second(self, *args, **kwargs) -> None:
        calls.append(self)
        if len(calls) == 2:
            raise Boom
        full_clean(self, *args, **kwargs)

    monkeypatch.setattr(Upload, "full_clean", fail_the_second)
    with pytest.raises(Boom):
        services.uploads_add(dossier=dossier, files=[clean(1), clean(2)])
    assert len(saved) == 2
    assert not on_disk(settings)
    assert not Upload.objects.exists()


def test_timeline_event_failing_after_its_attachment_leaves_no_file(
    dossier: Dossier, monkeypatch, saved: list[str], settings
) -> None:
    monkeypatch.setattr(services, "_refresh_next_deadline", boom)
    with pytest.raises(Boom):
        services.timeline_add(
            dossier=dossier,
            kind="letter_received",
            occurred_on=timezone.localdate(),
            attachment=clean(),
        )
    assert len(saved) == 1
    assert not on_disk(settings)
    assert not TimelineEvent.objects.exists()


def test_letter_version_failing_after_its_pdf_leaves_no_file(
    dossier: Dossier, monkeypatch, saved: list[str], settings
) -> None:
    letter = Letter.objects.create(dossier=dossier, kind="contestation")
    monkeypatch.setattr(LetterVersion, "save", boom)
    with pytest.raises(Boom):
        letter_services._store_version(letter, b"%PDF-1.4 lettre", {})
    assert len(saved) == 1
    assert not on_disk(settings)


# -- sweep_private_files ----------------------------------------------------------


def age(name: str, hours: float) -> None:
    when = (timezone.now() - dt.timedelta(hours=hours)).timestamp()
    os.utime(default_storage.path(name), (when, when))


def sweep(*args: str) -> str:
    out = io.StringIO()
    call_command("sweep_private_files", *args, stdout=out)
    return out.getvalue()


def stray(name: str, hours: float = 48) -> str:
    """A file no row names, as a crash would leave it."""
    stored = default_storage.save(name, ContentFile(b"stray"))
    age(stored, hours)
    return stored


@pytest.fixture
def everything(dossier: Dossier, debtor_client: Client) -> set[str]:
    """One referenced file of every kind, all older than any grace period."""
    debtor_client.post(
        f"/dossiers/{dossier.pk}/modifier/courrier/",
        {
            **post_data("courrier"),
            "courrier-scans": [SimpleUploadedFile("p.png", png(), "image/png")],
        },
    )
    event = services.timeline_add(
        dossier=dossier,
        kind="letter_received",
        occurred_on=timezone.localdate(),
        attachment=clean(),
    )
    letter = Letter.objects.create(dossier=dossier, kind="contestation")
    names = {
        *Upload.objects.values_list("file", flat=True),
        event.attachment.file.name,
        letter_version(letter, 1).pdf.name,
        letter_services._store_version(letter, b"%PDF-1.4 v2", {}).pdf.name,
    }
    assert len(names) == 4
    for name in names:
        age(name, 24 * 400)
    return names


def test_sweep_deletes_old_strays_and_nothing_else(
    everything: set[str], settings
) -> None:
    old = {stray("dossiers/1/orphan.jpg"), stray("letters/7/orphan.pdf")}
    young = stray("dossiers/1/young.jpg", hours=2)
    outside = {stray("db.sqlite3"), stray("wizard-unused/form.bin")}

    out = sweep("--dry-run")
    assert "2 unreferenced: 2 would be deleted (dry run)" in out
    assert all(f"would delete {name}" in out for name in old)
    assert on_disk(settings) == everything | old | {young} | outside

    out = sweep()
    assert "7 file(s) under dossiers/, letters/" in out
    assert "4 older and referenced (kept)" in out
    assert "1 younger than 24 h (kept)" in out
    assert "2 unreferenced: 2 deleted" in out
    assert on_disk(settings) == everything | {young} | outside

    assert "0 unreferenced: 0 deleted" in sweep()  # idempotent
    assert on_disk(settings) == everything | {young} | outside


def test_sweep_never_deletes_a_referenced_file(everything: set[str], settings) -> None:
    for hours in ("1", "24", "1000"):
        assert "0 unreferenced" in sweep("--older-than", hours)
    assert on_disk(settings) == everything
    assert all(
        Path(settings.PRIVATE_ROOT, u.file.name).is_file() for u in Upload.objects.all()
    )
    assert all(
        Path(settings.PRIVATE_ROOT, v.pdf.name).is_file()
        for v in LetterVersion.objects.all()
    )


def test_sweep_grace_period(dossier: Dossier) -> None:
    name = stray("dossiers/1/orphan.jpg", hours=30)
    assert "1 younger than 48 h" in sweep("--older-than", "48")
    assert default_storage.exists(name)
    sweep("--older-than", "29.5")
    assert not default_storage.exists(name)


def test_sweep_refuses_a_grace_period_under_an_hour() -> None:
    with pytest.raises(CommandError, match="at least 1 hour"):
        sweep("--older-than", "0.5")


def test_sweep_on_an_empty_storage() -> None:
    assert "0 file(s)" in sweep()


def test_a_rollback_the_code_cannot_see_is_left_to_the_sweep(
    dossier: Dossier, settings
) -> None:
    """A plain ``transaction.atomic()`` around the service rolls back after the
    service's own block committed: the file stays until the sweep."""
    names: list[str] = []

    def outer() -> None:
        with transaction.atomic():
            names.append(services.upload_add(dossier=dossier, clean=clean()).file.name)
            raise Boom

    with pytest.raises(Boom):
        outer()
    assert on_disk(settings) == set(names)
    age(names[0], 25)
    sweep()
    assert not on_disk(settings)


def test_every_file_field_is_known_and_stored_under_a_swept_folder(
    everything: set[str],
) -> None:
    """A new FileField fails this test: check that its files go under
    ``private_files.SWEPT_DIRECTORIES`` (or add its folder there)."""
    fields = {(m._meta.label, f.name) for m, f in private_files.file_fields()}
    assert fields == {("dossiers.Upload", "file"), ("letters.LetterVersion", "pdf")}
    assert {name.split("/")[0] for name in everything} <= set(
        private_files.SWEPT_DIRECTORIES
    )
