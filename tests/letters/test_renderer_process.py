"""The isolated PDF renderer dies with its web process and is reaped
(issue 20 item 6).

A real parent process (as a gunicorn worker would) starts the renderer with
``LETTERS_PDF_ISOLATION=process``; the test kills the parent with SIGKILL, idle
or in the middle of a long render, and the renderer must be gone soon after
(an orphan used to live on, ~100 MB, for a minute or more). A renderer killed
for its time limit is reaped by the parent (no zombie).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GRACE = 15  # seconds: far above the renderer's half-second watch

PARENT = r"""
import os, sys, threading, time
import django
django.setup()
from letters import rendering
meta = rendering.PdfMeta(title="t", author="a")
rendering.render_pdf("<p>.</p>", meta=meta)
print(*[p.pid for p in rendering._get_pool()._processes.values()], flush=True)
big = "<table>" + ("<tr><td>ligne</td><td>" + "mot " * 60 + "</td></tr>") * 3000 + "</table>"
if sys.argv[1] == "busy":
    threading.Thread(target=rendering.render_pdf, args=(big,), kwargs={"meta": meta},
                     daemon=True).start()
    time.sleep(1)
if sys.argv[1] == "timeout":
    os.environ["LETTERS_PDF_TIMEOUT"] = "1"
    try:
        rendering.render_pdf(big, meta=meta)
    except rendering.LetterRenderError as exc:
        print("refused:", exc, flush=True)
print("ready", flush=True)
time.sleep(300)
"""


def state(pid: int) -> str:
    """The process's state letter (``Z`` for a zombie), ``gone`` when reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return "gone"


def start_parent(mode: str, **env: str) -> tuple[subprocess.Popen[str], int, list[str]]:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intrum_assistant.settings",
        "DJANGO_DEBUG": "1",
        "LETTERS_PDF_ISOLATION": "process",
        **env,
    }
    environment.pop("DATABASE_URL", None)
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, mode],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline().split()[0])
    lines = []
    while (line := parent.stdout.readline().strip()) != "ready":
        assert line, "the parent stopped early"
        lines.append(line)
    return parent, child, lines


def dead_within(pid: int, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while state(pid) not in ("gone", "Z") and time.monotonic() < deadline:
        time.sleep(0.2)
    return state(pid)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("mode", ["idle", "busy"])
def test_the_renderer_dies_with_its_parent(mode: str) -> None:
    parent, child, _ = start_parent(mode)
    try:
        assert state(child) not in ("gone", "Z")
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        left = dead_within(child, GRACE)
    finally:
        if state(child) not in ("gone", "Z"):
            os.kill(child, signal.SIGKILL)  # leave nothing behind, even on failure
    assert left in ("gone", "Z"), f"renderer {child} still {left} after its parent"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_renderer_killed_for_its_time_limit_is_reaped() -> None:
    parent, child, lines = start_parent("timeout")
    try:
        assert any(line.startswith("refused:") for line in lines), lines
        assert state(child) == "gone"  # killed and joined: not even a zombie
    finally:
        parent.kill()
        parent.wait(timeout=10)
