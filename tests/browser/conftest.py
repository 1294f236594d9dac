"""Real-browser tests: the app served by waitress on loopback, driven by Debian's Chromium.

Playwright for Python drives /usr/bin/chromium (never a downloaded browser). axe-core comes from
npm (package.json at the project root; `.ci/run` runs `npm ci`). On CI both must be present and a
missing one fails the run; on a developer machine without them these tests are skipped, saying why.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session

from jobmatch.db.engine import make_engine
from jobmatch.services.setup import init_database
from jobmatch.web import create_app

CHROMIUM = Path(os.environ.get("JOBMATCH_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 640}


def _require(path: Path, what: str) -> None:
    if path.exists():
        return
    message = f"{what} not found at {path}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must install it: see .ci/run)")
    pytest.skip(message)


@dataclass
class LiveServer:
    url: str
    app: Any
    engine: Any

    def db(self) -> Session:
        return Session(self.engine)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The real app over real HTTP (waitress in a thread), on a fresh SQLite database."""
    from waitress.server import create_server

    url = f"sqlite:///{tmp_path / 'live.sqlite'}"
    init_database(url=url)
    app = create_app(
        {
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "DATABASE_URL": url,
            "SECRET_KEY": "browser-test-secret-" + "x" * 32,
        }
    )
    server = create_server(app, host="127.0.0.1", port=_free_port(), threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    engine = make_engine(url)
    try:
        yield LiveServer(url=f"http://127.0.0.1:{server.effective_port}", app=app, engine=engine)
    finally:
        server.close()
        engine.dispose()
        app.extensions["jobmatch.engine"].dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _require(CHROMIUM, "Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A desktop-sized page with JavaScript on; CSP bypassed only so axe-core can be injected."""
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        bypass_csp=True, viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL"
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    yield context.new_page()
    context.close()


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations of the given impact on the current page."""
    _require(AXE, "axe-core (npm ci)")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    found = [v for v in result["violations"] if v.get("impact") in impacts]
    return [f"{v['id']} ({v['impact']}): {json.dumps([n['target'] for n in v['nodes']])[:300]}"
            for v in found]  # fmt: skip


def no_horizontal_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


@dataclass
class BrowserWorld:
    organisation_id: int
    job_hunter_email: str
    participant_id: int
    password: str = "een lange zin als wachtwoord"


def make_world(live: LiveServer) -> BrowserWorld:
    """One organisation with a job hunter and one participant, straight into the database."""
    from jobmatch.db import models
    from jobmatch.db.passwords import hash_password

    with live.db() as db:
        org = models.Organisation(slug="noord", name="Stichting Noord", city="Den Haag")
        db.add(org)
        db.flush()
        assert org.id is not None
        user = models.StaffUser(
            email="jobhunter@noord.example", name="Sanne", role="job_hunter",
            organisation_id=org.id, password_hash=hash_password(BrowserWorld.password),
        )  # fmt: skip
        person = models.Participant(alias="marta", organisation_id=org.id, city="Den Haag")
        db.add_all([user, person])
        db.commit()
        assert person.id is not None
        return BrowserWorld(org.id, user.email, person.id)


def workshop_code(live: LiveServer, world: BrowserWorld) -> str:
    from jobmatch.db import models
    from jobmatch.domain.access import Actor
    from jobmatch.services.accounts import issue_workshop_code

    with live.db() as db:
        person = db.get(models.Participant, world.participant_id)
        assert person is not None
        actor = Actor(role="job_hunter", organisation_id=world.organisation_id, user_id=1)
        secret = live.app.config["SECRET_KEY"]
        return issue_workshop_code(session=db, actor=actor, participant=person, pepper=secret).code
