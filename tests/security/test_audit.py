"""The audit log is a hash chain: appends verify, tampering of any kind is detected."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from jobmatch.services import audit
from tests.security.helpers import make_person


def _fill(engine: Engine) -> list[int]:
    with Session(engine) as session:
        person = make_person(session)
        ids = [
            audit.record(
                session=session,
                action=action,
                staff_user_id=person.staff_user_id,
                organisation_id=person.organisation_id,
                participant_id=person.participant_id,
                detail={"page": "profiel", "n": n},
            )
            for n, action in enumerate(("view", "update", "view", "download"))
        ]
    return ids


def test_an_untouched_chain_verifies(engine: Engine) -> None:
    ids = _fill(engine)
    with Session(engine) as session:
        verdict = audit.verify_chain(session=session)
        entries = audit.list_events(session=session, organisation_id=1, limit=2)
    assert verdict.ok and verdict.checked == len(ids) == 4
    assert [e.id for e in entries] == [ids[3], ids[2]]  # newest first, paged
    assert entries[0].detail == {"page": "profiel", "n": 3}


def _drop_guard(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.execute(text("DROP TRIGGER audit_event_no_update"))
        connection.execute(text("DROP TRIGGER audit_event_no_delete"))
    else:
        connection.execute(text("DROP TRIGGER audit_event_append_only ON audit_event"))


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_event SET action = 'create' WHERE id = {mid}",
        "UPDATE audit_event SET staff_user_id = NULL WHERE id = {mid}",
        "DELETE FROM audit_event WHERE id = {mid}",
        "UPDATE audit_event SET participant_id = 999 WHERE id = {mid}",
    ],
)
def test_tampering_is_detected(engine: Engine, tamper: str) -> None:
    ids = _fill(engine)
    with engine.begin() as connection:
        with pytest.raises(DBAPIError, match="append-only"), connection.begin_nested():
            connection.execute(text(tamper.format(mid=ids[1]).replace("999", "1")))
        _drop_guard(connection)  # an attacker who owns the database can do this
        if "999" in tamper:  # point the entry at another existing participant
            with Session(bind=connection) as session:
                other = make_person(session, slug="b", alias="ander")
            tamper = tamper.replace("999", str(other.participant_id))
        connection.execute(text(tamper.format(mid=ids[1])))
    with Session(engine) as session:
        verdict = audit.verify_chain(session=session)
    assert not verdict.ok
    assert verdict.broken_at in (ids[1], ids[2])


def test_detail_with_free_text_is_refused(engine: Engine) -> None:
    with Session(engine) as session:
        person = make_person(session)
        with pytest.raises(audit.AuditError):
            audit.record(
                session=session,
                action="view",
                staff_user_id=person.staff_user_id,
                organisation_id=person.organisation_id,
                detail={"note": "Ana vertelde over haar week"},
            )
        with pytest.raises(audit.AuditError):
            audit.record(session=session, action="gossip", staff_user_id=None, organisation_id=None)
