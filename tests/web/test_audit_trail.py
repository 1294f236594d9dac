"""Every look at a participant's pages leaves one audit entry (who, which participant, what);
refused requests leave none; the chain still verifies."""

from __future__ import annotations

from flask import Flask
from sqlmodel import Session, select

from jobmatch.db import models
from jobmatch.services.audit import verify_chain
from tests.web.conftest import World, sign_in


def test_views_are_recorded_and_refusals_are_not(
    app: Flask, world: World, session: Session
) -> None:
    client = app.test_client()
    sign_in(client, world.a.staff["job_hunter"])
    assert client.get(f"/deelnemers/{world.a.participant_id}").status_code == 200
    assert client.get(f"/deelnemers/{world.b.participant_id}").status_code == 404
    events = session.exec(select(models.AuditEvent)).all()
    assert [(e.action, e.participant_id, e.staff_user_id) for e in events] == [
        ("view", world.a.participant_id, world.a.staff_ids["job_hunter"])
    ]
    assert verify_chain(session=session).ok


def test_admin_sees_the_log_of_her_organisation_only(app: Flask, world: World) -> None:
    job_hunter = app.test_client()
    sign_in(job_hunter, world.a.staff["job_hunter"])
    job_hunter.get(f"/deelnemers/{world.a.participant_id}")
    admin = app.test_client()
    sign_in(admin, world.a.staff["admin"])
    page = admin.get("/logboek/").get_data(as_text=True)
    assert "De keten is heel" in page and "Job_Hunter noord" in page and "participants.show" in page
    other = app.test_client()
    sign_in(other, world.b.staff["admin"])
    assert "participants.show" not in other.get("/logboek/").get_data(as_text=True)
    assert job_hunter.get("/logboek/").status_code == 403
