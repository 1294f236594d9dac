"""Raise `pool_state.revision` whenever the ranking pool changes, in the same transaction.

Two SQLAlchemy session events cover every way the pool is written: `before_flush` (rows added,
changed or deleted through the ORM) and `do_orm_execute` (bulk UPDATE/DELETE statements, e.g.
archiving every expired vacancy at once). Readers compare one integer instead of the pool.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import ORMExecuteState, Session

from jobmatch.db import models

POOL_TABLES = (models.Vacancy, models.TrainingPlace, models.Employer)
_NAMES = {str(model.__tablename__) for model in POOL_TABLES}
_BUMP = text("UPDATE pool_state SET revision = revision + 1 WHERE id = 1")
_CREATE = text("INSERT INTO pool_state (id, revision) VALUES (1, 1)")


def bump(session: Session) -> None:
    connection = session.connection()
    if connection.execute(_BUMP).rowcount == 0:
        connection.execute(_CREATE)


def _touches_pool(session: Session) -> bool:
    changed = (*session.new, *session.dirty, *session.deleted)
    return any(isinstance(obj, POOL_TABLES) for obj in changed)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if _touches_pool(session):
        bump(session)


@event.listens_for(Session, "do_orm_execute")
def _bulk_write(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in _NAMES:
        bump(state.session)


def current(session: Session) -> int:
    found = session.connection().execute(text("SELECT revision FROM pool_state WHERE id = 1"))
    value = found.scalar()
    return int(value) if value is not None else 0
