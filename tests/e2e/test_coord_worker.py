"""`jobmatch import` + `jobmatch worker` as real processes; the worker is killed mid-queue and
restarted, and the job still runs, once."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

CLI = [sys.executable, "-c", "from jobmatch.cli import main; main()"]
ROWS = "".join(
    f"v{n};Medewerker {n};Je helpt gasten en collega's.;Demo {n % 3}\n" for n in range(40)
)
CSV = "id;titel;tekst;werkgever\n" + ROWS


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("JOBMATCH_")}


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], cwd=cwd, env=_env(), capture_output=True, text=True, timeout=120, check=False
    )


def _worker(instance: Path) -> subprocess.Popen[bytes]:
    with (instance.parent / "worker.log").open("ab") as log:
        return subprocess.Popen(
            [*CLI, "worker", "--instance", str(instance), "--workers", "2"],
            cwd=instance.parent,
            env=_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def _status(instance: Path) -> tuple[str, int]:
    with sqlite3.connect(instance / "jobmatch.sqlite") as db:
        status, added = db.execute("SELECT status, added FROM import_job").fetchone()
    return str(status), int(added)


def test_worker_process_restart_and_template(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    file = tmp_path / "v.csv"
    file.write_text(CSV, encoding="cp1252")
    dry = _run(
        ["import", "vacancies", str(file), "--instance", str(instance), "--dry-run"], tmp_path
    )
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["rows_ok"] == 40
    queued = _run(["import", "vacancies", str(file), "--instance", str(instance)], tmp_path)
    assert queued.returncode == 0, queued.stderr
    assert json.loads(queued.stdout)["status"] == "queued"

    first = _worker(instance)
    first.kill()  # the worker dies before (or while) it runs: nothing may be lost
    first.wait(timeout=30)
    second = _worker(instance)
    try:
        deadline = time.monotonic() + 120
        while _status(instance)[0] != "done" and time.monotonic() < deadline:
            time.sleep(0.5)
        log = (tmp_path / "worker.log").read_text(errors="replace")
        assert _status(instance) == ("done", 40), log
    finally:
        second.terminate()
        second.wait(timeout=60)
    with sqlite3.connect(instance / "jobmatch.sqlite") as db:
        assert db.execute("SELECT count(*) FROM vacancy").fetchone() == (40,)
        assert db.execute("SELECT count(*) FROM employer").fetchone() == (3,)

    template = tmp_path / "sjabloon.csv"
    made = _run(["import-template", "vacancies", "-o", str(template)], tmp_path)
    assert made.returncode == 0
    assert template.read_bytes().startswith(b"\xef\xbb\xbfid;title;text")


def test_bad_file_gives_a_message_and_exit_2(tmp_path: Path) -> None:
    file = tmp_path / "v.csv"
    file.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    result = _run(["import", "vacancies", str(file), "--instance", str(tmp_path / "i")], tmp_path)
    assert result.returncode == 2
    assert "Excel" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "i" / "jobmatch.sqlite").exists()
