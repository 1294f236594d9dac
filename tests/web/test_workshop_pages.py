"""The participant's own workshop: only her own profile, hints in her language, and nothing
she typed is lost when her session runs out."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session

from jobmatch.db import models
from jobmatch.web import policy
from tests.web.conftest import World, csrf_token, sign_in_participant


def _participant(app: Flask, world: World) -> FlaskClient:
    client = app.test_client()
    sign_in_participant(app, client, world.a)
    return client


def test_code_leads_to_her_steps_and_nowhere_else(app: Flask, world: World) -> None:
    client = _participant(app, world)
    start = client.get("/")
    assert start.status_code == 302 and start.headers["Location"].endswith("/mijn/")
    html = client.get("/mijn/").get_data(as_text=True)
    assert "Over mij" in html and "Mijn cv en brief" in html
    assert client.get("/deelnemers/").status_code == 403
    assert client.get(f"/deelnemers/{world.a.participant_id}").status_code == 403


def test_about_me_saves_and_hints_follow_her_language(
    app: Flask, world: World, session: Session
) -> None:
    client = _participant(app, world)
    client.get("/taal?hint=hu&next=/mijn/")
    page = client.get("/mijn/over-mij").get_data(as_text=True)
    assert "Je naam (zoals op je cv)" in page and "A neved" in page and 'lang="hu"' in page
    form = {"full_name": "Éva Tóth", "contact_email": "eva@example.org", "city": "Leiden",
            "csrf_token": csrf_token(client, "/mijn/over-mij")}  # fmt: skip
    response = client.post("/mijn/over-mij", data=form)
    assert response.status_code == 302 and response.headers["Location"].endswith("/mijn/talen")
    session.expire_all()
    row = session.get(models.Participant, world.a.participant_id)
    assert row is not None and row.full_name == "Éva Tóth" and row.city == "Leiden"


def test_typed_text_survives_an_expired_session(
    app: Flask, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _participant(app, world)
    token = csrf_token(client, "/mijn/ervaring")
    import time as real_time

    later = real_time.time() + 16 * 60  # idle limit for workshop codes is 15 minutes
    monkeypatch.setattr(policy.time, "time", lambda: later)
    story = "Ik hielp in de keuken van een restaurant en deed de inkoop."
    typed = {"title": "Keukenhulp", "kind": "work", "description": story, "csrf_token": token}
    response = client.post("/mijn/ervaring", data=typed)
    assert response.status_code == 302 and "/auth/code" in response.headers["Location"]
    monkeypatch.setattr(policy.time, "time", real_time.time)
    sign_in_participant(app, client, world.a)
    page = client.get("/mijn/ervaring").get_data(as_text=True)
    assert story in page and "teruggezet" in page


def test_another_participant_never_gets_her_typed_text(
    app: Flask, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _participant(app, world)
    token = csrf_token(client, "/mijn/ervaring")
    import time as real_time

    later = real_time.time() + 16 * 60
    monkeypatch.setattr(policy.time, "time", lambda: later)
    secret = "Alleen voor mij bedoeld verhaal."
    client.post("/mijn/ervaring", data={"title": "X", "description": secret, "csrf_token": token})
    monkeypatch.setattr(policy.time, "time", real_time.time)
    sign_in_participant(app, client, world.b)
    assert secret not in client.get("/mijn/ervaring").get_data(as_text=True)


def test_invisible_and_direction_characters_are_refused_naming_the_field(
    app: Flask, world: World
) -> None:
    client = _participant(app, world)
    sneaky = "Gast\u202evrouw"  # a right-to-left override shows a reversed word in a PDF
    form = {"title": sneaky, "kind": "work", "description": "Gasten ontvangen.",
            "csrf_token": csrf_token(client, "/mijn/ervaring")}  # fmt: skip
    response = client.post("/mijn/ervaring", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "U+202E" in html and "onzichtbaar" in html


def test_a_participant_erased_during_her_session_gets_not_found(
    app: Flask, world: World, session: Session
) -> None:
    from jobmatch.services import privacy

    client = _participant(app, world)
    assert client.get("/mijn/over-mij").status_code == 200
    privacy.erase_participant(
        session=session, participant_id=world.a.participant_id, organisation_id=world.a.id,
        staff_user_id=None,
    )  # fmt: skip
    for path in ("/mijn/over-mij", "/mijn/ervaring", "/mijn/cv", "/mijn/wensen"):
        assert client.get(path).status_code == 404, path
