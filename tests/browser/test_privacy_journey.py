"""Issue 11's privacy journey, as an admin would take it: an old export of the network lies about;
then an access request for "Leitung JuKi-Treff Lanstrop (Demo)" is answered (found, read on the
page, downloaded as JSON), the person is erased (ticked, password again), and the old export,
imported again, warns that it would bring back an erased person and skips them."""
import json

import pytest

from ..conftest import PASSWORD, raw_rows
from .axe import assert_accessible, axe_path
from .conftest import CHROMIUM_FLAGS, log_in

pytestmark = pytest.mark.browser

PERSON = "Leitung JuKi-Treff Lanstrop (Demo)"


def test_access_request_erasure_and_the_old_export(live_server, page, store, tmp_path):
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("admin@example.org", "Ada Admin", "admin", PASSWORD)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, url, "admin@example.org")

    # an export made before the erasure
    page.goto(url + "/import")
    with page.expect_download() as download:
        page.get_by_role("link", name="Das ganze Netzwerk als JSON herunterladen").click()
    old_export = tmp_path / "netzwerk-alt.json"
    download.value.save_as(old_export)
    assert PERSON in old_export.read_text(encoding="utf-8")

    # the access request: find, read, download
    page.get_by_role("link", name="Datenschutz").first.click()
    page.get_by_label("Name oder E-Mail-Adresse").fill("juki-treff")
    page.get_by_role("button", name="Suchen").click()
    page.get_by_role("link", name=PERSON).click()
    page.wait_for_selector(f"h1:has-text('{PERSON}')")
    text = page.locator("main").inner_text()
    assert "Team lokal willkommen Eving/Scharnhorst" in text and "KNOWS" in text and "WORKS_AT" in text
    uid = page.url.rsplit("/", 1)[1]
    with page.expect_download() as download:
        page.get_by_role("button", name="Auskunft als JSON herunterladen").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["person"]["name"] == PERSON and data["subject"]["uid"] == uid
    assert {link["type"] for link in data["links"]} == {"KNOWS", "WORKS_AT"}
    assert "Team lokal willkommen Eving/Scharnhorst" in {link["name"] for link in data["links"]}
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})

    # the erasure: asks first, then the tick and the password
    page.get_by_role("link", name="Daten löschen …").click()
    page.get_by_label("Ich habe geprüft", exact=False).check()
    page.get_by_label("Ihr Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Endgültig löschen").click()
    page.wait_for_selector(f"h1:has-text('Gelöschte Person {uid[:8]}')")
    assert "Gelöscht am" in page.locator("main").inner_text()
    assert not raw_rows(store, f"MATCH (p:Person {{name: '{PERSON}'}}) RETURN p.uid AS uid")

    # the old export comes back: the check names the erased person by uid and skips them
    page.goto(url + "/import")
    page.get_by_label("Was wird importiert?").select_option(label="Ganzes Netzwerk (JSON-Export)")
    page.get_by_label("Datei (CSV, XLSX oder JSON)").set_input_files(str(old_export))
    page.get_by_role("button", name="Prüfen (es wird noch nichts gespeichert)").click()
    warning = page.locator("#erased-warning")
    warning.wait_for()
    assert uid in warning.inner_text() and PERSON not in warning.inner_text()
    assert "1 Person in der Datei wurde hier gelöscht" in warning.inner_text()
    assert not page.get_by_label("Gelöschte Personen trotzdem wiederherstellen", exact=False).is_checked()
    page.get_by_role("button", name="Jetzt importieren").click()
    page.wait_for_selector("text=1 gelöschte Personen übersprungen.")
    assert not raw_rows(store, f"MATCH (p:Person {{name: '{PERSON}'}}) RETURN p.uid AS uid")
    assert not raw_rows(store, f"MATCH (:Person {{uid: '{uid}'}})-[r:KNOWS|WORKS_AT]-() RETURN type(r) AS t")
    assert errors == []


@pytest.fixture
def audit_page(chromium_path):
    """A browser context that lets axe be injected (see test_accessibility.py for why)."""
    from playwright.sync_api import sync_playwright
    axe_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        context = browser.new_context(locale="de-DE", bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        context.close()
        browser.close()


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_privacy_pages_are_accessible(live_server, audit_page, width, height):
    app, url = live_server
    page = audit_page
    page.set_viewport_size({"width": width, "height": height})
    app.extensions["netzwerk.accounts"].create_user("admin@example.org", "Ada Admin", "admin", PASSWORD)
    log_in(page, url, "admin@example.org")
    page.goto(url + "/datenschutz")
    page.get_by_label("Name oder E-Mail-Adresse").fill("juki-treff")
    page.get_by_role("button", name="Suchen").click()
    page.get_by_role("link", name=PERSON).wait_for()
    assert_accessible(page, "privacy search")
    page.get_by_role("link", name=PERSON).click()
    page.wait_for_selector(f"h1:has-text('{PERSON}')")
    assert_accessible(page, "privacy subject")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name="Daten löschen …").click()
    page.get_by_role("button", name="Endgültig löschen").click()  # neither ticked nor a password
    page.wait_for_selector(".form-errors")
    assert_accessible(page, "privacy erase with errors")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
