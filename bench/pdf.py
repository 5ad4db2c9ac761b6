"""Item 2: letter PDF, WeasyPrint in-process warm vs headless Chromium, same HTML.

WeasyPrint: ``letters.rendering`` in this process (shared FontConfiguration),
peak memory = tracemalloc peak of one render (Python heap) and the process RSS.
Chromium: Playwright driving /usr/bin/chromium, warm (launched and warmed up
before timing), ``page.set_content(html)`` + ``page.pdf(format="A4",
tagged=True)`` (a tagged PDF, as our PDF/UA-1 letters are); the letter's
stylesheet and fonts are served from disk by a route on the letter's own base
URL; memory = RSS of the Chromium processes read from /proc. Two ways:

* **a new browser context per letter**, the method of the performance
  reference (perf-security.md, A4, R3: "Playwright with one browser and a new
  context per render"), and what a print service shared by several people
  needs so that one person's letter never shares a page, a cache or storage
  with another's. The timer stops when ``page.pdf()`` returns; closing the
  context comes after (a service could answer first);
* **one page reused for every letter** (no isolation at all): the fastest
  Chromium can print, reported as the stricter comparison.

The engines take turns in rounds (see :func:`measure`), never running side by
side: render-by-render alternation was tried and rejected, because Chromium
keeps working in its own processes after ``page.pdf()`` returns (and an idle
browser still wakes up), and that work landed on WeasyPrint's renders.
"""

import argparse
import datetime as dt
import functools
import io
import os
import statistics
import time
import tracemalloc
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


COMBINED = "reponse"
"""« Réponse complète »: every ground of the dossier in one letter (issue 17)."""
ONE_PAGE = "contestation"
"""The one-page letter the combined letter is timed against: the one it grows
from (its opening ground when the debt is not barred: the debt contested and
its proofs asked), a full page on the bench's dossier."""
REPLACED = ("prescription", "contestation", "frais", "harcelement")
"""The single-ground letters « Réponse complète » stands for on the bench's
dossier: the report gives its ratio against each, and against the four."""


def options(today: Any) -> dict[str, dict[str, Any]]:
    """What she would enter on the letter page of the kinds that ask for more
    than the dossier holds (the court, the mediator, the sum offered…)."""
    ago = lambda days: (today - dt.timedelta(days=days)).isoformat()  # noqa: E731
    return {
        "echeancier": {"monthly": "50"},
        "opposition": {
            "court": "Tribunal judiciaire de Lyon",
            "court_address": "67 rue Servient\n69003 Lyon",
            "applicant": "Cetelem",
            "order_date": ago(30),
            "order_number": "RG 26/01234",
            "signification_date": ago(5),
        },
        "mediateur": {
            "mediator_name": "Médiateur de l'ASF",
            "mediator_address": "75854 Paris Cedex 17",
            "complaint_date": ago(45),
            "requests": ["cancel_fees", "stop_collection"],
        },
        "plainte": {
            "tribunal": "Tribunal judiciaire de Lyon",
            "tribunal_address": "67 rue Servient\n69003 Lyon",
        },
        "reglement": {"amount": "600"},
        "delais": {"reason": "illness", "months": 4, "monthly": "20"},
    }


def letters_html() -> dict[str, tuple[str, int]]:
    """kind → (HTML, pages) for the seeded debtor's dossier."""
    from django.utils import timezone  # noqa: PLC0415
    from pypdf import PdfReader  # noqa: PLC0415

    from dossiers.assessment import assess_dossier  # noqa: PLC0415
    from letters import compose, rendering  # noqa: PLC0415
    from letters.catalog import LETTERS  # noqa: PLC0415

    _, dossier = _debtor()
    today = timezone.localdate()
    assessment = assess_dossier(dossier, today=today)
    extra = options(today)
    out = {}
    for slug, spec in LETTERS.items():
        letter = compose.letter_input(
            dossier=dossier,
            assessment=assessment,
            today=today,
            options=extra.get(slug, {}),
        )
        _, html = compose.build(spec, letter)
        pdf = rendering.render_pdf(html, meta=_meta(spec.title))
        out[slug] = (html, len(PdfReader(io.BytesIO(pdf)).pages))
    return out


def _debtor() -> Any:
    """Sophie's dossier, with every ground of « Réponse complète »: a forclosed
    consumer credit (a contested debt), collection fees claimed, two R124-4
    mentions missing, harassment signs and her two night calls in the timeline
    (``demo.seed_timeline``), and her name and address as the sender."""
    from accounts.models import User  # noqa: PLC0415
    from dossiers import demo  # noqa: PLC0415
    from dossiers.models import Dossier  # noqa: PLC0415

    user, _ = User.objects.get_or_create(
        email="pdf@bench.invalid",
        defaults={
            "first_name": "Sophie",
            "last_name": "Martin",
            "address": "12 rue des Lilas",
            "postal_code": "69003",
            "city": "Lyon",
        },
    )
    dossier = Dossier.objects.filter(owner=user).first()
    if dossier is None:
        dossier = Dossier.objects.create(owner=user)
        demo.fill(dossier, demo.SOPHIE_ANSWERS)
    demo.seed_timeline(dossier)  # idempotent
    dossier.refresh_from_db()
    return user, dossier


def _meta(title: str) -> Any:
    from letters import rendering  # noqa: PLC0415

    return rendering.PdfMeta(title=title, author="Bench")


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "p50": statistics.median(ordered) * 1000,
        "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000,
    }


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _chromium_rss_mib() -> float:
    total = 0
    for pid in _descendants(os.getpid()):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"chrom" in cmd:
            total += _rss_kib(pid)
    return total / 1024


ROUNDS = 3
WARM_UP = 3


def _rounds(iterations: int) -> list[int]:
    """``iterations`` timed renders per letter and engine, split in ``ROUNDS``."""
    size, extra = divmod(iterations, ROUNDS)
    return [size + (i < extra) for i in range(ROUNDS) if size + (i < extra)]


class WeasyPrint:
    """Letters rendered in this process, as ``letters.rendering`` does for a request."""

    def __init__(self) -> None:
        from letters import rendering  # noqa: PLC0415

        self.rendering = rendering

    def render(self, html: str, title: str) -> None:
        self.rendering.render_pdf(html, meta=_meta(title))

    def memory(self, html: str, title: str) -> dict[str, float]:
        """Python heap peak of one render and the process RSS afterwards."""
        tracemalloc.start()
        self.render(html, title)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {
            "heap_peak_mib": peak / 2**20,
            "rss_mib": _rss_kib(os.getpid()) / 1024,
        }


class Chromium:
    """A warm headless Chromium printing the same HTML (Playwright)."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415

        from letters import rendering  # noqa: PLC0415

        static = {
            url: rendering.read_static(name)
            for url, name in rendering.allowed_files().items()
        }

        def serve(route: Any) -> None:
            url = route.request.url.split("#", 1)[0]
            if url in static:
                name = rendering.allowed_files()[url]
                route.fulfill(
                    body=static[url],
                    headers={"Content-Type": rendering._content_type(name)},
                )
            elif url == rendering.BASE_URL:
                route.fulfill(
                    body="<!DOCTYPE html><title>.</title>", content_type="text/html"
                )
            else:
                route.abort()

        self._serve = serve
        self._base_url = rendering.BASE_URL
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        self.page = self._open(self.browser)

    def _open(self, opener: Any) -> Any:
        page = opener.new_page()
        page.route("**/*", self._serve)
        page.goto(self._base_url)  # the letter's base URL, as WeasyPrint's
        return page

    @staticmethod
    def _print(page: Any, html: str) -> None:
        page.set_content(html)
        # tagged: an accessible PDF, like our PDF/UA-1 letters (same output).
        page.pdf(format="A4", tagged=True)

    def render(self, html: str) -> None:
        """Print on the one reused page (no isolation between letters)."""
        self._print(self.page, html)

    def render_isolated(self, html: str) -> float:
        """Print in a new browser context; seconds until the PDF is there."""
        start = time.perf_counter()
        context = self.browser.new_context()
        try:
            self._print(self._open(context), html)
            return time.perf_counter() - start
        finally:
            context.close()

    def close(self) -> None:
        self.browser.close()
        self._pw.stop()


def _timed(render: Any, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        render()
        times.append(time.perf_counter() - start)
    return times


def measure(iterations: int = 30, isolated: int | None = None) -> dict[str, Any]:
    """``ROUNDS`` rounds; in each, WeasyPrint renders every letter with
    Chromium not running, then a freshly launched Chromium (warmed up) prints
    every letter, on its reused page and then in a new context per letter.
    Neither engine runs while the other is timed, and a slow spell of the VM
    falls on both engines' rounds rather than on one engine.

    ``isolated`` renders per kind in new contexts (default: a third of
    ``iterations``; each takes about 0.4 s)."""
    from letters.catalog import LETTERS  # noqa: PLC0415

    html = letters_html()
    weasy = WeasyPrint()
    w_times: dict[str, list[float]] = {slug: [] for slug in html}
    c_times: dict[str, list[float]] = {slug: [] for slug in html}
    i_times: dict[str, list[float]] = {slug: [] for slug in html}
    c_peak = dict.fromkeys(html, 0.0)
    i_peak = dict.fromkeys(html, 0.0)
    isolated_rounds = _rounds(max(1, iterations // 3 if isolated is None else isolated))
    for index, count in enumerate(_rounds(iterations)):
        for slug, (letter, _) in html.items():
            title = LETTERS[slug].title
            for _ in range(WARM_UP):
                weasy.render(letter, title)
            w_times[slug] += _timed(
                functools.partial(weasy.render, letter, title), count
            )
        chrome = Chromium()
        try:
            for slug, (letter, _) in html.items():
                for _ in range(WARM_UP):
                    chrome.render(letter)
                c_times[slug] += _timed(functools.partial(chrome.render, letter), count)
                c_peak[slug] = max(c_peak[slug], _chromium_rss_mib())
            if index < len(isolated_rounds):
                for slug, (letter, _) in html.items():
                    chrome.render_isolated(letter)  # warm-up
                    i_times[slug] += [
                        chrome.render_isolated(letter)
                        for _ in range(isolated_rounds[index])
                    ]
                    i_peak[slug] = max(i_peak[slug], _chromium_rss_mib())
        finally:
            chrome.close()
    results: dict[str, Any] = {
        "weasyprint": {},
        "chromium": {},
        "chromium_isolated": {},
    }
    for slug, (letter, pages) in html.items():
        results["weasyprint"][slug] = {
            **_stats(w_times[slug]),
            **weasy.memory(letter, LETTERS[slug].title),
            "pages": pages,
        }
        results["chromium"][slug] = {
            **_stats(c_times[slug]),
            "rss_peak_mib": c_peak[slug],
        }
        results["chromium_isolated"][slug] = {
            **_stats(i_times[slug]),
            "rss_peak_mib": i_peak[slug],
        }
    return {
        **results,
        "iterations": iterations,
        "isolated_iterations": sum(isolated_rounds),
        "rounds": ROUNDS,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--iterations", type=int, default=30)
    args = parser.parse_args()
    from bench import djsetup  # noqa: PLC0415

    djsetup.setup()
    djsetup.write(args.out, measure(args.iterations))


if __name__ == "__main__":
    main()
