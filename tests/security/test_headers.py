"""Security headers on every kind of page, and cookies under production settings.

``check --deploy`` itself is tested in tests/project/test_checks.py.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import logged_in
from tests.security.objects import World

ROOT = Path(__file__).resolve().parents[2]


def csp(header: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def pages(world: World) -> dict[str, tuple[Client, str]]:
    anonymous = Client()
    owner = logged_in(world.user)
    d = world.dossier.pk
    return {
        "landing": (anonymous, "/"),
        "login": (anonymous, reverse("login")),
        "signup": (anonymous, reverse("accounts:signup")),
        "404": (anonymous, "/nulle-part/"),
        "admin-login": (anonymous, "/admin/login/"),
        "dossier": (owner, reverse("dossiers:detail", args=[d])),
        "wizard": (owner, reverse("dossiers:wizard_step", args=[d, "courrier"])),
        "letter": (owner, reverse("letters:page", args=[d, world.letter.kind])),
        "preview": (owner, reverse("letters:preview", args=[d, world.letter.kind])),
        "file": (owner, reverse("dossiers:upload", args=[d, world.upload.pk])),
    }


PAGES = [
    "landing",
    "login",
    "signup",
    "404",
    "admin-login",
    "dossier",
    "wizard",
    "letter",
    "preview",
    "file",
]


@pytest.mark.parametrize("page", PAGES)
def test_security_headers(page: str, world_a: World) -> None:
    client, path = pages(world_a)[page]
    response = client.get(path)
    assert response.status_code in (200, 404), path
    policy = csp(response["Content-Security-Policy"])
    default = policy.get("default-src", [])
    assert default in (["'self'"], ["'none'"]), default
    scripts = policy.get("script-src", default)
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in scripts
    assert "*" not in scripts
    assert policy.get("object-src", default) == ["'none'"]
    if "sandbox" not in policy:  # a served file: sandboxed, no base possible
        assert policy.get("base-uri") == ["'none'"]
        assert policy.get("frame-ancestors") == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_pages_carry_no_inline_script(world_a: World) -> None:
    """With no 'unsafe-inline', an inline script would be dead: there is none."""
    for page in ("landing", "login", "dossier", "wizard", "letter"):
        client, path = pages(world_a)[page]
        html = client.get(path).content.decode()
        for chunk in html.split("<script")[1:]:
            assert chunk.lstrip().startswith("src=") or " src=" in chunk.split(">")[0]
        assert " onclick=" not in html
        assert " onload=" not in html


PROD_PROBE = r"""
import json, django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
from accounts.models import User
User.objects.create_user(email="prod@example.org", password="un-secret-assez-long")
client = Client()
plain = client.get("/connexion/")
page = client.get("/connexion/", secure=True)
login = client.post(
    "/connexion/",
    {"username": "prod@example.org", "password": "un-secret-assez-long",
     "csrfmiddlewaretoken": page.cookies["csrftoken"].value},
    secure=True,
    HTTP_REFERER="https://testserver/connexion/",
)
dossiers = client.get("/dossiers/", secure=True)
profile = client.get("/compte/", secure=True)
def flags(cookie):
    return {k: cookie[k] for k in ("secure", "httponly", "samesite", "path", "domain")}
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "hsts": page.get("Strict-Transport-Security", ""),
    "login_status": login.status_code,
    "session": flags(login.cookies[settings.SESSION_COOKIE_NAME]),
    "csrf": flags(page.cookies[settings.CSRF_COOKIE_NAME]),
    "session_age": settings.SESSION_COOKIE_AGE,
    "debug": settings.DEBUG,
    "private_pages": [dossiers.status_code, dossiers.get("Cache-Control", ""),
                      profile.status_code, profile.get("Cache-Control", "")],
}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> dict:
    var = tmp_path_factory.mktemp("prod-var")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="intrum_assistant.settings",
        DJANGO_SECRET_KEY="p" * 30 + "-production-secret-" + "q" * 30,
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_MANIFEST_STATIC="0",
        VAR_DIR=str(var),
        SQLITE_PATH=str(var / "db.sqlite3"),
    )
    result = subprocess.run(
        [sys.executable, "-c", PROD_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_redirects_http_to_https(production: dict) -> None:
    assert production["debug"] is False
    assert production["plain_status"] == 301
    assert production["plain_location"].startswith("https://")


def test_production_sends_hsts_for_a_year(production: dict) -> None:
    parts = [p.strip() for p in production["hsts"].split(";")]
    max_age = int(parts[0].removeprefix("max-age="))
    assert max_age >= 31_536_000
    assert "includeSubDomains" in parts


def test_production_session_cookie_flags(production: dict) -> None:
    assert production["login_status"] == 302
    session = production["session"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"].lower() in ("lax", "strict")
    assert session["domain"] == ""
    assert production["session_age"] <= 12 * 3600


def test_production_csrf_cookie_flags(production: dict) -> None:
    csrf = production["csrf"]
    assert csrf["secure"] is True
    assert csrf["httponly"] is True
    assert csrf["samesite"].lower() in ("lax", "strict")


def test_production_private_pages_are_not_stored(production: dict) -> None:
    assert production["private_pages"] == [
        200,
        "private, no-store",
        200,
        "private, no-store",
    ]
