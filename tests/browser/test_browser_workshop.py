"""A participant on a phone (390×844) completes the workshop with her code and downloads her
CV as PDF, read back with pypdf; the same with JavaScript off. axe-core on every step."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from tests.browser.conftest import (
    LiveServer,
    axe_violations,
    make_world,
    no_horizontal_scroll,
    workshop_code,
)


def _check(page: Any, problems: list[str]) -> None:
    found = axe_violations(page) if page.context.browser else []
    problems.extend(f"{page.url}: {v}" for v in found)
    if not no_horizontal_scroll(page):
        problems.append(f"{page.url}: horizontal scroll")


def _workshop(live: LiveServer, page: Any, *, check: bool) -> bytes:
    world = make_world(live)
    problems: list[str] = []
    page.goto(live.url + "/")
    page.click("text=Ik heb een code van mijn begeleider")
    page.fill("#code", workshop_code(live, world))
    page.click("main button[type=submit]")
    page.click("a[lang=hu]")
    check and _check(page, problems)
    page.click("text=Over mij")
    assert "A neved" in page.content()
    page.fill("#full_name", "Marta Kovács")
    page.fill("#contact_email", "marta@example.org")
    page.fill("#city", "Den Haag")
    check and _check(page, problems)
    page.click("main button[type=submit]")
    assert page.url.endswith("/mijn/talen")
    page.select_option("#rows-0-language", "nl")
    page.select_option("#rows-0-level", "A2")
    page.select_option("#rows-1-language", "hu")
    page.select_option("#rows-1-level", "native")
    check and _check(page, problems)
    page.click("main button[type=submit]")
    page.fill("#title", "Bediening in een café")
    page.fill("#description", "Drankjes serveren, afrekenen, gasten ontvangen en de kassa opmaken.")
    check and _check(page, problems)
    page.click("main button[type=submit]")
    page.click("text=Verder: vragen over wat je goed kunt")
    page.check("input[value=ja]")
    check and _check(page, problems)
    page.click("main button[type=submit]")
    page.goto(live.url + "/mijn/competenties")
    check and _check(page, problems)
    page.locator("form.card button[type=submit]").first.click()
    assert "Nog niets bevestigd" not in page.content()
    page.goto(live.url + "/mijn/wensen")
    page.fill("#hours_max", "24")
    page.check("input[value=night]")
    check and _check(page, problems)
    page.click("main button[type=submit]")
    assert page.url.endswith("/mijn/cv")
    assert page.locator("img.preview").count() >= 1
    check and _check(page, problems)
    with page.expect_download() as download:
        page.click("text=Download PDF")
    assert download.value.suggested_filename == "cv-marta.pdf"
    assert problems == []
    with open(download.value.path(), "rb") as handle:
        return handle.read()


def test_participant_completes_the_workshop_on_a_phone(
    live_server: LiveServer, phone_page: Any
) -> None:
    pdf = _workshop(live_server, phone_page, check=True)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Marta Kovács" in text and "Hongaars" in text


def test_participant_completes_the_workshop_without_javascript(
    live_server: LiveServer, no_js_page: Any
) -> None:
    pdf = _workshop(live_server, no_js_page, check=False)
    assert PdfReader(io.BytesIO(pdf)).pages
