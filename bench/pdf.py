"""Item 2: letter PDF, WeasyPrint in-process warm vs headless Chromium, same HTML.

WeasyPrint: ``letters.rendering`` in this process (shared FontConfiguration),
peak memory = tracemalloc peak of one render (Python heap) and the process RSS.
Chromium: Playwright driving /usr/bin/chromium, one warm page,
``page.set_content(html)`` + ``page.pdf(format="A4", tagged=True)`` (a tagged
PDF, as our PDF/UA-1 letters are); the letter's stylesheet and fonts are served
from disk by a route on the letter's own base URL; memory = RSS of the Chromium
processes read from /proc.

The two engines alternate render by render (W, C, W, C…): on a shared 2-core
VM, a burst of noise then slows both rather than one.
"""

import argparse
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
    out = {}
    for slug, spec in LETTERS.items():
        options = {"monthly": "50"} if spec.has_plan else {}
        letter = compose.letter_input(
            dossier=dossier, assessment=assessment, today=today, options=options
        )
        _, html = compose.build(spec, letter)
        pdf = rendering.render_pdf(html, meta=_meta(spec.title))
        out[slug] = (html, len(PdfReader(io.BytesIO(pdf)).pages))
    return out


def _debtor() -> Any:
    from accounts.models import User  # noqa: PLC0415
    from dossiers import demo  # noqa: PLC0415
    from dossiers.models import Dossier  # noqa: PLC0415

    user, _ = User.objects.get_or_create(email="pdf@bench.invalid")
    dossier = Dossier.objects.filter(owner=user).first()
    if dossier is None:
        dossier = Dossier.objects.create(owner=user)
        demo.fill(dossier, demo.SOPHIE_ANSWERS)
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
    """One warm headless Chromium page printing the same HTML (Playwright)."""

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

        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        self.page = self.browser.new_page()
        self.page.route("**/*", serve)
        self.page.goto(rendering.BASE_URL)  # the letter's base URL, as WeasyPrint's

    def render(self, html: str) -> None:
        self.page.set_content(html)
        # tagged: an accessible PDF, like our PDF/UA-1 letters (same output).
        self.page.pdf(format="A4", tagged=True)

    def close(self) -> None:
        self.browser.close()
        self._pw.stop()


def measure(iterations: int = 30) -> dict[str, Any]:
    """Both engines render each letter in turn (W, C, W, C, …), so that
    whatever else the machine does in the meantime falls on both alike."""
    from letters.catalog import LETTERS  # noqa: PLC0415

    html = letters_html()
    weasy, chrome = WeasyPrint(), Chromium()
    results: dict[str, Any] = {"weasyprint": {}, "chromium": {}}
    try:
        for slug, (letter, pages) in html.items():
            title = LETTERS[slug].title
            for _ in range(3):  # warm-up
                weasy.render(letter, title)
                chrome.render(letter)
            w_times, c_times, c_peak = [], [], 0.0
            for _ in range(iterations):
                start = time.perf_counter()
                weasy.render(letter, title)
                w_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                chrome.render(letter)
                c_times.append(time.perf_counter() - start)
                c_peak = max(c_peak, _chromium_rss_mib())
            results["weasyprint"][slug] = {
                **_stats(w_times),
                **weasy.memory(letter, title),
                "pages": pages,
            }
            results["chromium"][slug] = {**_stats(c_times), "rss_peak_mib": c_peak}
    finally:
        chrome.close()
    return {**results, "iterations": iterations}


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
