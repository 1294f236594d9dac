"""Use cases of the audit log: append an entry, list entries for an admin, verify the chain.

Entries say who (staff id) did what (an action code) to which participant, when. `detail` holds
codes and numbers only, never names or free text: `record` refuses anything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from jobmatch.db.engine import DatabaseError, make_engine, parse_url
from jobmatch.db.migrate import sqlite_file
from jobmatch.db.models import AuditEvent, Participant, utcnow
from jobmatch.domain.errors import JobmatchError
from jobmatch.security.chain import GENESIS, Link, Verdict, link_hash, verify

_CODE = re.compile(r"^[A-Za-z0-9_.:-]{0,64}$")
_PG_CHAIN_LOCK = 0x6A6D_0A0D  # one advisory lock serialises appends on PostgreSQL
ACTIONS = frozenset(
    {"view", "create", "update", "export", "erase", "consent", "download", "upload", "login"}
)


class AuditError(JobmatchError):
    """An audit entry cannot be written as asked."""


@dataclass(frozen=True)
class AuditEntry:
    """One entry as the admin viewer shows it."""

    id: int
    at: datetime
    staff_user_id: int | None
    action: str
    participant_id: int | None
    participant_ref: str | None
    detail: dict[str, Any]


def _checked_detail(detail: Mapping[str, Any] | None) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in (detail or {}).items():
        plain = value is None or isinstance(value, bool | int | float)
        if not _CODE.match(key) or not (plain or (isinstance(value, str) and _CODE.match(value))):
            raise AuditError(
                "Audit-details mogen alleen codes en getallen bevatten / audit detail may hold "
                f"codes and numbers only (field {key[:40]!r})"
            )
        clean[key] = value
    return clean


def _last_hash(session: Session) -> str:
    if session.get_bind().dialect.name == "postgresql":
        session.exec(text("SELECT pg_advisory_xact_lock(:key)").bindparams(key=_PG_CHAIN_LOCK))  # type: ignore[call-overload]
    last = session.exec(select(AuditEvent.hash).order_by(col(AuditEvent.id).desc()).limit(1))
    return last.first() or GENESIS


def append_event(
    session: Session,
    *,
    action: str,
    staff_user_id: int | None,
    organisation_id: int | None,
    participant_id: int | None = None,
    detail: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Add one chained entry inside the caller's transaction (the caller commits)."""
    if action not in ACTIONS:
        raise AuditError(f"Onbekende audit-actie / unknown audit action: {action[:40]!r}")
    clean = _checked_detail(detail)
    ref = None
    if participant_id is not None:
        person = session.get(Participant, participant_id)
        ref = person.key_id if person is not None else None
    prev, at = _last_hash(session), utcnow()
    fields: dict[str, Any] = {
        "at": at,
        "organisation_id": organisation_id,
        "staff_user_id": staff_user_id,
        "action": action,
        "participant_ref": ref,
        "detail": clean,
    }
    row = AuditEvent.model_validate({"participant_id": participant_id, "prev_hash": prev, **fields})
    row.hash = link_hash(prev_hash=prev, **fields)
    session.add(row)
    session.flush()
    return row


def record(
    *,
    session: Session,
    action: str,
    staff_user_id: int | None,
    organisation_id: int | None,
    participant_id: int | None = None,
    detail: Mapping[str, Any] | None = None,
) -> int:
    """Append one entry and commit; returns its id."""
    row = append_event(
        session,
        action=action,
        staff_user_id=staff_user_id,
        organisation_id=organisation_id,
        participant_id=participant_id,
        detail=detail,
    )
    session.commit()
    return int(row.id or 0)


def list_events(
    *,
    session: Session,
    organisation_id: int,
    participant_id: int | None = None,
    limit: int = 100,
    before_id: int | None = None,
) -> list[AuditEntry]:
    """Newest first, one organisation only; page with `before_id`."""
    query = select(AuditEvent).where(AuditEvent.organisation_id == organisation_id)
    if participant_id is not None:
        query = query.where(AuditEvent.participant_id == participant_id)
    if before_id is not None:
        query = query.where(col(AuditEvent.id) < before_id)
    rows = session.exec(query.order_by(col(AuditEvent.id).desc()).limit(max(1, min(limit, 500))))
    return [
        AuditEntry(
            int(r.id or 0),
            r.at,
            r.staff_user_id,
            r.action,
            r.participant_id,
            r.participant_ref,
            dict(r.detail),
        )
        for r in rows
    ]


def _links(session: Session, page: int = 1000) -> Iterator[Link]:
    """Every entry in id order, read in pages (no server-side cursor left open)."""
    after = 0
    while True:
        query = select(AuditEvent).where(col(AuditEvent.id) > after)
        rows = list(session.exec(query.order_by(col(AuditEvent.id)).limit(page)))
        for r in rows:
            yield Link(int(r.id or 0), r.at, r.organisation_id, r.staff_user_id, r.action,
                       r.participant_ref, r.detail, r.prev_hash, r.hash)  # fmt: skip
        if len(rows) < page:
            return
        after = int(rows[-1].id or 0)


def _mismatched_subject(session: Session) -> int | None:
    """An entry whose participant_id points at someone other than its pseudonym, if any."""
    query = (
        select(AuditEvent.id)
        .join(Participant, col(Participant.id) == col(AuditEvent.participant_id))
        .where(col(Participant.key_id) != col(AuditEvent.participant_ref))
        .order_by(col(AuditEvent.id))
    )
    found = session.exec(query).first()
    return int(found) if found is not None else None


def verify_chain(*, session: Session) -> Verdict:
    """Check every link, then that no entry was moved to another participant."""
    verdict = verify(_links(session))
    if not verdict.ok:
        return verdict
    moved = _mismatched_subject(session)
    if moved is not None:
        return Verdict(
            verdict.checked, moved, "participant does not match its pseudonym", verdict.head
        )
    return verdict


def verify_database(*, url: str) -> Verdict:
    """`verify_chain` on the database at `url`; DatabaseError if unreadable (never creates one)."""
    path = sqlite_file(parse_url(url))
    if path is not None and not path.is_file():
        raise DatabaseError(f"Database niet gevonden / database not found: {path}")
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return verify_chain(session=session)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise DatabaseError(f"Auditlog niet leesbaar / audit log unreadable: {reason}") from exc
    finally:
        engine.dispose()


def record_page_access(
    *,
    engine: Engine,
    action: str,
    staff_user_id: int | None,
    organisation_id: int,
    participant_id: int,
    page: str,
    by_staff: bool,
) -> None:
    """One entry for a page of a participant that was shown or changed, in its own session.
    Nothing when she no longer exists (erased in that request: the erasure wrote its entry)."""
    with Session(engine) as session:
        if session.get(Participant, participant_id) is None:
            return
        record(
            session=session, action=action, staff_user_id=staff_user_id,
            organisation_id=organisation_id, participant_id=participant_id,
            detail={"page": page, "by": "staff" if by_staff else "self"},
        )  # fmt: skip
