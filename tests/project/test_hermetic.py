"""Tests do not depend on the caller's environment (``tests/hermetic.py``)."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from tests.hermetic import PROJECT_VARIABLES

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|env_bool|env_int|env_list|environ\[)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)
SOURCES = ("intrum_assistant", "accounts", "dossiers", "letters", "associations")
NOT_OURS = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def variables_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for package in SOURCES:
        for path in (ROOT / package).rglob("*.py"):
            names |= set(READS.findall(path.read_text(encoding="utf-8")))
    names |= set(re.findall(r"\$\{?([A-Z][A-Z0-9_]+)", (ROOT / "Makefile").read_text()))
    return names - NOT_OURS


def test_every_variable_the_code_reads_is_scrubbed() -> None:
    code = variables_read_by_the_code()
    assert code  # the scan finds them
    missing = sorted(
        name for name in code if name not in PROJECT_VARIABLES and name not in MAKE_ONLY
    )
    assert missing == [], "add them to tests/hermetic.py"


MAKE_ONLY = {
    "PYTHON",
    "VENV",
    "BIN",
    "STAMP",
    "DEV_ENV",
    "SHELL",
    "PYTEST",
    "PYTEST_WORKERS",
    "ON_POSTGRES",
    "TEST_DATABASE_URL",
}
"""Makefile's own variables, not the application's."""


def test_no_project_variable_reaches_the_tests() -> None:
    leaked = [name for name in PROJECT_VARIABLES if name in os.environ]
    assert leaked in ([], ["DATABASE_URL"])
    if leaked:  # only as TEST_DATABASE_URL asked
        assert os.environ["DATABASE_URL"] == os.environ.get("TEST_DATABASE_URL")


def test_the_settings_are_the_defaults() -> None:
    assert settings.SITE_URL == "http://127.0.0.1:8000"
    assert settings.DEBUG is False


def test_odd_caller_variables_change_nothing(tmp_path) -> None:
    """The proof: a test run inside a hostile environment still sees defaults."""
    odd = {
        "DEMO_PASSWORD": "x",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": "postgres://nobody:nothing@127.0.0.1:1/none",
        "PORT": "1",
        "SITE_URL": "http://odd.invalid",
        "DJANGO_SECRET_KEY": "odd",
    }
    env = {**os.environ, **odd}
    env.pop("TEST_DATABASE_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/project/test_hermetic.py::test_the_settings_are_the_defaults",
            "tests/project/test_seed_demo.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
