"""The coordinator's dashboard page over HTTP: the running app (waitress on loopback) on
PostgreSQL with the report bench's 10,000 participants over 5 years, several concurrent clients.

    python -m bench.web_dashboard                          # 10,000 participants, 8 clients
    python -m bench.web_dashboard --people 2000 --clients 4 --requests 50

A fresh schema on 127.0.0.1:5432/test (dropped afterwards), filled by bench.report_speed's
generator. The server runs in its own process (waitress, 8 threads), so the clients' own work
does not share its interpreter. Each client signs in as a coordinator of the largest
organisation and requests the page in a loop. Same-run baseline: /health (no database, no
session), and the yearly report page for the last finished year. Prints p50/p95/max and errors.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import multiprocessing
import re
import socket
import statistics
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from bench.report_speed import FIRST_YEAR, URL, YEARS, p95, populate
from jobmatch.db.engine import make_engine
from jobmatch.db.models import StaffUser
from jobmatch.db.passwords import hash_password
from jobmatch.services.setup import init_database

PASSWORD = "een lange zin als wachtwoord voor de bench"
EMAIL = "coordinator@bench.example"


def _serve(url: str, port: int, instance: str) -> None:
    import logging

    from waitress import serve

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" notices

    from jobmatch.web import create_app

    app = create_app({"DATABASE_URL": url, "INSTANCE_PATH": instance,
                      "SECRET_KEY": "bench-secret-" + "x" * 40})  # fmt: skip
    serve(app, host="127.0.0.1", port=port, threads=8, _quiet=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(base: str) -> None:
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/health", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


class Client:
    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[int, float]:
        start = time.perf_counter()
        try:
            with self.opener.open(self.base + path, timeout=30) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        return status, time.perf_counter() - start

    def sign_in(self) -> None:
        with self.opener.open(self.base + "/auth/login") as page:
            html = page.read().decode()
        token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
        assert token, "no CSRF token on the sign-in page"
        data = urllib.parse.urlencode(
            {"email": EMAIL, "password": PASSWORD, "csrf_token": token.group(1)}
        ).encode()
        with self.opener.open(self.base + "/auth/login", data=data) as done:
            assert "/auth/login" not in done.url, "sign-in failed"


def load(clients: list[Client], path: str, per_client: int) -> tuple[list[float], int]:
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def run(client: Client) -> None:
        for _ in range(per_client):
            status, seconds = client.get(path)
            with lock:
                times.append(seconds)
                errors[0] += status != 200

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors[0]


def report(name: str, times: list[float], errors: int, base: float | None = None) -> None:
    ratio = f", {statistics.median(times) / base:5.1f}x baseline p50" if base else ""
    print(
        f"{name:<28} p50 {statistics.median(times) * 1000:7.1f} ms  p95 "
        f"{p95(times) * 1000:7.1f} ms  max {max(times) * 1000:7.1f} ms  "
        f"n={len(times)} errors={errors}{ratio}"
    )


def _prepare(url: str, people: int) -> None:
    import random

    init_database(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        start = time.perf_counter()
        applications = populate(session, people, random.Random(12))
        largest = session.execute(text(
            "SELECT organisation_id FROM participant GROUP BY organisation_id "
            "ORDER BY count(*) DESC LIMIT 1")).scalar_one()  # fmt: skip
        hashed = hash_password(PASSWORD)
        session.add(StaffUser(email=EMAIL, name="Bench", role="coordinator",
                              organisation_id=largest, password_hash=hashed))  # fmt: skip
        session.commit()
        mine = session.execute(
            text("SELECT count(*) FROM participant WHERE organisation_id = :o"), {"o": largest}
        ).scalar_one()
    engine.dispose()
    print(f"generated {people} participants ({mine} in the coordinator's organisation), "
          f"{applications} applications in {time.perf_counter() - start:.1f} s")  # fmt: skip


def measure(base_url: str, clients: int, per_client: int) -> None:
    crowd = [Client(base_url) for _ in range(clients)]
    for client in crowd:
        client.sign_in()
    load(crowd[:1], "/overzicht", 3)  # warm up
    health, health_errors = load(crowd, "/health", per_client)
    baseline = statistics.median(health)
    print(f"{clients} concurrent clients, {per_client} requests each per page")
    report("/health (baseline)", health, health_errors)
    board, board_errors = load(crowd, "/overzicht", per_client)
    report("/overzicht (dashboard)", board, board_errors, baseline)
    year = FIRST_YEAR + YEARS - 1
    yearly, yearly_errors = load(crowd, f"/jaarverslag?jaar={year}", max(2, per_client // 5))
    report(f"/jaarverslag?jaar={year}", yearly, yearly_errors, baseline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=40, help="per client, dashboard")
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{URL}?options=-csearch_path%3D{schema}"
    server: Any = None
    try:
        _prepare(url, args.people)
        port = _free_port()
        instance = tempfile.mkdtemp(prefix="jobmatch-bench-")
        server = multiprocessing.get_context("spawn").Process(
            target=_serve, args=(url, port, instance), daemon=True
        )
        server.start()
        base_url = f"http://127.0.0.1:{port}"
        _wait(base_url)
        measure(base_url, args.clients, args.requests)
    finally:
        if server is not None:
            server.terminate()
            server.join(10)
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
