"""A person logs in with the keyboard in a real browser and sees the start page."""
import pytest

from ..conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_log_in_and_see_the_start_page(live_server, page):
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("koordination@example.org", "Kim Koordination",
                                                    "coordinator", PASSWORD)
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.goto(url + "/")
    assert page.url.startswith(url + "/anmelden")
    assert page.locator("h1").inner_text() == "Anmelden"

    page.get_by_label("E-Mail").fill("koordination@example.org")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.keyboard.press("Enter")

    page.wait_for_url(url + "/")
    assert page.locator("h1").inner_text() == "Das Netzwerk auf einen Blick"
    assert page.locator('[data-count="actors"] .number').inner_text() == "24"
    assert "Kim Koordination" in page.locator("header").inner_text()
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url(url + "/anmelden")
    assert "Sie sind abgemeldet." in page.content()
    assert console_errors == [], "no console errors, e.g. no Content-Security-Policy violation"


def test_wrong_password_is_announced(live_server, page):
    _, url = live_server
    page.goto(url + "/anmelden")
    page.get_by_label("E-Mail").fill("niemand@example.org")
    page.get_by_label("Passwort").fill("falsch-falsch")
    page.get_by_role("button", name="Anmelden").click()
    alert = page.get_by_role("alert")
    assert "E-Mail oder Passwort ist falsch." in alert.inner_text()
