"""Smoke test of the `make bench` harness: the cheap in-process parts on tiny
sizes, so that it cannot rot. No timing assertions here (see bench/)."""

from pathlib import Path

import pytest

from bench import changelist, client, loads, pdf, queries, run, wrk
from letters.catalog import LETTERS

BENCH = Path(run.__file__).resolve().parent


@pytest.fixture(autouse=True)
def _bench_host(settings) -> None:
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_rows() -> None:
    counts = queries.measure((1, 10))
    assert set(counts) == {
        "dossier page rendered (events + uploads + letter versions)",
        "dossier page, its parts cached",
        "admin changelist, superuser (dossiers)",
        "admin changelist, volunteer (shared dossiers)",
    }
    for name, by_size in counts.items():
        assert by_size[1] == by_size[10], name
    rendered, cached = (
        counts["dossier page rendered (events + uploads + letter versions)"][10],
        counts["dossier page, its parts cached"][10],
    )
    assert cached < rendered  # the timeline, files and letters are not read


@pytest.mark.django_db
def test_changelist_measure_runs_for_both_users() -> None:
    data = changelist.measure((3, 6), repeat=1)
    assert set(data["6"]) == {"superuser", "volunteer"}


@pytest.mark.django_db
def test_every_letter_kind_feeds_the_pdf_comparison() -> None:
    """The letters the comparison renders: every kind, as HTML and a PDF that
    reads back. The timed Chromium-vs-WeasyPrint runs are ``make bench``'s
    (item 2), not the unit suite's."""
    html = pdf.letters_html()
    assert set(html) == set(LETTERS)
    for slug, (letter, pages) in html.items():
        assert "<html" in letter, slug
        assert pages >= 1, slug


@pytest.mark.django_db
def test_the_combined_letter_carries_every_ground() -> None:
    """Issue 17 times « Réponse complète » at its full length: the bench's
    dossier gives it every ground, the timeline's night calls included."""
    html, _ = pdf.letters_html()[pdf.COMBINED]
    for heading in (
        "Sur la forclusion",
        "À titre subsidiaire",
        "Sur la créance elle-même",
        "Sur les frais",
        "Sur vos méthodes de recouvrement",
        "21 h 40",
        "22 h 15",
        "R124-4",
    ):
        assert heading in html, heading


MULTI_PAGE = {"echeancier": 3, "reponse": 2}


def test_pdf_table_judges_both_chromium_ways(monkeypatch, tmp_path) -> None:
    """One budget per Chromium way; only one-page letters count. A third
    budget: « Réponse complète » against the one-page contestation letter,
    with its ratio against each letter it stands for as information."""

    def engine(one_page: float, plan: float) -> dict:
        return {
            slug: {"p50": plan if slug in MULTI_PAGE else one_page, "p95": 1.0}
            | {"rss_peak_mib": 900.0}
            for slug in LETTERS
        }

    weasy = {
        slug: {
            "p50": 40.0,
            "p95": 50.0,
            "pages": MULTI_PAGE.get(slug, 1),
            "heap_peak_mib": 1.5,
            "rss_mib": 160.0,
        }
        for slug in LETTERS
    }
    weasy["reponse"]["p50"] = 58.0
    weasy["prescription"]["p50"] = 29.0
    data = {
        "weasyprint": weasy,
        "chromium": engine(45.0, 60.0),
        "chromium_isolated": engine(360.0, 400.0),
        "iterations": 3,
        "isolated_iterations": 1,
        "rounds": 3,
    }
    monkeypatch.setattr(run, "in_process", lambda *args: data)
    lines, budgets = run.item_pdf(tmp_path, 3)
    text = "\n".join(lines)
    assert all(budgets.values())
    assert len(budgets) == 3
    assert "| quittance | 1 | 40 / 50 | 360 / 1 | 0.11 | 45 / 1 | 0.89 |" in text
    assert (
        "Réponse complète (2 pages) / one-page letter (contestation):"
        " p50 ratio 1.45 → budget ≤ 1.5 (met)."
    ) in text
    assert (
        "Against each letter it stands for: prescription 2.00, contestation 1.45,"
        " frais 1.45, harcelement 1.45; against the 4 together: 0.39."
    ) in text
    data["chromium"] = engine(39.0, 60.0)  # WeasyPrint at 40 ms: slower
    weasy["reponse"]["p50"] = 61.0  # 1.52 × the contestation letter
    lines, budgets = run.item_pdf(tmp_path, 3)
    assert budgets == {
        "1-page letter faster than warm Chromium (new context per letter)": True,
        "1-page letter faster than warm Chromium (one reused page)": False,
        "Réponse complète ≤ 1.5 × a one-page letter": False,
    }
    assert "p50 ratio 1.52 → budget ≤ 1.5 (NOT MET)" in "\n".join(lines)


def test_wrk_script_and_tables_render() -> None:
    script = wrk.LUA % {"users": "{}", "expect": 200, "close": "true"}
    result = client.Result.summary("x", count=10, seconds=2, p50=1, p95=2, errors=0)
    lines = loads.table([result, result])
    assert "WRKJSON" in script
    assert 'headers["Connection"] = "close"' in script
    assert lines[-1].endswith("| 1.00 |")
    pages = {p: ([result] * 3, [0.1, 0.2, 0.3]) for p in loads.CONNECTIONS}
    text = "\n".join(loads.page_tables(pages, dict.fromkeys(loads.CONNECTIONS, 0.2)))
    assert text.count("median 0.20 (met)") == len(loads.CONNECTIONS)
    page = {p: [0.08, 0.09, 0.21] for p in loads.CONNECTIONS}
    text = "\n".join(
        loads.page_tables(pages, dict.fromkeys(loads.CONNECTIONS, 0.2), page)
    )
    assert text.count(
        "Dossier page / bare view, per round: 0.080, 0.090, 0.210."
        " Budget ≥ 0.20 (issue 15) → median 0.09 (NOT MET)."
    ) == len(loads.CONNECTIONS)


def test_locustfile_compiles() -> None:
    # Not imported: locust monkey-patches the interpreter (gevent) on import.
    source = (BENCH / "locustfile.py").read_text(encoding="utf-8")
    compile(source, "locustfile.py", "exec")


def test_bench_serves_like_make_serve() -> None:
    """Items 1, 5 and 6 measure what `make serve` runs."""
    from bench import serve  # noqa: PLC0415

    makefile = (BENCH.parent / "Makefile").read_text(encoding="utf-8")
    target = makefile[makefile.index("\nserve:") : makefile.index("\nlint:")]
    assert f"--worker-class {serve.SERVE['worker_class']}" in target
    assert f"--threads {serve.SERVE['threads']}" in target
    assert f"LETTERS_PDF_ISOLATION={serve.SERVE['LETTERS_PDF_ISOLATION']}" in target


def test_reading_item_scores_and_tabulates() -> None:
    """Item 7's scoring and table on made-up rows (the reading itself is
    exercised by tests/reading)."""
    from bench import reading

    expected = {name: None for name in reading.FIELDS} | {
        "agency": "EOS France",
        "total": "10.00",
        "lines": [{"label": "Frais", "amount": "10.00"}],
    }
    got = dict(expected, agency="eos  FRANCE", total="10.01")
    fields = reading.score(expected, got)
    assert fields["agency"] is True
    assert fields["total"] is False
    rows = [{"fields": fields, "per_page": 2.0}, {"fields": fields, "per_page": 4.0}]
    stats = reading.summary(rows)
    assert stats["misses"] == {"total": 2}
    assert stats["median"] == 3.0
    table = reading.table(stats, stats, [0.05, 0.07])
    assert "| upload POST (intake, 1 photo), median / p95 | **60 ms**" in table
    assert "≥ 98%: **not met**" in table
