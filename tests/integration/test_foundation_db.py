"""Database: pragmas, migrations to head, constraints, seeding twice (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from jobmatch.db import migrate, models
from jobmatch.db.engine import DatabaseError, check_connection, make_engine
from jobmatch.db.passwords import verify_password
from jobmatch.db.repositories import row_counts, staff_by_email
from jobmatch.services.setup import init_database, seed_demo


def test_sqlite_pragmas_are_set_on_every_connection(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    init_database(url=url)
    engine = make_engine(url)
    try:
        for _ in range(2):  # a fresh DBAPI connection each time
            with engine.connect() as connection:
                raw = {
                    name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("journal_mode", "synchronous", "secure_delete", "foreign_keys")
                }
            expected = {"journal_mode": "wal", "synchronous": 2, "secure_delete": 1}
            assert raw == {**expected, "foreign_keys": 1}
            engine.dispose()
    finally:
        engine.dispose()


def test_migrations_reach_head_and_match_the_models(engine: Engine) -> None:
    assert migrate.current_revision(engine) == migrate.head_revision() is not None
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == []


def test_init_database_twice_keeps_data(database_url: str) -> None:
    assert init_database(url=database_url).created is True
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            session.add(models.Organisation(slug="org", name="Org"))
            session.commit()
        again = init_database(url=database_url)
        assert again.created is False
        assert again.revision == migrate.head_revision()
        with Session(engine) as session:
            assert [o.slug for o in session.exec(select(models.Organisation))] == ["org"]
    finally:
        engine.dispose()


def test_new_sqlite_file_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_upgrade(engine: Engine) -> None:
        raise DatabaseError("Database bijwerken mislukt / migration failed: simulated")

    monkeypatch.setattr(migrate, "upgrade", broken_upgrade)
    target = tmp_path / "jobmatch.sqlite"
    with pytest.raises(DatabaseError, match="simulated"):
        init_database(url=f"sqlite:///{target}")
    assert list(tmp_path.iterdir()) == []


def test_unreachable_postgres_is_one_clear_error() -> None:
    engine = make_engine("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    try:
        with pytest.raises(DatabaseError, match="database unreachable") as caught:
            check_connection(engine)
    finally:
        engine.dispose()
    assert "127.0.0.1:1" in str(caught.value)
    assert "\n" not in str(caught.value)


def _organisation(session: Session) -> int:
    org = models.Organisation(slug="org", name="Org")
    session.add(org)
    session.commit()
    return int(org.id or 0)


def test_constraints_reject_bad_rows(session: Session) -> None:
    org_id = _organisation(session)
    session.add(models.Participant(organisation_id=org_id, alias="x", phase="onbekend"))
    with pytest.raises(IntegrityError):
        session.commit()
    session.rollback()
    session.add(models.Participant(organisation_id=org_id + 999, alias="y"))
    with pytest.raises(IntegrityError):  # foreign keys are on, on SQLite too
        session.commit()
    session.rollback()
    consent = date(2026, 1, 5)
    session.add(
        models.Participant(
            organisation_id=org_id, alias="z", phase="oriëntatie", consent_date=consent
        )
    )
    session.commit()
    stored = session.exec(select(models.Participant)).one()
    assert (stored.phase, stored.consent_date) == ("oriëntatie", date(2026, 1, 5))


def test_deleting_a_participant_deletes_their_rows(session: Session) -> None:
    org_id = _organisation(session)
    person = models.Participant(organisation_id=org_id, alias="p")
    session.add(person)
    session.commit()
    experience = models.Experience(
        organisation_id=org_id, participant_id=person.id or 0, title="Kok", kind="work"
    )
    session.add(experience)
    session.commit()
    session.delete(person)
    session.commit()
    assert session.exec(select(models.Experience)).all() == []


def test_seed_twice_gives_the_same_rows(session: Session, demo_root: Path) -> None:
    added = seed_demo(session=session, root=demo_root, extract=False)
    counts = row_counts(session)
    assert added == counts
    assert counts == {
        "organisation": 1, "staff_user": 3, "employer": 2, "employer_contact": 1,
        "vacancy": 2, "training_place": 1, "participant": 1, "experience": 1,
        "participant_competency": 1, "language_skill": 2,
    }  # fmt: skip
    again = seed_demo(session=session, root=demo_root, extract=False)
    assert set(again.values()) == {0}
    assert row_counts(session) == counts


def test_seeded_rows_carry_the_demo_data(session: Session, demo_root: Path) -> None:
    seed_demo(session=session, root=demo_root, extract=False)
    user = staff_by_email(session, "Coordinator@Demo-Noord.example")
    assert user is not None and user.role == "coordinator"
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, "demo-wachtwoord-2")
    assert not verify_password(user.password_hash, "wrong")
    query = select(models.Vacancy).where(models.Vacancy.source == "jobs/receptionist.txt")
    vacancy = session.exec(query).one()
    employer = session.get(models.Employer, vacancy.employer_id)
    assert employer is not None and employer.key == "hotel-zee" and employer.open_to_gap
    assert len(vacancy.content_hash) == 64
    person = session.exec(select(models.Participant)).one()
    assert (person.alias, person.phase, person.pc4) == ("ana", "oriëntatie", "2525")
    assert person.profile["preferences"]["avoid_shifts"] == []
    place = session.exec(select(models.TrainingPlace)).one()
    assert place.competencies_taught == ["gastvrijheid", "samenwerken"]
    assert place.start_dates == ["september", "februari"]


def test_a_failing_seed_leaves_nothing_behind(
    session: Session, demo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobmatch.db import seed

    def broken(*_args: object) -> None:
        raise RuntimeError("simulated crash while seeding participants")

    monkeypatch.setattr(seed, "seed_participants", broken)
    with pytest.raises(RuntimeError, match="simulated"):
        seed_demo(session=session, root=demo_root, extract=False)
    assert set(row_counts(session).values()) == {0}


def test_the_shipped_demo_data_seeds_once(session: Session) -> None:
    from jobmatch.datafiles.paths import data_root

    root = data_root()
    added = seed_demo(session=session, root=root, extract=False)
    jobs = list((root / "vacancies" / "jobs").glob("*.txt"))
    training = list((root / "vacancies" / "training").glob("*.toml"))
    people = list((root / "vacancies" / "participants").glob("*.json"))
    assert added["vacancy"] == len(jobs) >= 30
    assert added["training_place"] == len(training) >= 10
    assert added["participant"] == len(people) >= 5
    assert added["staff_user"] >= 3
    assert set(seed_demo(session=session, root=root, extract=False).values()) == {0}


def test_seeding_stores_the_extraction_of_each_vacancy(tmp_path: Path, demo_root: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    init_database(url=url)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            seed_demo(session=session, root=demo_root, extract=True)
            vacancy = session.exec(
                select(models.Vacancy).where(models.Vacancy.title == "Receptionist")
            ).one()
    finally:
        engine.dispose()
    assert vacancy.parsed is not None
    assert vacancy.parsed["title"] == "Receptionist"
    assert "klantgerichtheid" in {c["id"] for c in vacancy.parsed["competencies"]}


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgres_schema_is_created_in_one_transaction(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import inspect
    from sqlalchemy.exc import OperationalError

    real_upgrade = migrate.command.upgrade

    def upgrade_then_fail(config: object, revision: str) -> None:
        real_upgrade(config, revision)  # type: ignore[arg-type]
        raise OperationalError("simulated", {}, Exception("simulated failure after the DDL"))

    monkeypatch.setattr(migrate.command, "upgrade", upgrade_then_fail)
    with pytest.raises(DatabaseError, match="migration failed"):
        init_database(url=database_url)
    engine = make_engine(database_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
