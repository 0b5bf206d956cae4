"""A coordinator adds an actor in a real browser, links it, finds it again and sees the export."""
import pytest

from ..conftest import PASSWORD
from .conftest import log_in

pytestmark = pytest.mark.browser


def test_add_an_actor_link_it_and_find_it(live_server, page):
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("k@example.org", "Kim Koordination", "coordinator", PASSWORD)
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    log_in(page, url, "k@example.org")

    page.get_by_role("link", name="Akteure", exact=True).click()
    page.get_by_role("link", name="Neu anlegen").click()
    page.get_by_label("Name").fill("Internationaler Frauentreff Lanstrop")
    page.get_by_label("Art").select_option("migrant organisation")
    page.get_by_label("Stadtteilkultur").check()
    page.get_by_label("Beschreibung").fill("Treffen für Frauen aus dem Quartier, mittwochs.")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("h1:has-text('Internationaler Frauentreff Lanstrop')")
    assert "wurde angelegt" in page.content()

    section = page.locator("section", has=page.get_by_role("heading", name="aktiv in"))
    section.get_by_text("Verbindung hinzufügen").click()
    typed = section.get_by_label("Eintrag")
    typed.press_sequentially("lanst")  # the type-ahead asks the app and offers "Lanstrop"
    section.locator("datalist option[value='Lanstrop']").wait_for(state="attached")
    typed.fill("Lanstrop")  # as picking the suggestion does
    assert section.locator("input[type=hidden][name$='other_uid']").input_value() != ""
    section.get_by_role("button", name="Verbinden").click()
    page.wait_for_selector("text=Die Verbindung wurde gespeichert.")
    assert page.locator("section", has=page.get_by_role("heading", name="aktiv in")).get_by_role(
        "link", name="Lanstrop", exact=True).count() == 1

    page.get_by_role("link", name="Akteure").first.click()
    page.get_by_role("searchbox", name="Suche").fill("frauentreff lanstrop")
    page.get_by_role("button", name="Anwenden").click()
    rows = page.locator("table.entries tbody tr")
    assert rows.count() == 1 and "Internationaler Frauentreff Lanstrop" in rows.first.inner_text()
    assert "Migrant*innenorganisation" in rows.first.inner_text() and "Stadtteilkultur" in rows.first.inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    content = open(download.value.path(), encoding="utf-8-sig").read()
    assert "Internationaler Frauentreff Lanstrop" in content and "Lanstrop" in content
    assert console_errors == []
