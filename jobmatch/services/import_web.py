"""Use cases behind the import pages: stage a checked file, start it, show its progress.

A web upload is checked once and stored as an `ImportJob` in status "preview" (the dry run the
coordinator looks at); only "start" moves it to "queued" (one conditional UPDATE, so a double
click queues it once) and hands the id to Huey. Jobs belong to the organisation that uploaded
them: another organisation's job is "not found".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from jobmatch.db.models import ImportJob
from jobmatch.domain.access import Actor, Permission, require
from jobmatch.domain.errors import JobmatchError
from jobmatch.services.imports import create_import_job

PREVIEW = "preview"
RECENT = 20


class ImportNotFound(JobmatchError):
    """No import job with this id for this organisation (pages answer 404)."""


def stage_import(
    *, session: Session, actor: Actor, kind: str, filename: str, raw: bytes
) -> ImportJob:
    """The dry run, stored: every row checked, nothing imported. Raises ImportFileError."""
    from jobmatch.services.lexicon_edit import current_lexicon

    require(actor, Permission.NETWORK_EDIT)
    known = current_lexicon(session=session).ids if kind == "training" else ()
    return create_import_job(
        session=session, kind=kind, filename=filename or "upload", raw=raw, status=PREVIEW,
        organisation_id=actor.organisation_id, staff_user_id=actor.user_id,
        known_competencies=known,
    )  # fmt: skip


def _own(session: Session, actor: Actor, job_id: int) -> ImportJob:
    """The job without its stored rows (a poll every 2 s must not load 10,000 rows)."""
    statement = select(ImportJob).options(defer(ImportJob.rows)).where(ImportJob.id == job_id)  # type: ignore[arg-type]
    job = session.exec(statement).first()
    if job is None or job.organisation_id != actor.organisation_id:
        raise ImportNotFound(f"Import niet gevonden / import not found: {job_id}")
    return job


def start_import(
    *, session: Session, actor: Actor, job_id: int, enqueue: Callable[[int], None]
) -> bool:
    """Queue a previewed job; False when it was started already (nothing queued twice)."""
    require(actor, Permission.NETWORK_EDIT)
    _own(session, actor, job_id)
    result = session.execute(
        update(ImportJob)
        .where(col(ImportJob.id) == job_id, col(ImportJob.status) == PREVIEW)
        .values(status="queued")
    )
    session.commit()
    if not getattr(result, "rowcount", 0):
        return False
    enqueue(job_id)
    return True


def import_status(*, session: Session, actor: Actor, job_id: int) -> dict[str, Any]:
    """What the progress page shows (see services.imports.job_progress)."""
    require(actor, Permission.NETWORK_EDIT)
    job = _own(session, actor, job_id)
    percent = 100 if job.total == 0 else round(100 * job.done / job.total)
    names = ("id", "kind", "filename", "status", "total", "done", "added", "skipped", "failed",
             "problems", "message")  # fmt: skip
    return {**{name: getattr(job, name) for name in names}, "percent": percent}


def recent_imports(*, session: Session, actor: Actor) -> list[ImportJob]:
    require(actor, Permission.NETWORK_EDIT)
    statement = (
        select(ImportJob)
        .where(col(ImportJob.organisation_id) == actor.organisation_id)
        .order_by(col(ImportJob.id).desc())
        .limit(RECENT)
    )
    return list(session.exec(statement.options(defer(ImportJob.rows))))  # type: ignore[arg-type]
