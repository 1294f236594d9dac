"""A coordinator imports a small CSV in a real browser and watches the progress reach done
(htmx polling), with a real Huey consumer; axe-core finds nothing serious on the pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jobmatch.services import background
from tests.browser.conftest import LiveServer, axe_violations

CSV = (
    "title;text;employer;sector;pc4;closing_date\r\n"
    "Magazijnmedewerker;Je pakt bestellingen in en werkt nauwkeurig.;Opslag Noord;logistiek;"
    "2516;31-12-2099\r\n"
    "Gastvrouw;Je ontvangt bezoekers gastvrij en vriendelijk.;Museum Zee;cultuur;2582;\r\n"
)
PASSWORD = "een lange zin als wachtwoord"


def _coordinator(live: LiveServer) -> str:
    from jobmatch.db import models
    from jobmatch.db.passwords import hash_password

    with live.db() as db:
        org = models.Organisation(slug="noord", name="Stichting Noord", city="Den Haag")
        db.add(org)
        db.flush()
        user = models.StaffUser(
            email="coordinator@noord.example", name="Noor", role="coordinator",
            organisation_id=org.id or 0, password_hash=hash_password(PASSWORD),
        )  # fmt: skip
        db.add(user)
        db.commit()
        return user.email


def test_coordinator_imports_a_csv_and_sees_progress_reach_done(
    live_server: LiveServer, page: Any, tmp_path: Path
) -> None:
    email = _coordinator(live_server)
    upload = tmp_path / "vacatures.csv"
    upload.write_bytes(CSV.encode("cp1252"))
    page.goto(live_server.url + "/auth/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(live_server.url + "/netwerk/importeren")
    assert axe_violations(page) == []
    page.set_input_files("#upload", str(upload))
    page.click("text=Bestand controleren")
    assert "Goede regels: 2" in page.content()
    assert axe_violations(page) == []
    background.configure_database(live_server.app.config["DATABASE_URL"])
    huey = background.queue_for(Path(live_server.app.instance_path), "")
    consumer = background.start_consumer(huey, workers=1)
    try:
        page.click("button[type=submit] >> text=Import starten")
        page.wait_for_selector("text=Toegevoegd: 2", timeout=60_000)
    finally:
        background.stop_consumer(consumer)
    assert axe_violations(page) == []
    page.click("text=Naar de lijst")
    assert "Magazijnmedewerker" in page.content() and "Gastvrouw" in page.content()


def _sign_in(page: Any, live: LiveServer, email: str) -> None:
    page.goto(live.url + "/auth/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")


def test_coordinator_pages_pass_axe_and_paste_works_without_javascript(
    live_server: LiveServer, page: Any, no_js_page: Any
) -> None:
    email = _coordinator(live_server)
    _sign_in(page, live_server, email)
    for path in ("/netwerk/vacatures", "/netwerk/vacatures/plakken", "/netwerk/opleidingen",
                 "/netwerk/opleidingen/plakken", "/netwerk/werkgevers", "/netwerk/beroepen",
                 "/netwerk/werkgevers/samenvoegen", "/competenties", "/competenties/samenwerken",
                 "/competenties/geschiedenis"):  # fmt: skip
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path
    _sign_in(no_js_page, live_server, email)
    no_js_page.goto(live_server.url + "/netwerk/vacatures/plakken")
    no_js_page.fill("#employer", "Hotel Duin")
    no_js_page.fill("#pasted", "Receptionist\nJe ontvangt gasten gastvrij. Taalniveau B1.")
    no_js_page.click("text=Bekijken")
    assert no_js_page.locator("mark").count() >= 1
    page.goto(live_server.url + "/netwerk/vacatures/plakken")  # the preview, checked with axe
    page.fill("#pasted", "Receptionist\nJe ontvangt gasten gastvrij. Taalniveau B1.")
    page.click("text=Bekijken")
    assert axe_violations(page) == []
    no_js_page.click("text=Vacature opslaan")
    assert no_js_page.locator("h1").inner_text() == "Receptionist"
