"""Documents in the browser flow: preview pictures of the real PDF, downloads read back, and a
guard block explained in plain words (nothing downloaded)."""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from sqlmodel import Session

from jobmatch.db import models
from tests.web.conftest import World, sign_in


def _participant_with_a_life(session: Session, world: World, title: str) -> None:
    row = session.get(models.Participant, world.a.participant_id)
    assert row is not None
    row.full_name = "Marta Kovács"
    row.city = "Den Haag"
    session.add(row)
    owner = {"organisation_id": world.a.id, "participant_id": world.a.participant_id}
    session.add(
        models.Experience(title=title, kind="work", description="Gasten ontvangen.", **owner)
    )
    session.add(
        models.ParticipantCompetency(
            competency_id="gastvrijheid",
            status="confirmed",
            evidence="Ik ontving gasten hartelijk.",
            **owner,
        )
    )
    session.add(models.LanguageSkill(language="hu", level="native", **owner))
    session.commit()


def _client(app: Flask, world: World) -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, world.a.staff["job_hunter"]) == 302
    return client


def test_preview_and_downloads_are_the_same_document(
    app: Flask, world: World, session: Session
) -> None:
    _participant_with_a_life(session, world, "Gastvrouw in een hotel")
    client = _client(app, world)
    base = f"/deelnemers/{world.a.participant_id}/documenten"
    page = client.get(base + "?soort=cv&stijl=warm")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'src="data:image/png;base64,' in html
    pdf = client.get(base + "/download.pdf?soort=cv&stijl=warm")
    assert pdf.status_code == 200 and pdf.headers["Content-Disposition"].endswith('"cv-marta.pdf"')
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Marta" in text and "Gastvrijheid" in text
    word = client.get(base + "/download.docx?soort=cv")
    paragraphs = [p.text for p in DocxDocument(io.BytesIO(word.data)).paragraphs]
    assert any("Marta" in p for p in paragraphs)
    letter = client.get(base + "?soort=letter")
    assert letter.status_code == 422 and "vacature" in letter.get_data(as_text=True)


def test_guard_block_is_explained_and_nothing_is_sent(
    app: Flask, world: World, session: Session
) -> None:
    _participant_with_a_life(session, world, "Gastvrouw escortbureau")
    client = _client(app, world)
    base = f"/deelnemers/{world.a.participant_id}/documenten"
    page = client.get(base + "?soort=cv")
    html = page.get_data(as_text=True)
    assert page.status_code == 422 and "Dit document kan nog niet weg" in html
    assert "data:image/png" not in html
    download = client.get(base + "/download.pdf?soort=cv")
    assert download.status_code == 422 and download.mimetype == "text/html"
