"""Applications: the board per participant and for the whole organisation, moves with a note,
and the job hunter's list of what needs attention this week.

Statuses: voorgesteld (suggested) → gesolliciteerd (applied) → gesprek (interview) →
aangenomen (hired) / afgewezen (rejected) / teruggetrokken (withdrawn).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, col, select

from jobmatch.db import models
from jobmatch.domain.access import Actor, Permission, require
from jobmatch.services.participants import InputProblems, get_participant

STATUSES = models.APPLICATION_STATUSES
OPEN = ("voorgesteld", "gesolliciteerd", "gesprek")
QUIET_DAYS = 14  # an open application without news for this long needs a call
NAZORG_DAYS = 31  # a participant in aftercare without contact this long needs one
CODE_WARNING = timedelta(days=2)
MAX_NOTE = 2000


@dataclass(frozen=True)
class Card:
    id: int
    participant_id: int
    participant: str
    target: str
    kind: str  # vacancy | training
    status: str
    updated: datetime
    notes: str


def _target_title(session: Session, row: models.Application) -> tuple[str, str]:
    if row.vacancy_id is not None:
        vacancy = session.get(models.Vacancy, row.vacancy_id)
        return (vacancy.title if vacancy else "?"), "vacancy"
    place = session.get(models.TrainingPlace, row.training_place_id)
    return (place.title if place else "?"), "training"


def _cards(session: Session, rows: list[models.Application]) -> list[Card]:
    aliases: dict[int, str] = {}
    cards = []
    for row in rows:
        if row.participant_id not in aliases:
            person = session.get(models.Participant, row.participant_id)
            aliases[row.participant_id] = person.alias if person else "?"
        title, kind = _target_title(session, row)
        cards.append(Card(row.id or 0, row.participant_id, aliases[row.participant_id], title,
                          kind, row.status, _aware(row.updated_at), row.notes or ""))  # fmt: skip
    return cards


def board(
    *, session: Session, actor: Actor, participant_id: int | None = None
) -> dict[str, list[Card]]:
    """Cards per status, newest first; one participant's or the whole organisation's."""
    require(actor, Permission.CASEWORK)
    A = models.Application
    statement = select(A).where(A.organisation_id == actor.organisation_id)
    if participant_id is not None:
        get_participant(session=session, actor=actor, participant_id=participant_id)
        statement = statement.where(A.participant_id == participant_id)
    rows = list(session.exec(statement.order_by(col(A.updated_at).desc())).all())
    columns: dict[str, list[Card]] = {status: [] for status in STATUSES}
    for card in _cards(session, rows):
        columns[card.status].append(card)
    return columns


def add_application(
    *,
    session: Session,
    actor: Actor,
    participant_id: int,
    vacancy_id: int | None = None,
    training_place_id: int | None = None,
    note: str = "",
) -> int:
    """A new application (status voorgesteld) for a vacancy or a training place; no duplicates."""
    require(actor, Permission.CASEWORK)
    person = get_participant(session=session, actor=actor, participant_id=participant_id)
    if (vacancy_id is None) == (training_place_id is None):
        raise InputProblems({"target": "Kies een vacature of een opleiding / choose one"})
    target_model = models.Vacancy if vacancy_id is not None else models.TrainingPlace
    if session.get(target_model, vacancy_id or training_place_id) is None:
        raise InputProblems({"target": "Niet gevonden / not found"})
    A = models.Application
    existing = session.exec(
        select(A).where(
            A.participant_id == participant_id,
            A.vacancy_id == vacancy_id,
            A.training_place_id == training_place_id,
        )
    ).first()
    if existing is not None:
        if existing.id is None:
            raise RuntimeError("invariant broken: existing.id is not None")
        return existing.id  # a double submit creates nothing twice
    now = datetime.now(UTC)
    row = A(
        organisation_id=person.organisation_id, participant_id=participant_id,
        vacancy_id=vacancy_id, training_place_id=training_place_id, notes=note[:MAX_NOTE] or None,
        status_history=[{"status": "voorgesteld", "at": now.isoformat(), "by": str(actor.user_id)}],
    )  # fmt: skip
    session.add(row)
    session.commit()
    if row.id is None:
        raise RuntimeError("invariant broken: row.id is not None")
    return row.id


def move_application(
    *, session: Session, actor: Actor, application_id: int, status: str, note: str = ""
) -> None:
    """Move to another status; the move is kept in the history with the date."""
    require(actor, Permission.CASEWORK)
    row = session.get(models.Application, application_id)
    if row is None or row.organisation_id != actor.organisation_id:
        raise InputProblems({"application": "Niet gevonden / not found"})
    if status not in STATUSES:
        raise InputProblems({"status": "Onbekende stap / unknown status"})
    now = datetime.now(UTC)
    row.status = status
    row.status_history = [
        *row.status_history,
        {"status": status, "at": now.isoformat(), "by": str(actor.user_id)},
    ]
    if note.strip():
        stamp = now.date().isoformat()
        row.notes = ((row.notes or "") + f"\n{stamp}: {note.strip()}").strip()[-MAX_NOTE * 4 :]
    row.updated_at = now
    session.add(row)
    session.commit()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class FollowUp:
    quiet_applications: list[Card]
    nazorg_without_contact: list[models.Participant]
    codes_expiring: list[tuple[models.Participant, datetime]]
    appointments: list[models.Participant]


def follow_up(*, session: Session, actor: Actor, today: date | None = None) -> FollowUp:
    """What needs the job hunter this week."""
    require(actor, Permission.CASEWORK)
    today = today or date.today()
    org = actor.organisation_id
    A, P, W = models.Application, models.Participant, models.WorkshopCode
    quiet_since = datetime.combine(today, datetime.min.time(), UTC) - timedelta(days=QUIET_DAYS)
    quiet = session.exec(
        select(A).where(
            A.organisation_id == org, col(A.status).in_(OPEN), col(A.updated_at) < quiet_since
        )
    ).all()
    active = select(P).where(P.organisation_id == org, P.archived == False)  # noqa: E712
    nazorg = [
        p for p in session.exec(active.where(P.phase == "nazorg")).all()
        if p.last_contact is None or (today - p.last_contact).days > NAZORG_DAYS
    ]  # fmt: skip
    week_end = today + timedelta(days=7)
    appointments = [
        p for p in session.exec(active).all()
        if p.next_follow_up is not None and p.next_follow_up <= week_end
    ]  # fmt: skip
    now = datetime.now(UTC)
    codes = session.exec(select(W).where(W.organisation_id == org, col(W.used_at).is_(None))).all()
    expiring = []
    for code in codes:
        ends = _aware(code.expires_at)
        if now < ends <= now + CODE_WARNING:
            person = session.get(P, code.participant_id)
            if person is not None:
                expiring.append((person, ends))
    return FollowUp(_cards(session, list(quiet)), nazorg, expiring, appointments)
