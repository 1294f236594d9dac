"""The admin's staff pages over HTTP: own organisation only, CSRF, sessions ending at once."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session

from jobmatch.db import models
from tests.web.conftest import PASSWORD, World, csrf_token, sign_in

NEW = {"email": "nieuw@noord.example", "name": "Nina <b>N</b>", "role": "job_hunter"}


def _admin(app: Flask, world: World, org: str = "a") -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, getattr(world, org).staff["admin"]) == 302
    return client


def _user(app: Flask, user_id: int) -> models.StaffUser:
    with Session(app.extensions["jobmatch.engine"]) as db:
        found = db.get(models.StaffUser, user_id)
        assert found is not None
        return found


def test_list_shows_own_organisation_only_and_refuses_coordinators(
    app: Flask, world: World
) -> None:
    text = _admin(app, world).get("/beheer/medewerkers").get_data(as_text=True)
    assert world.a.staff["job_hunter"] in text and "zuid.example" not in text
    coordinator = app.test_client()
    sign_in(coordinator, world.a.staff["coordinator"])
    assert coordinator.get("/beheer/medewerkers").status_code == 403


def test_create_refuses_a_weak_password_keeps_what_was_typed_then_creates(
    app: Flask, world: World
) -> None:
    client = _admin(app, world)
    token = csrf_token(client, "/beheer/medewerkers/nieuw")
    weak = client.post("/beheer/medewerkers/nieuw",
                       data={**NEW, "password": "wachtwoord123", "csrf_token": token})  # fmt: skip
    html = weak.get_data(as_text=True)
    assert weak.status_code == 400 and "te bekend" in html
    assert 'value="nieuw@noord.example"' in html and "wachtwoord123" not in html
    assert "Nina &lt;b&gt;N&lt;/b&gt;" in html  # shown escaped
    taken = client.post("/beheer/medewerkers/nieuw",
                        data={**NEW, "email": world.b.staff["admin"], "password": PASSWORD,
                              "csrf_token": token})  # fmt: skip
    assert taken.status_code == 400 and "kan niet gebruikt worden" in taken.get_data(as_text=True)
    fresh = {**NEW, "password": "een ander lang wachtwoord", "csrf_token": token}
    made = client.post("/beheer/medewerkers/nieuw", data=fresh)
    assert made.status_code == 302
    assert "Account gemaakt" in client.get("/beheer/medewerkers").get_data(as_text=True)
    newcomer = app.test_client()
    assert sign_in(newcomer, NEW["email"], "een ander lang wachtwoord") == 302


def test_deactivating_ends_the_sessions_at_once_and_reactivating_lets_them_back(
    app: Flask, world: World
) -> None:
    hunter = app.test_client()
    sign_in(hunter, world.a.staff["job_hunter"])
    assert hunter.get("/deelnemers/").status_code == 200
    admin = _admin(app, world)
    token = csrf_token(admin, "/beheer/medewerkers")
    target = f"/beheer/medewerkers/{world.a.staff_ids['job_hunter']}/actief"
    assert admin.post(target, data={"active": "0"}).status_code == 400  # no CSRF token
    assert admin.post(target, data={"active": "0", "csrf_token": token}).status_code == 302
    assert hunter.get("/deelnemers/").status_code == 302  # back to the sign-in page
    assert sign_in(app.test_client(), world.a.staff["job_hunter"]) != 302
    assert admin.post(target, data={"active": "1", "csrf_token": token}).status_code == 302
    assert sign_in(app.test_client(), world.a.staff["job_hunter"]) == 302


def test_another_organisation_and_yourself_are_refused(app: Flask, world: World) -> None:
    other = _admin(app, world, "b")
    token = csrf_token(other, "/beheer/medewerkers")
    victim = world.a.staff_ids["job_hunter"]
    for path in (
        f"/beheer/medewerkers/{victim}/actief",
        f"/beheer/medewerkers/{victim}/tweede-stap",
    ):
        assert other.post(path, data={"active": "0", "csrf_token": token}).status_code == 404
    assert other.get(f"/beheer/medewerkers/{victim}/tweede-stap").status_code == 404
    assert _user(app, victim).active
    me = world.b.staff_ids["admin"]
    refused = other.post(
        f"/beheer/medewerkers/{me}/actief", data={"active": "0", "csrf_token": token}
    )
    assert refused.status_code == 302 and _user(app, me).active


def test_reset_second_factor_asks_first_then_clears_it_and_ends_sessions(
    app: Flask, world: World
) -> None:
    coordinator_id = world.a.staff_ids["coordinator"]
    coordinator = app.test_client()
    sign_in(coordinator, world.a.staff["coordinator"])
    with Session(app.extensions["jobmatch.engine"]) as db:
        user = db.get(models.StaffUser, coordinator_id)
        assert user is not None
        user.totp_secret, user.recovery_codes = "JBSWY3DPEHPK3PXP", ["x"]
        db.add(user)
        db.commit()
    admin = _admin(app, world)
    path = f"/beheer/medewerkers/{coordinator_id}/tweede-stap"
    ask = admin.get(path)
    assert ask.status_code == 200 and _user(app, coordinator_id).totp_secret is not None
    token = csrf_token(admin, path)
    assert admin.post(path, data={"csrf_token": token}).status_code == 302
    cleared = _user(app, coordinator_id)
    assert cleared.totp_secret is None and cleared.recovery_codes == []
    assert coordinator.get("/overzicht").status_code == 302  # signed out
