"""Use cases for the coordinator's vacancy pages: the filtered list, one vacancy, its edits.

Vacancies are shared by the organisations of one installation (the network is common ground);
reading needs NETWORK_VIEW, changing NETWORK_EDIT (checked here, not only on the page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import or_
from sqlmodel import Session, col, func, select

from jobmatch.db.models import Employer, Vacancy
from jobmatch.domain.access import Actor, Permission, require
from jobmatch.domain.errors import JobmatchError

Status = Literal["open", "expired", "archived", "all"]
LIST_LIMIT = 200
EDITABLE = ("title", "sector", "pc4", "closing_date", "archived")


class VacancyNotFound(JobmatchError):
    """No vacancy with this id (pages answer 404)."""


@dataclass(frozen=True)
class VacancyLine:
    vacancy: Vacancy
    employer: str


def list_vacancies(
    *,
    session: Session,
    actor: Actor,
    today: date,
    status: Status = "open",
    sector: str = "",
    group: str = "",
    limit: int = LIST_LIMIT,
) -> list[VacancyLine]:
    """Vacancies by status (open / expired / archived / all), sector and ISCO major group."""
    require(actor, Permission.NETWORK_VIEW)
    statement = select(Vacancy, Employer.name).outerjoin(
        Employer, col(Employer.id) == col(Vacancy.employer_id)
    )
    expired = col(Vacancy.closing_date) < today
    if status == "open":
        statement = statement.where(col(Vacancy.archived).is_(False), col(Vacancy.active).is_(True))
        statement = statement.where(or_(col(Vacancy.closing_date).is_(None), ~expired))
    elif status == "expired":
        statement = statement.where(col(Vacancy.archived).is_(False), expired)
    elif status == "archived":
        statement = statement.where(col(Vacancy.archived).is_(True))
    if sector.strip():
        statement = statement.where(func.lower(Vacancy.sector) == sector.strip().lower())
    if group.strip():
        statement = statement.where(col(Vacancy.isco_group).startswith(group.strip()[:4]))
    statement = statement.order_by(col(Vacancy.title), col(Vacancy.id)).limit(limit)
    return [VacancyLine(vacancy, name or "") for vacancy, name in session.exec(statement)]


def sectors(*, session: Session, actor: Actor) -> list[str]:
    require(actor, Permission.NETWORK_VIEW)
    found = session.exec(select(Vacancy.sector).distinct().where(col(Vacancy.sector).is_not(None)))
    return sorted({value for value in found if value})


def get_vacancy(*, session: Session, actor: Actor, vacancy_id: int) -> VacancyLine:
    require(actor, Permission.NETWORK_VIEW)
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise VacancyNotFound(f"Vacature niet gevonden / vacancy not found: {vacancy_id}")
    employer = session.get(Employer, vacancy.employer_id) if vacancy.employer_id else None
    return VacancyLine(vacancy, employer.name if employer else "")


def update_vacancy(
    *, session: Session, actor: Actor, vacancy_id: int, changes: dict[str, Any]
) -> Vacancy:
    """Change title, sector, postcode, closing date or archived; nothing changes on a problem."""
    require(actor, Permission.NETWORK_EDIT)
    unknown = [name for name in changes if name not in EDITABLE]
    if unknown:
        raise JobmatchError(f"Onbekend veld / unknown field: {', '.join(unknown)}")
    if "title" in changes and not str(changes["title"]).strip():
        raise JobmatchError("De titel ontbreekt. / The title is missing.")
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise VacancyNotFound(f"Vacature niet gevonden / vacancy not found: {vacancy_id}")
    for name, value in changes.items():
        setattr(vacancy, name, value)
    session.add(vacancy)
    session.commit()
    session.refresh(vacancy)
    return vacancy


def preview_paste(*, session: Session, actor: Actor, pasted: str, employer: str = "") -> Any:
    """The paste preview (see services.paste), for a coordinator only."""
    from jobmatch.services.paste import preview_pasted_vacancy

    require(actor, Permission.NETWORK_EDIT)
    return preview_pasted_vacancy(session=session, pasted=pasted, employer=employer)


def save_paste(
    *, session: Session, actor: Actor, preview: Any, sector: str | None, pc4: str | None
) -> int:
    """Save the confirmed preview and link the best ESCO occupation for its title and text."""
    from jobmatch.services.occupations import best_occupation
    from jobmatch.services.paste import save_pasted_vacancy

    require(actor, Permission.NETWORK_EDIT)
    vacancy_id = save_pasted_vacancy(session=session, preview=preview, sector=sector, pc4=pc4)
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is not None and vacancy.occupation_uri is None:
        vacancy.occupation_uri, vacancy.isco_group = best_occupation(vacancy.title, vacancy.text)
        session.add(vacancy)
        session.commit()
    return vacancy_id
