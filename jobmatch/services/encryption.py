"""Use case: seal sensitive text stored before encryption existed (an upgraded installation).

Finds rows whose sensitive columns still hold plain text (no `jm1:` prefix), marks those
columns changed so the sealing events encrypt them at the flush, commits, and on SQLite
checkpoints the WAL (with `secure_delete=ON` the old plain cells are overwritten).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, or_
from sqlalchemy.orm.attributes import flag_modified
from sqlmodel import Session, col, select

from jobmatch.db import models
from jobmatch.db.sealing import sensitive_columns
from jobmatch.security.keys import SEALED_PREFIX
from jobmatch.services.privacy import checkpoint_wal

SEALED_TABLES: tuple[type[Any], ...] = (
    models.Participant,
    models.Experience,
    models.ParticipantCompetency,
)


def _plain_ids(session: Session, model: type[Any]) -> list[int]:
    conditions = []
    for name, is_json in sensitive_columns(model).items():
        column = getattr(model, name)
        prefix = f'"{SEALED_PREFIX}%' if is_json else f"{SEALED_PREFIX}%"
        text_value = cast(column, String) if is_json else column
        conditions.append(col(column).is_not(None) & ~text_value.like(prefix))
    query = select(model.id).where(or_(*conditions)).order_by(model.id)
    return [int(found) for found in session.exec(query)]


def seal_existing(*, session: Session) -> int:
    """Seal every plain sensitive value; returns the number of rows rewritten."""
    rewritten = 0
    for model in SEALED_TABLES:
        for row_id in _plain_ids(session, model):
            row = session.get(model, row_id)
            for name in sensitive_columns(model):
                flag_modified(row, name)
            rewritten += 1
        session.commit()
    checkpoint_wal(session)
    return rewritten
