"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Nothing is skipped: without ``/usr/bin/chromium`` or axe-core the tests fail and
say how to install them (``make install`` does both).
"""

import functools
import os
import re
import threading
from collections.abc import Iterator, Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

import pytest
from django.test import Client, override_settings
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.dossiers.wizard_data import post_data

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# would then refuse to run there ("async unsafe") although nothing is async.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "Un-mot-de-passe-solide-2026"
BLOCKING_IMPACTS = {"serious", "critical"}


class AxeHandler(SimpleHTTPRequestHandler):
    """axe-core's one file, cacheable: each injection after a context's first
    comes from Chromium's cache, compiled, instead of 650 KB sent over the
    DevTools pipe and compiled again for every page checked."""

    def do_GET(self) -> None:
        if self.path != f"/{AXE.name}":
            self.send_error(404)
            return
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600, immutable")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class Axe:
    url = ""


@pytest.fixture(scope="package")
def axe_server() -> Iterator[str]:
    handler = functools.partial(AxeHandler, directory=str(AXE.parent))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Axe.url = f"http://127.0.0.1:{server.server_address[1]}/{AXE.name}"
    yield Axe.url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="package")
def browser(axe_server: str) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium. "
            "Run `make install` (as root) or `sudo apt-get install -y chromium`."
        )
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (or `make install`).")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # Playwright gives every launch a new, empty --user-data-dir and runs headless.
    # Package scope: the browser (and Playwright's event loop) end with tests/e2e.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server, for plain HTTP on loopback.

    Its middleware is built once, when the server thread starts: the HTTPS
    redirect and HSTS must be off by then (the per-test ``settings`` fixture
    comes too late for them).
    """
    addr = request.config.getvalue("liveserver") or "localhost"
    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0):
        server = LiveServer(addr)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings) -> None:
    """The live server speaks HTTP: cookies must not be HTTPS-only there."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def server_url(live_server, transactional_db) -> str:
    """The live server's URL; its data is committed so the server thread sees it."""
    return live_server.url


def new_context(
    browser: Browser, width: int = 1024, height: int = 800
) -> BrowserContext:
    # bypass_csp only lets Playwright inject axe-core (served from another port); the
    # project's own pages are served with their real CSP header all the same.
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="fr-FR",
        timezone_id="Europe/Paris",
        bypass_csp=True,
    )
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A tab; any uncaught JavaScript error on our pages fails the test."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert errors == [], f"JavaScript errors: {errors}"


class Screenshots:
    """Whether :func:`shot` saves anything: only with ``--screenshots``.

    A full-page screenshot asserts nothing and costs Chromium a layout of the
    whole page and a PNG (a fifth of the browser tests' CPU): ``make test``
    leaves them out, ``make screenshots`` takes them for a human to look at.
    """

    wanted = False


def pytest_configure(config: pytest.Config) -> None:
    Screenshots.wanted = bool(config.getoption("screenshots"))


def shot(page: Page, name: str) -> None:
    """With ``--screenshots``: save a full-page screenshot under
    tests/e2e/artifacts/ (kept after the run)."""
    if not Screenshots.wanted:
        return
    path = ARTIFACTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=True)


def check_axe(page: Page, name: str, exclude: Sequence[str] = ()) -> None:
    """Run axe-core on the page; fail on any serious or critical violation.

    ``exclude``: CSS selectors of third-party markup (Django's admin) left out
    of the check; each caller documents why, element by element.
    """
    page.add_script_tag(url=Axe.url)
    result = page.evaluate(
        """async (exclude) => await axe.run(
            exclude.length ? {include: [['html']], exclude: exclude.map(s => [s])}
                           : document,
            {resultTypes: ['violations']})""",
        list(exclude),
    )
    blocking = [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        lines = [f"axe-core on « {name} » ({page.url}):"]
        for violation in blocking:
            lines.append(
                f"- [{violation['impact']}] {violation['id']}: {violation['help']}"
            )
            for node in violation["nodes"][:5]:
                lines.append(f"    {node['target']} {node['failureSummary']!r}")
        pytest.fail("\n".join(lines))


def check_page(page: Page, name: str) -> None:
    """Screenshot (with ``--screenshots``), then accessibility, for one page."""
    shot(page, name)
    check_axe(page, name)


def letter_photo(path: Path) -> Path:
    """A small but real JPEG, like a phone photo of the letter."""
    image = Image.new("RGB", (480, 640), "white")
    draw = ImageDraw.Draw(image)
    draw.text((30, 30), "Intrum Justitia - Réf. INT-2026-48213", fill="black")
    for line in range(8):
        draw.line((30, 90 + 40 * line, 450, 90 + 40 * line), fill="gray", width=2)
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    path.write_bytes(buffer.getvalue())
    return path


def sign_in(context: BrowserContext, client: Client, url: str) -> None:
    """Give the browser the session of a test client that is already logged in."""
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": url}])


@pytest.fixture
def signed_in(
    server_url: str, context: BrowserContext, debtor_client: Client
) -> Client:
    """The ``debtor`` persona, signed in both in the browser and in a test client."""
    sign_in(context, debtor_client, server_url)
    return debtor_client


def answer_steps(client: Client, steps: list[str]) -> int:
    """Answer wizard steps with realistic data through Django's test client."""
    response = client.post("/dossiers/nouveau/courrier/", post_data("courrier"))
    assert response.status_code == 302, response.content[:2000]
    dossier_id = int(response["Location"].split("/")[2])
    for step in steps:
        response = client.post(
            f"/dossiers/{dossier_id}/modifier/{step}/", post_data(step)
        )
        assert response.status_code == 302, response.content[:2000]
    return dossier_id
