"""Participants for the job hunter: list, create, edit, archive; the profile as domain object.

Every function takes the acting user and works only inside the actor's organisation: a query
never returns another organisation's row (`ParticipantNotFound`, which pages show as 404, so
not even the existence of an id leaks). Free text about a person lives in sensitive columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from jobmatch.db import models
from jobmatch.db.schemas import ParticipantCreate
from jobmatch.domain.access import Actor, Permission, require, require_participant
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile

OPEN_STATUSES = ("voorgesteld", "gesolliciteerd", "gesprek")
BASIC_FIELDS = (
    "alias", "phase", "city", "pc4", "birth_year", "full_name", "contact_email", "contact_phone",
    "last_contact", "next_follow_up", "entry_date",
)  # fmt: skip


class ParticipantNotFound(JobmatchError):
    """No participant with this id in the actor's organisation."""


class InputProblems(JobmatchError):
    """Form input that cannot be saved; `fields` maps each field name to its message."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in fields.items()))
        self.fields = fields


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    alias: str
    phase: str
    last_contact: date | None
    next_follow_up: date | None
    open_applications: int
    archived: bool


def list_participants(
    *, session: Session, actor: Actor, search: str = "", archived: bool = False
) -> list[ParticipantRow]:
    """The organisation's participants (active or archived), matching `search` on alias/city."""
    require(actor, Permission.CASEWORK)
    P = models.Participant
    statement = select(P).where(P.organisation_id == actor.organisation_id, P.archived == archived)
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        statement = statement.where(
            or_(func.lower(P.alias).like(pattern), func.lower(P.city).like(pattern))
        )
    rows = session.exec(statement.order_by(func.lower(P.alias))).all()
    counts = _open_applications(session, actor.organisation_id, [r.id for r in rows if r.id])
    return [
        ParticipantRow(
            id=r.id or 0,
            alias=r.alias,
            phase=r.phase,
            last_contact=r.last_contact,
            next_follow_up=r.next_follow_up,
            open_applications=counts.get(r.id or 0, 0),
            archived=r.archived,
        )
        for r in rows
    ]


def _open_applications(session: Session, organisation_id: int, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    A = models.Application
    statement = (
        select(A.participant_id, func.count())
        .where(A.organisation_id == organisation_id, col(A.participant_id).in_(ids))
        .where(col(A.status).in_(OPEN_STATUSES))
        .group_by(col(A.participant_id))
    )
    return {int(pid): int(n) for pid, n in session.exec(statement).all()}


def get_participant(*, session: Session, actor: Actor, participant_id: int) -> models.Participant:
    """The participant, if the actor may see her; ParticipantNotFound otherwise."""
    found = session.get(models.Participant, participant_id)
    if found is None or found.organisation_id != actor.organisation_id:
        raise ParticipantNotFound("Deelnemer niet gevonden / participant not found")
    require_participant(actor, found.organisation_id, participant_id)
    return found


def _validated(data: dict[str, Any]) -> dict[str, Any]:
    try:
        valid = ParticipantCreate.model_validate(data)
    except ValidationError as exc:
        raise InputProblems(
            {str(e["loc"][0]): _message(e) for e in exc.errors() if e.get("loc")}
        ) from exc
    return valid.model_dump(exclude_unset=True)


def _message(error: Any) -> str:
    kind = error.get("type", "")
    if kind == "string_pattern_mismatch":
        return "Klopt niet (bijvoorbeeld 2521) / not valid (e.g. 2521)"
    if kind in ("missing", "string_too_short"):
        return "Vul dit in / please fill this in"
    if kind == "string_too_long":
        return "Te lang / too long"
    return "Klopt niet / not valid"


def _alias_taken(session: Session, organisation_id: int, alias: str, own_id: int | None) -> bool:
    """Case-insensitive in every script (SQLite's lower() folds ASCII only: 'Éva' vs 'éva')."""
    P = models.Participant
    wanted = alias.strip().casefold()
    rows = session.exec(select(P.id, P.alias).where(P.organisation_id == organisation_id)).all()
    return any(name.strip().casefold() == wanted and pid != own_id for pid, name in rows)


def _commit_unique(session: Session) -> None:
    """Commit; a name taken meanwhile by another request is a form problem, not a crash."""
    try:
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise InputProblems({"alias": "Deze naam bestaat al / this name is already used"}) from exc


def create_participant(*, session: Session, actor: Actor, data: dict[str, Any]) -> int:
    """A new participant in the actor's organisation; InputProblems for bad input."""
    require(actor, Permission.CASEWORK)
    clean = _validated({k: v for k, v in data.items() if k in BASIC_FIELDS})
    if _alias_taken(session, actor.organisation_id, clean["alias"], None):
        raise InputProblems({"alias": "Deze naam bestaat al / this name is already used"})
    row = models.Participant(organisation_id=actor.organisation_id, **clean)
    row.entry_date = row.entry_date or date.today()
    session.add(row)
    _commit_unique(session)
    if row.id is None:
        raise RuntimeError("invariant broken: row.id is not None")
    return row.id


def update_participant(
    *, session: Session, actor: Actor, participant_id: int, data: dict[str, Any]
) -> None:
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    require(actor, Permission.CASEWORK)
    current = {name: getattr(row, name) for name in BASIC_FIELDS}
    current.update({k: v for k, v in data.items() if k in BASIC_FIELDS})
    clean = _validated(current)
    if _alias_taken(session, actor.organisation_id, clean["alias"], row.id):
        raise InputProblems({"alias": "Deze naam bestaat al / this name is already used"})
    for name in BASIC_FIELDS:
        setattr(row, name, clean.get(name))
    session.add(row)
    _commit_unique(session)


def set_archived(*, session: Session, actor: Actor, participant_id: int, archived: bool) -> None:
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    require(actor, Permission.CASEWORK)
    row.archived = archived
    session.add(row)
    session.commit()


def record_consent(*, session: Session, actor: Actor, participant_id: int, version: str) -> None:
    """She agreed to the privacy text of `version` today (who: the audit log records it)."""
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    row.consent_date, row.consent_version = date.today(), version
    session.add(row)
    session.commit()


def update_profile_data(
    *, session: Session, actor: Actor, participant_id: int, changes: dict[str, Any]
) -> None:
    """Merge `changes` (preferences, income need, avoid list …) into the profile, validated."""
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    merged = {**row.profile, **changes}
    profile_from_dict({**_profile_dict(session, row), **merged})  # raises ProfileError
    row.profile = merged
    session.add(row)
    session.commit()


def replace_languages(
    *, session: Session, actor: Actor, participant_id: int, languages: list[tuple[str, str]]
) -> None:
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    L = models.LanguageSkill
    for old in session.exec(select(L).where(L.participant_id == participant_id)).all():
        session.delete(old)
    for language, level in languages:
        session.add(L(organisation_id=row.organisation_id, participant_id=participant_id,
                      language=language, level=level))  # fmt: skip
    session.commit()


def _profile_dict(session: Session, row: models.Participant) -> dict[str, Any]:
    pid = row.id
    E, C, L = models.Experience, models.ParticipantCompetency, models.LanguageSkill
    experiences = session.exec(
        select(E).where(E.participant_id == pid).order_by(col(E.position))
    ).all()
    competencies = session.exec(select(C).where(C.participant_id == pid)).all()
    languages = session.exec(select(L).where(L.participant_id == pid)).all()
    return {
        "name": row.full_name or row.alias,
        "contact": {
            "email": row.contact_email or "",
            "phone": row.contact_phone or "",
            "city": row.city,
            "postcode": row.pc4 or "",
        },
        "languages": [{"language": x.language, "level": x.level} for x in languages],
        "experiences": [
            {
                "title": x.title,
                "kind": x.kind,
                "description": x.description or "",
                "neutral_line": x.neutral_line,
                "show_on_cv": x.show_on_cv,
            }
            for x in experiences
        ],
        "competencies": [
            {"id": x.competency_id, "evidence": x.evidence or "", "status": x.status}
            for x in competencies
        ],
    }


def profile_of(*, session: Session, actor: Actor, participant_id: int) -> Profile:
    """The participant as the engine sees her (matching, documents)."""
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    return profile_from_dict({**row.profile, **_profile_dict(session, row)}, source=row.alias)


def update_contact(
    *, session: Session, actor: Actor, participant_id: int, data: dict[str, Any]
) -> None:
    """Her own name and contact details for her CV (she may change these herself)."""
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    allowed_fields = ("full_name", "contact_email", "contact_phone", "city")
    current = {name: getattr(row, name) for name in BASIC_FIELDS}
    current.update({k: (v or None) for k, v in data.items() if k in allowed_fields})
    current["city"] = current.get("city") or ""
    clean = _validated(current)
    for name in allowed_fields:
        setattr(row, name, clean.get(name))
    session.add(row)
    session.commit()


def record_exit(
    *,
    session: Session,
    actor: Actor,
    participant_id: int,
    exit_date: date,
    exit_reason: str,
    outcome: str | None,
    work_pc4: str | None = None,
) -> None:
    """She left the programme: dropped out, or left the trade with an outcome (for the report)."""
    require(actor, Permission.CASEWORK)
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    problems: dict[str, str] = {}
    if exit_reason not in models.EXIT_REASONS:
        problems["exit_reason"] = "Kies een reden / choose a reason"
    if exit_reason == "uitgestroomd" and outcome not in models.OUTCOMES:
        problems["outcome"] = "Kies wat ze nu doet / choose what she does now"
    if row.entry_date and exit_date < row.entry_date:
        problems["exit_date"] = "Ligt voor de startdatum / is before the start date"
    if work_pc4 and not (len(work_pc4) == 4 and work_pc4.isdigit() and work_pc4[0] != "0"):
        problems["work_pc4"] = "Vier cijfers, bijvoorbeeld 2521 / four digits"
    if problems:
        raise InputProblems(problems)
    row.exit_date, row.exit_reason = exit_date, exit_reason
    row.outcome = outcome if exit_reason == "uitgestroomd" else None
    row.work_pc4 = work_pc4 or None
    session.add(row)
    session.commit()
