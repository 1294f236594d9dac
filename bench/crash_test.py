"""Crash safety: SIGKILL a writing process at random moments, then check what survived.

    python -m bench.crash_test [--kills 40] [--backend sqlite|postgresql|both] [--seed 1]

A child process writes in a loop (a participant with sealed notes, an experience and a chained
audit entry per transaction) and appends each id to a log file (fsync) only after COMMIT
returned. The parent kills it (SIGKILL) after a random delay, then checks: SQLite
`PRAGMA integrity_check` and `foreign_key_check`, the audit hash chain, that every logged
(confirmed) commit is in the database, and that the newest sealed notes still decrypt.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session, col, select

from jobmatch.db import models
from jobmatch.db.engine import make_engine
from jobmatch.services.audit import append_event, verify_chain

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "JOBMATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def child(url: str, log_path: Path) -> None:
    """Write forever; log each id after its commit returned."""
    engine = make_engine(url)
    run = uuid.uuid4().hex[:8]
    with Session(engine) as session:
        org_id = session.exec(select(models.Organisation.id)).first()
    with log_path.open("a", encoding="ascii") as log:
        log.write("ready\n")
        log.flush()
        for number in range(10**9):
            with Session(engine) as session:
                person = models.Participant(alias=f"c-{run}-{number}", organisation_id=org_id,
                                            notes=f"notitie {number} " * 20)  # fmt: skip
                session.add(person)
                session.flush()
                owner = {"organisation_id": org_id, "participant_id": person.id}
                session.add(models.Experience(title="t", kind="work", description="x", **owner))
                append_event(session, action="create", staff_user_id=None,
                             organisation_id=org_id, participant_id=person.id)  # fmt: skip
                session.commit()
                log.write(f"{person.id}\n")
                log.flush()
                os.fsync(log.fileno())


@dataclass
class Result:
    kills: int = 0
    confirmed: int = 0
    lost: int = 0
    integrity_failures: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _sqlite_integrity(url: str) -> str | None:
    path = url.removeprefix("sqlite:///")
    connection = sqlite3.connect(path)
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchall()
        orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    if verdict != [("ok",)] or orphans:
        return f"integrity_check {verdict[:3]} foreign_key_check {orphans[:3]}"
    return None


def check(url: str, log_path: Path, result: Result) -> None:
    confirmed = {int(line) for line in log_path.read_text().split() if line.isdigit()}
    result.confirmed = len(confirmed)
    problem = _sqlite_integrity(url) if url.startswith("sqlite") else None
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            present = set(session.exec(select(models.Participant.id)))
            verdict = verify_chain(session=session)
            newest = session.exec(
                select(models.Participant).order_by(col(models.Participant.id).desc()).limit(3)
            ).all()
            readable = all((p.notes or "").startswith("notitie") for p in newest)
    finally:
        engine.dispose()
    result.lost = len(confirmed - present)
    if problem or not verdict.ok or not readable:
        result.integrity_failures += 1
        result.problems.append(problem or f"chain {verdict.reason!r} readable={readable}")


def kill_loop(url: str, kills: int, seed: int, folder: Path) -> Result:
    rng = random.Random(seed)
    log_path = folder / "confirmed.log"
    log_path.write_text("")
    result = Result()
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(kills):
        ready_before = log_path.read_text().count("ready")
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.crash_test", "--child", url, str(log_path)],
            cwd=ROOT, env=env, stderr=subprocess.PIPE,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while log_path.read_text().count("ready") == ready_before:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"child did not start: {proc.stderr.read()!r}")  # type: ignore[union-attr]
            time.sleep(0.02)
        time.sleep(rng.uniform(0.1, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stderr.close()  # type: ignore[union-attr]
        result.kills += 1
        check(url, log_path, result)
    result.seconds = time.perf_counter() - started
    return result


@contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    """A fresh migrated database with one organisation; PostgreSQL schema dropped after."""
    if backend == "sqlite":
        url = f"sqlite:///{folder / 'crash.sqlite'}"
        admin = None
    else:
        schema = f"crash_{uuid.uuid4().hex[:10]}"
        admin = make_engine(POSTGRES_URL)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    from jobmatch.services.setup import init_database

    try:
        init_database(url=url)
        engine = make_engine(url)
        with Session(engine) as session:
            session.add(models.Organisation(slug="crash", name="Crash test"))
            session.commit()
        engine.dispose()
        yield url
    finally:
        if admin is not None:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


def run_backend(backend: str, kills: int, seed: int) -> Result:
    os.environ.setdefault("JOBMATCH_MASTER_KEY", secrets.token_hex(32))
    with tempfile.TemporaryDirectory() as name, database(backend, Path(name)) as url:
        return kill_loop(url, kills, seed, Path(name))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        child(args[1], Path(args[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(args)
    backends = ("sqlite", "postgresql") if options.backend == "both" else (options.backend,)
    failed = False
    for backend in backends:
        r = run_backend(backend, options.kills, options.seed)
        print(f"{backend}: {r.kills} kills, {r.confirmed} confirmed commits, {r.lost} lost, "
              f"{r.integrity_failures} integrity failures, {r.seconds:.1f} s "
              f"({r.seconds / max(r.kills, 1):.2f} s/kill)")  # fmt: skip
        for problem in r.problems[:5]:
            print(f"  {problem}")
        failed = failed or bool(r.lost or r.integrity_failures)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
