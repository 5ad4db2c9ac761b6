"""System checks and production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from intrum_assistant import checks

ROOT = Path(__file__).resolve().parents[2]


def test_insecure_key_refused_with_debug_off(settings) -> None:
    settings.DEBUG = False
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    errors = checks.check_secret_key(None)
    assert [e.id for e in errors] == ["intrum_assistant.E001"]


def test_insecure_key_allowed_in_debug(settings) -> None:
    settings.DEBUG = True
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    assert checks.check_secret_key(None) == []


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_start_with_dev_key_is_refused() -> None:
    result = _manage("check")
    assert result.returncode != 0
    assert "intrum_assistant.E001" in result.stderr


def test_check_is_clean_as_make_run_starts() -> None:
    """``make run``'s environment (``DJANGO_DEBUG=1``): not even a warning."""
    result = _manage(
        "check",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="1",
        SITE_URL="http://127.0.0.1:8000",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_is_clean_with_production_variables() -> None:
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="x" * 20 + "-production-secret-" + "y" * 30,
        DJANGO_ALLOWED_HOSTS="recouvrement.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_makemigrations_has_nothing_to_do() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_proxy_without_proxy_count_is_flagged(settings) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.AXES_IPWARE_PROXY_COUNT = None
    assert [w.id for w in checks.check_lockout_behind_proxy(None)] == [
        "intrum_assistant.W001"
    ]
    settings.AXES_IPWARE_PROXY_COUNT = 1
    assert checks.check_lockout_behind_proxy(None) == []
