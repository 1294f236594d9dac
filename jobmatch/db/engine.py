"""Database URL, engines (SQLite pragmas on every connection), migrations to head."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from jobmatch.domain.errors import JobmatchError

ENV_URL = "JOBMATCH_DATABASE_URL"
DATABASE_FILE = "jobmatch.sqlite"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_PRAGMAS = (
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("secure_delete", "ON"),
    ("foreign_keys", "ON"),
)


class DatabaseError(JobmatchError):
    """The database cannot be reached, opened or brought up to date."""


def database_url(instance: Path) -> str:
    """JOBMATCH_DATABASE_URL if set, else the SQLite file in the instance folder."""
    configured = os.environ.get(ENV_URL, "").strip()
    return configured or f"sqlite:///{instance / DATABASE_FILE}"


def parse_url(url: str) -> URL:
    """The URL with `postgresql://` mapped to the psycopg 3 driver we ship."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(
            f"Geen geldige database-URL / not a valid database URL: {_safe(url)}"
        ) from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _safe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.rsplit("@", maxsplit=1)[-1]


def set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for name, value in SQLITE_PRAGMAS:
        cursor.execute(f"PRAGMA {name}={value}")
    cursor.close()


def make_engine(url: str | URL, *, schema: str | None = None) -> Engine:
    """An engine for SQLite (pragmas set on every connection) or PostgreSQL.

    `schema` sets the PostgreSQL search_path (used to isolate tests). Statement logs and error
    messages never show the values (`hide_parameters`): they may be personal data.
    """
    from jobmatch.db import pool_revision  # noqa: F401  (registers the pool-revision events)

    parsed = parse_url(url) if isinstance(url, str) else url
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(
                parsed, connect_args={"check_same_thread": False}, hide_parameters=True
            )
            event.listen(engine, "connect", set_sqlite_pragmas)
            return engine
        args = {"options": f"-csearch_path={schema}"} if schema else {}
        return create_engine(parsed, pool_pre_ping=True, connect_args=args, hide_parameters=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(
            f"Database-soort niet ondersteund / unsupported database: {parsed.drivername}"
        ) from exc


def check_connection(engine: Engine) -> None:
    """Raise DatabaseError with one clear sentence if the database cannot be reached."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        where = engine.url.render_as_string(hide_password=True)
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise DatabaseError(
            f"Database niet bereikbaar / database unreachable ({where}): {reason}"
        ) from exc
