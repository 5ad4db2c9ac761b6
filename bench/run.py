"""`make bench`: ratios against baselines measured side by side in the same run.

Prints a Markdown table and writes it to bench/results/latest.md. Absolute
numbers depend on the machine; the ratios are what we compare.
"""

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from bench import client, serve
from bench.serve import PASSWORD

RESULTS = Path(__file__).resolve().parent / "results" / "latest.md"
sys.path.insert(0, str(serve.ROOT))


def prepare(var_dir: Path, debtors: int) -> dict[str, str]:
    env = serve.serve_env(var_dir)
    serve.manage(env, "migrate", "--noinput", "-v0")
    serve.manage(env, "collectstatic", "--noinput", "-v0")
    serve.manage(env, "shell", "-c", f"import bench.seed; bench.seed.run({debtors})")
    return env


def logged_in(base: str, index: int) -> client.Session:
    session = client.Session(base)
    session.login(f"bench{index}@example.org", PASSWORD)
    return session


def dossier_path(session: client.Session) -> str:
    _, page = session.request("/dossiers/")
    start = page.index('<h2><a href="/dossiers/') + len('<h2><a href="')
    return page[start : page.index('"', start)]


MONTANTS = {
    "questionnaire-current_step": "montants",
    "montants-total_claimed": "2 486,90",
    "montants-is_consumer": "yes",
    "montants-lines-TOTAL_FORMS": "2",
    "montants-lines-INITIAL_FORMS": "0",
    "montants-lines-0-label": "Capital",
    "montants-lines-0-kind": "principal",
    "montants-lines-0-amount": "2 140,00",
    "montants-lines-1-label": "Frais de recouvrement",
    "montants-lines-1-kind": "fees",
    "montants-lines-1-amount": "346,90",
}


def bare_worker(base: str):
    session = client.Session(base)
    return lambda: session.request("/healthz")[0] == 200


def page_worker(base: str, index: int):
    session = logged_in(base, index)
    path = dossier_path(session)
    return lambda: session.request(path)[0] == 200


def wizard_worker(base: str, index: int):
    session = logged_in(base, index)
    url = dossier_path(session) + "modifier/montants/"
    token = session.csrf(url)
    data = {**MONTANTS, "csrfmiddlewaretoken": token}
    return lambda: session.request(url, data)[0] == 302


def scenario_pages(base: str, clients: int, seconds: float) -> list[client.Result]:
    return [
        client.run_load(
            "bare view (/healthz)",
            lambda i: bare_worker(base),
            clients=clients,
            seconds=seconds,
        ),
        client.run_load(
            "dossier page GET",
            lambda i: page_worker(base, i),
            clients=clients,
            seconds=seconds,
        ),
        client.run_load(
            "wizard step POST",
            lambda i: wizard_worker(base, i),
            clients=clients,
            seconds=seconds,
        ),
    ]


def table(results: list[client.Result]) -> list[str]:
    baseline = results[0]
    lines = [
        "| Measure | req/s | p50 ms | p95 ms | errors | throughput ratio vs bare |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ratio = (
            r.throughput / baseline.throughput if baseline.throughput else float("nan")
        )
        lines.append(
            f"| {r.name} | {r.throughput:.0f} | {r.p50:.1f} | {r.p95:.1f}"
            f" | {r.errors} | {ratio:.2f} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="intrum-bench-") as tmp:
        env = prepare(Path(tmp), debtors=args.clients)
        with serve.gunicorn(env) as base:
            pages = scenario_pages(base, args.clients, args.seconds)
    wizard = pages[2].throughput / pages[0].throughput
    report = [
        f"# Benchmarks — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"gunicorn 2 sync workers, DEBUG off, SQLite WAL; {args.clients} closed-loop clients,"
        f" {args.seconds:.0f} s per measure, all on loopback.",
        "",
        "## 1. Pages vs a bare Django view (same server)",
        "",
        *table(pages),
        "",
        f"Budget: wizard step ≥ 0.15 × bare view → {wizard:.2f} "
        f"({'met' if wizard >= 0.15 else 'NOT MET'}).",
        "",
    ]
    text = "\n".join(report)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    if any(r.errors for r in pages):
        sys.exit("errors during the benchmark")


if __name__ == "__main__":
    main()
