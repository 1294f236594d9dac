"""Bring a database to the newest schema with Alembic, without leaving half-created files.

A new SQLite file is built next to its final place and renamed when complete; PostgreSQL runs
all migrations in one transaction (its DDL is transactional).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from jobmatch.db.engine import MIGRATIONS, DatabaseError, make_engine


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Run every missing migration in one transaction."""
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise DatabaseError(f"Database bijwerken mislukt / migration failed: {reason}") from exc


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def create_sqlite_file(path: Path) -> None:
    """Build the schema in a temporary file in the same folder, then rename it into place."""
    handle, temp_name = tempfile.mkstemp(prefix=".jobmatch-new-", suffix=".sqlite", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        engine = make_engine(f"sqlite:///{temp}")
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        os.replace(temp, path)
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)
