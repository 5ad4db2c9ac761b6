"""In-process bench items: Django set up on the temp DB given by the env."""

import json
import os
import sys
from pathlib import Path
from typing import Any


def create_postgres_database() -> None:
    """scripts/with-postgres.sh starts an empty cluster: create DATABASE_URL's db."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return
    import psycopg  # noqa: PLC0415

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup(*, migrate: bool = True) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    create_postgres_database()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intrum_assistant.settings")
    import django  # noqa: PLC0415

    django.setup()
    if migrate:
        from django.core.management import call_command  # noqa: PLC0415

        call_command("migrate", "--noinput", verbosity=0)
        call_command("collectstatic", "--noinput", verbosity=0)


def write(path: str, data: Any) -> None:
    Path(path).write_text(json.dumps(data), encoding="utf-8")
