"""Load with wrk (C, event loop): the generator is not the bottleneck.

Each wrk thread is one logged-in user (its own cookies); a Lua script sends
the request and reports p50/p95 and wrong statuses as JSON.
"""

import json
import os
import shutil
import subprocess
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from bench import client

LUA = r"""
local users = %(users)s
local expect = %(expect)d
local close = %(close)s
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("uid", counter)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  local u = users[((uid - 1) %% #users) + 1]
  local headers = {["Cookie"] = u.cookie}
  if close then headers["Connection"] = "close" end
  if u.body ~= "" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    req = wrk.format("POST", u.path, headers, u.body)
  else
    req = wrk.format("GET", u.path, headers)
  end
end

function request() return req end

function response(status, headers, body)
  if status ~= expect then bad = bad + 1 end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, t in ipairs(threads) do wrong = wrong + t:get("bad") end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "micros": %%d, "p50": %%f, "p95": %%f, ' ..
    '"wrong": %%d, "socket": %%d}\n',
    summary.requests, summary.duration, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, wrong,
    e.connect + e.read + e.write + e.timeout))
end
"""


def available() -> bool:
    return shutil.which("wrk") is not None


def ensure() -> bool:
    """Setup step: install Debian's wrk when missing (root + apt only).

    A fresh machine may have stale package lists: when the first install
    fails, refresh them once and try again.
    """
    if available():
        return True
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("bench setup: installing wrk (Debian package) as load generator…")
        for refresh in (False, True):
            if refresh:
                subprocess.run(["apt-get", "update", "-qq"], check=False)
            subprocess.run(
                ["apt-get", "install", "-y", "-qq", "wrk"],
                check=False,
                stdout=subprocess.DEVNULL,
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            )
            if available():
                break
    if not available():
        print(
            "bench setup: wrk is missing and could not be installed; the Python "
            "client caps the bare view's rate, so item 1's ratios read high."
        )
    return available()


@dataclass
class Target:
    """One simulated user: its cookies, the path, an optional POST body."""

    path: str
    cookie: str
    body: str = ""


def target(session: client.Session, path: str, data: dict | None = None) -> Target:
    cookie = "; ".join(f"{c.name}={c.value}" for c in session.jar)
    body = urllib.parse.urlencode(data, doseq=True) if data else ""
    return Target(path, cookie, body)


def _lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid Lua string here


def run(
    name: str,
    base: str,
    targets: list[Target],
    *,
    seconds: float,
    expect: int,
    close: bool = False,
) -> client.Result:
    """``close``: one connection per request (``Connection: close``) instead of
    keep-alive connections."""
    users = (
        "{"
        + ", ".join(
            f"{{path={_lua_string(t.path)}, cookie={_lua_string(t.cookie)},"
            f" body={_lua_string(t.body)}}}"
            for t in targets
        )
        + "}"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            LUA
            % {"users": users, "expect": expect, "close": "true" if close else "false"}
        )
    try:
        out = subprocess.run(
            [
                "wrk",
                f"-t{len(targets)}",
                f"-c{len(targets)}",
                f"-d{int(seconds)}s",
                "--timeout",
                "30s",
                "-s",
                script.name,
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        Path(script.name).unlink()
    line = next(x for x in out.splitlines() if x.startswith("WRKJSON "))
    data = json.loads(line.removeprefix("WRKJSON "))
    return client.Result.summary(
        name,
        count=data["requests"],
        seconds=data["micros"] / 1e6,
        p50=data["p50"],
        p95=data["p95"],
        errors=data["wrong"] + data["socket"],
    )
