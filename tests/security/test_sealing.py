"""Sensitive free text is encrypted at rest (AES-GCM, a key per participant)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from jobmatch.db import models
from jobmatch.db.engine import make_engine
from jobmatch.security import keys
from jobmatch.services.setup import init_database
from tests.security.helpers import (
    CANARY_AVOID,
    CANARY_MAIL,
    CANARY_NOTE,
    CANARY_STORY,
    SEALED_CANARIES,
    make_person,
)


def _raw_sensitive_values(engine: Engine) -> list[str]:
    queries = (
        "SELECT contact_email, contact_phone, notes, profile FROM participant",
        "SELECT description FROM experience",
        "SELECT evidence FROM participant_competency",
    )
    with engine.connect() as connection:
        return [str(v) for q in queries for row in connection.execute(text(q)) for v in row]


def test_rows_read_back_in_plain_text_but_are_stored_sealed(engine: Engine) -> None:
    with Session(engine) as session:
        person = make_person(session)
    with Session(engine) as session:
        row = session.get(models.Participant, person.participant_id)
        assert row is not None
        assert (row.contact_email, row.notes) == (CANARY_MAIL, CANARY_NOTE)
        assert row.profile["avoid"]["employers"] == [CANARY_AVOID]
        assert row.profile["income_need_net_month"] == 1400
        story = session.exec(select(models.Experience)).one()
        assert story.description == CANARY_STORY
        row.notes = "nieuwe notitie"
        session.add(row)
        session.commit()
        assert row.notes == "nieuwe notitie"  # refreshed after commit, opened again
    raw = _raw_sensitive_values(engine)
    assert len(raw) == 6
    assert all(value.strip('"').startswith(keys.SEALED_PREFIX) for value in raw)
    for canary in (*SEALED_CANARIES, "nieuwe notitie"):
        assert not any(canary in value for value in raw)


def test_raw_sqlite_file_holds_no_plain_canary(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    init_database(url=database_url)
    engine = make_engine(database_url)
    with Session(engine) as session:
        make_person(session)
    engine.dispose()
    blob = b"".join(p.read_bytes() for p in tmp_path.glob("test.sqlite*"))
    assert b"Hotel" in blob  # plain columns are there: the scan itself works
    for canary in SEALED_CANARIES:
        assert canary.encode() not in blob


def test_each_participant_has_their_own_key_and_wrong_master_key_fails(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Session(engine) as session:
        first = make_person(session, slug="a", alias="een")
        second = make_person(session, slug="b", alias="twee")
    with engine.connect() as connection:
        wrapped = connection.execute(text("SELECT id, wrapped FROM data_key")).all()
    assert len(wrapped) == 2
    assert len({w for _, w in wrapped}) == 2
    monkeypatch.setenv(keys.ENV_MASTER_KEY, "11" * 32)
    with Session(engine) as session, pytest.raises(keys.CryptoKeyError):
        session.get(models.Participant, first.participant_id)
    assert second.participant_id != first.participant_id


def test_master_key_file_is_created_once_with_mode_0600(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(keys.ENV_MASTER_KEY)
    keys.use_instance(tmp_path)
    try:
        key = keys.master_key()
        assert keys.master_key() == key and len(key) == 32
        assert (tmp_path / keys.MASTER_FILE).stat().st_mode & 0o777 == 0o600
    finally:
        keys._instance_key_file = None
    with pytest.raises(keys.CryptoKeyError):
        keys.master_key()
    monkeypatch.setenv(keys.ENV_MASTER_KEY, "not-hex")
    with pytest.raises(keys.CryptoKeyError):
        keys.master_key()


def test_rows_stored_before_encryption_are_read_and_sealed_at_their_next_write(
    engine: Engine,
) -> None:
    with Session(engine) as session:
        person = make_person(session)
    with engine.begin() as connection:  # as an installation upgraded from 0001 would have it
        connection.execute(text("DELETE FROM data_key"))
        connection.execute(
            text(
                "UPDATE participant SET key_id = NULL, notes = 'oud', contact_email = NULL,"
                " contact_phone = NULL, profile = '{}'"
            )
        )
        connection.execute(text("UPDATE experience SET description = 'oude tekst'"))
        connection.execute(text("UPDATE participant_competency SET evidence = NULL"))
    with Session(engine) as session:
        story = session.exec(select(models.Experience)).one()
        assert story.description == "oude tekst"
        story.description = "nieuwe tekst"
        session.add(story)
        session.commit()
        row = session.get(models.Participant, person.participant_id)
        assert row is not None and row.notes == "oud" and row.key_id
        row.notes = "nieuw"
        session.add(row)
        session.commit()
    with Session(engine) as session:
        again = session.get(models.Participant, person.participant_id)
        assert again is not None and again.notes == "nieuw"
        assert session.exec(select(models.Experience)).one().description == "nieuwe tekst"
    raw = _raw_sensitive_values(engine)
    assert not any("nieuw" in value for value in raw)


def test_seal_existing_encrypts_every_plain_value_left_by_an_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from jobmatch.cli import main

    instance = tmp_path / "instance"
    instance.mkdir()
    url = f"sqlite:///{instance / 'jobmatch.sqlite'}"
    init_database(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        person = make_person(session)
    with engine.begin() as connection:  # plain text, as written before 0002_secdata
        connection.execute(text("DELETE FROM data_key"))
        connection.execute(
            text(
                "UPDATE participant SET key_id = NULL, notes = :n, contact_email = NULL, "
                "contact_phone = NULL, profile = :p"
            ),
            {"n": CANARY_NOTE, "p": '{"x": 1}'},
        )
        connection.execute(text("UPDATE experience SET description = :d"), {"d": CANARY_STORY})
        connection.execute(text("UPDATE participant_competency SET evidence = NULL"))
    engine.dispose()
    monkeypatch.delenv("JOBMATCH_DATABASE_URL", raising=False)
    result = CliRunner().invoke(main, ["seal-existing", "--instance", str(instance)])
    assert result.exit_code == 0, result.output
    assert "2 rijen" in result.output  # the participant row and the experience row
    engine = make_engine(url)
    raw = [v for v in _raw_sensitive_values(engine) if v != "None"]
    assert len(raw) == 3 and all(v.strip('"').startswith(keys.SEALED_PREFIX) for v in raw)
    with Session(engine) as session:
        row = session.get(models.Participant, person.participant_id)
        assert row is not None and row.notes == CANARY_NOTE and row.profile == {"x": 1}
    engine.dispose()
    blob = b"".join(p.read_bytes() for p in instance.glob("jobmatch.sqlite*"))
    assert CANARY_NOTE.encode() not in blob and CANARY_STORY.encode() not in blob


def test_seal_existing_on_both_databases_leaves_sealed_rows_alone(engine: Engine) -> None:
    from jobmatch.services.encryption import seal_existing

    with Session(engine) as session:
        make_person(session, slug="a", alias="sealed-already")
        plain = make_person(session, slug="b", alias="plain")
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE experience SET description = :d WHERE participant_id = :p"),
            {"d": CANARY_STORY, "p": plain.participant_id},
        )
    with Session(engine) as session:
        assert seal_existing(session=session) == 1
        assert seal_existing(session=session) == 0
        story = session.exec(
            select(models.Experience).where(
                models.Experience.participant_id == plain.participant_id
            )
        ).one()
        assert story.description == CANARY_STORY
    assert not any(CANARY_STORY in value for value in _raw_sensitive_values(engine))
