"""Use cases for the employer pages, with the actor's permission checked here.

The network is shared by the organisations of one installation, except an employer that carries
an `organisation_id`: that one (and its contacts, notes and history) is only for its own
organisation; to others it does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from jobmatch.db.models import Employer, EmployerContact, EmployerContactLog
from jobmatch.domain.access import Actor, Permission, require
from jobmatch.domain.errors import JobmatchError
from jobmatch.services import employer_contacts as contacts
from jobmatch.services import employers as network


class EmployerNotFound(JobmatchError):
    """No employer with this id for this organisation (pages answer 404)."""


def _visible(actor: Actor) -> Any:
    return or_(
        col(Employer.organisation_id).is_(None),
        col(Employer.organisation_id) == actor.organisation_id,
    )


def list_employers(*, session: Session, actor: Actor, sector: str = "") -> list[Employer]:
    require(actor, Permission.NETWORK_VIEW)
    statement = select(Employer).where(col(Employer.merged_into_id).is_(None), _visible(actor))
    if sector:
        statement = statement.where(col(Employer.sector) == sector)
    return list(session.exec(statement.order_by(col(Employer.name)).limit(1000)))


def to_call(*, session: Session, actor: Actor, today: date) -> list[Employer]:
    require(actor, Permission.NETWORK_VIEW)
    visible = {e.id for e in list_employers(session=session, actor=actor)}
    return [e for e in network.to_call_this_week(session=session, today=today) if e.id in visible]


def get_employer(*, session: Session, actor: Actor, employer_id: int) -> Employer:
    require(actor, Permission.NETWORK_VIEW)
    employer = session.get(Employer, employer_id)
    mine = employer is not None and employer.organisation_id in (None, actor.organisation_id)
    if employer is None or not mine or employer.merged_into_id is not None:
        raise EmployerNotFound(f"Werkgever niet gevonden / employer not found: {employer_id}")
    return employer


@dataclass(frozen=True)
class EmployerPage:
    employer: Employer
    contacts: list[EmployerContact]
    history: list[EmployerContactLog]
    places: network.OpenPlaces


def employer_page(*, session: Session, actor: Actor, employer_id: int, today: date) -> EmployerPage:
    """The employer with its open places; contacts and history only for who may edit."""
    employer = get_employer(session=session, actor=actor, employer_id=employer_id)
    places = network.open_places(session=session, employer_id=employer_id, today=today)
    if Permission.NETWORK_EDIT not in actor.permissions:
        return EmployerPage(employer, [], [], places)
    people = session.exec(
        select(EmployerContact)
        .where(col(EmployerContact.employer_id) == employer_id)
        .order_by(col(EmployerContact.name))
    )
    history = network.contact_history(session=session, employer_id=employer_id)
    return EmployerPage(employer, list(people), history, places)


def update(*, session: Session, actor: Actor, employer_id: int, changes: dict[str, Any]) -> None:
    require(actor, Permission.NETWORK_EDIT)
    get_employer(session=session, actor=actor, employer_id=employer_id)
    network.update_employer(session=session, employer_id=employer_id, changes=changes)


def log_contact(
    *, session: Session, actor: Actor, employer_id: int, on: date, channel: str, summary: str,
    next_follow_up: date | None,
) -> None:  # fmt: skip
    require(actor, Permission.NETWORK_EDIT)
    get_employer(session=session, actor=actor, employer_id=employer_id)
    network.log_contact(
        session=session, employer_id=employer_id, on=on, channel=channel, summary=summary,
        next_follow_up=next_follow_up, staff_user_id=actor.user_id,
    )  # fmt: skip


def export(*, session: Session, actor: Actor, fmt: str) -> str:
    require(actor, Permission.NETWORK_EDIT)
    return contacts.export_contacts(session=session, fmt=fmt)


def import_contacts(*, session: Session, actor: Actor, raw: bytes, filename: str) -> dict[str, int]:
    require(actor, Permission.NETWORK_EDIT)
    return contacts.import_contacts(session=session, raw=raw, filename=filename)


def merge_preview(*, session: Session, actor: Actor, keep: int, drop: int) -> contacts.MergePreview:
    require(actor, Permission.NETWORK_EDIT)
    for employer_id in (keep, drop):
        get_employer(session=session, actor=actor, employer_id=employer_id)
    return contacts.merge_preview(session=session, keep=keep, drop=drop)


def merge(*, session: Session, actor: Actor, keep: int, drop: int) -> None:
    merge_preview(session=session, actor=actor, keep=keep, drop=drop)
    contacts.merge_employers(session=session, keep=keep, drop=drop)


def duplicates(*, session: Session, actor: Actor) -> list[tuple[Employer, Employer]]:
    require(actor, Permission.NETWORK_EDIT)
    pairs = []
    for keep, drop in contacts.duplicate_candidates(session=session):
        first, second = session.get(Employer, keep), session.get(Employer, drop)
        if first and second and {first.organisation_id, second.organisation_id} <= {
            None, actor.organisation_id,
        }:  # fmt: skip
            pairs.append((first, second))
    return pairs
