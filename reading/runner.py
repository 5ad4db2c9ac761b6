"""The reading of one job in a child process with a hard time limit.

The child (forked: no start-up cost, nothing to import again) reads the pages
and sends each text back through a pipe; it runs niced, with a memory cap, and
touches neither the database nor the storage. The parent records progress as
pages arrive and kills the child when the time is up: a PDF that makes PDFium
spin, or Tesseract stuck on a page, cannot hold a worker for ever.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from . import ocr
from .reader import Document, PageText, ReadingError, count_pages, read_pages

MEMORY_LIMIT = 2 * 1024**3
"""Address space of the reading process (bytes)."""
NICENESS = 10
OCR_THREADS = "1"
"""OpenMP threads of Tesseract. Its default (all cores) spins while it waits:
on the 2-core machine, shared with the web server, one thread read a page in
1–1.5 s against 4–5 s (measured in bench item 7's set-up). Several readings
at once come from several workers instead."""


class ReadingTimeout(Exception):
    """The reading took longer than its limit and was stopped."""


@dataclass(frozen=True)
class Outcome:
    pages: list[PageText]
    total: int
    seconds: float


def _child(
    conn: Connection, documents: Sequence[Document], max_pages: int, limit: float
) -> None:
    os.environ["OMP_THREAD_LIMIT"] = OCR_THREADS
    with contextlib.suppress(OSError, ValueError):
        os.nice(NICENESS)
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    try:
        conn.send(("total", count_pages(documents, max_pages)))
        deadline = time.monotonic() + limit
        for page in read_pages(documents, max_pages=max_pages, deadline=deadline):
            conn.send(("page", page))
        conn.send(("done", None))
    except ReadingError as exc:
        conn.send(("error", exc.message))
    except ocr.OcrTimeout:
        conn.send(("timeout", None))
    except MemoryError:
        conn.send(("error", "Ce fichier demande trop de mémoire pour être lu."))
    finally:
        conn.close()


def read(
    documents: Sequence[Document],
    *,
    max_pages: int,
    limit: float,
    on_total: Callable[[int], None] = lambda total: None,
    on_page: Callable[[PageText, int], None] = lambda page, done: None,
) -> Outcome:
    """Read ``documents`` in a child process, within ``limit`` seconds.

    Raises ``ReadingError`` (a French message) for a file that cannot be read,
    ``ReadingTimeout`` when the limit is reached (the child is killed)."""
    started = time.monotonic()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(send, documents, max_pages, limit), daemon=True
    )
    child.start()
    send.close()
    try:
        return _collect(receive, child, started + limit, started, on_total, on_page)
    finally:
        if child.is_alive():
            child.kill()
        child.join(timeout=5)
        receive.close()


def _collect(
    receive: Connection,
    child: Any,
    deadline: float,
    started: float,
    on_total: Callable[[int], None],
    on_page: Callable[[PageText, int], None],
) -> Outcome:
    pages: list[PageText] = []
    total = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not receive.poll(left):
            raise ReadingTimeout(f"stopped after {time.monotonic() - started:.0f} s")
        try:
            kind, value = receive.recv()
        except EOFError as exc:  # the child died (memory, a crash in a library)
            raise ReadingError("La lecture s'est arrêtée sur ce fichier.") from exc
        if kind == "total":
            total = int(value)
            on_total(total)
        elif kind == "page":
            pages.append(value)
            on_page(value, len(pages))
        elif kind == "error":
            raise ReadingError(str(value))
        elif kind == "timeout":
            raise ReadingTimeout("OCR timeout")
        else:
            return Outcome(pages, total, time.monotonic() - started)
