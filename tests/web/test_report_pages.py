"""The coordinator's dashboard and yearly report pages over HTTP (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from sqlmodel import Session, select

from jobmatch.db import models
from jobmatch.services.report import canonical_json
from tests.web.conftest import World, csrf_token, sign_in

LAST_YEAR = date.today().year - 1


def _add(db: Session, org: int, alias: str, **fields: object) -> models.Participant:
    person = models.Participant(alias=alias, organisation_id=org, **fields)
    db.add(person)
    return person


def _people(app: Flask, world: World) -> None:
    """Organisation A: 15 in uitvoering, 3 in contact, 12 who left for paid work last year, one
    with an exit before the entry (a data problem); organisation B: 20 in nazorg."""
    start = date(LAST_YEAR, 3, 1)
    left = {"exit_date": date(LAST_YEAR, 9, 1), "exit_reason": "uitgestroomd"}
    with Session(app.extensions["jobmatch.engine"]) as db:
        for n in range(15):
            _add(db, world.a.id, f"a-u{n}", phase="uitvoering", entry_date=start, pc4="2521")
        for n in range(3):
            _add(db, world.a.id, f"a-c{n}", phase="contact", entry_date=start)
        for n in range(12):
            _add(db, world.a.id, f"a-w{n}", entry_date=start, outcome="betaald-werk", **left)
        wrong = _add(db, world.a.id, "a-wrong", entry_date=date(LAST_YEAR, 8, 1),
                     exit_date=date(LAST_YEAR, 1, 1), exit_reason="uitgevallen")  # fmt: skip
        for n in range(20):
            _add(db, world.b.id, f"b-{n}", phase="nazorg", entry_date=start)
        db.commit()
        world.a.staff_ids["wrong"] = wrong.id or 0


def _coordinator(app: Flask, world: World) -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, world.a.staff["coordinator"]) == 302
    return client


def _small_numbers(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row
            if cell.isdigit() and 0 < int(cell) < 10]  # fmt: skip


def test_dashboard_shows_own_figures_protected_with_charts_and_csv(
    app: Flask, world: World
) -> None:
    _people(app, world)
    client = _coordinator(app, world)
    page = client.get("/overzicht")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert html.count("<caption>") >= 3 and 'scope="row"' in html
    assert html.count('src="data:image/svg+xml;base64,') >= 2
    assert "<svg" not in html and "style=" not in html  # CSP: no inline SVG or styles
    phases = client.get("/overzicht/fase.csv")
    assert phases.headers["Content-Disposition"].startswith("attachment")
    rows = dict(csv.reader(io.StringIO(phases.get_data(as_text=True))))
    active_in_a = 1 + 15 + 3  # the world's own participant and the ones above (not those who left)
    assert sum(int(v) for k, v in rows.items() if v.isdigit() and k != "totaal") == active_in_a
    assert rows["nazorg"] == "0"  # organisation B's 20 people in nazorg are not A's
    for key in ("fase", "sollicitaties", "uitkomst"):
        assert _small_numbers(client.get(f"/overzicht/{key}.csv").get_data(as_text=True)) == []
    assert client.get("/overzicht/geen-tabel.csv").status_code == 404
    assert client.get("/overzicht/opvolging.csv").status_code == 200


def test_report_pages_refuse_job_hunters_and_anonymous_visitors(app: Flask, world: World) -> None:
    hunter = app.test_client()
    sign_in(hunter, world.a.staff["job_hunter"])
    assert hunter.get("/overzicht").status_code == 403
    assert hunter.get(f"/jaarverslag/{LAST_YEAR}/download/pdf").status_code == 403
    assert app.test_client().get("/jaarverslag").status_code == 302  # to the sign-in page


def test_yearly_report_own_organisation_only_with_problems_and_downloads(
    app: Flask, world: World
) -> None:
    _people(app, world)
    client = _coordinator(app, world)
    html = client.get(f"/jaarverslag?jaar={LAST_YEAR}&organisatie={world.b.id}&scope=alle")
    text = html.get_data(as_text=True)
    assert html.status_code == 200 and f"Jaarverslag {LAST_YEAR}" in text
    assert "Stichting Zuid" not in text and "Stichting Noord" in text
    wrong = world.a.staff_ids["wrong"]
    assert f"Deelnemer {wrong}" in text
    assert f'href="/deelnemers/{wrong}"' not in text  # no case access: no link
    assert "style=" not in text and "<svg" not in text
    made = client.get(f"/jaarverslag/{LAST_YEAR}/download/json")
    content = json.loads(made.get_data())
    assert content["scope"] == "noord" and "sha256" not in content
    assert _small_numbers(client.get(f"/jaarverslag/{LAST_YEAR}/download/csv").get_data(
        as_text=True)) == []  # fmt: skip
    pdf = client.get(f"/jaarverslag/{LAST_YEAR}/download/pdf")
    assert pdf.mimetype == "application/pdf"
    words = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.get_data())).pages)
    assert f"Jaarrapportage {LAST_YEAR}" in words and "Zuid" not in words
    assert client.get(f"/jaarverslag/{LAST_YEAR}/download/exe").status_code == 404
    assert client.get("/jaarverslag/1/download/csv").status_code == 404


def test_data_problems_link_to_the_participant_only_with_case_access(
    app: Flask, world: World
) -> None:
    _people(app, world)
    with Session(app.extensions["jobmatch.engine"]) as db:
        user = db.get(models.StaffUser, world.a.staff_ids["coordinator"])
        assert user is not None
        user.case_access = True
        db.add(user)
        db.commit()
    text = _coordinator(app, world).get(f"/jaarverslag?jaar={LAST_YEAR}").get_data(as_text=True)
    assert f'href="/deelnemers/{world.a.staff_ids["wrong"]}"' in text


def _stored(app: Flask) -> list[models.PublishedReport]:
    with Session(app.extensions["jobmatch.engine"]) as db:
        return list(db.exec(select(models.PublishedReport)))


def test_publishing_asks_first_then_freezes_and_shows_the_sha256(app: Flask, world: World) -> None:
    _people(app, world)
    client = _coordinator(app, world)
    summary = client.get(f"/jaarverslag/{LAST_YEAR}/publiceren")
    assert summary.status_code == 200 and "Controleer voor je publiceert" in summary.get_data(
        as_text=True)  # fmt: skip
    assert _stored(app) == []  # the summary page publishes nothing
    no_token = client.post(f"/jaarverslag/{LAST_YEAR}/publiceren")
    assert no_token.status_code == 400 and _stored(app) == []
    token = csrf_token(client, f"/jaarverslag/{LAST_YEAR}/publiceren")
    done = client.post(f"/jaarverslag/{LAST_YEAR}/publiceren", data={"csrf_token": token})
    assert done.status_code == 302
    [row] = _stored(app)
    assert row.scope == "noord" and row.year == LAST_YEAR
    assert row.sha256 == hashlib.sha256(row.content.encode()).hexdigest()
    page = client.get(f"/jaarverslag?jaar={LAST_YEAR}").get_data(as_text=True)
    assert row.sha256 in page and "publiceren</a>" not in page
    with Session(app.extensions["jobmatch.engine"]) as db:  # a late correction changes nothing
        db.add(models.Participant(alias="laat", organisation_id=world.a.id,
                                  entry_date=date(LAST_YEAR, 4, 1)))  # fmt: skip
        db.commit()
    frozen = json.loads(client.get(f"/jaarverslag/{LAST_YEAR}/download/json").get_data())
    assert frozen["sha256"] == row.sha256
    unsigned = {k: v for k, v in frozen.items() if k != "sha256"}
    assert canonical_json(unsigned) == row.content.encode()


def test_the_current_year_cannot_be_published(app: Flask, world: World) -> None:
    client = _coordinator(app, world)
    this_year = date.today().year
    token = csrf_token(client, f"/jaarverslag?jaar={this_year}")
    refused = client.post(f"/jaarverslag/{this_year}/publiceren", data={"csrf_token": token})
    assert refused.status_code == 400 and "nog niet voorbij" in refused.get_data(as_text=True)
    assert _stored(app) == []
    assert client.get("/jaarverslag/1999/publiceren").status_code == 404  # not on offer


def test_report_page_in_english(app: Flask, world: World) -> None:
    client = _coordinator(app, world)
    client.set_cookie("lang", "en")
    text = client.get(f"/jaarverslag?jaar={LAST_YEAR}").get_data(as_text=True)
    assert f"Yearly report {LAST_YEAR}" in text and "Download" in text


def test_odd_years_fall_back_to_last_year_and_an_empty_year_is_no_error(
    app: Flask, world: World
) -> None:
    client = _coordinator(app, world)
    for odd in ("abc", "1234", "9" * 30, "-1", "<b>"):
        page = client.get("/jaarverslag", query_string={"jaar": odd})
        assert page.status_code == 200, odd
        assert f"Jaarverslag {LAST_YEAR}" in page.get_data(as_text=True)
    empty = client.get(f"/jaarverslag?jaar={LAST_YEAR - 5}").get_data(as_text=True)
    assert "Er zijn geen gegevens" in empty and "Niet gepubliceerd: minder dan 10" in empty
