"""The web app under load: the real server on loopback, PostgreSQL, many clients at once.

    python -m bench.web_load [--vacancies 10000 --participants 1000 --clients 20 --seconds 30]

A fresh PostgreSQL schema (database `test` on 127.0.0.1:5432, dropped at the end) is filled by
`bench.web_load_data` (vacancies with their extraction stored before anything is timed). Then
`jobmatch serve` (waitress, the production server) runs in its own process on loopback with
JOBMATCH_DATABASE_URL on that schema. Every client is a thread with its own keep-alive HTTP
connection that signs in once as a job hunter, like a browser (CSRF token from the form, the
session cookie after). Warm-up (sign-in, the first build of the ranking pool) is timed apart.
Then, until --seconds pass or --max-requests are done, each client asks in turn for the
participant page, the matches page, a CV PDF and `/health` (the same-run baseline), each time
for a random participant of its organisation (so caches keyed on a participant cannot help).

Printed: p50/p95/p99, throughput and errors per endpoint, their ratio to `/health`, the peak
RSS of the server process, and the machine's load. Targets (issue 8): participant page and
matches page p95 <= 150 ms, CV download p95 <= 400 ms, 0 errors.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bench.web_load_data import PASSWORD, World, bench_schema, fill

ENDPOINTS = ("participant", "matches", "cv_pdf", "health")
TARGETS_MS = {"participant": 150.0, "matches": 150.0, "cv_pdf": 400.0}
TIMEOUT_S = 60
CLI = [sys.executable, "-c", "from jobmatch.cli import main; main()"]


MASTER_KEY = "b3" * 32  # a bench-only key: the filled database and the server share it


def path_for(endpoint: str, participant_id: int) -> str:
    return {
        "participant": f"/deelnemers/{participant_id}",
        "matches": f"/deelnemers/{participant_id}/matches",
        "cv_pdf": f"/deelnemers/{participant_id}/documenten/download.pdf",
        "health": "/health",
    }[endpoint]


def is_right(endpoint: str, status: int, content_type: str, body: bytes) -> bool:
    """What a browser would count as a good answer, not just any 200."""
    if status != 200:
        return False
    if endpoint == "cv_pdf":
        return content_type.startswith("application/pdf") and body.startswith(b"%PDF")
    if endpoint == "health":
        return body == b"ok"
    return content_type.startswith("text/html")


class Client:
    """One browser: a keep-alive connection and its session cookie."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_S)

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str, bytes, dict[str, str]]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # a fresh connection for the next request
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT_S)
            return 0, "", b"", {}
        for value in response.headers.get_all("Set-Cookie") or ():
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Content-Type", ""), data, dict(response.headers)

    def sign_in(self, email: str) -> None:
        status, _, page, _ = self.request("GET", "/auth/login")
        found = re.search(rb'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
        if status != 200 or not found:
            raise RuntimeError(f"no sign-in form (HTTP {status})")
        form = {"email": email, "password": PASSWORD, "csrf_token": found.group(1).decode()}
        status, _, _, headers = self.request("POST", "/auth/login", form)
        if status != 302 or "/auth/" in headers.get("Location", ""):
            raise RuntimeError(f"sign-in failed (HTTP {status})")


@dataclass
class Results:
    times: dict[str, list[float]] = field(default_factory=lambda: {e: [] for e in ENDPOINTS})
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENDPOINTS, 0))
    statuses: dict[str, dict[int, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, endpoint: str, seconds: float, ok: bool, status: int) -> None:
        with self.lock:
            self.times[endpoint].append(seconds)
            if not ok:
                self.errors[endpoint] += 1
                counts = self.statuses.setdefault(endpoint, {})
                counts[status] = counts.get(status, 0) + 1


def timed(client: Client, endpoint: str, participant_id: int) -> tuple[float, bool, int]:
    started = time.perf_counter()
    status, kind, body, _ = client.request("GET", path_for(endpoint, participant_id))
    took = time.perf_counter() - started
    return took, is_right(endpoint, status, kind, body), status


def run_client(
    client: Client,
    ids: list[int],
    seed: int,
    *,
    until: float,
    budget: int,
    results: Results,
    think: float = 0.0,
) -> None:
    """One user: requests one after another; with `think` > 0 she reads the page first (a
    random pause, mean `think` seconds), as a job hunter at a desk does."""
    rng = random.Random(seed)
    order = list(ENDPOINTS)
    for count in range(budget):
        if time.monotonic() >= until:
            return
        endpoint = order[(count + seed) % len(order)]
        took, ok, status = timed(client, endpoint, rng.choice(ids))
        results.add(endpoint, took, ok, status)
        if think > 0:
            time.sleep(min(rng.expovariate(1 / think), 5 * think))


# --- the server ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(url: str, instance: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOBMATCH_")}
    env.update(JOBMATCH_DATABASE_URL=url, JOBMATCH_SECRET_KEY="bench-" + "k" * 40,
               JOBMATCH_MASTER_KEY=MASTER_KEY)  # fmt: skip
    args = [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port), "--instance",
            str(instance), "--no-seed", "--no-worker"]  # fmt: skip
    log = (instance.parent / "server.log").open("wb")
    process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.close()
            raise RuntimeError("the server stopped: " + Path(log.name).read_text())
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process, port
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("the server did not answer within 90 s")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- the run -----------------------------------------------------------------------------------


def warm_up(world: World, port: int, clients: int) -> tuple[list[Client], dict[str, float]]:
    """Sign every client in; then the first matches page (it builds the ranking pool)."""
    started = time.perf_counter()
    signed: list[Client] = []
    for email, _org in world.logins[:clients]:
        client = Client(port)
        client.sign_in(email)
        signed.append(client)
    sign_in = time.perf_counter() - started
    first_org = world.logins[0][1]
    pid = world.participants[first_org][0]
    took, ok, status = timed(signed[0], "matches", pid)
    if not ok:
        raise RuntimeError(f"first matches page failed (HTTP {status})")
    cv_took, ok, status = timed(signed[0], "cv_pdf", pid)
    return signed, {"sign_in_all_s": sign_in, "first_matches_s": took, "first_cv_s": cv_took}


def measure(
    world: World, clients: list[Client], seconds: float, max_requests: int, think: float = 0.0
) -> tuple[Results, float]:
    results = Results()
    until = time.monotonic() + seconds
    budget = max(1, max_requests // len(clients))
    threads = [
        threading.Thread(
            target=run_client,
            args=(client, world.participants[world.logins[i][1]], i),
            kwargs={"until": until, "budget": budget, "results": results, "think": think},
        )
        for i, client in enumerate(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def report(results: Results, wall: float) -> list[str]:
    base = np.array(results.times["health"]) * 1000
    base50, base95 = float(np.percentile(base, 50)), float(np.percentile(base, 95))
    lines = [
        "| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors | p50 / health "
        "| p95 / health | target p95 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for endpoint in ENDPOINTS:
        ms = np.array(results.times[endpoint]) * 1000
        if not len(ms):
            continue
        p50, p95, p99 = (float(np.percentile(ms, q)) for q in (50, 95, 99))
        target = TARGETS_MS.get(endpoint)
        met = target is not None and p95 <= target
        verdict = "" if target is None else f"≤ {target:.0f}: {'met' if met else 'MISSED'}"
        lines.append(
            f"| {endpoint} | {len(ms)} | {len(ms) / wall:.1f} | {p50:.0f} | {p95:.0f} | "
            f"{p99:.0f} | {results.errors[endpoint]} | {p50 / base50:.1f}x | {p95 / base95:.1f}x "
            f"| {verdict} |"
        )
    if results.statuses:
        lines.append(f"non-good answers by HTTP status: {results.statuses}")
    return lines


def main() -> None:
    os.environ.setdefault("JOBMATCH_MASTER_KEY", MASTER_KEY)  # the fill seals participant text
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vacancies", type=int, default=10_000)
    parser.add_argument("--participants", type=int, default=1_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument(
        "--think", type=float, default=1.0,
        help="mean pause between one client's requests in the second phase (s)",
    )  # fmt: skip
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with bench_schema() as (url, schema), tempfile.TemporaryDirectory() as tmp:
        world = fill(url, schema, vacancies=args.vacancies, participants=args.participants,
                     clients=args.clients)  # fmt: skip
        took = world.seconds
        print(
            f"filled {schema}: {args.vacancies} vacancies (extraction {took['extract']:.1f} s), "
            f"{args.participants} participants (inserts {took['insert']:.1f} s)"
        )
        process, port = start_server(url, Path(tmp) / "instance")
        try:
            clients, warm = warm_up(world, port, args.clients)
            print("warm-up: " + ", ".join(f"{k} {v:.2f} s" for k, v in warm.items()))
            alone = max(5.0, args.seconds / 3)
            print_phase("1 client (service time, no queue)", *measure(world, clients[:1], alone,
                        args.max_requests))  # fmt: skip
            load_before = os.getloadavg()[0]
            results, wall = measure(world, clients, args.seconds, args.max_requests)
            load_after = os.getloadavg()[0]
            reading = measure(world, clients, args.seconds, args.max_requests, args.think)
            rss = peak_rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)
    print_phase(f"{len(clients)} clients at once, no pause (saturation)", results, wall)
    print_phase(
        f"{len(clients)} clients at once, each reading ~{args.think:g} s between pages", *reading
    )
    print(f"peak RSS of the server process: {rss:.0f} MB")
    print(
        f"load average (1 min) at start / end of the {len(clients)}-client part: "
        f"{load_before:.1f} / {load_after:.1f} on {os.cpu_count()} cores"
    )


def print_phase(title: str, results: Results, wall: float) -> None:
    done = sum(len(t) for t in results.times.values())
    print(f"\n{title}: {wall:.1f} s, {done / wall:.1f} requests/s in all")
    print("\n".join(report(results, wall)))


if __name__ == "__main__":
    main()
