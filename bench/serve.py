"""Start the app under `make serve` settings (gunicorn, DEBUG off) on a free port."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "bench-password-2026"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_env(var_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SECRET_KEY="bench-" + "k" * 60,
        DJANGO_HTTPS="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        VAR_DIR=str(var_dir),
        AXES_FAILURE_LIMIT="1000000",
        LOG_LEVEL="ERROR",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True
    )


SERVE: dict[str, str] = {
    # What `make serve` runs (keep in sync with the Makefile's serve target).
    "worker_class": "gthread",
    "threads": "2",
    "LETTERS_PDF_ISOLATION": "process",
}
BEFORE: dict[str, str] = {
    # The previous `make serve`: sync workers, PDFs rendered in the web worker.
    "worker_class": "sync",
    "threads": "1",
    "LETTERS_PDF_ISOLATION": "inline",
}


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str],
    workers: int = 2,
    *,
    mode: dict[str, str] = SERVE,
    log: Path | None = None,
) -> Iterator[str]:
    """Yield the base URL of a gunicorn server; stop it afterwards.

    ``log`` collects gunicorn's and Django's stderr (scanned for errors).
    """
    port = free_port()
    cmd = [
        str(BIN / "gunicorn"),
        "intrum_assistant.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        mode["worker_class"],
        "--threads",
        mode["threads"],
        "--preload",
        "--timeout",
        "60",
        "--log-level",
        "warning",
    ]
    env = {**env, "LETTERS_PDF_ISOLATION": mode["LETTERS_PDF_ISOLATION"]}
    with contextlib.ExitStack() as stack:
        stderr = stack.enter_context(log.open("ab")) if log else None
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=stderr)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base + "/healthz")
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url, timeout=2) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"server did not start: {url}")
