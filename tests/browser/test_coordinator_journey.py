"""The register issue's journey, as a new coordinator would take it, on a desktop and a phone:
Caritas Dortmund active in Innenstadt-Nord, its offer "Sprachcafé Arabisch" and a contact
person, each created in one go with the type-ahead; found by "caritas" and by the language
filter; the list exported as CSV with German headings and values."""
import pytest

from ..conftest import PASSWORD
from .conftest import log_in

pytestmark = pytest.mark.browser


def pick(page, label, typed, name):
    """Types into a type-ahead field and picks the suggestion, as a person would."""
    field = page.get_by_label(label, exact=True)
    field.press_sequentially(typed)
    page.locator(f"datalist option[value='{name}']").wait_for(state="attached")
    field.fill(name)
    assert page.locator(f"#{field.get_attribute('data-uid-field')}").input_value() != "", "the uid was picked"


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_caritas_in_the_nordstadt(live_server, page, width, height):
    app, url = live_server
    page.set_viewport_size({"width": width, "height": height})
    app.extensions["netzwerk.accounts"].create_user("neu@example.org", "Nora Neu", "coordinator", PASSWORD)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in(page, url, "neu@example.org")

    page.goto(url + "/akteure/neu")
    page.get_by_label("Name", exact=True).fill("Caritas Dortmund")
    page.get_by_label("Art", exact=True).select_option(label="Wohlfahrtsverband")
    pick(page, "aktiv im Stadtteil", "nordst", "Innenstadt-Nord (Nordstadt)")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("h1:has-text('Caritas Dortmund')")
    assert page.get_by_role("link", name="Innenstadt-Nord (Nordstadt)", exact=True).count() == 1

    page.goto(url + "/angebote/neu")
    page.get_by_label("Name", exact=True).fill("Sprachcafé Arabisch")
    page.get_by_label("Arabisch", exact=True).check()
    page.get_by_label("Status", exact=True).select_option(label="aktiv")
    pick(page, "Anbieter (Akteur)", "carit", "Caritas Dortmund")
    pick(page, "im Stadtteil", "innenstadt-n", "Innenstadt-Nord (Nordstadt)")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("h1:has-text('Sprachcafé Arabisch')")

    page.goto(url + "/personen/neu")
    page.get_by_label("Name", exact=True).fill("Team Migrationsdienst (Demo)")
    pick(page, "arbeitet bei (Akteur)", "caritas", "Caritas Dortmund")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("h1:has-text('Team Migrationsdienst (Demo)')")

    page.goto(url + "/akteure?q=caritas")
    assert "Caritas Dortmund" in page.locator("main").inner_text()
    page.goto(url + "/angebote")
    page.get_by_role("search", name="Suchen und filtern").get_by_label("Sprache").select_option(label="Arabisch")
    page.get_by_role("button", name="Anwenden").click()
    assert "Sprachcafé Arabisch" in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    lines = open(download.value.path(), encoding="utf-8-sig").read().splitlines()
    assert lines[0].startswith("Name;Beschreibung;Handlungsfelder")
    row = next(line for line in lines if line.startswith("Sprachcafé Arabisch"))
    assert "Arabisch" in row and "aktiv" in row and "Caritas Dortmund" in row and ";ar;" not in row
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert errors == []
