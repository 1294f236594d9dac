"""Sign-in, sign-out and sessions, tried as an attacker would (security issue)."""

from __future__ import annotations

import re

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session

from jobmatch.db import models
from jobmatch.web import policy
from tests.web.conftest import PASSWORD, World, csrf_token, sign_in, sign_in_participant


def _cookie(client: FlaskClient, app: Flask) -> str | None:
    found = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    return found.value if found else None


def test_login_page_is_self_contained_and_dutch_first(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/auth/login")
    page = client.get("/auth/login")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'lang="nl"' in html and "Inloggen" in html
    links = re.findall(r'(?:src|href|action)="([^"]+)"', html)
    assert links and all(link.startswith(("/", "#")) for link in links), links
    assert not any(link.startswith("//") for link in links)
    client.set_cookie("lang", "en")
    english = client.get("/auth/login").get_data(as_text=True)
    assert 'lang="en"' in english and "Sign in" in english and "Inloggen<" not in english


def test_staff_signs_in_and_out(client: FlaskClient, world: World) -> None:
    assert sign_in(client, world.a.staff["job_hunter"]) == 302
    assert client.get("/account/").status_code == 200
    token = csrf_token(client, "/account/")
    assert client.post("/auth/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/account/").status_code == 302


def test_wrong_password_and_unknown_email_get_the_same_answer(
    client: FlaskClient, world: World
) -> None:
    answers = []
    for email in (world.a.staff["job_hunter"], "niemand@example.org"):
        token = csrf_token(client)
        response = client.post(
            "/auth/login", data={"email": email, "password": "fout-fout-fout", "csrf_token": token}
        )
        assert response.status_code == 401
        html = response.get_data(as_text=True).replace(email, "").replace(token, "")
        html = re.sub(r'"X-CSRFToken": "[^"]*"', "", html)
        answers.append(re.sub(r'value="[^"]*"', "", html))
    assert answers[0] == answers[1]


def test_login_without_csrf_token_is_refused(client: FlaskClient, world: World) -> None:
    client.get("/auth/login")
    form = {"email": world.a.staff["job_hunter"], "password": PASSWORD}
    response = client.post("/auth/login", data=form)
    assert response.status_code == 400 and "verlopen" in response.get_data(as_text=True)
    assert client.get("/account/").status_code == 302


def test_cookie_copied_before_logout_is_refused_after_it(
    app: Flask, client: FlaskClient, world: World
) -> None:
    sign_in(client, world.a.staff["job_hunter"])
    stolen = _cookie(client, app)
    token = csrf_token(client, "/account/")
    client.post("/auth/logout", data={"csrf_token": token})
    thief = app.test_client()
    thief.set_cookie(app.config["SESSION_COOKIE_NAME"], stolen or "")
    assert thief.get("/account/").status_code == 302


def test_session_id_changes_at_sign_in(app: Flask, client: FlaskClient, world: World) -> None:
    client.get("/auth/login")
    before = _cookie(client, app)
    sign_in(client, world.a.staff["job_hunter"])
    after = _cookie(client, app)
    assert before and after and before != after
    planted = app.test_client()
    planted.set_cookie(app.config["SESSION_COOKIE_NAME"], before)
    assert planted.get("/account/").status_code == 302


def test_password_change_ends_every_other_session(app: Flask, world: World) -> None:
    laptop, phone = app.test_client(), app.test_client()
    email = world.a.staff["job_hunter"]
    sign_in(laptop, email)
    sign_in(phone, email)
    token = csrf_token(laptop, "/account/")
    weak = laptop.post(
        "/account/password", data={"current": PASSWORD, "new": "welkom123", "csrf_token": token}
    )
    assert weak.status_code == 400 and phone.get("/account/").status_code == 200
    new = "een nieuwe lange zin voor mijn account"
    token = csrf_token(laptop, "/account/")
    done = laptop.post(
        "/account/password", data={"current": PASSWORD, "new": new, "csrf_token": token}
    )
    assert done.status_code == 302
    assert phone.get("/account/").status_code == 302
    assert laptop.get("/account/").status_code == 302
    assert sign_in(phone, email, new) == 302


def test_too_many_failures_lock_the_account_even_for_the_right_password(
    client: FlaskClient, world: World
) -> None:
    email = world.a.staff["coordinator"]
    for _ in range(10):
        token = csrf_token(client)
        form = {"email": email, "password": "geraden-wachtwoord", "csrf_token": token}
        assert client.post("/auth/login", data=form).status_code == 401
    assert sign_in(client, email) == 429
    assert sign_in(client, world.a.staff["admin"]) == 302  # other accounts are not locked


def test_idle_staff_session_ends_after_thirty_minutes(
    client: FlaskClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(client, world.a.staff["job_hunter"])
    import time as real_time

    start = real_time.time()
    monkeypatch.setattr(policy.time, "time", lambda: start + 29 * 60)
    assert client.get("/account/").status_code == 200
    monkeypatch.setattr(policy.time, "time", lambda: start + 29 * 60 + 31 * 60)
    assert client.get("/account/").status_code == 302


def test_workshop_code_works_once_and_only_for_her_own_pages(
    app: Flask, client: FlaskClient, world: World
) -> None:
    sign_in_participant(app, client, world.a)
    assert client.get("/account/").status_code == 403
    with app.test_client() as other:
        token = csrf_token(other, "/auth/code")
        assert other.post("/auth/code", data={"code": "ABCDE-FGHJK", "csrf_token": token}
                          ).status_code == 401  # fmt: skip


def test_second_factor_with_app_code_and_one_time_recovery_code(
    app: Flask, client: FlaskClient, world: World, session: Session
) -> None:
    email = world.a.staff["admin"]
    sign_in(client, email)
    page = client.get("/account/second-factor").get_data(as_text=True)
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page)
    assert secret
    token = csrf_token(client, "/account/second-factor")
    code = pyotp.TOTP(secret.group(1)).now()
    done = client.post("/account/second-factor", data={"code": code, "csrf_token": token})
    recovery = re.findall(r"<li><code>([A-Z0-9-]+)</code></li>", done.get_data(as_text=True))
    assert done.status_code == 200 and len(recovery) == 10
    fresh = app.test_client()
    assert sign_in(fresh, email) == 302
    assert fresh.get("/account/").status_code == 302  # not signed in before the second step
    token = csrf_token(fresh, "/auth/second-factor")
    used = fresh.post("/auth/second-factor", data={"code": recovery[0], "csrf_token": token})
    assert used.status_code == 302 and fresh.get("/account/").status_code == 200
    again = app.test_client()
    sign_in(again, email)
    token = csrf_token(again, "/auth/second-factor")
    refused = again.post("/auth/second-factor", data={"code": recovery[0], "csrf_token": token})
    assert refused.status_code == 401
    session.expire_all()
    user = session.get(models.StaffUser, world.a.staff_ids["admin"])
    assert user is not None and len(user.recovery_codes) == 9
