"""Secrets stay out of logs; local state is owner-only (issue 20 item 11).

A real gunicorn, started as ``make serve`` starts it (its logger class and
access log), serves a real calendar feed from a throw-away SQLite database:
neither the feed's secret nor an invitation or reset token reaches the access
log or Django's log. The database files and ``var/`` are mode 0600 / 0700.
"""

import logging
import os
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from intrum_assistant.logs import RedactSecrets, redact

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SECRET_URLS = {
    "/calendrier/Zq8-SECRET-calendar_token1234.ics": "/calendrier/[secret].ics",
    "/associations/invitation/SECRET-invite-987/": "/associations/invitation/[secret]/",
    "/compte/mot-de-passe/nouveau/MQ/SECRET-reset-abc/": (
        "/compte/mot-de-passe/nouveau/MQ/[secret]/"
    ),
}


@pytest.mark.parametrize(("path", "logged"), SECRET_URLS.items())
def test_redact_keeps_the_path_without_its_secret(path: str, logged: str) -> None:
    assert (
        redact(f'"GET {path}?x=1 HTTP/1.1" 200') == f'"GET {logged}?x=1 HTTP/1.1" 200'
    )


def test_redact_leaves_other_paths_alone() -> None:
    for path in ("/dossiers/12/", "/compte/mot-de-passe/nouveau/MQ/set-password/"):
        assert redact(path) == path


def test_django_loggers_redact(caplog: pytest.LogCaptureFixture) -> None:
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        "",
        0,
        "Not Found: %s",
        (next(iter(SECRET_URLS)),),
        None,
    )
    RedactSecrets().filter(record)
    assert "SECRET" not in record.getMessage()
    for name in ("django.request", "django.server"):
        assert any(
            isinstance(f, RedactSecrets) for f in logging.getLogger(name).filters
        )


def test_make_serve_uses_the_redacting_logger_and_owner_only_var() -> None:
    makefile = (ROOT / "Makefile").read_text()
    serve = makefile[makefile.index("\nserve:") : makefile.index("\nlint:")]
    assert "--logger-class intrum_assistant.logs.GunicornLogger" in serve
    assert "--access-logfile -" in serve


def test_make_var_creates_owner_only_directories(tmp_path: Path) -> None:
    (tmp_path / "var").mkdir(mode=0o755)  # as an older `make` left it
    subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "-C", str(tmp_path), "var"],
        check=True,
        capture_output=True,
    )
    for directory in (tmp_path / "var", tmp_path / "var" / "private"):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700, directory


# -- a real gunicorn ---------------------------------------------------------------

SETUP = r"""
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from accounts.models import User
from dossiers import services
user = User.objects.create_user(email="cal@example.org", password="x" * 12)
print(services.calendar_token_create(user=user)[1])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        assert process.poll() is None, "gunicorn stopped"
        try:
            if get(url) == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    var = tmp_path_factory.mktemp("serve-var")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="intrum_assistant.settings",
        DJANGO_SECRET_KEY="s" * 40 + "-log-test",
        DJANGO_HTTPS="0",
        DJANGO_MANIFEST_STATIC="0",
        VAR_DIR=str(var),
        SQLITE_PATH=str(var / "db.sqlite3"),
        LOG_LEVEL="INFO",
    )
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert setup.returncode == 0, setup.stderr[-2000:]
    secret = setup.stdout.strip().splitlines()[-1]
    port, access, errors = free_port(), var / "access.log", var / "error.log"
    cmd = [
        str(BIN / "gunicorn"), "intrum_assistant.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", "1", "--worker-class", "gthread", "--threads", "2", "--preload",
        "--access-logfile", str(access), "--error-logfile", str(errors),
        "--logger-class", "intrum_assistant.logs.GunicornLogger",
    ]  # fmt: skip
    with errors.open("wb") as stderr:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=stderr)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/healthz", process)
        statuses = {
            "feed": get(f"{base}/calendrier/{secret}.ics"),
            "wrong feed": get(f"{base}/calendrier/{secret[:-2]}XY.ics"),
            "invitation": get(f"{base}/associations/invitation/SECRET-invite-987/"),
            "reset": get(f"{base}/compte/mot-de-passe/nouveau/MQ/SECRET-reset-abc/"),
        }
        modes = {
            name: stat.S_IMODE(path.stat().st_mode)
            for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm")
            if (path := var / name).exists()
        }
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {
        "secret": secret,
        "statuses": statuses,
        "logs": access.read_text() + errors.read_text(),
        "modes": modes,
    }


def test_the_feed_works_and_its_secret_is_not_logged(served: dict) -> None:
    assert served["statuses"]["feed"] == 200
    assert served["statuses"]["wrong feed"] == 404
    logs = served["logs"]
    assert "/calendrier/[secret].ics" in logs  # the request is still logged
    assert served["secret"] not in logs
    assert served["secret"][:-2] not in logs  # nor the wrong one (Django's 404 log)


def test_invitation_and_reset_tokens_are_not_logged(served: dict) -> None:
    assert "SECRET-invite" not in served["logs"]
    assert "SECRET-reset" not in served["logs"]
    assert "/associations/invitation/[secret]/" in served["logs"]


def test_the_database_files_are_owner_only(served: dict) -> None:
    assert "db.sqlite3" in served["modes"]
    assert "db.sqlite3-wal" in served["modes"]  # WAL: written while serving
    assert set(served["modes"].values()) == {0o600}, served["modes"]
