"""The minimal sign-in: `/` sends you to a plain login page; seeded staff can sign in."""

from __future__ import annotations

import re
from pathlib import Path

from flask.testing import FlaskClient
from sqlmodel import Session

from jobmatch.services.setup import seed_demo


def test_home_redirects_to_a_self_contained_login_page(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/auth/login")
    page = client.get("/auth/login")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Inloggen" in html and "Sign in" in html and 'lang="nl"' in html
    links = re.findall(r'(?:src|href|action)="([^"]+)"', html)
    assert links and all(link.startswith("/") for link in links), links
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert "object-src 'none'" in page.headers["Content-Security-Policy"]
    with client.get("/static/style.css") as style:
        assert style.status_code == 200 and b"font-family" in style.data


def test_seeded_staff_can_sign_in_and_out(
    client: FlaskClient, session: Session, demo_root: Path
) -> None:
    seed_demo(session=session, root=demo_root, extract=False)
    form = {"email": "jobhunter@demo-noord.example", "password": "demo-wachtwoord-1"}
    response = client.post("/auth/login", data=form)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    home = client.get("/").get_data(as_text=True)
    assert "Sanne Jobhunter" in home and "job_hunter" in home
    client.post("/auth/logout")
    assert client.get("/").status_code == 302


def test_wrong_password_and_unknown_email_get_the_same_answer(
    client: FlaskClient, session: Session, demo_root: Path
) -> None:
    seed_demo(session=session, root=demo_root, extract=False)
    answers = []
    for email in ("jobhunter@demo-noord.example", "nobody@example.org"):
        response = client.post("/auth/login", data={"email": email, "password": "fout"})
        assert response.status_code == 401
        html = response.get_data(as_text=True)
        answers.append(html.replace(email, ""))
        assert "email or password is not correct" in html
    assert answers[0] == answers[1]
    assert client.get("/").status_code == 302
