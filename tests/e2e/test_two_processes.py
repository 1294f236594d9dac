"""Two real app processes behind no sticky sessions, one PostgreSQL and one Redis: a sign-in
made through one is valid through the other, a sign-out through one ends it on both, and
failed sign-ins are counted together (security issue, 'more than one process')."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from jobmatch.db import models
from jobmatch.db.passwords import hash_password
from tests.e2e.test_foundation_serve import CLI, _free_port, _start, _wait_until_up

REDIS = "redis://127.0.0.1:6379/0"
PASSWORD = "twee processen een sessie"


class Browser:
    """Cookies shared across both servers, like one browser behind a load balancer."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def get(self, url: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(url))

    def post(self, url: str, data: dict[str, str]) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        return self._open(urllib.request.Request(url, data=body, method="POST"))

    def _open(self, request: urllib.request.Request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def token(self, url: str) -> str:
        found = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', self.get(url)[1])
        assert found, url
        return found.group(1)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@pytest.fixture
def two_servers(
    database_url: str, engine: object, tmp_path: Path, demo_root: Path
) -> Iterator[tuple[str, str, str]]:
    if not database_url.startswith("postgresql"):
        pytest.skip("the several-process set-up is PostgreSQL + Redis")
    email = f"jh-{uuid.uuid4().hex[:8]}@noord.example"
    with Session(engine) as db:  # type: ignore[arg-type]
        org = models.Organisation(slug="noord", name="Noord")
        db.add(org)
        db.flush()
        db.add(models.StaffUser(email=email, name="Jo", role="job_hunter", organisation_id=org.id,
                                password_hash=hash_password(PASSWORD)))  # fmt: skip
        db.commit()
    shared = {"JOBMATCH_DATABASE_URL": database_url, "JOBMATCH_REDIS_URL": REDIS,
              "JOBMATCH_SECRET_KEY": "gedeeld-geheim-" + uuid.uuid4().hex * 2,
              # counts of this run only (Redis outlives test runs; all come from 127.0.0.1)
              "JOBMATCH_RATELIMIT_KEY_PREFIX": f"jobmatch-test-{uuid.uuid4().hex[:8]}"}  # fmt: skip
    processes, urls = [], []
    for name in ("a", "b"):
        port = _free_port()
        args = [*CLI, "serve", "--port", str(port), "--instance", str(tmp_path / name),
                "--no-extract", "--no-seed"]  # fmt: skip
        processes.append(_start(args, demo_root, shared))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for process, url in zip(processes, urls, strict=True):
            _wait_until_up(process, url)
        yield urls[0], urls[1], email
    finally:
        for process in processes:
            process.terminate()
            process.communicate(timeout=30)


@pytest.mark.slow
def test_session_and_logout_and_rate_limit_are_shared(two_servers: tuple[str, str, str]) -> None:
    a, b, email = two_servers
    user = Browser()
    form = {"email": email, "password": PASSWORD, "csrf_token": user.token(a + "/auth/login")}
    assert user.post(b + "/auth/login", form)[0] == 302  # token from A, accepted by B
    assert user.get(a + "/account/")[0] == 200 and user.get(b + "/account/")[0] == 200
    assert user.post(a + "/auth/logout", {"csrf_token": user.token(b + "/account/")})[0] == 302
    assert user.get(b + "/account/")[0] == 302
    attacker = Browser()
    for attempt in range(10):
        server = (a, b)[attempt % 2]
        wrong = {"email": email, "password": f"fout-{attempt}-wachtwoord",
                 "csrf_token": attacker.token(server + "/auth/login")}  # fmt: skip
        assert attacker.post(server + "/auth/login", wrong)[0] == 401
    right = {"email": email, "password": PASSWORD, "csrf_token": attacker.token(a + "/auth/login")}
    assert attacker.post(a + "/auth/login", right)[0] == 429
