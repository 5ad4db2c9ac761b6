"""Bench item 7: the letter reader on the generated corpus.

Share of fields read right (born-digital PDFs and photos separately), seconds
per page (median, p95) on this machine, and the time of the intake's upload
POST (the reading itself is queued). Runs alone: ``python -m bench.reading``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

FIELDS = (
    "agency",
    "agency_address",
    "reference",
    "letter_date",
    "creditor",
    "creditor_address",
    "agency_role",
    "letter_kind",
    "total",
    "lines",
    "fees_article_reproduced",
)
TARGETS = {"pdf": 0.98, "photo": 0.85}
PAGE_BUDGET = 5.0
POST_BUDGET = 0.300


def _norm(value: Any) -> Any:
    from reading.extraction import fold

    if isinstance(value, str):
        return "".join(c for c in fold(value) if c.isalnum())
    if isinstance(value, list):
        return [(_norm(item["label"]), item["amount"]) for item in value]
    return value


def score(expected: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    """Field by field: read right (the same value, or both empty)."""
    return {name: _norm(expected[name]) == _norm(got[name]) for name in FIELDS}


def read_corpus(samples: list[Any], kind: str) -> list[dict[str, Any]]:
    from reading.one_file import read_files

    rows = []
    for sample in samples:
        paths = [sample.pdf] if kind == "pdf" else list(sample.photos)
        reading = read_files(paths)
        got = reading.as_json()
        rows.append(
            {
                "ident": sample.ident,
                "kind": kind,
                "fields": score(sample.expected, got),
                "per_page": reading.seconds / max(reading.pages, 1),
                "got": got,
                "expected": sample.expected,
            }
        )
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    right = sum(sum(row["fields"].values()) for row in rows)
    total = sum(len(row["fields"]) for row in rows)
    pages = sorted(row["per_page"] for row in rows)
    misses = Counter(
        name for row in rows for name, ok in row["fields"].items() if not ok
    )
    return {
        "letters": len(rows),
        "share": right / max(total, 1),
        "median": statistics.median(pages) if pages else 0.0,
        "p95": pages[min(len(pages) - 1, int(0.95 * len(pages)))] if pages else 0.0,
        "misses": dict(misses.most_common()),
    }


def upload_post_times(photo: Path, repeat: int = 15) -> list[float]:
    """Seconds of the intake POST (files checked, dossier created, stored,
    job queued in the database backend) through Django's test client."""
    from django.test import Client
    from django.test.utils import setup_test_environment

    from accounts.models import User

    setup_test_environment()
    user = User.objects.create_user(
        email=f"bench-reader-{time.time_ns()}@example.org", password="x"
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    times = []
    for _ in range(repeat + 2):
        with photo.open("rb") as handle:
            started = time.perf_counter()
            response = client.post("/dossiers/nouveau/", {"scans": [handle]})
            times.append(time.perf_counter() - started)
        assert response.status_code == 302, response.status_code
    return times[2:]  # the first two warm the process up


def table(pdf: dict[str, Any], photos: dict[str, Any], post: list[float]) -> str:
    p50 = statistics.median(post) if post else 0.0
    p95 = sorted(post)[int(0.95 * (len(post) - 1))] if post else 0.0
    pdf_ok, photo_ok = (
        pdf["share"] >= TARGETS["pdf"],
        photos["share"] >= TARGETS["photo"],
    )
    fields = len(FIELDS)
    rows = [
        ("Measure", "Result", "Target"),
        ("---", "---", "---"),
        (
            f"fields read right, born-digital PDFs ({pdf['letters']} letters × {fields})",
            f"**{pdf['share']:.1%}**",
            f"≥ {TARGETS['pdf']:.0%}: {_met(pdf_ok)}",
        ),
        (
            f"fields read right, photos ({photos['letters']} letters × {fields})",
            f"**{photos['share']:.1%}**",
            f"≥ {TARGETS['photo']:.0%}: {_met(photo_ok)}",
        ),
        (
            "seconds per photographed page, median / p95",
            f"**{photos['median']:.2f}** / {photos['p95']:.2f}",
            f"median ≤ {PAGE_BUDGET:.0f} s: {_met(photos['median'] <= PAGE_BUDGET)}",
        ),
        (
            "seconds per PDF page (text layer), median / p95",
            f"{pdf['median']:.3f} / {pdf['p95']:.3f}",
            "reported",
        ),
        (
            "upload POST (intake, 1 photo), median / p95",
            f"**{p50 * 1000:.0f} ms** / {p95 * 1000:.0f} ms",
            f"< {POST_BUDGET * 1000:.0f} ms: {_met(p50 < POST_BUDGET)}",
        ),
    ]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines += [
        "",
        f"Fields missed on PDFs: {pdf['misses'] or 'none'}; "
        f"on photos: {photos['misses'] or 'none'}.",
    ]
    return "\n".join(lines)


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def run(
    count: int = 60, seed: int | None = None, photos: int | None = None
) -> tuple[str, dict[str, bool]]:
    """Build the corpus, read it, time the upload POST; the Markdown table."""
    import django

    from bench import corpus

    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intrum_assistant.settings")
        os.environ["VAR_DIR"] = str(Path(tmp) / "var")
        (Path(tmp) / "var").mkdir()
        os.environ.setdefault("DJANGO_DEBUG", "1")
        django.setup()
        from django.core.management import call_command

        call_command("migrate", "--noinput", verbosity=0)
        samples = corpus.build(
            Path(tmp) / "corpus", seed=seed or corpus.SEED, count=count
        )
        pdf_rows = read_corpus(samples, "pdf")
        photo_rows = read_corpus(samples[: photos or count], "photo")
        post = upload_post_times(samples[0].photos[0])
        misses = [
            row for row in pdf_rows + photo_rows if not all(row["fields"].values())
        ]
        Path(tmp, "misses.json").write_text(
            json.dumps(misses, ensure_ascii=False, indent=1)
        )
        detail = Path(
            os.environ.get("READER_BENCH_MISSES", "/tmp/reader-bench-misses.json")
        )
        detail.write_text(json.dumps(misses, ensure_ascii=False, indent=1, default=str))
        pdf, photo = summary(pdf_rows), summary(photo_rows)
        budgets = {
            f"reader: ≥ {TARGETS['pdf']:.0%} of fields on PDFs": pdf["share"]
            >= TARGETS["pdf"],
            f"reader: ≥ {TARGETS['photo']:.0%} of fields on photos": photo["share"]
            >= TARGETS["photo"],
            f"reader: median ≤ {PAGE_BUDGET:.0f} s per photographed page": photo[
                "median"
            ]
            <= PAGE_BUDGET,
            "reader: upload POST < 300 ms": statistics.median(post) < POST_BUDGET,
        }
        return table(pdf, photo, post), budgets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument(
        "--photos", type=int, default=None, help="photos to read (default: all)"
    )
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--budgets", type=Path, help="write the budgets met as JSON here"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    text, budgets = run(args.count, args.seed, args.photos)
    print(text)
    if args.budgets:
        args.budgets.write_text(json.dumps(budgets, ensure_ascii=False))


if __name__ == "__main__":
    main()
