"""Shared fixtures (flaskr style): `database_url`, `engine`, `session`, `app`, `client`, `runner`.

Every database fixture runs on BOTH SQLite (a file in tmp_path) and PostgreSQL (127.0.0.1:5432,
database `test`, a fresh schema per test, dropped afterwards). Set JOBMATCH_TEST_POSTGRES_URL to
use another server.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import Engine, text
from sqlmodel import Session

from jobmatch.db.engine import DatabaseError, check_connection, make_engine
from jobmatch.services.setup import init_database
from jobmatch.web import create_app

# Test helpers are imported as `tests.<module>`. The package under test must still come from the
# installed wheel (CI installs non-editable), so the checkout goes at the END of sys.path.
_CHECKOUT = str(Path(__file__).resolve().parent.parent)
if _CHECKOUT not in sys.path:
    sys.path.append(_CHECKOUT)

POSTGRES_URL = os.environ.get(
    "JOBMATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
TEST_MASTER_KEY = "5e" * 32  # hex; sealing of sensitive text needs a master key (secdata)


@pytest.fixture(autouse=True)
def master_key(monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test (and the processes it starts) seals sensitive text with this master key."""
    monkeypatch.setenv("JOBMATCH_MASTER_KEY", TEST_MASTER_KEY)
    return TEST_MASTER_KEY


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An engine on the PostgreSQL test database, used to create and drop test schemas."""
    engine = make_engine(POSTGRES_URL)
    try:
        check_connection(engine)
    except DatabaseError as exc:
        engine.dispose()
        pytest.fail(f"PostgreSQL for tests is not reachable: {exc}")
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a new SQLite file, or a new PostgreSQL schema (search_path set)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite'}"
        return
    admin: Engine = request.getfixturevalue("postgres_admin")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database migrated to head."""
    init_database(url=database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as db_session:
        yield db_session


@pytest.fixture
def app(engine: Engine, database_url: str, tmp_path: Path) -> Iterator[Flask]:
    """The Flask app on a migrated (empty) database, with its instance folder in tmp_path."""
    flask_app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret-key-" + "x" * 32,
        }
    )
    yield flask_app
    flask_app.extensions["jobmatch.engine"].dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


# --- a small, complete demo data set (fictional) for seeding and serve tests -------------------

_ORGANISATIONS = """
[[organisation]]
id = "demo-noord"
name = "Stichting Demo Noord"
city = "Den Haag"
[[organisation.staff]]
email = "jobhunter@demo-noord.example"
name = "Sanne Jobhunter"
role = "job_hunter"
password = "demo-wachtwoord-1"
[[organisation.staff]]
email = "coordinator@demo-noord.example"
name = "Karim Coördinator"
role = "coordinator"
password = "demo-wachtwoord-2"
[[organisation.staff]]
email = "admin@demo-noord.example"
name = "Ilse Beheer"
role = "admin"
password = "demo-wachtwoord-3"
"""
_EMPLOYERS = (
    "id,name,sector,city,pc4,open_to_gap,contact_name,contact_role,contact_email,contact_phone,notes\n"
    "hotel-zee,Hotel Zeezicht,horeca,Den Haag,2586,true,Eva de Vries,HR,eva@zee.example,,Open\n"
    "zorg-west,Zorggroep West,zorg,Den Haag,2531,false,,,,,\n"
)
_TRAINING = """
id = "entree-horeca"
title = "Entree-opleiding Horeca"
kind = "course"
provider = "ROC Demo"
description = "Een jaar leren en werken in de horeca, met stage."
level = "MBO-1 Entree"
competencies_taught = ["gastvrijheid", "samenwerken"]
dutch_level = "A2"
start_moments = ["september", "februari"]
city = "Den Haag"
pc4 = "2521"
"""
_PARTICIPANT = """{
  "name": "Ana Demo", "alias": "ana", "organisation": "demo-noord", "phase": "oriëntatie",
  "contact": {"email": "ana@example.org", "city": "Den Haag", "postcode": "2525"},
  "languages": [{"language": "nl", "level": "A2"}, {"language": "pt", "level": "native"}],
  "experiences": [{"title": "Gastvrouw", "kind": "work", "description": "Gasten ontvangen."}],
  "competencies": [{"id": "gastvrijheid", "evidence": "Ik ontving gasten."}]
}"""


def write_demo_vacancies(folder: Path) -> Path:
    """Write a small valid vacancies/ folder (2 employers, 2 jobs, 1 course, 1 participant)."""
    (folder / "jobs").mkdir(parents=True)
    (folder / "training").mkdir()
    (folder / "participants").mkdir()
    (folder / "organisations.toml").write_text(_ORGANISATIONS, encoding="utf-8")
    (folder / "employers.csv").write_text(_EMPLOYERS, encoding="utf-8")
    (folder / "jobs" / "receptionist.txt").write_text(
        "Receptionist\n\nJe ontvangt gasten en bent klantvriendelijk.\n", encoding="utf-8"
    )
    (folder / "jobs" / "helpende-zorg.txt").write_text(
        "Helpende Zorg\n\nJe helpt bewoners met zorg en aandacht.\n", encoding="utf-8"
    )
    (folder / "jobs" / "meta.csv").write_text(
        "file,employer_id,sector,pc4\nreceptionist.txt,hotel-zee,horeca,2586\n"
        "helpende-zorg.txt,zorg-west,zorg,2531\n",
        encoding="utf-8",
    )
    (folder / "training" / "entree-horeca.toml").write_text(_TRAINING, encoding="utf-8")
    (folder / "participants" / "ana.json").write_text(_PARTICIPANT, encoding="utf-8")
    return folder


@pytest.fixture
def demo_root(tmp_path: Path) -> Path:
    """A data root whose vacancies/ holds the small demo set above."""
    root = tmp_path / "data"
    write_demo_vacancies(root / "vacancies")
    return root
