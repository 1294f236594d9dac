"""GDPR: consent, export (zip with JSON), erasure that leaves no trace but a pseudonymous log."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session

from jobmatch.db.engine import make_engine
from jobmatch.services import audit, privacy
from jobmatch.services.setup import init_database
from tests.security.helpers import (
    CANARY_ALIAS,
    CANARY_MAIL,
    CANARY_STORY,
    SEALED_CANARIES,
    make_person,
)


def test_export_holds_everything_in_plain_text(engine: Engine) -> None:
    with Session(engine) as session:
        person = make_person(session)
        privacy.record_consent(
            session=session,
            participant_id=person.participant_id,
            organisation_id=person.organisation_id,
            staff_user_id=person.staff_user_id,
            given_on=date(2026, 11, 30),
            text_version="2026-1",
        )
        blob = privacy.export_participant(
            session=session,
            participant_id=person.participant_id,
            organisation_id=person.organisation_id,
            staff_user_id=person.staff_user_id,
            documents={"../cv-ana.docx": b"PK-fake-docx"},
        )
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        assert sorted(archive.namelist()) == ["documents/cv-ana.docx", "participant.json"]
        data = json.loads(archive.read("participant.json"))
    assert data["participant"]["contact_email"] == CANARY_MAIL
    assert data["participant"]["consent_version"] == "2026-1"
    assert data["experience"][0]["description"] == CANARY_STORY
    assert data["consent_record"][0]["given_on"] == "2026-11-30"
    assert [e["action"] for e in data["audit_event"]] == ["consent", "export"]


def test_export_of_another_organisations_participant_is_refused(engine: Engine) -> None:
    with Session(engine) as session:
        person = make_person(session)
        other = make_person(session, slug="b", alias="ander")
        with pytest.raises(privacy.ParticipantNotFound):
            privacy.export_participant(
                session=session,
                participant_id=person.participant_id,
                organisation_id=other.organisation_id,
                staff_user_id=other.staff_user_id,
            )


def test_erasure_deletes_all_rows_and_keeps_a_valid_pseudonymous_chain(engine: Engine) -> None:
    with Session(engine) as session:
        person = make_person(session)
        keep = make_person(session, slug="b", alias="blijft")
        audit.record(
            session=session,
            action="view",
            staff_user_id=person.staff_user_id,
            organisation_id=person.organisation_id,
            participant_id=person.participant_id,
        )
        result = privacy.erase_participant(
            session=session,
            participant_id=person.participant_id,
            organisation_id=person.organisation_id,
            staff_user_id=person.staff_user_id,
        )
        assert audit.verify_chain(session=session).ok
        entries = audit.list_events(session=session, organisation_id=person.organisation_id)
    assert result.rows_deleted == 4 and result.audit_entries_pseudonymised == 2
    assert [e.action for e in entries] == ["erase", "view"]
    assert {e.participant_id for e in entries} == {None}
    assert {e.participant_ref for e in entries} == {result.participant_ref}
    with engine.connect() as connection:
        for table in ("participant", "experience", "participant_competency", "language_skill"):
            left = connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            assert left == 1, table  # only the other organisation's participant remains
        assert connection.execute(text("SELECT count(*) FROM data_key")).scalar() == 1
    assert keep.participant_id != person.participant_id


def test_after_erasure_no_canary_in_sqlite_file_wal_or_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'erase.sqlite'}"
    init_database(url=url)
    engine = make_engine(url)
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # logs every statement + values
    try:
        with Session(engine) as session:
            person = make_person(session)
            privacy.export_participant(
                session=session,
                participant_id=person.participant_id,
                organisation_id=person.organisation_id,
                staff_user_id=None,
            )
            files = b"".join(p.read_bytes() for p in tmp_path.glob("erase.sqlite*"))
            assert CANARY_ALIAS.encode() in files  # before: the plain alias is on disk
            result = privacy.erase_participant(
                session=session,
                participant_id=person.participant_id,
                organisation_id=person.organisation_id,
                staff_user_id=person.staff_user_id,
            )
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
        engine.dispose()
    assert result.wal_checkpointed
    files = b"".join(p.read_bytes() for p in tmp_path.glob("erase.sqlite*"))
    logs = caplog.text
    assert "INSERT INTO participant" in logs  # the statement log was really captured
    for canary in (CANARY_ALIAS, *SEALED_CANARIES):
        assert files.count(canary.encode()) == 0, canary
        assert logs.count(canary) == 0, canary
