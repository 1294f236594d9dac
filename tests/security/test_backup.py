"""`jobmatch backup` / `jobmatch restore`: encrypted, restored and compared on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text
from sqlmodel import Session

from jobmatch.cli import main
from jobmatch.db import models
from jobmatch.db.engine import make_engine
from jobmatch.services import audit
from jobmatch.services.backup import BackupError, make_backup, restore_backup
from tests.security.helpers import CANARY_ALIAS, CANARY_NOTE, CANARY_STORY, make_person

TABLES = ("participant", "experience", "participant_competency", "data_key", "audit_event")


def _snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as connection:
        return {t: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
                for t in TABLES}  # fmt: skip


def _fill(engine: Engine) -> int:
    with Session(engine) as session:
        person = make_person(session)
        audit.record(
            session=session,
            action="view",
            staff_user_id=person.staff_user_id,
            organisation_id=person.organisation_id,
            participant_id=person.participant_id,
        )
    return person.participant_id


def test_backup_restore_gives_the_same_rows(
    engine: Engine, database_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    person_id = _fill(engine)
    before = _snapshot(engine)
    instance = tmp_path / "instance"
    instance.mkdir()
    out = tmp_path / "backup.jmbk"
    info = make_backup(url=database_url, instance=instance, out=out)
    blob = out.read_bytes()
    assert CANARY_NOTE.encode() not in blob and b"participant" not in blob  # encrypted
    engine.dispose()
    if info.kind == "postgresql":
        schema = database_url.rsplit("search_path%3D", 1)[-1]
        admin: Engine = request.getfixturevalue("postgres_admin")
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        restore_backup(url=database_url, instance=instance, source=out)
    else:
        with pytest.raises(BackupError, match="bestaat al"):
            restore_backup(url=database_url, instance=instance, source=out)
        restore_backup(url=database_url, instance=instance, source=out, force=True)
    again = make_engine(database_url)
    try:
        assert _snapshot(again) == before
        with Session(again) as session:
            story = session.get(models.Participant, person_id)
            assert story is not None and story.notes == CANARY_NOTE
            assert audit.verify_chain(session=session).ok
            assert session.exec(text("SELECT description FROM experience")).one()[0] != CANARY_STORY  # type: ignore[call-overload]
    finally:
        again.dispose()


def test_cli_backup_and_restore_of_sqlite_and_wrong_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    instance = tmp_path / "instance"
    instance.mkdir()
    url = f"sqlite:///{instance / 'jobmatch.sqlite'}"
    from jobmatch.services.setup import init_database

    init_database(url=url)
    engine = make_engine(url)
    _fill(engine)
    before = _snapshot(engine)
    engine.dispose()
    monkeypatch.delenv("JOBMATCH_DATABASE_URL", raising=False)
    runner = CliRunner()
    out = tmp_path / "b.jmbk"
    made = runner.invoke(main, ["backup", "-o", str(out), "--instance", str(instance)])
    assert made.exit_code == 0, made.output
    assert (instance / "backup_key").stat().st_mode & 0o777 == 0o600
    (instance / "jobmatch.sqlite").unlink()
    back = runner.invoke(main, ["restore", str(out), "--instance", str(instance)])
    assert back.exit_code == 0, back.output
    engine = make_engine(url)
    assert _snapshot(engine) == before
    engine.dispose()
    verified = runner.invoke(main, ["audit", "verify", "--instance", str(instance)])
    assert verified.exit_code == 0 and "1 entries" in verified.output
    (instance / "backup_key").write_text("ab" * 32)
    wrong = runner.invoke(main, ["restore", str(out), "--force", "--instance", str(instance)])
    assert wrong.exit_code == 2 and "andere sleutel" in wrong.output
    assert "Traceback" not in wrong.output
    (instance / "jobmatch.sqlite").unlink()
    missing = runner.invoke(main, ["audit", "verify", "--instance", str(instance)])
    assert missing.exit_code == 2 and "niet gevonden" in missing.output
    assert not (instance / "jobmatch.sqlite").exists()  # verifying never creates a database


def test_restoring_an_older_backup_erases_again_who_was_erased_since(tmp_path: Path) -> None:
    from jobmatch.services.privacy import erase_participant
    from jobmatch.services.setup import init_database

    instance = tmp_path / "instance"
    instance.mkdir()
    url = f"sqlite:///{instance / 'jobmatch.sqlite'}"
    init_database(url=url)
    engine = make_engine(url)
    with Session(engine) as session:
        person = make_person(session)
        stays = make_person(session, slug="b", alias="blijft")
    out = tmp_path / "old.jmbk"
    make_backup(url=url, instance=instance, out=out)
    with Session(engine) as session:
        erase_participant(session=session, participant_id=person.participant_id,
                          organisation_id=person.organisation_id, staff_user_id=None,
                          instance=instance)  # fmt: skip
    engine.dispose()
    restore_backup(url=url, instance=instance, source=out, force=True)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            assert session.get(models.Participant, person.participant_id) is None
            assert session.get(models.Participant, stays.participant_id) is not None
            assert audit.verify_chain(session=session).ok
    finally:
        engine.dispose()
    files = b"".join(p.read_bytes() for p in instance.glob("jobmatch.sqlite*"))
    assert b"blijft" in files and CANARY_ALIAS.encode() not in files
