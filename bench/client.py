"""A tiny HTTP session client (cookies + CSRF) and a closed-loop load runner."""

import http.cookiejar
import re
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Session:
    """One browser: a cookie jar, no automatic redirects."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(
        self, path: str, data: dict[str, object] | None = None
    ) -> tuple[int, str]:
        body = (
            urllib.parse.urlencode(data, doseq=True).encode()
            if data is not None
            else None
        )
        req = urllib.request.Request(self.base + path, data=body)
        if body is not None:
            req.add_header("Referer", self.base + path)
        try:
            with self.opener.open(req, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def csrf(self, path: str) -> str:
        status, page = self.request(path)
        match = CSRF.search(page)
        if not match:
            raise RuntimeError(f"no CSRF token on {path} ({status})")
        return match.group(1)

    def login(self, email: str, password: str) -> None:
        token = self.csrf("/connexion/")
        status, _ = self.request(
            "/connexion/",
            {"csrfmiddlewaretoken": token, "username": email, "password": password},
        )
        if status != 302:
            raise RuntimeError(f"login failed for {email}: {status}")


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    fixed: dict[str, float] | None = None
    """Count/p50/p95 reported by an external generator (wrk), not latencies."""

    @classmethod
    def summary(
        cls,
        name: str,
        *,
        count: int,
        seconds: float,
        p50: float,
        p95: float,
        errors: int,
    ) -> "Result":
        return cls(
            name,
            errors=errors,
            seconds=seconds,
            fixed={"count": count, "p50": p50, "p95": p95},
        )

    @property
    def count(self) -> int:
        return int(self.fixed["count"]) if self.fixed else len(self.latencies)

    @property
    def throughput(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    @property
    def p50(self) -> float:
        if self.fixed:
            return self.fixed["p50"]
        return (
            statistics.median(self.latencies) * 1000 if self.latencies else float("nan")
        )

    @property
    def p95(self) -> float:
        return self.fixed["p95"] if self.fixed else self.percentile(0.95)


def run_load(
    name: str,
    make_worker: Callable[[int], Callable[[], bool]],
    *,
    clients: int,
    seconds: float,
) -> Result:
    """``clients`` closed loops for ``seconds``; each call returns True when OK."""
    result = Result(name)
    lock = threading.Lock()
    workers = [make_worker(i) for i in range(clients)]
    stop = time.monotonic() + seconds

    def loop(work: Callable[[], bool]) -> None:
        while time.monotonic() < stop:
            start = time.perf_counter()
            ok = work()
            elapsed = time.perf_counter() - start
            with lock:
                result.latencies.append(elapsed)
                result.errors += 0 if ok else 1

    threads = [threading.Thread(target=loop, args=(w,)) for w in workers]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - began
    return result
