"""The import as a command runs it: check a file, then queue it for a worker or run it here.

The web takes the same steps through `import_web`; this is the one path for `jobmatch import`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from huey import Huey

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.imports import Preview
from jobmatch.services import background
from jobmatch.services.imports import (
    create_import_job,
    job_progress,
    preview_file,
    run_import_job,
)
from jobmatch.services.setup import database_session


def known_competencies(kind: str) -> tuple[str, ...]:
    """The competency ids a training-place file may name (vacancies name none)."""
    return load_lexicon().ids if kind == "training" else ()


def dry_run(*, kind: str, filename: str, raw: bytes) -> Preview:
    return preview_file(
        kind=kind, filename=filename, raw=raw, known_competencies=known_competencies(kind)
    )


def import_file(
    *, url: str, kind: str, filename: str, raw: bytes, huey: Huey | None
) -> dict[str, Any] | None:
    """Store the checked rows as a job; queue it on `huey`, or run it here when `huey` is None.
    Returns the job's progress as JSON."""
    known: Collection[str] = known_competencies(kind)
    enqueue = None if huey is None else (lambda job_id: background.enqueue_import(huey, job_id))
    with database_session(url=url) as session:
        job = create_import_job(
            session=session, kind=kind, filename=filename, raw=raw, enqueue=enqueue,
            known_competencies=known,
        )  # fmt: skip
        job_id = job.id
        if job_id is None:
            raise RuntimeError("the import job was not stored")
        if huey is None:
            engine = session.get_bind().engine
            run_import_job(engine=engine, job_id=job_id, extract=background.extractor_for(engine))
            session.expire_all()
        progress = job_progress(session=session, job_id=job_id)
    return progress
