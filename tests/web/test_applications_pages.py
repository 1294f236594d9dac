"""Applications: add, move with a note, the board, the follow-up list; never across orgs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from jobmatch.db import models
from tests.web.conftest import World, csrf_token, sign_in


def _vacancy(session: Session) -> int:
    row = models.Vacancy(source="jobs/kok.txt", title="Zelfstandig werkend kok",
                         text="Je kookt.", content_hash="x" * 64)  # fmt: skip
    session.add(row)
    session.commit()
    assert row.id is not None
    return row.id


def _client(app: Flask, world: World, org: str = "a") -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, getattr(world, org).staff["job_hunter"]) == 302
    return client


def test_add_move_and_see_an_application(app: Flask, world: World, session: Session) -> None:
    vacancy_id = _vacancy(session)
    client = _client(app, world)
    path = f"/deelnemers/{world.a.participant_id}/sollicitaties"
    form = {
        "target": f"v:{vacancy_id}",
        "note": "Zij wil graag",
        "csrf_token": csrf_token(client, path),
    }
    assert client.post(path, data=form).status_code == 302
    assert client.post(path, data=form).status_code == 302  # double submit: still one
    rows = session.exec(select(models.Application)).all()
    assert len(rows) == 1 and rows[0].status == "voorgesteld"
    move = {"status": "gesprek", "note": "Gesprek dinsdag", "back": path,
            "csrf_token": csrf_token(client, path)}  # fmt: skip
    assert client.post(f"/sollicitaties/{rows[0].id}/stap", data=move).status_code == 302
    board = client.get("/sollicitaties").get_data(as_text=True)
    assert "Zelfstandig werkend kok" in board and "Gesprek dinsdag" in board
    session.expire_all()
    moved = session.get(models.Application, rows[0].id)
    assert moved is not None and [h["status"] for h in moved.status_history] == [
        "voorgesteld", "gesprek"]  # fmt: skip
    other = _client(app, world, "b")
    stolen = {"status": "afgewezen", "csrf_token": csrf_token(other, "/sollicitaties")}
    assert other.post(f"/sollicitaties/{rows[0].id}/stap", data=stolen).status_code == 404
    assert "Zelfstandig werkend kok" not in other.get("/sollicitaties").get_data(as_text=True)
    bad = {"status": "betoverd", "csrf_token": csrf_token(client, path)}
    assert client.post(f"/sollicitaties/{rows[0].id}/stap", data=bad).status_code == 404


def test_follow_up_lists_quiet_applications_and_nazorg(
    app: Flask, world: World, session: Session
) -> None:
    vacancy_id = _vacancy(session)
    person = session.get(models.Participant, world.a.participant_id)
    assert person is not None
    person.phase, person.last_contact = "nazorg", date.today() - timedelta(days=40)
    session.add(person)
    old = datetime.now(UTC) - timedelta(days=20)
    session.add(models.Application(organisation_id=world.a.id, participant_id=person.id,
                                   vacancy_id=vacancy_id, status="gesolliciteerd",
                                   updated_at=old))  # fmt: skip
    session.commit()
    page = _client(app, world).get("/deze-week").get_data(as_text=True)
    assert page.count("deelnemer-noord") >= 2 and "Zelfstandig werkend kok" in page
    assert "deelnemer-noord" not in _client(app, world, "b").get("/deze-week").get_data(
        as_text=True
    )
