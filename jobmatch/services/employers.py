"""Use cases of the employer network: edit an employer, log a contact, the "to call this week"
list, open places per employer, and what a participant's document may know of an employer.

Contact details (names of contact persons, phone, e-mail, approach notes) are for the coordinator
only: `document_employer` is the one way documents get employer data, and it gives the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, col, select

from jobmatch.db.models import Employer, EmployerContactLog, TrainingPlace, Vacancy
from jobmatch.domain.errors import JobmatchError
from jobmatch.services.pool import ranking_pool

SIZES = ("", "1-10", "11-50", "51-250", "250+")
CHANNELS = ("phone", "email", "visit", "other")
EDITABLE = ("name", "sector", "city", "pc4", "size", "locations", "open_to_gap",
            "approach_notes", "notes", "next_follow_up")  # fmt: skip
_PC4 = re.compile(r"^[1-9][0-9]{3}$")


def _get(session: Session, employer_id: int) -> Employer:
    employer = session.get(Employer, employer_id)
    if employer is None or employer.merged_into_id is not None:
        raise JobmatchError(f"Werkgever niet gevonden / employer not found: {employer_id}")
    return employer


def _check(changes: dict[str, Any]) -> list[str]:
    problems = [
        f"{name}: onbekend veld / unknown field" for name in changes if name not in EDITABLE
    ]
    if "size" in changes and changes["size"] not in SIZES:
        problems.append(f"size: kies uit / choose from {', '.join(SIZES[1:])}")
    pc4s = [changes["pc4"]] if changes.get("pc4") else []
    pc4s += list(changes.get("locations") or [])
    problems += [f"pc4: '{p}' is geen postcode / not a postcode" for p in pc4s if not _PC4.match(p)]
    if "name" in changes and not str(changes["name"]).strip():
        problems.append("name: ontbreekt / is missing")
    return problems


def update_employer(*, session: Session, employer_id: int, changes: dict[str, Any]) -> Employer:
    """Change some fields; every problem is named at once and nothing changes if any."""
    problems = _check(changes)
    if problems:
        raise JobmatchError("; ".join(problems))
    employer = _get(session, employer_id)
    for name, value in changes.items():
        setattr(employer, name, value)
    session.add(employer)
    session.commit()
    session.refresh(employer)
    return employer


def log_contact(
    *,
    session: Session,
    employer_id: int,
    on: date,
    channel: str,
    summary: str,
    next_follow_up: date | None = None,
    staff_user_id: int | None = None,
) -> int:
    """Add to the contact history; sets (or clears) the next follow-up date."""
    if channel not in CHANNELS:
        raise JobmatchError(f"Kies uit / choose from {', '.join(CHANNELS)}")
    employer = _get(session, employer_id)
    entry = EmployerContactLog(
        employer_id=employer_id, on=on, channel=channel, summary=summary.strip(),
        staff_user_id=staff_user_id,
    )  # fmt: skip
    employer.next_follow_up = next_follow_up
    session.add_all([entry, employer])
    session.commit()
    return int(entry.id or 0)


def contact_history(*, session: Session, employer_id: int) -> list[EmployerContactLog]:
    statement = select(EmployerContactLog).where(EmployerContactLog.employer_id == employer_id)
    return list(session.exec(statement.order_by(col(EmployerContactLog.on).desc())))


def to_call_this_week(*, session: Session, today: date) -> list[Employer]:
    """Employers whose follow-up date is due by Sunday of this week (overdue ones first)."""
    sunday = today + timedelta(days=6 - today.weekday())
    statement = (
        select(Employer)
        .where(col(Employer.merged_into_id).is_(None))
        .where(col(Employer.next_follow_up).is_not(None), col(Employer.next_follow_up) <= sunday)
        .order_by(col(Employer.next_follow_up), col(Employer.name))
    )
    return list(session.exec(statement))


@dataclass(frozen=True)
class OpenPlaces:
    vacancies: list[Vacancy]
    training: list[TrainingPlace]


def open_places(*, session: Session, employer_id: int, today: date) -> OpenPlaces:
    """The employer's open vacancies (the ranking pool) and its work-experience/learning places."""
    vacancies = [
        v for v in ranking_pool(session=session, today=today) if v.employer_id == employer_id
    ]
    statement = select(TrainingPlace).where(
        TrainingPlace.employer_id == employer_id, col(TrainingPlace.archived).is_(False)
    )
    return OpenPlaces(vacancies, list(session.exec(statement)))


@dataclass(frozen=True)
class DocumentEmployer:
    """All a participant's document may say about an employer: its name. Nothing else."""

    name: str


def document_employer(*, session: Session, vacancy_id: int) -> DocumentEmployer | None:
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None or vacancy.employer_id is None:
        return None
    employer = session.get(Employer, vacancy.employer_id)
    return DocumentEmployer(employer.name) if employer else None
