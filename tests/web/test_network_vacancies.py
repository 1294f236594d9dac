"""Vacancy pages over HTTP: list and filters, paste -> preview -> confirm, duplicates, edit."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from jobmatch.db import models
from tests.web.conftest import World, csrf_token, sign_in

PASTED = (
    "Medewerker bediening <b>Den Haag</b>\n"
    "Wat ga je doen? Je ontvangt gasten met gastvrijheid en werkt samen in een team.\n"
    "Wat breng je mee? Taalniveau B1, rijbewijs B, 24 uur per week, ook in het weekend."
)


def _coordinator(app: Flask, world: World) -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, world.a.staff["coordinator"]) == 302
    return client


def _vacancies(app: Flask) -> list[models.Vacancy]:
    with Session(app.extensions["jobmatch.engine"]) as db:
        return list(db.exec(select(models.Vacancy)))


def _preview(client: FlaskClient, employer: str = "Hotel Duinzicht") -> str:
    token = csrf_token(client, "/netwerk/vacatures/plakken")
    response = client.post(
        "/netwerk/vacatures/plakken",
        data={"csrf_token": token, "pasted": PASTED, "employer": employer},
    )
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _confirm(client: FlaskClient, **extra: str) -> FlaskClient:
    token = csrf_token(client, "/netwerk/vacatures/plakken")
    title, _, text = PASTED.partition("\n")
    data = {
        "csrf_token": token,
        "title": title,
        "text": text,
        "employer": "Hotel Duinzicht",
        "sector": "horeca",
        "pc4": "2511",
        "hours_min": "24",
        "dutch_level": "B1",
        "closing_date": (date.today() + timedelta(days=30)).isoformat(),
        **extra,
    }
    return client.post("/netwerk/vacatures/bevestigen", data=data)  # type: ignore[return-value]


def test_paste_preview_marks_found_words_escaped_and_saves_nothing(
    app: Flask, world: World
) -> None:
    client = _coordinator(app, world)
    html = _preview(client)
    assert "<mark" in html and "&lt;b&gt;Den Haag&lt;/b&gt;" in html and "<b>Den" not in html
    assert 'name="dutch_level"' in html and '<option selected value="B1">' in html
    assert _vacancies(app) == []


def test_confirm_saves_edited_fields_and_warns_on_a_duplicate(app: Flask, world: World) -> None:
    client = _coordinator(app, world)
    response = _confirm(client, hours_max="32")
    assert response.status_code == 302
    [saved] = _vacancies(app)
    assert saved.parsed is not None and saved.parsed["requirements"]["hours_max"] == 32
    assert saved.sector == "horeca" and saved.closing_date is not None
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Medewerker bediening" in page
    again = _confirm(client, text=PASTED.partition("\n")[2] + " Solliciteer snel.")
    assert again.status_code == 409 and "misschien al" in again.get_data(as_text=True)
    assert len(_vacancies(app)) == 1
    anyway = _confirm(
        client, text=PASTED.partition("\n")[2] + " Solliciteer snel.", save_anyway="y"
    )
    assert anyway.status_code == 302 and len(_vacancies(app)) == 2


def test_bad_input_re_renders_with_messages_and_keeps_what_was_typed(
    app: Flask, world: World
) -> None:
    client = _coordinator(app, world)
    token = csrf_token(client, "/netwerk/vacatures/plakken")
    empty = client.post("/netwerk/vacatures/plakken", data={"csrf_token": token, "pasted": " "})
    assert empty.status_code == 400 and "error-summary" in empty.get_data(as_text=True)
    bad = _confirm(client, hours_min="veel", pc4="12")
    html = bad.get_data(as_text=True)
    assert bad.status_code == 400 and 'value="veel"' in html and "Vier cijfers" in html
    assert _vacancies(app) == []


def test_list_filters_and_archive_and_closing_date(app: Flask, world: World) -> None:
    client = _coordinator(app, world)
    _confirm(client)
    [saved] = _vacancies(app)
    assert "Medewerker bediening" in client.get("/netwerk/vacatures").get_data(as_text=True)
    token = csrf_token(client, f"/netwerk/vacatures/{saved.id}")
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    response = client.post(
        f"/netwerk/vacatures/{saved.id}/wijzigen",
        data={"csrf_token": token, "title": "Gastvrouw Zeezicht", "closing_date": yesterday},
    )
    assert response.status_code == 302
    assert "Gastvrouw Zeezicht" not in client.get("/netwerk/vacatures").get_data(as_text=True)
    expired = client.get("/netwerk/vacatures?status=expired").get_data(as_text=True)
    assert "Gastvrouw Zeezicht" in expired
    client.post(
        f"/netwerk/vacatures/{saved.id}/wijzigen",
        data={"csrf_token": token, "title": "Gastvrouw Zeezicht", "archived": "y"},
    )
    archived = client.get("/netwerk/vacatures?status=archived").get_data(as_text=True)
    assert "Gastvrouw Zeezicht" in archived
    assert client.get("/netwerk/vacatures/999999").status_code == 404


def test_job_hunter_reads_but_cannot_change(app: Flask, world: World) -> None:
    _confirm(_coordinator(app, world))
    [saved] = _vacancies(app)
    client = app.test_client()
    sign_in(client, world.b.staff["job_hunter"])
    page = client.get(f"/netwerk/vacatures/{saved.id}")
    assert page.status_code == 200 and "wijzigen" not in page.get_data(as_text=True)
    token = csrf_token(client, "/auth/login")
    changed = client.post(
        f"/netwerk/vacatures/{saved.id}/wijzigen", data={"csrf_token": token, "title": "x"}
    )
    assert changed.status_code == 403


def test_confirm_with_everything_emptied_goes_back_to_the_paste_page(
    app: Flask, world: World
) -> None:
    client = _coordinator(app, world)
    response = _confirm(client, title="", text="", employer="Bakkerij Bol")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "Plak eerst" in html and "Bakkerij Bol" in html
    assert _vacancies(app) == []
