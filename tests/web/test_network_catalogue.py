"""Training places, employer network and lexicon pages over HTTP (with bad input)."""

from __future__ import annotations

import io
from dataclasses import asdict
from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.vcard import read_vcards
from jobmatch.db import models
from tests.web.conftest import World, csrf_token, sign_in

TRAINING = (
    "Taalcursus Nederlands op de werkvloer\n"
    "In deze cursus oefen je gesprekken met klanten en werk je samen in een team."
)


def _client(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, email) == 302
    return client


def _db(app: Flask) -> Session:
    return Session(app.extensions["jobmatch.engine"])


def test_training_paste_preview_then_save_and_edit(app: Flask, world: World) -> None:
    client = _client(app, world.a.staff["coordinator"])
    token = csrf_token(client, "/netwerk/opleidingen/plakken")
    preview = client.post(
        "/netwerk/opleidingen/plakken",
        data={"csrf_token": token, "pasted": TRAINING, "provider": "ROC Duin"},
    )
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and '<option selected value="language-course">' in html
    with _db(app) as db:
        assert list(db.exec(select(models.TrainingPlace))) == []
    data = {
        "csrf_token": token,
        "title": "Taalcursus werkvloer",
        "kind": "language-course",
        "provider": "ROC Duin",
        "description": "Oefenen",
        "competencies_taught": ["samenwerken"],
    }
    saved = client.post("/netwerk/opleidingen/bevestigen", data=data)
    assert saved.status_code == 302
    with _db(app) as db:
        [place] = db.exec(select(models.TrainingPlace))
        assert place.competencies_taught == ["samenwerken"]
    url = saved.headers["Location"]
    bad = client.post(f"{url}/wijzigen", data={**data, "pc4": "12", "kind": "iets"})
    assert bad.status_code == 400 and 'value="12"' in bad.get_data(as_text=True)
    good = client.post(f"{url}/wijzigen", data={**data, "city": "Leiden", "employer": "Zorg Zee"})
    assert good.status_code == 302
    with _db(app) as db:
        [employer] = db.exec(select(models.Employer).where(models.Employer.name == "Zorg Zee"))
    shown = client.get(f"/netwerk/werkgevers/{employer.id}").get_data(as_text=True)
    assert "Taalcursus werkvloer" in shown  # the employer's open places include it
    listing = client.get("/netwerk/opleidingen?soort=language-course").get_data(as_text=True)
    assert "Taalcursus werkvloer" in listing and "Samenwerken" in listing


def _employer(app: Flask, name: str, org: int | None = None) -> int:
    with _db(app) as db:
        row = models.Employer(
            key=name.lower().replace(" ", "-"),
            name=name,
            sector="zorg",
            organisation_id=org,
            approach_notes="Bel Anouk, niet mailen",
        )
        db.add(row)
        db.commit()
        return int(row.id or 0)


def test_employer_page_contact_log_and_follow_up_list(app: Flask, world: World) -> None:
    employer_id = _employer(app, "Zorghuis Duinrand")
    client = _client(app, world.a.staff["coordinator"])
    url = f"/netwerk/werkgevers/{employer_id}"
    token = csrf_token(client, url)
    soon = date.today() + timedelta(days=(6 - date.today().weekday()))
    logged = client.post(
        f"{url}/contact",
        data={
            "csrf_token": token,
            "on": date.today().isoformat(),
            "channel": "phone",
            "summary": "Open voor een stageplek",
            "next_follow_up": soon.isoformat(),
        },
    )
    assert logged.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Open voor een stageplek" in page and "Bel Anouk" in page
    assert "Zorghuis Duinrand" in client.get("/netwerk/werkgevers").get_data(as_text=True)
    bad = client.post(f"{url}/contact", data={"csrf_token": token, "on": "gisteren"})
    assert bad.status_code == 400 and "error-summary" in bad.get_data(as_text=True)
    hunter = _client(app, world.a.staff["job_hunter"]).get(url).get_data(as_text=True)
    assert "Bel Anouk" not in hunter and "Open voor een stageplek" not in hunter


def test_an_organisations_own_employer_is_not_found_by_the_other(app: Flask, world: World) -> None:
    employer_id = _employer(app, "Eigen Werkgever", org=world.a.id)
    other = _client(app, world.b.staff["coordinator"])
    assert other.get(f"/netwerk/werkgevers/{employer_id}").status_code == 404
    assert "Eigen Werkgever" not in other.get("/netwerk/werkgevers").get_data(as_text=True)


def test_contacts_import_export_and_merge_with_preview(app: Flask, world: World) -> None:
    client = _client(app, world.a.staff["coordinator"])
    token = csrf_token(client, "/netwerk/werkgevers")
    csv = (
        "werkgever;naam;functie;telefoon;e-mail\r\n"
        "Bakkerij Korrel BV;Sem Ouda;eigenaar;0701234567;sem@korrel.example\r\n"
    )
    response = client.post(
        "/netwerk/werkgevers/contactpersonen",
        content_type="multipart/form-data",
        data={"csrf_token": token, "upload": (io.BytesIO(csv.encode()), "c.csv")},
    )
    assert response.status_code == 302
    cards = read_vcards(
        client.get("/netwerk/werkgevers/contactpersonen.vcf").get_data(as_text=True)
    )
    assert [(c.employer, c.name) for c in cards] == [("Bakkerij Korrel BV", "Sem Ouda")]
    vcard = client.get("/netwerk/werkgevers/contactpersonen.vcf").data
    again = client.post(
        "/netwerk/werkgevers/contactpersonen",
        content_type="multipart/form-data",
        data={"csrf_token": token, "upload": (io.BytesIO(vcard), "terug.vcf")},
    )
    assert "updated=1" in again.headers["Location"] and "added=0" in again.headers["Location"]
    bad = client.post(
        "/netwerk/werkgevers/contactpersonen",
        content_type="multipart/form-data",
        data={"csrf_token": token, "upload": (io.BytesIO(b"\x00\x01\xff" * 99), "c.csv")},
    )
    assert bad.status_code == 400 and "field-error" in bad.get_data(as_text=True)
    second = _employer(app, "Bakkerij Korrel")
    with _db(app) as db:
        [first] = db.exec(
            select(models.Employer.id).where(models.Employer.name == "Bakkerij Korrel BV")
        )
    listing = client.get("/netwerk/werkgevers/samenvoegen").get_data(as_text=True)
    assert "Bakkerij Korrel" in listing
    preview = client.get(f"/netwerk/werkgevers/samenvoegen?keep={first}&drop={second}")
    assert preview.status_code == 200 and "Samenvoegen" in preview.get_data(as_text=True)
    with _db(app) as db:
        assert db.get(models.Employer, second).merged_into_id is None  # the preview changed nothing
    merged = client.post(
        "/netwerk/werkgevers/samenvoegen", data={"csrf_token": token, "keep": first, "drop": second}
    )
    assert merged.status_code == 302
    with _db(app) as db:
        assert db.get(models.Employer, second).merged_into_id == first
    assert client.get("/netwerk/beroepen").status_code == 200


def test_lexicon_edit_validates_records_history_and_exports_toml(app: Flask, world: World) -> None:
    import tomllib

    client = _client(app, world.a.staff["coordinator"])
    page = client.get("/competenties/samenwerken")
    assert page.status_code == 200
    token = csrf_token(client, "/competenties/samenwerken")
    now = load_lexicon(data_dir("competencies"))["samenwerken"]
    form = {
        name: "\n".join(value) if isinstance(value, tuple) else value
        for name, value in asdict(now).items()
        if name not in ("id", "cluster")
    }
    form |= {"csrf_token": token, "terms_nl": form["terms_nl"] + "\nduobaan"}
    short = client.post("/competenties/samenwerken", data={**form, "evidence_en": "Only one."})
    html = short.get_data(as_text=True)
    assert short.status_code == 400 and "duobaan" in html and "minstens 2" in html
    assert client.post("/competenties/samenwerken", data=form).status_code == 302
    history = client.get("/competenties/geschiedenis").get_data(as_text=True)
    assert "Coordinator noord" in history and "terms_nl" in history
    exported = client.get("/competenties/bestand/mensen.toml")
    entries = tomllib.loads(exported.get_data(as_text=True))["competency"]
    [edited] = [e for e in entries if e["id"] == "samenwerken"]
    assert "duobaan" in edited["terms_nl"]
    assert client.get("/competenties/bestand/niets.toml").status_code == 404
    assert client.get("/competenties/bestaat-niet").status_code == 404
