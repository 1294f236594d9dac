"""`jobmatch serve` as a real process: first run, second run, port already in use."""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CLI = [sys.executable, "-c", "from jobmatch.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _env(demo_root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOBMATCH_")}
    env["JOBMATCH_DATA_DIR"] = str(demo_root)
    return env


def _start(
    args: list[str], demo_root: Path, extra: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        args,
        env={**_env(demo_root), **(extra or {})},
        cwd=demo_root,  # not the checkout: import the installed package, as a user would
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _get(url: str) -> tuple[int, dict[str, str], str]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode()


def _wait_until_up(process: subprocess.Popen[str], base: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"serve stopped early: {process.communicate()}")
        try:
            _get(base + "/auth/login")
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("serve did not answer within 90 s")


@pytest.fixture
def serve(tmp_path: Path, demo_root: Path) -> Iterator[tuple[str, Path, list[str]]]:
    """Start `jobmatch serve` twice in a row on the same instance folder; yield url + output."""
    instance = tmp_path / "instance"
    outputs: list[str] = []
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    args = [*CLI, "serve", "--port", str(port), "--instance", str(instance), "--no-extract"]
    for _ in range(2):
        process = _start(args, demo_root)
        try:
            _wait_until_up(process, base)
        finally:
            process.terminate()
            outputs.append(process.communicate(timeout=30)[0])
    yield base, instance, outputs


@pytest.mark.slow
def test_serve_first_and_second_run(serve: tuple[str, Path, list[str]], demo_root: Path) -> None:
    base, instance, (first, second) = serve
    assert f"is running at {base}/" in first
    assert "jobhunter@demo-noord.example / demo-wachtwoord-1" in first
    assert "nieuw / new" in first and "bestaand / existing" in second
    assert stat.S_IMODE((instance / "secret_key").stat().st_mode) == 0o600
    database = sqlite3.connect(instance / "jobmatch.sqlite")
    for table, rows in (("staff_user", 3), ("vacancy", 2), ("participant", 1)):
        assert database.execute(f"SELECT count(*) FROM {table}").fetchone() == (rows,)
    assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.mark.slow
def test_serve_answers_with_login_page(tmp_path: Path, demo_root: Path, database_url: str) -> None:
    """On SQLite and on PostgreSQL (JOBMATCH_DATABASE_URL); SIGTERM stops it cleanly."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    args = [*CLI, "serve", "--port", str(port), "--instance", str(tmp_path), "--no-extract"]
    process = _start(args, demo_root, {"JOBMATCH_DATABASE_URL": database_url})
    try:
        _wait_until_up(process, base)
        status, headers, _ = _get(base + "/")
        assert status == 302 and headers["Location"].endswith("/auth/login")
        status, headers, body = _get(base + "/auth/login")
        assert status == 200 and "Inloggen" in body and "Ik heb een code" in body
        assert headers["Server"] == "waitress"
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert process.returncode == 0 and "Gestopt / stopped." in output
    assert f"Database (nieuw / new): {database_url.split(':', maxsplit=1)[0]}" in output


def test_serve_on_a_port_in_use_says_so(tmp_path: Path, demo_root: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = [*CLI, "serve", "--port", str(port), "--instance", str(tmp_path), "--no-extract"]
        env = _env(demo_root)
        result = subprocess.run(
            args, env=env, cwd=demo_root, capture_output=True, text=True, timeout=120, check=False
        )
    assert result.returncode == 2
    assert f"port {port} is already in use" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
