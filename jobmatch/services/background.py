"""Background work on Huey: the queue, the import task, and an in-process consumer.

- One machine (default): `SqliteHuey` in the instance folder (`huey.sqlite`); `jobmatch serve`
  runs a consumer in its own process.
- Several machines: `JOBMATCH_REDIS_URL` set -> `RedisHuey`; `jobmatch worker` runs consumers.

The queue only carries job ids. Progress and result live in the database (`ImportJob`), and a
worker claims a job there, so a message delivered twice runs the job once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey
from huey.consumer import Consumer
from sqlalchemy import Engine

log = logging.getLogger(__name__)
ENV_REDIS = "JOBMATCH_REDIS_URL"
QUEUE_FILE = "huey.sqlite"
QUEUE_NAME = "jobmatch"
_engines: dict[str, Engine] = {}
_database: dict[str, str] = {}


def configure_database(url: str) -> None:
    """The database the tasks of this process write to (set by serve, worker and tests)."""
    _database["url"] = url


def _engine() -> Engine:
    from jobmatch.db.engine import make_engine

    url = _database.get("url")
    if url is None:
        raise RuntimeError("configure_database() was not called in this worker")
    if url not in _engines:
        _engines[url] = make_engine(url)
    return _engines[url]


def default_extract(posting: Any) -> dict[str, Any] | None:
    from jobmatch.services.extraction import extract_posting

    return extract_posting(posting).to_json()


def extractor_for(engine: Engine) -> Callable[[Any], dict[str, Any] | None]:
    """Extraction with the lexicon in use now (files + edits in the app; see lexicon_edit)."""
    from sqlmodel import Session

    from jobmatch.services.extraction import extract_posting
    from jobmatch.services.lexicon_edit import current_lexicon

    with Session(engine) as session:
        lexicon = current_lexicon(session=session)
    return lambda posting: extract_posting(posting, lexicon=lexicon).to_json()


def run_import(job_id: int) -> bool:
    """The task body: run one import job (see services.imports.run_import_job)."""
    from jobmatch.services.imports import run_import_job

    engine = _engine()
    return run_import_job(engine=engine, job_id=job_id, extract=extractor_for(engine))


def build_queue(
    *, instance: Path | None = None, redis_url: str | None = None, name: str = QUEUE_NAME
) -> Huey:
    """A Huey queue with the import task registered: Redis when a URL is given, else SQLite."""
    url = redis_url if redis_url is not None else os.environ.get(ENV_REDIS, "").strip()
    if url:
        huey: Huey = RedisHuey(name, url=url, results=False)
    else:
        folder = instance or Path("instance")
        folder.mkdir(parents=True, exist_ok=True)
        huey = SqliteHuey(name, filename=str(folder / QUEUE_FILE), results=False)
    huey.jobmatch_import = huey.task(name="jobmatch.import")(run_import)
    return huey


@lru_cache(maxsize=8)
def queue_for(instance: Path, redis_url: str = "") -> Huey:
    """One queue object per instance folder / Redis URL in this process."""
    return build_queue(instance=instance, redis_url=redis_url)


def enqueue_import(huey: Huey, job_id: int) -> None:
    huey.jobmatch_import(job_id)


def start_consumer(huey: Huey, *, workers: int = 1) -> Consumer:
    """Start a consumer on threads of this process, without taking over its signal handlers
    (`serve` keeps its own Ctrl+C handling; tests run it next to pytest)."""
    consumer = huey.create_consumer(workers=workers, worker_type="thread", periodic=False)
    consumer.scheduler.start()
    for _worker, thread in consumer.worker_threads:
        thread.start()
    return consumer


def stop_consumer(consumer: Consumer) -> None:
    """Let running tasks finish their current job, then stop."""
    consumer.stop(graceful=True)


def requeue_unfinished(huey: Huey, engine: Engine | None = None) -> list[int]:
    """After a restart: queue again every job that was queued or whose worker stopped
    (on the database of `configure_database` unless an engine is given)."""
    engine = _engine() if engine is None else engine
    from sqlmodel import Session

    from jobmatch.services.imports import recover_jobs

    with Session(engine) as session:
        ids = recover_jobs(session=session)
    for job_id in ids:
        enqueue_import(huey, job_id)
    return ids
