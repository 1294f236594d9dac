"""The database store behind the web app's server-side sessions (when no Redis is configured).

Each call is one short transaction of its own: the session is read before and written after the
request's own work, never inside it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session
from sqlmodel import col

from jobmatch.db.models import WebSession


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def load(engine: Engine, session_id: str) -> bytes | None:
    """The stored data of a session that has not expired, else None."""
    with Session(engine) as db:
        row = db.execute(
            select(col(WebSession.data), col(WebSession.expiry)).where(
                col(WebSession.session_id) == session_id
            )
        ).first()
    if row is None or _aware(row.expiry) <= datetime.now(UTC):
        return None
    return bytes(row.data)


def save(engine: Engine, session_id: str, data: bytes, expiry: datetime) -> None:
    with Session(engine) as db, db.begin():
        found = db.execute(
            select(WebSession).where(col(WebSession.session_id) == session_id)
        ).scalar_one_or_none()
        if found is None:
            db.add(WebSession(session_id=session_id, data=data, expiry=expiry))
        else:
            found.data, found.expiry = data, expiry


def remove(engine: Engine, session_id: str) -> None:
    with Session(engine) as db, db.begin():
        db.execute(delete(WebSession).where(col(WebSession.session_id) == session_id))


def remove_expired(engine: Engine) -> None:
    with Session(engine) as db, db.begin():
        db.execute(delete(WebSession).where(col(WebSession.expiry) <= datetime.now(UTC)))
