"""Through the real database backend and a real worker process
(``manage.py db_worker``), on a throw-away SQLite database."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

QUEUE = """
from django.core.files.uploadedfile import SimpleUploadedFile
from accounts.models import User
from dossiers.uploads import clean_upload
from reading import services
path = {path!r}
user = User.objects.create_user(email="worker@example.org", password="x")
clean = clean_upload(SimpleUploadedFile("courrier.pdf", open(path, "rb").read()))
job = services.intake_create(owner=user, files=[clean])
print(job.pk)
"""
REPORT = """
import json
from reading.models import ReadingJob
from reading import services
job = ReadingJob.objects.get()
print(json.dumps({"status": job.status, "draft": services.latest_draft(job.dossier)}))
"""


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_a_queued_reading_is_done_by_the_database_worker(
    tmp_path: Path, one_page_letter
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "VAR_DIR": str(tmp_path / "var"),
        "DJANGO_DEBUG": "1",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    (tmp_path / "var").mkdir()
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-v0", "-c", QUEUE.format(path=str(one_page_letter.pdf)))
    assert (
        json.loads(manage(env, "shell", "-v0", "-c", REPORT).splitlines()[-1])["status"]
        == "queued"
    )
    manage(env, "db_worker", "--batch", "--no-startup-delay", "--no-reload")
    report = json.loads(manage(env, "shell", "-v0", "-c", REPORT).splitlines()[-1])
    assert report["status"] == "done"
    assert report["draft"]["total"] == one_page_letter.expected["total"]
    assert report["draft"]["agency"] == one_page_letter.expected["agency"]
