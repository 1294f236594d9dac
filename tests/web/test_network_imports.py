"""Import pages over HTTP: template, upload -> dry run -> start -> progress -> summary, and bad
files (binary renamed .csv, missing columns, malformed JSON-LD, a 6 MB upload) never a 500."""

from __future__ import annotations

import io
import time
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select
from werkzeug.test import EnvironBuilder

from jobmatch.db import models
from jobmatch.services import background
from tests.web.conftest import World, csrf_token, sign_in

GOOD_CSV = (
    "id;title;text;employer;sector;pc4;city;closing_date\r\n"
    "v1;Schoonmaker kantoren;Je maakt kantoren schoon, zelfstandig en netjes.;Glans BV;"
    "schoonmaak;2514;Den Haag;31-12-2099\r\n"
    "v2;Kassamedewerker;Je helpt klanten vriendelijk aan de kassa.;Buurtsuper;retail;2525;"
    "Den Haag;2099-11-30\r\n"
    "v3;;Zonder titel;Buurtsuper;retail;99;Den Haag;morgen\r\n"
).encode("cp1252")


def _coordinator(app: Flask, world: World) -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, world.a.staff["coordinator"]) == 302
    return client


def _upload(client: FlaskClient, raw: bytes, name: str, kind: str = "vacancies") -> object:
    token = csrf_token(client, "/netwerk/importeren")
    data = {"csrf_token": token, "kind": kind, "upload": (io.BytesIO(raw), name)}
    return client.post("/netwerk/importeren/bestand", data=data, content_type="multipart/form-data")


def _titles(app: Flask) -> list[str]:
    with Session(app.extensions["jobmatch.engine"]) as db:
        return sorted(v.title for v in db.exec(select(models.Vacancy)))


def test_template_download_is_a_semicolon_csv_with_bom(app: Flask, world: World) -> None:
    client = _coordinator(app, world)
    response = client.get("/netwerk/importeren/sjabloon-vacatures.csv")
    assert response.status_code == 200 and response.data.startswith(b"\xef\xbb\xbf")
    assert response.data.decode("utf-8-sig").splitlines()[0].startswith("id;title;text")
    assert client.get("/netwerk/importeren/sjabloon-iets.csv").status_code == 404


def test_dry_run_then_start_then_progress_reaches_done(app: Flask, world: World) -> None:
    client = _coordinator(app, world)
    response = _upload(client, GOOD_CSV, "vacatures.csv")
    assert response.status_code == 302  # type: ignore[attr-defined]
    job_url = response.headers["Location"]  # type: ignore[attr-defined]
    preview = client.get(job_url).get_data(as_text=True)
    assert "Goede regels: 2" in preview and "Regels met een probleem: 1" in preview
    assert "title" in preview and _titles(app) == []  # a dry run stores no vacancy
    background.configure_database(app.config["DATABASE_URL"])
    huey = background.queue_for(Path(app.instance_path), "")
    consumer = background.start_consumer(huey, workers=1)
    try:
        token = csrf_token(client, job_url)
        assert client.post(f"{job_url}/starten", data={"csrf_token": token}).status_code == 302
        client.post(f"{job_url}/starten", data={"csrf_token": token})  # double click
        deadline = time.monotonic() + 60
        while "Klaar" not in (page := client.get(f"{job_url}/voortgang").get_data(as_text=True)):
            assert time.monotonic() < deadline, page
            assert 'hx-trigger="every 2s"' in page
            time.sleep(0.2)
    finally:
        background.stop_consumer(consumer)
    assert "Toegevoegd: 2" in page and "hx-trigger" not in page
    assert _titles(app) == ["Kassamedewerker", "Schoonmaker kantoren"]


def test_bad_files_get_a_clear_message_and_store_nothing(app: Flask, world: World) -> None:
    client = _coordinator(app, world)
    cases = [
        (bytes(range(256)) * 40, "plaatje.csv"),
        (b"titel;werkgever\r\nKok;Hotel\r\n", "kolommen.csv"),
        (
            b'<html><script type="application/ld+json">{"@type": "JobPosting", </script></html>',
            "pagina.html",
        ),
        (b"<html><body><p>Geen vacature hier</p></body></html>", "leeg.html"),
    ]
    for raw, name in cases:
        response = _upload(client, raw, name)
        html = response.get_data(as_text=True)  # type: ignore[attr-defined]
        assert response.status_code == 400, (name, html)  # type: ignore[attr-defined]
        assert "field-error" in html and "Traceback" not in html
    with Session(app.extensions["jobmatch.engine"]) as db:
        assert list(db.exec(select(models.ImportJob))) == []


def test_a_six_megabyte_upload_gets_the_413_page(app: Flask, world: World) -> None:
    client = _coordinator(app, world)
    token = csrf_token(client, "/netwerk/importeren")
    big = io.BytesIO(b"a;b\r\n" * (6 * 1024 * 1024 // 5))
    builder = EnvironBuilder(
        path="/netwerk/importeren/bestand",
        method="POST",
        data={"csrf_token": token, "kind": "vacancies", "upload": (big, "groot.csv")},
    )
    environ = builder.get_environ()  # the body is spooled to a temporary file: close it here
    try:
        response = client.open(environ)
    finally:
        environ["wsgi.input"].close()
        builder.close()
    assert response.status_code == 413
    assert "te groot" in response.get_data(as_text=True)


def test_another_organisation_cannot_see_or_start_the_job(app: Flask, world: World) -> None:
    response = _upload(_coordinator(app, world), GOOD_CSV, "vacatures.csv")
    job_url = response.headers["Location"]  # type: ignore[attr-defined]
    other = app.test_client()
    sign_in(other, world.b.staff["coordinator"])
    assert other.get(job_url).status_code == 404
    token = csrf_token(other, "/netwerk/importeren")
    assert other.post(f"{job_url}/starten", data={"csrf_token": token}).status_code == 404
    job_hunter = app.test_client()
    sign_in(job_hunter, world.a.staff["job_hunter"])
    assert job_hunter.get(job_url).status_code == 403


PAGE = b"""<!doctype html><html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "JobPosting", "title": "Koerier op de fiets",
 "description": "<p>Je bezorgt pakketten <b>zelfstandig</b>.</p>",
 "hiringOrganization": {"@type": "Organization", "name": "Trapkracht"},
 "jobLocation": {"address": {"postalCode": "2512", "addressLocality": "Den Haag"}},
 "validThrough": "2099-06-30T23:59:00+02:00"}
</script></head><body>Koerier</body></html>"""
TRAINING_CSV = (
    "titel;soort;aanbieder;competenties\r\n"
    "Nederlands naar B1;taalcursus;Taalhuis Duin;samenwerken\r\n"
    "Zomaar iets;iets;Taalhuis Duin;\r\n"
).encode("utf-8-sig")


def test_a_saved_page_with_json_ld_and_a_training_csv_get_their_dry_run(
    app: Flask, world: World
) -> None:
    client = _coordinator(app, world)
    page = client.get(_upload(client, PAGE, "vacature.html").headers["Location"])  # type: ignore[attr-defined]
    assert "Goede regels: 1" in page.get_data(as_text=True)
    training = _upload(client, TRAINING_CSV, "opleidingen.csv", kind="training")
    html = client.get(training.headers["Location"]).get_data(as_text=True)  # type: ignore[attr-defined]
    assert "Goede regels: 1" in html and "Regels met een probleem: 1" in html and "kind" in html
