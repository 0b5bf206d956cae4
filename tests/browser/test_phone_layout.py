"""Phones: every page a coordinator or an admin reaches is usable at 360 and 390 px.

No sideways scrolling (register lists become cards, other tables scroll inside their own box),
a compact header whose menu opens without JavaScript, touch targets of at least 44 px, form
fields as wide as the page. Screenshots of a list and a detail page go to tmp_path, for a
person to look at; the desktop layout keeps its table and its open navigation.
"""
import pytest

from ..conftest import PASSWORD

pytestmark = pytest.mark.browser

PHONES = ((390, 844), (360, 740))
LISTS = ("/akteure", "/personen", "/angebote", "/stadtteile", "/runde-tische", "/bedarfe")
LONG_NAME = "Interkulturelles Begegnungszentrum Integrationskursträgerarbeitsgemeinschaft Nord"
LONG_URL = "https://www.example.org/" + "eine-sehr-lange-adresse-ohne-jeden-zwischenraum-" * 3
LONG_EMAIL = "kontakt.integrationskursträgerarbeitsgemeinschaft@beispiel-wohlfahrtsverband.example.org"

# what a page measures in the browser: its width, the header's height, what is too small
MEASURE = """() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const main = document.querySelector('main');
  const mainWidth = main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft)
                    - parseFloat(getComputedStyle(main).paddingRight);
  const targets = 'button, input[type=submit], select, summary, a.button, a.remove-link, input[type=text], '
                  + 'input[type=search], input[type=email], input[type=password], input[type=url]';
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    header: document.querySelector('header.site-header').getBoundingClientRect().height,
    small: [...document.querySelectorAll(targets)].filter(shown)
      .filter(el => el.getBoundingClientRect().height < 44)
      .map(el => el.outerHTML.slice(0, 90)),
    narrowFields: [...main.querySelectorAll('form .field :is(input, select, textarea)')].filter(shown)
      .filter(el => !['checkbox', 'radio', 'hidden'].includes(el.type))
      .filter(el => el.getBoundingClientRect().width < 0.9 * Math.min(mainWidth, 28 * 16))
      .map(el => el.outerHTML.slice(0, 90)),
  };
}"""


def check(page, where):
    """The page fits the phone's width, its header is compact and its controls can be tapped."""
    measured = page.evaluate(MEASURE)
    assert measured["scrollWidth"] <= measured["innerWidth"], \
        f"{where}: {measured['scrollWidth']} px wide at {measured['innerWidth']} px"
    assert measured["header"] < 120, f"{where}: the header is {measured['header']} px high"
    assert measured["small"] == [], f"{where}: touch targets under 44 px: {measured['small']}"
    assert measured["narrowFields"] == [], f"{where}: fields narrower than the page: {measured['narrowFields']}"


def visit(page, url, where=None):
    response = page.goto(url)
    assert response.status == 200, url
    check(page, where or url)


def log_in(page, url, email, phone=True):
    page.goto(url + "/anmelden")
    if phone:
        check(page, "/anmelden")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(url + "/")


def open_menu(page):
    """The menu opens from the keyboard, without JavaScript (a <details> disclosure)."""
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    assert not nav.is_visible(), "on a phone the navigation waits behind the menu button"
    toggle = page.locator("header summary", has_text="Menü")
    toggle.focus()
    page.keyboard.press("Enter")
    assert nav.is_visible() and page.get_by_role("button", name="Abmelden").is_visible()
    assert page.locator("#lang-select").is_visible()
    check_width = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert check_width, "the open menu fits the width too"


@pytest.mark.parametrize("width,height", PHONES, ids=[f"{w}px" for w, _ in PHONES])
def test_every_page_fits_a_phone(live_server, page, tmp_path, width, height):
    app, url = live_server
    accounts = app.extensions["netzwerk.accounts"]
    accounts.create_user("k@example.org", "Kim Koordination", "coordinator", PASSWORD)
    accounts.create_user("a@example.org", "Alex Administration", "admin", PASSWORD)
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, url, "k@example.org")
    check(page, "/")

    # the menu: closed it is one line, open it holds the navigation, the account and the language
    open_menu(page)
    page.get_by_role("link", name="Akteure", exact=True).click()
    page.wait_for_url(url + "/akteure")
    assert not page.get_by_role("navigation", name="Hauptnavigation").is_visible()

    details = []
    for path in LISTS:
        visit(page, url + path)
        label = page.locator("table.entries tbody td").first.evaluate(
            "cell => [getComputedStyle(cell).display, getComputedStyle(cell, '::before').content]")
        assert label[0] == "grid" and label[1] not in ("none", '""'), f"{path}: a phone sees cards: {label}"
        first = page.locator("table.entries tbody th a").first
        details.append(first.get_attribute("href"))
        # with a filter, chosen in the stacked filter form
        first_filter = page.locator("form.filters select").first
        first_filter.select_option(index=1)
        page.get_by_role("button", name="Anwenden").click()
        page.wait_for_load_state()
        assert "?" in page.url
        check(page, page.url.removeprefix(url))
        visit(page, url + path + "?q=stadt&sortierung=-updated")

    page.goto(url + "/akteure")
    page.screenshot(path=tmp_path / f"akteure-{width}.png", full_page=True)
    card = page.locator("table.entries tbody tr").first.bounding_box()
    assert card["width"] <= width, "a card fits the screen"

    for href in details:
        visit(page, url + href)
    page.goto(url + details[0])
    page.screenshot(path=tmp_path / f"detail-{width}.png", full_page=True)

    # the create form at phone width, with words and addresses too long for one line
    visit(page, url + "/akteure/neu")
    page.get_by_label("Name").fill(LONG_NAME)
    page.get_by_label("Art").select_option("association")
    page.get_by_label("Website").fill(LONG_URL)
    page.get_by_label("E-Mail").fill(LONG_EMAIL)
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("h1:has-text('Integrationskursträgerarbeitsgemeinschaft')")
    check(page, "a new actor with long words and its history")
    page.screenshot(path=tmp_path / f"detail-long-{width}.png", full_page=True)
    section = page.locator("section", has=page.get_by_role("heading", name="aktiv in"))
    section.locator("summary").click()
    assert section.get_by_role("button", name="Verbinden").is_visible()
    check(page, "the open link form")
    page.get_by_role("link", name="Bearbeiten").click()
    page.wait_for_load_state()
    check(page, "the edit form")
    page.go_back()
    page.get_by_role("link", name="Löschen").click()
    page.wait_for_load_state()
    check(page, "the delete page")
    visit(page, url + "/angebote/neu")

    # the import page, a dry run with a rejected row, and the API keys with a new key
    visit(page, url + "/import")
    page.get_by_label("Was wird importiert?").select_option("actors")
    page.set_input_files("#file", files=[{"name": "akteure.csv", "mimeType": "text/csv", "buffer": (
        "name;kind;website;fields\n"
        f"{LONG_NAME} zwei;Verein / Verband;{LONG_URL};Sprache\n"
        "Ohne Art;;;\n").encode()}])
    page.get_by_role("button", name="Prüfen (es wird noch nichts gespeichert)").click()
    page.wait_for_selector("table.import-rows")
    check(page, "the import dry run")
    # the templates scroll inside their own box, which the keyboard can reach; the dry run is cards
    templates = page.get_by_role("region", name="Vorlagen")
    assert templates.get_attribute("tabindex") == "0" and templates.locator("table.templates").count() == 1
    assert page.locator("table.import-rows td").first.evaluate("cell => getComputedStyle(cell).display") == "grid"
    visit(page, url + "/konto/api-schluessel")
    page.get_by_label("Wofür ist der Schlüssel?").fill("Tabellenabgleich mit dem Ehrenamtsportal")
    page.get_by_label("Ihr Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Schlüssel erzeugen").click()
    page.wait_for_selector("code.token")
    check(page, "a new API key")
    visit(page, url + "/passwort")

    # the admin's accounts page
    open_menu(page)
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url(url + "/anmelden")
    log_in(page, url, "a@example.org")
    visit(page, url + "/benutzer")
    assert console_errors == [], "no console errors, e.g. no Content-Security-Policy violation"


def test_the_desktop_keeps_its_table_and_open_navigation(live_server, page, tmp_path):
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("k@example.org", "Kim Koordination", "coordinator", PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, url, "k@example.org", phone=False)
    page.goto(url + "/akteure")
    assert page.get_by_role("navigation", name="Hauptnavigation").is_visible()
    assert page.locator("header summary").is_hidden(), "no menu button on a wide screen"
    assert page.get_by_role("button", name="Abmelden").is_visible()
    assert page.locator("table.entries thead").is_visible()
    header = page.locator("header.site-header").bounding_box()["height"]
    assert header < 120, header
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=tmp_path / "akteure-1280.png", full_page=True)
    page.goto(url + page.locator("table.entries tbody th a").first.get_attribute("href"))
    page.screenshot(path=tmp_path / "detail-1280.png", full_page=True)
