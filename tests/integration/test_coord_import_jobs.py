"""Import jobs on a real Huey consumer: SQLite queue and Redis queue, restart, run once."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from jobmatch.db.models import ImportJob, Vacancy
from jobmatch.services import background
from jobmatch.services.imports import create_import_job, job_progress
from jobmatch.services.pool import archive_expired, ranking_pool

CSV = (
    "id;titel;tekst;werkgever;sluitingsdatum\n"
    "a1;Kok;Je kookt voor gasten.;Café Demo;31-12-2099\n"
    "a2;Afwasser;Je houdt de keuken schoon.;Café Demo;\n"
    "a3;Kapot;;Café Demo;\n"
    "a4;Gastvrouw;Je ontvangt gasten.;Hotel Demo;01-01-2000\n"
).encode("cp1252")


def _wait(engine: Engine, job_id: int, seconds: float = 60.0) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with Session(engine) as session:
            progress = job_progress(session=session, job_id=job_id)
        assert progress is not None
        if progress["status"] in ("done", "failed"):
            return progress
        time.sleep(0.2)
    pytest.fail(f"job {job_id} did not finish: {progress}")


def _vacancy_count(engine: Engine) -> int:
    with Session(engine) as session:
        return len(session.exec(select(Vacancy)).all())


def _new_job(engine: Engine, huey: object | None) -> int:
    enqueue = (lambda job_id: background.enqueue_import(huey, job_id)) if huey else None
    with Session(engine) as session:
        job = create_import_job(
            session=session, kind="vacancies", filename="v.csv", raw=CSV, enqueue=enqueue
        )
    assert job.id is not None
    return job.id


@pytest.fixture
def sqlite_queue(tmp_path: Path, database_url: str, engine: Engine):  # type: ignore[no-untyped-def]
    background.configure_database(database_url)
    return background.build_queue(instance=tmp_path / "instance", redis_url="")


def test_job_runs_on_a_sqlite_consumer_once_and_a_rerun_adds_nothing(
    sqlite_queue, engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    job_id = _new_job(engine, sqlite_queue)
    background.enqueue_import(sqlite_queue, job_id)  # delivered twice: must run once
    consumer = background.start_consumer(sqlite_queue, workers=2)
    try:
        progress = _wait(engine, job_id)
        assert (progress["added"], progress["failed"], progress["percent"]) == (3, 0, 100)
        assert [p["line"] for p in progress["problems"]] == [4]  # the row without text
        second = _new_job(engine, sqlite_queue)
        again = _wait(engine, second)
        assert (again["added"], again["skipped"]) == (0, 3)
    finally:
        background.stop_consumer(consumer)
    with Session(engine) as session:
        assert session.get(ImportJob, job_id).attempts == 1  # type: ignore[union-attr]
    assert _vacancy_count(engine) == 3


def test_a_job_survives_a_restart_of_app_and_worker(tmp_path: Path, sqlite_queue, engine) -> None:  # type: ignore[no-untyped-def]
    job_id = _new_job(engine, sqlite_queue)  # queued while no worker runs
    stale = _new_job(engine, None)  # a worker took it, committed nothing, and died
    with Session(engine) as session:
        job = session.get(ImportJob, stale)
        assert job is not None
        job.status, job.heartbeat_at = "running", datetime.now(UTC) - timedelta(hours=1)
        session.add(job)
        session.commit()
    sqlite_queue.storage.close()
    restarted = background.build_queue(instance=tmp_path / "instance", redis_url="")
    assert len(restarted) == 1  # the queued message is still in the file
    assert background.requeue_unfinished(restarted, engine) == [job_id, stale]
    consumer = background.start_consumer(restarted, workers=1)
    try:
        assert _wait(engine, job_id)["added"] == 3
        assert _wait(engine, stale)["skipped"] == 3
    finally:
        background.stop_consumer(consumer)
    assert _vacancy_count(engine) == 3


def test_redis_queue_with_two_workers_runs_a_job_once(database_url: str, engine: Engine) -> None:
    background.configure_database(database_url)
    name = f"jobmatch-test-{uuid.uuid4().hex[:8]}"
    queues = [background.build_queue(redis_url="redis://127.0.0.1:6379/0", name=name) for _ in "ab"]
    try:
        job_id = _new_job(engine, queues[0])
        for _ in range(3):
            background.enqueue_import(queues[1], job_id)
        consumers = [background.start_consumer(queue, workers=2) for queue in queues]
        try:
            assert _wait(engine, job_id)["added"] == 3
            time.sleep(1.0)  # the duplicate messages are consumed and do nothing
        finally:
            for consumer in consumers:
                background.stop_consumer(consumer)
        with Session(engine) as session:
            assert session.get(ImportJob, job_id).attempts == 1  # type: ignore[union-attr]
        assert len(queues[0]) == 0
    finally:
        queues[0].storage.flush_all()
    assert _vacancy_count(engine) == 3


def test_ranking_pool_leaves_out_expired_and_archived(engine: Engine) -> None:
    from jobmatch.services.imports import run_import_job

    job_id = _new_job(engine, None)
    assert run_import_job(engine=engine, job_id=job_id)
    assert not run_import_job(engine=engine, job_id=job_id)  # finished: never runs again
    today = date(2026, 12, 2)
    with Session(engine) as session:
        titles = sorted(v.title for v in ranking_pool(session=session, today=today))
        assert titles == ["Afwasser", "Kok"]  # Gastvrouw closed in 2000
        kok = session.exec(select(Vacancy).where(Vacancy.title == "Kok")).one()
        kok.archived = True
        session.add(kok)
        session.commit()
        assert [v.title for v in ranking_pool(session=session, today=today)] == ["Afwasser"]
        assert archive_expired(session=session, today=today) == 1
        later = ranking_pool(session=session, today=date(2100, 1, 1))
        assert [v.title for v in later] == ["Afwasser"]  # no closing date: stays open


def test_a_row_that_fails_is_reported_and_the_others_commit(engine: Engine) -> None:
    from jobmatch.services.imports import run_import_job

    def extract(posting: object) -> dict[str, object]:
        if getattr(posting, "title", "") == "Afwasser":
            raise ValueError("broken row")
        return {}

    job_id = _new_job(engine, None)
    assert run_import_job(engine=engine, job_id=job_id, extract=extract, batch_size=2)
    with Session(engine) as session:
        progress = job_progress(session=session, job_id=job_id)
    assert progress is not None
    assert (progress["added"], progress["failed"], progress["done"]) == (2, 1, 3)
    assert sorted(p["line"] for p in progress["problems"]) == [3, 4]  # failed + checked out
    assert _vacancy_count(engine) == 2
