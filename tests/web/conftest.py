"""Web fixtures: two organisations with every role, a participant each, and sign-in helpers.

Organisation A ("noord") and B ("zuid") share one installation; tests check that nothing of one
is visible to the other. One argon2 hash is made once and reused, so fixtures stay fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session

from jobmatch.db import models
from jobmatch.db.passwords import hash_password
from jobmatch.domain.access import Actor
from jobmatch.services import accounts

PASSWORD = "een lange zin als wachtwoord"
ROLES = ("job_hunter", "coordinator", "admin")


@lru_cache(maxsize=1)
def password_hash() -> str:
    return hash_password(PASSWORD)


@dataclass
class Organisation:
    id: int
    slug: str
    staff: dict[str, str] = field(default_factory=dict)  # role -> email
    staff_ids: dict[str, int] = field(default_factory=dict)
    participant_id: int = 0


@dataclass
class World:
    a: Organisation
    b: Organisation

    def orgs(self) -> tuple[Organisation, Organisation]:
        return (self.a, self.b)


def _organisation(session: Session, slug: str) -> Organisation:
    org = models.Organisation(slug=slug, name=f"Stichting {slug.title()}", city="Den Haag")
    session.add(org)
    session.flush()
    assert org.id is not None
    made = Organisation(id=org.id, slug=slug)
    for role in ROLES:
        email = f"{role}@{slug}.example"
        user = models.StaffUser(
            email=email, name=f"{role.title()} {slug}", role=role,
            organisation_id=org.id, password_hash=password_hash(),
        )  # fmt: skip
        session.add(user)
        session.flush()
        assert user.id is not None
        made.staff[role], made.staff_ids[role] = email, user.id
    participant = models.Participant(alias=f"deelnemer-{slug}", organisation_id=org.id)
    session.add(participant)
    session.flush()
    assert participant.id is not None
    made.participant_id = participant.id
    return made


@pytest.fixture
def world(session: Session) -> World:
    made = World(a=_organisation(session, "noord"), b=_organisation(session, "zuid"))
    session.commit()
    return made


def csrf_token(client: FlaskClient, path: str = "/auth/login") -> str:
    html = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD) -> int:
    token = csrf_token(client)
    response = client.post(
        "/auth/login", data={"email": email, "password": password, "csrf_token": token}
    )
    return response.status_code


def sign_in_participant(app: Flask, client: FlaskClient, org: Organisation) -> None:
    with Session(app.extensions["jobmatch.engine"]) as db:
        participant = db.get(models.Participant, org.participant_id)
        assert participant is not None
        staff = Actor(role="job_hunter", organisation_id=org.id,
                      user_id=org.staff_ids["job_hunter"])  # fmt: skip
        issued = accounts.issue_workshop_code(
            session=db, actor=staff, participant=participant, pepper=app.config["SECRET_KEY"]
        )
    token = csrf_token(client, "/auth/code")
    response = client.post("/auth/code", data={"code": issued.code, "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)
