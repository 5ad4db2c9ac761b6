"""Item 2: letter PDF, WeasyPrint in-process warm vs headless Chromium, same HTML.

WeasyPrint: ``letters.rendering`` in this process (shared FontConfiguration),
peak memory = tracemalloc peak of one render (Python heap) and the RSS growth.
Chromium: Playwright driving /usr/bin/chromium, one warm page,
``page.set_content(html)`` + ``page.pdf(format="A4")``; the letter's
stylesheet and fonts are served from disk by a route on the letter's own base
URL; memory = RSS of the Chromium processes read from /proc.
"""

import argparse
import io
import os
import resource
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


def weasyprint(html: str, title: str, iterations: int) -> dict[str, float]:
    from letters import rendering  # noqa: PLC0415

    meta = _meta(title)
    for _ in range(3):
        rendering.render_pdf(html, meta=meta)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        rendering.render_pdf(html, meta=meta)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    rendering.render_pdf(html, meta=meta)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    return {
        **_stats(times),
        "heap_peak_mib": peak / 2**20,
        "rss_growth_mib": grown / 1024,
        "rss_mib": _rss_kib(os.getpid()) / 1024,
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


def chromium(pages: dict[str, str], iterations: int) -> dict[str, dict[str, float]]:
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

    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.route("**/*", serve)
        page.goto(rendering.BASE_URL)  # the letter's base URL, as WeasyPrint uses
        for slug, html in pages.items():
            for _ in range(3):
                page.set_content(html)
                page.pdf(format="A4")
            times, peak = [], 0.0
            for _ in range(iterations):
                start = time.perf_counter()
                page.set_content(html)
                page.pdf(format="A4")
                times.append(time.perf_counter() - start)
                peak = max(peak, _chromium_rss_mib())
            results[slug] = {**_stats(times), "rss_peak_mib": peak}
        browser.close()
    return results


def measure(iterations: int = 30) -> dict[str, Any]:
    from letters.catalog import LETTERS  # noqa: PLC0415

    html = letters_html()
    weasy = {
        slug: {**weasyprint(h, LETTERS[slug].title, iterations), "pages": pages}
        for slug, (h, pages) in html.items()
    }
    chrome = chromium({slug: h for slug, (h, _) in html.items()}, iterations)
    return {"weasyprint": weasy, "chromium": chrome, "iterations": iterations}


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
