"""The job hunter in a real browser: signs in, creates a participant, writes down what she did,
answers a discovery question with her, confirms a competency, adds and moves an application,
downloads her CV (read back); axe-core on every page; the same core path without JavaScript."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from jobmatch.db import models
from tests.browser.conftest import LiveServer, axe_violations, make_world, no_horizontal_scroll


def _vacancy(live: LiveServer) -> None:
    with live.db() as db:
        db.add(models.Vacancy(source="jobs/gastvrouw.txt", title="Gastvrouw hotel (m/v/x)",
                              text="Je ontvangt gasten.", content_hash="0" * 64))  # fmt: skip
        db.commit()


def _check(page: Any, problems: list[str], js: bool) -> None:
    if js:
        problems.extend(f"{page.url}: {v}" for v in axe_violations(page))
    if not no_horizontal_scroll(page):
        problems.append(f"{page.url}: horizontal scroll")


def _job_hunter(live: LiveServer, page: Any, js: bool) -> bytes:
    world = make_world(live)
    _vacancy(live)
    problems: list[str] = []
    page.goto(live.url + "/")
    page.fill("#email", world.job_hunter_email)
    page.fill("#password", world.password)
    page.click("main button[type=submit]")
    _check(page, problems, js)
    page.click("nav.menu >> text=Deelnemers")
    _check(page, problems, js)
    page.click("text=Nieuwe deelnemer")
    page.fill("#alias", "Rosa")
    page.fill("#full_name", "Rosa Silva")
    page.fill("#pc4", "2525")
    _check(page, problems, js)
    page.click("main button[type=submit]")
    assert page.locator("h1").inner_text().startswith("Rosa")
    _check(page, problems, js)
    page.click("nav.subnav >> text=Ervaring")
    page.fill("#title", "Receptie van een pension")
    page.fill("#description", "Gasten ontvangen, reserveringen bijhouden en afrekenen.")
    page.click("main form >> button:has-text('Opslaan')")
    page.click("text=Verder: vragen over wat je goed kunt")
    page.check("input[value=ja]")
    _check(page, problems, js)
    page.click("main button[type=submit]")
    page.goto(page.url.rsplit("/ontdekken", 1)[0] + "/competenties")
    _check(page, problems, js)
    page.locator("form.card button[type=submit]").first.click()
    page.goto(page.url.rsplit("/competenties", 1)[0] + "/sollicitaties")
    page.select_option("#target", label="Gastvrouw hotel (m/v/x)")
    page.click("main form >> button:has-text('Toevoegen')")
    card = page.locator("article.card").first
    card.locator("select").select_option("gesprek")
    card.locator("button").click()
    assert "Gastvrouw hotel" in page.locator("#col-gesprek").locator("..").inner_text()
    _check(page, problems, js)
    base = page.url.rsplit("/sollicitaties", 1)[0]
    for path in ("/matches", "/wensen", "/talen", "/toestemming", "/afsluiten", "/privacy"):
        page.goto(base + path)
        assert page.locator("h1").count() == 1, path
        _check(page, problems, js)
    for path in ("/deze-week", "/sollicitaties", "/account/"):
        page.goto(live.url + path)
        _check(page, problems, js)
    page.goto(base + "/documenten")
    _check(page, problems, js)
    with page.expect_download() as download:
        page.click("text=Download PDF")
    assert problems == []
    with open(download.value.path(), "rb") as handle:
        return handle.read()


def test_job_hunter_flow_in_a_browser(live_server: LiveServer, page: Any) -> None:
    pdf = _job_hunter(live_server, page, js=True)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Rosa Silva" in text


def test_job_hunter_flow_without_javascript(live_server: LiveServer, no_js_page: Any) -> None:
    pdf = _job_hunter(live_server, no_js_page, js=False)
    assert "Rosa Silva" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
