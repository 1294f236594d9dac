"""Small queries used by services: find by natural key, count rows."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from jobmatch.db import models

T = TypeVar("T", bound=SQLModel)

SEEDED_TABLES: tuple[type[SQLModel], ...] = (
    models.Organisation,
    models.StaffUser,
    models.Employer,
    models.EmployerContact,
    models.Vacancy,
    models.TrainingPlace,
    models.Participant,
    models.Experience,
    models.ParticipantCompetency,
    models.LanguageSkill,
)


def find_one(session: Session, model: type[T], **criteria: Any) -> T | None:
    """The row whose columns equal `criteria` (a natural key), or None."""
    statement = select(model)
    for column, value in criteria.items():
        statement = statement.where(getattr(model, column) == value)
    return session.exec(statement).first()


def count(session: Session, model: type[SQLModel]) -> int:
    return int(session.exec(select(func.count()).select_from(model)).one())


def row_counts(session: Session) -> dict[str, int]:
    """Rows per seeded table, keyed by table name."""
    return {str(model.__tablename__): count(session, model) for model in SEEDED_TABLES}


def staff_by_email(session: Session, email: str) -> models.StaffUser | None:
    return find_one(session, models.StaffUser, email=email.strip().lower())
