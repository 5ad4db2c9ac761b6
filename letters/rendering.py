"""HTML → PDF with WeasyPrint 70. The only module of the project that imports it.

Security model (see docs/letters.md):

* the HTML comes from our templates, user text always autoescaped;
* a fixed ``BASE_URL`` (never derived from a request or user data);
* :class:`StaticOnlyFetcher` denies everything except ``data:`` URLs and an
  explicit allow-list of our own static files, read from disk through the
  staticfiles finders; no ``file://``, no network, no redirects;
* any fetch failure stops the rendering (``fail_on_errors=True``) and surfaces
  as :class:`LetterRenderError`: a missing stylesheet or font fails loudly;
* ``presentational_hints`` off; one ``FontConfiguration`` per process.

Isolation (see docs/performance.md, bench item 5): with
``LETTERS_PDF_ISOLATION=process`` (set by ``make serve``), :func:`render_pdf`
hands the work to a per-process pool of ONE worker process, started with
``os.nice(10)`` and a warm WeasyPrint, under a hard timeout
(``LETTERS_PDF_TIMEOUT`` seconds, default 20). Page requests then keep the CPU
while letters render, and at most one letter renders per web process. Without
it (tests, ``manage.py``), rendering stays in-process.
"""

import concurrent.futures
import contextlib
import datetime as dt
import mimetypes
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

BASE_URL: Final = "https://lettres.invalid/"
"""Fixed base URL of every letter: relative URLs resolve under it, nowhere else."""

STYLESHEET: Final = "letters/letter.css"
FONTS: Final = (
    "fonts/DejaVuSerif-latin.ttf",
    "fonts/DejaVuSerif-Bold-latin.ttf",
    "fonts/DejaVuSerif-Italic-latin.ttf",
    "fonts/DejaVuSans-latin.ttf",
    "fonts/DejaVuSans-Bold-latin.ttf",
)
ALLOWED_STATIC: Final = (STYLESHEET, *FONTS)
"""The only static files a letter may load."""

PDF_VARIANT: Final = "pdf/ua-1"
"""Tagged, accessible PDF (WeasyPrint 70 renders our letters cleanly with it)."""


class LetterRenderError(RuntimeError):
    """The letter could not be rendered (denied or missing resource, bad HTML)."""


class FetchDenied(ValueError):
    """A URL outside the allow-list was requested."""


@dataclass(frozen=True)
class PdfMeta:
    """Metadata written into the PDF: set by our code, never from the request."""

    title: str
    author: str
    created: dt.datetime | None = None


def _url_paths(name: str) -> set[str]:
    """The URL paths under which a static file may be referenced."""
    paths = {f"{settings.STATIC_URL}{name}"}
    with contextlib.suppress(ValueError):  # manifest without collectstatic
        paths.add(static(name))
    return {path if path.startswith("/") else f"/{path}" for path in paths}


def allowed_files() -> dict[str, str]:
    """Absolute URL under ``BASE_URL`` → static name, for every allowed file."""
    base = BASE_URL.rstrip("/")
    return {
        f"{base}{path}": name for name in ALLOWED_STATIC for path in _url_paths(name)
    }


class StaticOnlyFetcher(URLFetcher):
    """Deny-by-default fetcher: ``data:`` and our allow-listed static files only."""

    def __init__(self) -> None:
        super().__init__(
            timeout=1,
            allowed_protocols=("data",),
            allow_redirects=False,
            fail_on_errors=True,
        )
        self._allowed = allowed_files()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        name = self._allowed.get(url.split("#", 1)[0])
        if name is None:
            raise FetchDenied(f"URL refusée dans une lettre : {url[:200]}")
        return URLFetcherResponse(
            url,
            body=read_static(name),
            headers={"Content-Type": _content_type(name)},
        )


def read_static(name: str) -> bytes:
    """Bytes of an allow-listed static file, found on disk; raise if missing."""
    if name not in ALLOWED_STATIC:
        raise FetchDenied(f"Fichier statique non autorisé : {name}")
    found = finders.find(name)
    if not found:
        raise LetterRenderError(f"Fichier statique introuvable : {name}")
    return Path(found).read_bytes()


def _content_type(name: str) -> str:
    if name.endswith(".css"):
        return "text/css; charset=utf-8"
    if name.endswith(".ttf"):
        return "font/ttf"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


@cache
def font_config() -> FontConfiguration:
    """One FontConfiguration per process (saves 15–25 % per render)."""
    return FontConfiguration()


def check_static_files() -> None:
    """Every allow-listed file must exist: fonts are cached per process, so a
    file removed after the first render would otherwise go unnoticed."""
    missing = [name for name in ALLOWED_STATIC if not finders.find(name)]
    if missing:
        raise LetterRenderError(f"Fichiers statiques introuvables : {missing}")


def render_pdf(html: str, *, meta: PdfMeta) -> bytes:
    """Render our letter HTML to PDF bytes; raise LetterRenderError on failure."""
    check_static_files()
    if os.environ.get("LETTERS_PDF_ISOLATION", "inline") == "process":
        return _render_isolated(html, meta)
    return _render_in_process(html, meta)


def letter_stylesheet() -> CSS:
    """Our letter stylesheet parsed once per process (with its @font-face rules).

    Parsing it on every render cost about a fifth of a one-page letter.
    """
    global _letter_sheet  # noqa: PLW0603
    fonts = font_config()
    if _letter_sheet is None or _letter_sheet[0] is not fonts:
        sheet = CSS(
            url=f"{BASE_URL.rstrip('/')}{settings.STATIC_URL}{STYLESHEET}",
            url_fetcher=StaticOnlyFetcher(),
            font_config=fonts,
        )
        _letter_sheet = (fonts, sheet)
    return _letter_sheet[1]


_letter_sheet: tuple[FontConfiguration, CSS] | None = None


def _with_cached_stylesheet(html: str) -> tuple[str, list[CSS]]:
    """Swap the template's ``<link>`` to letter.css for the parsed stylesheet.

    The HTML is the one the preview shows; when the link is not found as the
    layout writes it, WeasyPrint simply fetches the file (same result).
    """
    links = [
        f'<link rel="stylesheet" href="{path}">' for path in _url_paths(STYLESHEET)
    ]
    for link in links:
        if link in html:
            return html.replace(link, "", 1), [letter_stylesheet()]
    return html, []


def _render_in_process(html: str, meta: PdfMeta) -> bytes:
    try:
        html, stylesheets = _with_cached_stylesheet(html)
        document = HTML(
            string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()
        ).render(
            font_config=font_config(),
            stylesheets=stylesheets,
            presentational_hints=False,
        )
        document.metadata.title = meta.title
        document.metadata.authors = [meta.author]
        document.metadata.lang = "fr"
        document.metadata.attachments = []  # never embed a file in a letter
        if meta.created is not None:
            stamp = meta.created.isoformat(timespec="seconds")
            document.metadata.created = document.metadata.modified = stamp
        pdf: bytes = document.write_pdf(
            pdf_variant=PDF_VARIANT, presentational_hints=False
        )
    except FatalURLFetchingError as exc:
        raise LetterRenderError(str(exc.__cause__ or exc)) from exc
    return pdf


# Isolated rendering: one low-priority worker process per web process.

NICENESS: Final = 10
MAX_TASKS_PER_CHILD: Final = 200
"""Recycle the renderer now and then: long-lived WeasyPrint processes grow."""

_pool: tuple[int, concurrent.futures.ProcessPoolExecutor] | None = None
_pool_lock = threading.Lock()


def _timeout() -> float:
    return float(os.environ.get("LETTERS_PDF_TIMEOUT", "20"))


PARENT_POLL: Final = 0.5
"""Seconds between two checks, in the renderer, that its web process lives."""


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL)
    os._exit(0)  # orphaned: the web process died (killed, timed out…)


def _die_with_parent(parent_pid: int) -> None:
    """End this renderer within ``PARENT_POLL`` seconds of its web process,
    even in the middle of a render: an orphan would keep its memory (about
    100 MB) and its CPU for nothing. Polling ``getppid`` rather than
    ``PR_SET_PDEATHSIG``: that signal fires when the *thread* that started the
    process ends, which a request thread does under ``runserver``."""
    if os.getppid() != parent_pid:
        os._exit(0)  # the parent died while this process was starting
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _worker_init(parent_pid: int) -> None:
    """Runs once in the renderer process: tied to its parent, lower priority,
    Django, warm fonts."""
    _die_with_parent(parent_pid)
    os.nice(NICENESS)
    import django  # noqa: PLC0415

    django.setup()
    with contextlib.suppress(Exception):  # warm-up only; real errors surface later
        HTML(string="<p>.</p>").write_pdf(font_config=font_config())


def _get_pool() -> concurrent.futures.ProcessPoolExecutor:
    global _pool  # noqa: PLW0603
    with _pool_lock:
        if _pool is None or _pool[0] != os.getpid():  # none yet, or forked
            executor = concurrent.futures.ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_init,
                initargs=(os.getpid(),),
                max_tasks_per_child=MAX_TASKS_PER_CHILD,
            )
            _pool = (os.getpid(), executor)
        return _pool[1]


def _discard_pool(executor: concurrent.futures.ProcessPoolExecutor) -> None:
    """Kill a stuck or broken renderer; the next call starts a fresh one."""
    global _pool  # noqa: PLW0603
    with _pool_lock:
        if _pool is not None and _pool[1] is executor:
            _pool = None
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:  # reap them: no zombie left behind
        with contextlib.suppress(Exception):
            process.join(timeout=5)


def _render_isolated(html: str, meta: PdfMeta) -> bytes:
    for attempt in range(2):
        executor = _get_pool()
        try:
            future = executor.submit(_render_in_process, html, meta)
            return future.result(timeout=_timeout())
        except concurrent.futures.TimeoutError as exc:
            _discard_pool(executor)
            raise LetterRenderError(
                "La lettre a pris trop de temps à produire."
            ) from exc
        except concurrent.futures.process.BrokenProcessPool as exc:
            _discard_pool(executor)
            if attempt:
                raise LetterRenderError("Le moteur PDF s'est arrêté.") from exc
    raise AssertionError("unreachable")  # pragma: no cover
