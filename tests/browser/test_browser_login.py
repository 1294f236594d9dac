"""The sign-in pages in a real browser: accessible, usable on a phone and without JavaScript."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import LiveServer, axe_violations, no_horizontal_scroll


def test_login_pages_pass_axe_on_a_phone_in_both_languages(
    live_server: LiveServer, phone_page: Any
) -> None:
    for path in ("/auth/login", "/auth/code"):
        phone_page.goto(live_server.url + path)
        assert axe_violations(phone_page) == [], path
        assert no_horizontal_scroll(phone_page), path
        font = phone_page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert font >= 18
    phone_page.click("text=English")
    assert phone_page.locator("h1").inner_text() == "Sign in with your code"
    assert axe_violations(phone_page) == []


def test_wrong_sign_in_without_javascript_shows_errors_and_keeps_the_email(
    live_server: LiveServer, no_js_page: Any
) -> None:
    no_js_page.goto(live_server.url + "/auth/login")
    no_js_page.fill("#email", "iemand@example.org")
    no_js_page.fill("#password", "niet-het-goede-wachtwoord")
    no_js_page.click("button[type=submit]")
    assert "klopt niet" in no_js_page.locator(".error-summary").inner_text()
    assert no_js_page.input_value("#email") == "iemand@example.org"
    assert no_js_page.input_value("#password") == ""
