"""Issue 10's journey, as a coordinator takes it on a desktop and a phone: the network, the ego
view of Projekt Ankommen e.V. from its page, the brokers and islands of the Dortmund network,
then an introduction path between two people of that network picked with the type-ahead, and a
pair with no path between them."""
import pytest

from ..conftest import PASSWORD
from .conftest import log_in
from .test_accessibility import audit_page  # noqa: F401  (the fixture: axe needs bypass_csp)
from .test_coordinator_journey import pick

pytestmark = pytest.mark.browser

JUKI = "Leitung JuKi-Treff Lanstrop (Demo)"
ANGEKOMMEN = "Ansprechperson Initiative „Angekommen“ (Demo)"


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_a_coordinator_reads_the_dortmund_network(live_server, page, width, height):
    app, url = live_server
    page.set_viewport_size({"width": width, "height": height})
    app.extensions["netzwerk.accounts"].create_user("ko@example.org", "Kora Koordination", "coordinator", PASSWORD)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in(page, url, "ko@example.org")

    if width < 600:  # on phones the navigation waits behind the menu
        page.locator("summary", has_text="Menü").click()
    page.get_by_role("link", name="Netzwerk", exact=True).click()  # the network's pages are tabs of one entry
    page.wait_for_selector("#network[data-state=stable]")  # drawn, settled, physics off
    page.goto(url + "/akteure?q=ankommen")
    page.get_by_role("link", name="Projekt Ankommen e.V.").click()
    page.get_by_role("link", name="Netzwerkansicht").click()
    page.wait_for_selector("h1:has-text('Netzwerk um Projekt Ankommen e.V.')")
    page.wait_for_selector("#network[data-state=stable]")
    page.get_by_role("navigation", name="Netzwerkseiten").get_by_role("link", name="Analyse", exact=True).click()
    page.get_by_label("Netzwerk", exact=True).select_option(label="Dortmund")
    page.get_by_role("button", name="Zeigen").click()
    page.wait_for_selector("h1:has-text('Netzwerkanalyse: Dortmund')")
    brokers = page.locator("section[aria-labelledby='h-brokers']")
    assert brokers.locator("tbody tr").first.inner_text().startswith("lokal willkommen Eving/Scharnhorst")
    islands = page.locator("section[aria-labelledby='h-islands']").inner_text()
    assert "Das Netzwerk zerfällt in" in islands
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.get_by_role("link", name="Wer kennt wen: Wege zwischen zwei Personen oder Akteuren").click()
    pick(page, "Von", "leitung juki", JUKI)
    pick(page, "Nach", "ansprechperson ini", ANGEKOMMEN)
    page.get_by_role("button", name="Weg suchen").click()
    chain = page.locator("li.chain").first.inner_text()
    assert chain.startswith(JUKI) and "Team lokal willkommen Eving/Scharnhorst" in chain and ANGEKOMMEN in chain
    page.get_by_role("link", name="Team lokal willkommen Eving/Scharnhorst").first.click()
    page.wait_for_selector("h1:has-text('Team lokal willkommen Eving/Scharnhorst')")

    page.goto(url + "/netzwerk/wege")
    pick(page, "Von", "leitung juki", JUKI)
    pick(page, "Nach", "kinder- und jugendhaus hor", "Kinder- und Jugendhaus Horizont")
    page.get_by_role("button", name="Weg suchen").click()
    assert "Kein Weg in 4 Schritten." in page.locator(".no-path").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert errors == []


def test_the_insight_pages_have_no_serious_axe_violations(live_server, audit_page):
    from .axe import assert_accessible
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("ko@example.org", "Kora Koordination", "coordinator", PASSWORD)
    log_in(audit_page, url, "ko@example.org")
    for width, height in ((1280, 900), (390, 844)):
        audit_page.set_viewport_size({"width": width, "height": height})
        for path in ("/netzwerk/analyse", "/netzwerk/wege?von=" + JUKI + "&nach=" + ANGEKOMMEN, "/netzwerk/vorschlaege"):
            audit_page.goto(url + path)
            assert_accessible(audit_page, f"{path} at {width}px")
            assert audit_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
