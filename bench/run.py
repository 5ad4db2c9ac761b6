"""`make bench`: ratios against baselines measured side by side in the same run.

Prints one Markdown table per item and writes them to bench/results/latest.md.
Absolute numbers depend on the machine; the ratios are what we compare.
Some items only: ``python -m bench.run --only 1 2`` (printed, the results file
is left as it is).

1. pages vs a bare view (gunicorn, `make serve` settings; wrk as generator)
2. letter PDF: WeasyPrint in-process warm vs headless Chromium, same HTML
3. query counts at 1/10/100/1 000 events and dossiers
4. admin changelist at 1 000 vs 100 000 dossiers, SQLite and PostgreSQL
5. page latency alone vs while 2 clients generate PDFs (before/after isolation)
6. locust: simulated debtors doing the whole journey for 60 s
7. the letter reader on a generated corpus (fields read right, seconds per
   page, upload POST); alone: `python -m bench.reading`
"""

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import client, loads, serve, wrk
from bench.pdf import COMBINED, ONE_PAGE, REPLACED

RESULTS = Path(__file__).resolve().parent / "results" / "latest.md"
sys.path.insert(0, str(serve.ROOT))
PY = str(serve.BIN / "python")


# In-process items: each in its own process and temp database.


def in_process(module: str, var_dir: Path, *args: str, wrap: list[str] = ()) -> Any:
    var_dir.mkdir(parents=True, exist_ok=True)
    out = var_dir / "result.json"
    env = serve.serve_env(var_dir)
    subprocess.run(
        [*wrap, PY, "-m", f"bench.{module}", "--out", str(out), *args],
        cwd=serve.ROOT,
        env=env,
        check=True,
    )
    return json.loads(out.read_text())


COMBINED_BUDGET = 1.5
"""Issue 17: « Réponse complète » renders in at most 1.5 × a one-page letter's time."""


def item_pdf(tmp: Path, iterations: int) -> tuple[list[str], dict[str, bool]]:
    """Item 2; two budgets: against Chromium with a new context per letter (the
    reference's method) and against its one reused page (the stricter one)."""
    data = in_process("pdf", tmp / "pdf", "--iterations", str(iterations))
    lines = [
        f"Warm engines, in {data['rounds']} rounds: in each round WeasyPrint"
        " renders every kind with no Chromium running, then a freshly launched,"
        " warmed-up Chromium prints every kind (PDF tagged, like our PDF/UA-1"
        f" letters), {data['iterations']} times per kind on one reused page and"
        f" {data['isolated_iterations']} times in a new browser context per"
        " letter. A new context per letter is the reference's method"
        " (perf-security.md A4, R3) and what a print service shared by several"
        " people needs; the reused page shares everything between letters and is"
        " the fastest Chromium can print.",
        "",
        "| Letter | pages | WeasyPrint p50 / p95 ms"
        " | Chromium, new context per letter p50 / p95 ms | W/C"
        " | Chromium, one reused page p50 / p95 ms | W/C"
        " | WeasyPrint heap peak / RSS MiB | Chromium RSS peak MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    met = {"isolated": True, "reused": True}
    for slug, w in data["weasyprint"].items():
        c, i = data["chromium"][slug], data["chromium_isolated"][slug]
        ratio, isolated = w["p50"] / c["p50"], w["p50"] / i["p50"]
        if w["pages"] == 1:
            met["reused"] &= ratio < 1
            met["isolated"] &= isolated < 1
        lines.append(
            f"| {slug} | {w['pages']} | {w['p50']:.0f} / {w['p95']:.0f}"
            f" | {i['p50']:.0f} / {i['p95']:.0f} | {isolated:.2f}"
            f" | {c['p50']:.0f} / {c['p95']:.0f} | {ratio:.2f}"
            f" | {w['heap_peak_mib']:.1f} / {w['rss_mib']:.0f}"
            f" | {max(c['rss_peak_mib'], i['rss_peak_mib']):.0f} |"
        )
    word = {True: "met", False: "NOT MET"}
    combined, one_page = data["weasyprint"][COMBINED], data["weasyprint"][ONE_PAGE]
    combined_ratio = combined["p50"] / one_page["p50"]
    combined_met = combined_ratio <= COMBINED_BUDGET
    replaced = {slug: data["weasyprint"][slug]["p50"] for slug in REPLACED}
    each = ", ".join(f"{s} {combined['p50'] / t:.2f}" for s, t in replaced.items())
    lines += [
        "",
        "Budget: a one-page letter renders faster than warm Chromium (ratio < 1)"
        f" → against a new context per letter: {word[met['isolated']]};"
        f" against one reused page: {word[met['reused']]}.",
        "",
        f"Réponse complète ({combined['pages']} pages) / one-page letter"
        f" ({ONE_PAGE}): p50 ratio {combined_ratio:.2f} → budget"
        f" ≤ {COMBINED_BUDGET} ({word[combined_met]}). The combined letter is"
        " rendered for a dossier with every ground: a forclosed consumer credit,"
        " the debt contested, collection fees claimed, R124-4 mentions missing,"
        " harassment signs and two night calls in the timeline. Against each"
        f" letter it stands for: {each}; against the"
        f" {len(replaced)} together: {combined['p50'] / sum(replaced.values()):.2f}.",
    ]
    return lines, {
        "1-page letter faster than warm Chromium (new context per letter)": met[
            "isolated"
        ],
        "1-page letter faster than warm Chromium (one reused page)": met["reused"],
        f"Réponse complète ≤ {COMBINED_BUDGET} × a one-page letter": combined_met,
    }


def item_queries(tmp: Path) -> tuple[list[str], bool]:
    data = in_process("queries", tmp / "queries")
    sizes = list(next(iter(data.values())))
    lines = [
        "| Page | " + " | ".join(f"{s} rows" for s in sizes) + " | constant |",
        "|---|" + "---:|" * (len(sizes) + 1),
    ]
    ok = True
    for name, counts in data.items():
        constant = len(set(counts.values())) == 1
        ok &= constant
        lines.append(
            f"| {name} | "
            + " | ".join(str(counts[s]) for s in sizes)
            + f" | {'yes' if constant else 'NO'} |"
        )
    lines += ["", f"Budget: constant query counts → {'met' if ok else 'NOT MET'}."]
    return lines, ok


def item_changelist(tmp: Path) -> list[str]:
    runs = {"SQLite": in_process("changelist", tmp / "cl-sqlite")}
    pg = serve.ROOT / "scripts" / "with-postgres.sh"
    try:
        runs["PostgreSQL"] = in_process("changelist", tmp / "cl-pg", wrap=[str(pg)])
    except subprocess.CalledProcessError as exc:
        print(f"PostgreSQL part skipped: {exc}", file=sys.stderr)
    lines = [
        "In-process (Django test client), median of 15 GETs of /admin/dossiers/dossier/;"
        " every 10th dossier shared with the volunteer's association.",
        "",
        "| Database | user | 1 000 dossiers p50 ms | 100 000 dossiers p50 ms"
        " | ratio 100k / 1k |",
        "|---|---|---:|---:|---:|",
    ]
    for db, data in runs.items():
        for who in ("superuser", "volunteer"):
            small, big = data["1000"][who], data["100000"][who]
            lines.append(
                f"| {db} | {who} | {small:.1f} | {big:.1f} | {big / small:.1f} |"
            )
    return lines


def item_reading(tmp: Path, letters: int) -> tuple[list[str], dict[str, bool]]:
    """Item 7 in its own process (it sets up Django on its own database)."""
    budgets = tmp / "reading-budgets.json"
    done = subprocess.run(
        [PY, "-m", "bench.reading", "--count", str(letters), "--budgets", str(budgets)],
        cwd=serve.ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines(), json.loads(budgets.read_text())


ITEMS = (1, 2, 3, 4, 5, 6, 7)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--pdf-iterations", type=int, default=30)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--letters", type=int, default=60, help="item 7's corpus size")
    parser.add_argument(
        "--only",
        type=int,
        nargs="+",
        choices=ITEMS,
        metavar="ITEM",
        help="run only these items (e.g. --only 1 2); the report is printed,"
        f" {RESULTS.name} is written by a whole run only",
    )
    args = parser.parse_args()
    only = set(args.only or ITEMS)
    began = time.monotonic()
    generator = "wrk" if wrk.ensure() else "Python client (threads)"
    budgets: dict[str, bool] = {}
    sections: dict[int, list[str]] = {}
    pages: dict[str, tuple[list[client.Result], list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="intrum-bench-") as name:
        tmp = Path(name)
        if 3 in only:
            print("item 3: query counts…", flush=True)
            queries, budgets["constant query counts"] = item_queries(tmp)
            sections[3] = ["## 3. Query counts", "", *queries]
        if 2 in only:
            print("item 2: PDF engines…", flush=True)
            pdf, pdf_budgets = item_pdf(tmp, args.pdf_iterations)
            budgets.update(pdf_budgets)
            sections[2] = [
                "## 2. Letter PDF: WeasyPrint (in-process, warm) vs headless Chromium",
                "",
                *pdf,
            ]
        if 4 in only:
            print("item 4: changelist 1k vs 100k…", flush=True)
            sections[4] = [
                "## 4. Admin changelist, 1 000 vs 100 000 dossiers",
                "",
                *item_changelist(tmp),
            ]
        if only & {1, 5, 6}:
            env = loads.prepare(tmp / "web", debtors=max(args.clients + 2, args.users))
        if 1 in only:
            print("item 1: pages…", flush=True)
            page_ratios: dict[str, list[float]] = {}
            with serve.gunicorn(env, log=tmp / "gunicorn-pages.log") as base:
                pages = loads.scenario_pages(
                    base, args.clients, args.seconds, page_ratios
                )
            wizard = {p: statistics.median(ratios) for p, (_, ratios) in pages.items()}
            for pattern, ratio in wizard.items():
                budgets[f"wizard step ≥ 0.15 × bare view ({pattern})"] = ratio >= 0.15
            page = statistics.median(page_ratios["one connection per request"])
            budgets[
                f"dossier page ≥ {loads.PAGE_BUDGET:.2f} × bare view"
                " (one connection per request)"
            ] = page >= loads.PAGE_BUDGET
            sections[1] = [
                f"## 1. Pages vs a bare Django view ({args.clients} users,"
                f" {args.seconds:.0f} s each, {loads.ROUNDS} interleaved rounds; median"
                " round shown, errors summed)",
                "",
                *loads.page_tables(pages, wizard, page_ratios),
            ]
        if 5 in only:
            print("item 5: pages while PDFs render…", flush=True)
            isolation, degradation = loads.item_isolation(
                env, tmp, args.clients, args.seconds
            )
            budgets["pages not starved by PDFs (≤ ~2×)"] = degradation["after"] <= 2.2
            sections[5] = ["## 5. Page latency while PDFs are rendered", "", *isolation]
        if 6 in only:
            print("item 6: locust…", flush=True)
            locust, budgets["zero errors under load"] = loads.item_locust(
                env, tmp, args.users, args.load_seconds
            )
            sections[6] = ["## 6. Load: simulated debtors, whole journey", "", *locust]
        if 7 in only:
            print("item 7: reading letters…", flush=True)
            reading, reading_budgets = item_reading(tmp, args.letters)
            budgets.update(reading_budgets)
            sections[7] = [
                f"## 7. Reading letters: {args.letters} generated letters, as"
                " born-digital PDFs and as phone-like photos"
                " (`python -m bench.reading`)",
                "",
                *reading,
            ]
    cores = os.cpu_count()
    report = [
        f"# Benchmarks — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"{cores} cores; gunicorn `make serve` settings ({serve.SERVE}), DEBUG off,"
        f" SQLite WAL; load generator: {generator}; everything on loopback;"
        f" load average at the end {os.getloadavg()[0]:.1f};"
        f" whole run {time.monotonic() - began:.0f} s.",
        "",
    ]
    for number in sorted(sections):
        report += sections[number]
        if report[-1]:
            report.append("")
    report += [
        "## Budgets",
        "",
        *(f"- {name}: {'met' if ok else 'NOT MET'}" for name, ok in budgets.items()),
        "",
    ]
    text = "\n".join(report)
    print(text)
    if only == set(ITEMS):
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text + "\n", encoding="utf-8")
    if any(r.errors for results, _ in pages.values() for r in results):
        sys.exit("errors during the benchmark")


if __name__ == "__main__":
    main()
