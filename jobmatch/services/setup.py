"""Use cases of the foundation: bring the database to head, seed the demo data.

Services take keyword-only arguments and own the transaction (they commit).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session

from jobmatch.datafiles import postings as demo
from jobmatch.datafiles.paths import data_root
from jobmatch.db import seed
from jobmatch.db.engine import check_connection, make_engine, parse_url
from jobmatch.db.migrate import create_sqlite_file, current_revision, sqlite_file, upgrade
from jobmatch.db.repositories import row_counts
from jobmatch.domain.errors import DataFileError, JobmatchError, Problem
from jobmatch.domain.vacancies import Employer, Extraction, Posting, TrainingPlace

log = logging.getLogger(__name__)


@contextmanager
def database_session(*, url: str, migrate: bool = True) -> Iterator[Session]:
    """A session on the database at `url` for one command: brought to the newest schema first
    (unless `migrate=False`), closed and its engine disposed afterwards."""
    if migrate:
        init_database(url=url)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def check_data_files(root: Path | None = None) -> list[Problem]:
    """Every problem in the data folders (`jobmatch check-data`)."""
    from jobmatch.datafiles.check import check_all

    return check_all(data_root() if root is None else root)


def database_label(url: str) -> str:
    """The database URL as it may be shown: without its password."""
    return parse_url(url).render_as_string(hide_password=True)


@dataclass(frozen=True)
class InitResult:
    created: bool  # the database had no schema before (a new SQLite file, an empty schema)
    revision: str | None


def init_database(*, url: str) -> InitResult:
    """Create or upgrade the database at `url` to the newest schema, all or nothing."""
    parsed = parse_url(url)
    path = sqlite_file(parsed)
    if path is not None and not path.exists():
        if not path.parent.is_dir():
            raise JobmatchError(f"Map bestaat niet / folder does not exist: {path.parent}")
        create_sqlite_file(path)
        created = True
    else:
        created = False
    engine = make_engine(parsed)
    try:
        check_connection(engine)
        created = created or current_revision(engine) is None
        upgrade(engine)
        return InitResult(created=created, revision=current_revision(engine))
    finally:
        engine.dispose()


@dataclass(frozen=True)
class DemoData:
    organisations: list[demo.DemoOrganisation]
    employers: list[Employer]
    postings: list[Posting]
    meta: dict[str, demo.VacancyMeta]
    training: list[TrainingPlace]
    participants: list[demo.DemoParticipant]


def _no_extraction(posting: Posting) -> Extraction:
    return Extraction(posting.source, posting.title)


def load_demo_data(root: Path | None = None, *, extract: bool = True) -> DemoData:
    """Everything under root/vacancies, validated; raises DataFileError listing all problems.
    Training places come as TOML and as text; `extract=False` reads a text place without
    extraction (what it teaches stays empty). `root`: the data folder ($JOBMATCH_DATA_DIR …)."""
    root = data_root() if root is None else root
    from jobmatch.services.training import read_training_folder

    folder = root / "vacancies"
    if not folder.is_dir():
        raise DataFileError([Problem(str(folder), "", "", "map ontbreekt / folder is missing")])
    return DemoData(
        organisations=demo.load_organisations(folder / "organisations.toml"),
        employers=demo.load_employers(folder / "employers.csv"),
        postings=demo.load_postings(folder / "jobs"),
        meta=demo.load_vacancy_meta(folder / "jobs"),
        training=list(
            read_training_folder(
                folder / "training", extract=None if extract else _no_extraction
            ).places
        ),
        participants=demo.load_demo_participants(folder / "participants"),
    )


def _extract_json(posting: Posting) -> dict[str, Any] | None:
    """The posting's extraction as JSON. Imported here, so the NLP pipeline loads only when a
    new vacancy needs it (a second run needs none)."""
    from jobmatch.services.extraction import extract_posting

    try:
        return extract_posting(posting).to_json()
    except JobmatchError as exc:
        log.warning("extraction skipped for %s: %s", posting.source, exc)
        return None


def _check_organisations(data: DemoData) -> None:
    known = {org.id for org in data.organisations}
    problems = [
        Problem(p.source, p.alias, "organisation", "onbekende organisatie / unknown organisation")
        for p in data.participants
        if p.organisation not in known
    ]
    if problems:
        raise DataFileError(problems)


def seed_demo(
    *, session: Session, root: Path | None = None, extract: bool = True
) -> dict[str, int]:
    """Add the demo data that is not there yet; returns the rows added per table."""
    data = load_demo_data(root, extract=extract)
    _check_organisations(data)
    before = row_counts(session)
    try:
        org_ids = seed.seed_organisations(session, data.organisations)
        employer_ids = seed.seed_employers(session, data.employers)
        extractor = _extract_json if extract else None
        seed.seed_vacancies(session, data.postings, data.meta, employer_ids, extractor)
        seed.seed_training_places(session, data.training)
        seed.seed_participants(session, data.participants, org_ids)
        session.commit()
    except Exception:
        session.rollback()
        raise
    after = row_counts(session)
    return {table: after[table] - before[table] for table in after}


def demo_workshop_code(*, session: Session, pepper: str) -> tuple[str, str] | None:
    """A fresh one-time workshop code for the first demo participant: (alias, code), or None.

    Printed by `jobmatch serve` with the demo logins, so the participant's steps can be tried."""
    from sqlmodel import col, select

    from jobmatch.db import models
    from jobmatch.domain.access import Actor
    from jobmatch.services.accounts import issue_workshop_code

    P = models.Participant
    person = session.exec(select(P).where(col(P.archived).is_(False)).order_by(col(P.id))).first()
    if person is None:
        return None
    actor = Actor(role="job_hunter", organisation_id=person.organisation_id)
    issued = issue_workshop_code(session=session, actor=actor, participant=person, pepper=pepper)
    return person.alias, issued.code
