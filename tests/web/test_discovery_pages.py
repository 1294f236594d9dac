"""Experiences, discovery questions and competencies, as the job hunter does them with her."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from jobmatch.db import models
from tests.web.conftest import World, csrf_token, sign_in


def _client(app: Flask, world: World) -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, world.a.staff["job_hunter"]) == 302
    return client


def _post(client: FlaskClient, path: str, data: dict[str, str]) -> tuple[int, str]:
    response = client.post(path, data={"csrf_token": csrf_token(client, path), **data})
    return response.status_code, response.headers.get("Location", "")


def test_experience_questions_and_confirmed_competency_end_to_end(
    app: Flask, world: World, session: Session
) -> None:
    client = _client(app, world)
    base = f"/deelnemers/{world.a.participant_id}"
    experience = {
        "title": "Bar in Portugal", "kind": "work", "show_on_cv": "y",
        "description": "Drankjes serveren, afrekenen aan de kassa, gasten ontvangen en "
        "klachten van gasten vriendelijk oplossen.",
    }  # fmt: skip
    assert _post(client, f"{base}/ervaring", experience)[0] == 302
    assert "Bar in Portugal" in client.get(f"{base}/ervaring").get_data(as_text=True)
    start = client.get(f"{base}/ontdekken")
    assert start.status_code == 302 and start.headers["Location"].endswith("/ontdekken/1")
    first = client.get(f"{base}/ontdekken/1").get_data(as_text=True)
    assert "Vraag 1 van" in first
    status, location = _post(client, f"{base}/ontdekken/1", {"answer": "ja"})
    assert status == 302 and location.endswith("/ontdekken/2")
    assert _post(client, f"{base}/ontdekken/1", {"answer": "misschien"})[0] == 400
    page = client.get(f"{base}/competenties").get_data(as_text=True)
    assert "Gastvrijheid" in page and "Klopt, bevestigen" in page
    mine = "Ik zorgde dat gasten zich thuis voelden aan de bar."
    form = {"competency": "gastvrijheid", "evidence": mine, "action": "confirm"}
    assert _post(client, f"{base}/competenties", form)[0] == 302
    row = session.exec(
        select(models.ParticipantCompetency).where(
            models.ParticipantCompetency.participant_id == world.a.participant_id
        )
    ).one()
    assert (row.competency_id, row.status, row.evidence) == ("gastvrijheid", "confirmed", mine)
    empty = {"competency": "klantgerichtheid", "evidence": " ", "action": "confirm"}
    assert _post(client, f"{base}/competenties", empty)[0] == 400
    drop = {"competency": "gastvrijheid", "action": "drop"}
    assert _post(client, f"{base}/competenties", drop)[0] == 302
    assert "Nog niets bevestigd" in client.get(f"{base}/competenties").get_data(as_text=True)


def test_unknown_question_and_other_organisation_answer_404(app: Flask, world: World) -> None:
    client = _client(app, world)
    assert client.get(f"/deelnemers/{world.a.participant_id}/ontdekken/999").status_code == 404
    other = f"/deelnemers/{world.b.participant_id}"
    for path in ("/ervaring", "/ontdekken/1", "/competenties"):
        assert client.get(other + path).status_code == 404
