"""The coordinator's dashboard and yearly report in a real browser: accessible, charts load under
the real CSP, no horizontal scroll on a phone, and the PDF download reads back."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from pypdf import PdfReader

from jobmatch.db import models
from jobmatch.db.passwords import hash_password
from tests.browser.conftest import LiveServer, axe_violations, no_horizontal_scroll

PASSWORD = "een lange zin als wachtwoord"
LAST_YEAR = date.today().year - 1


def _coordinator_world(live: LiveServer) -> str:
    with live.db() as db:
        org = models.Organisation(slug="noord", name="Stichting Noord", city="Den Haag")
        db.add(org)
        db.flush()
        assert org.id is not None
        db.add(models.StaffUser(email="coordinator@noord.example", name="Cora",
                                role="coordinator", organisation_id=org.id,
                                password_hash=hash_password(PASSWORD)))  # fmt: skip
        for n in range(30):
            db.add(models.Participant(
                alias=f"p{n}", organisation_id=org.id, entry_date=date(LAST_YEAR, 2, 1),
                phase=("uitvoering", "nazorg", "contact")[n % 3], pc4="2521",
                birth_year=LAST_YEAR - 25 - n,
            ))  # fmt: skip
        db.commit()
    return "coordinator@noord.example"


def _sign_in(page: Any, live: LiveServer, email: str) -> None:
    page.goto(live.url + "/auth/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/auth/login" not in url)


def _charts_loaded(page: Any) -> int:
    return int(page.evaluate(
        "Array.from(document.querySelectorAll('.chart img'))"
        ".filter(img => img.complete && img.naturalWidth > 0).length"
    ))  # fmt: skip


def test_dashboard_and_report_pass_axe_and_the_pdf_downloads(
    live_server: LiveServer, page: Any, phone_page: Any
) -> None:
    email = _coordinator_world(live_server)
    _sign_in(page, live_server, email)
    for path in (
        "/overzicht",
        f"/jaarverslag?jaar={LAST_YEAR}",
        f"/jaarverslag/{LAST_YEAR}/publiceren",
    ):
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path
    page.goto(live_server.url + f"/jaarverslag?jaar={LAST_YEAR}")
    with page.expect_download() as started:
        page.click("text=Jaarverslag als PDF")
    pdf = PdfReader(io.BytesIO(started.value.path().read_bytes()))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert f"Jaarrapportage {LAST_YEAR}" in text and "Stichting Noord" in text
    _sign_in(phone_page, live_server, email)
    for path in ("/overzicht", f"/jaarverslag?jaar={LAST_YEAR}"):
        phone_page.goto(live_server.url + path)
        assert no_horizontal_scroll(phone_page), path
        assert axe_violations(phone_page) == [], path


def test_charts_load_under_the_real_content_security_policy(
    live_server: LiveServer, browser: Any
) -> None:
    email = _coordinator_world(live_server)
    context = browser.new_context(locale="nl-NL")  # CSP enforced: no bypass
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    _sign_in(page, live_server, email)
    page.goto(live_server.url + "/overzicht")
    assert _charts_loaded(page) >= 1
    page.goto(live_server.url + f"/jaarverslag?jaar={LAST_YEAR}")
    assert _charts_loaded(page) >= 3
    assert refused == []
    context.close()
