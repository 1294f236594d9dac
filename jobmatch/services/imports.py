"""Use cases: dry-run an import file, queue it as a job, run the job (in a worker), show progress.

The job row (`ImportJob`) holds the checked rows, the progress and the result, so any app
process can show them. A worker claims a job with one conditional UPDATE (queued -> running),
so a job runs once even when its message is delivered twice or several workers run. Rows are
committed in batches together with the progress counter: after a crash the job resumes at the
first row not yet committed, and rows already present (same source key) are skipped, so running
a file twice never duplicates anything.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Collection
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, update
from sqlmodel import Session, select

from jobmatch.datafiles import import_rows as rows_mod
from jobmatch.datafiles.import_files import ImportFileError, read_csv_table
from jobmatch.datafiles.jsonld import read_job_postings
from jobmatch.db.models import ImportJob
from jobmatch.domain.imports import ImportRow, Preview
from jobmatch.services.import_store import Extract, RowStore

log = logging.getLogger(__name__)
BATCH = 200
STALE_AFTER = timedelta(minutes=2)
Enqueue = Callable[[int], None]
STOPPED = "De import is gestopt door een fout. / The import stopped on an error."

__all__ = ["ImportFileError", "create_import_job", "preview_file", "run_import_job"]


def _is_jsonld(filename: str, raw: bytes) -> bool:
    name = filename.lower()
    return name.endswith((".json", ".jsonld", ".html", ".htm")) or raw.lstrip()[:1] in (b"{", b"<")


def preview_file(
    *, kind: str, filename: str, raw: bytes, known_competencies: Collection[str] = ()
) -> Preview:
    """The dry run: every row checked, nothing stored. Raises ImportFileError for the file."""
    if kind == "vacancies" and _is_jsonld(filename, raw):
        postings = read_job_postings(raw, filename)
        found = tuple(
            rows_mod.vacancy_row(n, rows_mod.posting_cells(p)) for n, p in enumerate(postings, 1)
        )
        return Preview(filename, "jsonld", found, (f"{len(found)} JobPosting(s)",))
    if kind == "vacancies":
        table = read_csv_table(raw, required=rows_mod.VACANCY_REQUIRED, aliases=rows_mod.ALIASES)
        found = tuple(rows_mod.vacancy_row(line, cells) for line, cells in table.rows)
    elif kind == "training":
        table = read_csv_table(raw, required=rows_mod.TRAINING_REQUIRED, aliases=rows_mod.ALIASES)
        found = tuple(
            rows_mod.training_row(line, cells, known_competencies) for line, cells in table.rows
        )
    else:
        raise ImportFileError(f"Onbekende soort import / unknown import kind: {kind}")
    shown = "tab" if table.delimiter == "\t" else table.delimiter
    return Preview(filename, "csv", found, (f"{table.encoding}, '{shown}'",))


def csv_template(kind: str) -> bytes:
    """The downloadable CSV template (`;`, UTF-8 with BOM: Dutch Excel opens it as a table)."""
    from jobmatch.datafiles.import_files import csv_template as build

    if kind == "training":
        return build(rows_mod.TRAINING_COLUMNS, rows_mod.TRAINING_EXAMPLE)
    return build(rows_mod.VACANCY_COLUMNS, rows_mod.VACANCY_EXAMPLE)


def _problem_json(row: ImportRow) -> dict[str, Any]:
    return row.to_json()


def create_import_job(
    *,
    session: Session,
    kind: str,
    filename: str,
    raw: bytes,
    enqueue: Enqueue | None = None,
    organisation_id: int | None = None,
    staff_user_id: int | None = None,
    known_competencies: Collection[str] = (),
    status: str = "queued",
) -> ImportJob:
    """Check the file again, store the job with its good rows, commit, then queue it.

    `status="preview"` stores a dry run that waits for the coordinator (the web page): no
    worker picks it up until it is set to queued."""
    preview = preview_file(
        kind=kind, filename=filename, raw=raw, known_competencies=known_competencies
    )
    job = ImportJob(
        kind=kind,
        filename=filename[-255:],
        file_hash=hashlib.sha256(raw).hexdigest(),
        total=len(preview.ok_rows),
        rows=[{"line": row.line, **row.fields} for row in preview.ok_rows],
        problems=[_problem_json(row) for row in preview.problem_rows],
        organisation_id=organisation_id,
        staff_user_id=staff_user_id,
        status=status,
    )
    session.add(job)
    session.commit()
    session.refresh(job)
    if enqueue is not None and job.id is not None:
        enqueue(job.id)
    return job


def _claim(engine: Engine, job_id: int) -> bool:
    now = datetime.now(UTC)
    with engine.begin() as connection:
        result = connection.execute(
            update(ImportJob)
            .where(ImportJob.id == job_id, ImportJob.status == "queued")  # type: ignore[arg-type]
            .values(
                status="running",
                attempts=ImportJob.attempts + 1,
                started_at=now,
                heartbeat_at=now,
            )
        )
        return bool(result.rowcount)


def _failed(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "line": row.get("line"),
        "label": str(row.get("title", ""))[:120],
        "ok": False,
        "problems": [{"field": "", "message": "kon niet worden opgeslagen / could not be saved"}],
    }


def _prepare(
    session: Session, store: RowStore, batch: list[dict[str, Any]], problems: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(row, values) for the rows of the batch that are not there yet (nor twice in it)."""
    keys = [store.key(row) for row in batch]
    present = store.existing(session, keys)
    ready, seen = [], set(present)
    for row, key in zip(batch, keys, strict=True):
        if key in seen:
            continue
        seen.add(key)
        try:
            ready.append((row, store.values(session, row)))
        except Exception as exc:  # one bad row is reported; the others go on
            reason = type(exc).__name__  # no row content: it may hold personal data
            log.warning("import job %s: row %s failed: %s", store.job.id, row.get("line"), reason)
            problems.append(_failed(row))
    return ready


def _run_batch(session: Session, store: RowStore, batch: list[dict[str, Any]]) -> None:
    job = store.job
    problems = list(job.problems)
    failed_before = len(problems)
    ready = _prepare(session, store, batch, problems)
    try:
        with session.begin_nested():
            store.insert(session, [values for _row, values in ready])
        added = len(ready)
    except Exception:
        added = 0
        for row, values in ready:
            try:
                with session.begin_nested():
                    store.insert(session, [values])
                added += 1
            except Exception:
                problems.append(_failed(row))
    job.failed += len(problems) - failed_before
    job.added += added
    job.skipped += len(batch) - added - (len(problems) - failed_before)
    job.problems = problems
    job.done += len(batch)
    job.heartbeat_at = datetime.now(UTC)
    session.add(job)
    session.commit()


def run_import_job(
    *, engine: Engine, job_id: int, extract: Extract | None = None, batch_size: int = BATCH
) -> bool:
    """Run a queued job to its end; False when another worker has it or it is finished."""
    if not _claim(engine, job_id):
        return False
    with Session(engine, expire_on_commit=False) as session:
        job = session.get(ImportJob, job_id)
        if job is None:
            return False
        rows = list(job.rows)
        store = RowStore(job, extract)
        try:
            while job.done < len(rows):
                _run_batch(session, store, rows[job.done : job.done + batch_size])
        except Exception:
            session.rollback()
            _finish(engine, job_id, "failed", STOPPED)
            raise
    _finish(engine, job_id, "done", "")
    return True


def _finish(engine: Engine, job_id: int, status: str, message: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(ImportJob)
            .where(ImportJob.id == job_id)  # type: ignore[arg-type]
            .values(status=status, message=message, finished_at=datetime.now(UTC))
        )


def recover_jobs(*, session: Session, stale_after: timedelta = STALE_AFTER) -> list[int]:
    """Jobs to queue again after a restart: queued ones, and running ones whose worker stopped
    sending heartbeats (they resume where their last batch was committed)."""
    limit = datetime.now(UTC) - stale_after
    ids: list[int] = []
    for job in session.exec(select(ImportJob).where(ImportJob.status.in_(("queued", "running")))):  # type: ignore[attr-defined]
        beat = job.heartbeat_at
        if beat is not None and beat.tzinfo is None:
            beat = beat.replace(tzinfo=UTC)
        if job.status == "running" and beat is not None and beat > limit:
            continue
        job.status = "queued"
        session.add(job)
        ids.append(int(job.id or 0))
    session.commit()
    return ids


def job_progress(*, session: Session, job_id: int) -> dict[str, Any] | None:
    """What a progress page shows (JSON-ready); None for an unknown job."""
    job = session.get(ImportJob, job_id)
    if job is None:
        return None
    percent = 100 if job.total == 0 else round(100 * job.done / job.total)
    return {
        "id": job.id, "kind": job.kind, "filename": job.filename, "status": job.status,
        "total": job.total, "done": job.done, "percent": percent, "added": job.added,
        "skipped": job.skipped, "failed": job.failed, "problems": job.problems,
        "message": job.message,
    }  # fmt: skip
