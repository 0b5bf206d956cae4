"""In a real browser: a coordinator finds what already meets a need in Lanstrop and marks it met;
the need's page, the round table's page, its agenda and the key figures fit a phone (390 px) and
axe finds nothing serious on them."""
import re

import pytest

from netzwerk.text import seed_uid

from ..conftest import PASSWORD
from .axe import assert_accessible, axe_path
from .conftest import CHROMIUM_FLAGS
from .test_phone_layout import check

pytestmark = pytest.mark.browser
LANSTROP_NEED = seed_uid("Need", "erstberatung-lanstrop")
LOKAL_WILLKOMMEN = seed_uid("RoundTable", "lokal-willkommen-netzwerk")


@pytest.fixture
def audit_page(chromium_path):
    from playwright.sync_api import sync_playwright
    axe_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        context = browser.new_context(locale="de-DE", bypass_csp=True)  # axe is injected inline
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        context.close()
        browser.close()


def log_in(page, url, email):
    page.goto(url + "/anmelden")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(url + "/")


def test_a_coordinator_finds_what_is_already_there_and_marks_the_need_met(live_server, page):
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("k@example.org", "Kim Koordination", "coordinator", PASSWORD)
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    log_in(page, url, "k@example.org")
    page.get_by_role("link", name="Bedarfe", exact=True).click()
    page.get_by_role("link", name="Erste Anlaufstelle für neu zugezogene Familien in Lanstrop (Demo)").click()
    matches = page.locator("section.matches ol.matches > li")
    first = matches.first
    assert first.get_by_role("link").first.inner_text() == "Sprechstunde lokal willkommen Lanstrop"
    assert "im Quartier Lanstrop" in first.inner_text() and "vormittags passt" in first.inner_text()
    first.get_by_role("button", name=re.compile("^Bedarf damit gedeckt ?: Sprechstunde lokal willkommen Lanstrop$")).click()
    page.wait_for_selector("text=Der Bedarf ist als gedeckt markiert.")
    assert page.locator("dl.properties").get_by_text("gedeckt", exact=True).is_visible()
    assert "Deckt diesen Bedarf." in page.locator("section.matches").inner_text()
    page.get_by_role("link", name="Alle passenden Angebote").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Passende Angebote für")
    assert console_errors == []


@pytest.mark.parametrize("width", (1280, 390))
def test_the_new_pages_on_desktop_and_phone(live_server, audit_page, width):
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("k@example.org", "Kim Koordination", "coordinator", PASSWORD)
    page = audit_page
    page.set_viewport_size({"width": width, "height": 844})
    log_in(page, url, "k@example.org")
    for path, what in ((f"/bedarfe/{LANSTROP_NEED}", "the need with its matches"),
                       (f"/bedarfe/{LANSTROP_NEED}/passende-angebote", "the matching offers"),
                       (f"/runde-tische/{LOKAL_WILLKOMMEN}/uebersicht", "the round table's page"),
                       (f"/runde-tische/{LOKAL_WILLKOMMEN}/tagesordnung", "the agenda"),
                       ("/kennzahlen", "the key figures")):
        assert page.goto(url + path).status == 200, path
        if width == 390:
            check(page, what)
        assert_accessible(page, f"{width} px: {what}")
