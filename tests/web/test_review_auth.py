"""A staff account deactivated while signed in loses access at the next request (review)."""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskClient
from sqlmodel import Session, select

from jobmatch.db.models import StaffUser
from jobmatch.services.setup import seed_demo

EMAIL = "jobhunter@demo-noord.example"


def test_deactivated_staff_is_signed_out(
    client: FlaskClient, session: Session, demo_root: Path
) -> None:
    seed_demo(session=session, root=demo_root, extract=False)
    response = client.post("/auth/login", data={"email": EMAIL, "password": "demo-wachtwoord-1"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    user = session.exec(select(StaffUser).where(StaffUser.email == EMAIL)).one()
    user.active = False
    session.add(user)
    session.commit()
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/auth/login")
    with client.session_transaction() as cookie_session:
        assert "user_id" not in cookie_session
