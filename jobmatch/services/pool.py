"""Use cases: the pool of open places that ranking draws from, closing dates and the archive.

A vacancy is in the pool when it is active, not archived, and its closing date (if any) is today
or later. Every ranking from the database goes through `ranking_pool`, so expired vacancies
never reach a match.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from jobmatch.db.models import Employer, TrainingPlace, Vacancy


def ranking_pool(*, session: Session, today: date) -> list[Vacancy]:
    """Open vacancies: active, not archived, not past their closing date."""
    statement = (
        select(Vacancy)
        .where(col(Vacancy.active).is_(True), col(Vacancy.archived).is_(False))
        .where(or_(col(Vacancy.closing_date).is_(None), col(Vacancy.closing_date) >= today))
        .order_by(col(Vacancy.id))
    )
    return list(session.exec(statement))


def training_pool(*, session: Session) -> list[TrainingPlace]:
    statement = select(TrainingPlace).where(col(TrainingPlace.archived).is_(False))
    return list(session.exec(statement.order_by(col(TrainingPlace.id))))


def archive_expired(*, session: Session, today: date) -> int:
    """Archive every vacancy whose closing date has passed; returns how many."""
    result = session.execute(
        update(Vacancy)
        .where(col(Vacancy.archived).is_(False), col(Vacancy.closing_date) < today)
        .values(archived=True)
    )
    session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


def set_archived(*, session: Session, vacancy_id: int, archived: bool = True) -> bool:
    """Archive (or bring back) one vacancy; False when it does not exist."""
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None:
        return False
    vacancy.archived = archived
    session.add(vacancy)
    session.commit()
    return True


def vacancy_choices(*, session: Session, today: date | None = None) -> list[tuple[int, str]]:
    """(id, title) of the open vacancies, by title: what a letter or an application can be for."""
    rows = ranking_pool(session=session, today=today or date.today())
    return sorted(((v.id, v.title) for v in rows if v.id is not None), key=lambda r: r[1])


def training_choices(*, session: Session) -> list[tuple[int, str]]:
    """(id, title) of the training places in the catalogue, by title."""
    rows = training_pool(session=session)
    return sorted(((t.id, t.title) for t in rows if t.id is not None), key=lambda r: r[1])


def known_sectors(*, session: Session) -> list[str]:
    """Sectors that occur among vacancies and employers (suggestions for the wishes form)."""
    found = set(session.exec(select(Vacancy.sector).distinct()).all())
    found |= set(session.exec(select(Employer.sector).distinct()).all())
    return sorted(s for s in found if s)
