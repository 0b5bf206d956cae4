"""Issue 9's journey, as a manager (Sozialdezernat) would take it, on a desktop and a phone:
"which Stadtbezirke of Dortmund have no lokal-willkommen office?" asked through /luecken's
form, answered with the Nordstadt uncovered and Innenstadt-West and -Ost planned; the question
kept as a link; then the coverage table of Dortmund, in its own scrolling box on a phone; axe
finds nothing serious on either page."""
import re

import pytest

from ..conftest import PASSWORD
from .axe import assert_accessible
from .conftest import log_in
from .test_accessibility import SIZES, audit_page  # noqa: F401  (the fixture: axe needs bypass_csp)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", SIZES)
def test_lokal_willkommen_in_dortmund(live_server, audit_page, size):  # noqa: F811
    app, url = live_server
    page = audit_page
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    app.extensions["netzwerk.accounts"].create_user("dezernat@example.org", "Sozialdezernat", "member", PASSWORD)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in(page, url, "dezernat@example.org")

    if size == "phone":  # the navigation folds away on a phone
        page.locator("header summary", has_text="Menü").click()
    page.get_by_role("link", name="Lücken", exact=True).first.click()
    page.wait_for_url(url + "/luecken")
    form = page.get_by_role("search", name="Frage nach Lücken")
    form.get_by_label("Was zählt").select_option(label="Akteure")
    form.get_by_label("Handlungsfeld").select_option(label="Wohnen")
    form.get_by_label("Gebiet").select_option(label="Dortmund")
    form.get_by_label("Ebene").select_option(label="Stadtbezirk")
    form.get_by_role("button", name="Lücken zeigen").click()
    page.wait_for_url("**/luecken?*")

    rows = page.locator("table.gaps tbody tr")
    answer = [(rows.nth(i).locator("th").inner_text(), rows.nth(i).get_attribute("data-status"))
              for i in range(rows.count())]
    assert answer == [("Innenstadt-Nord (Nordstadt)", "uncovered"), ("Innenstadt-Ost", "planned"),
                      ("Innenstadt-West", "planned")]
    ost = page.locator("table.gaps tbody tr", has_text="Innenstadt-Ost").inner_text()
    assert "geplant" in ost and "Projekt Ankommen e.V." in ost
    covered = page.locator("ul.covered").inner_text()
    assert "lokal willkommen Brackel/Aplerbeck" in covered and "Sozialdezernat" not in covered
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways page scroll"
    assert_accessible(page, f"{size}: the gaps of Dortmund")

    # the question is a link to keep: opened again, it asks the same
    permalink = page.locator("p.permalink a").get_attribute("href")
    assert re.search(r"subject=actors.*field=housing", permalink)
    page.goto(url + permalink)
    assert page.locator("table.gaps tbody tr").count() == 3

    # the coverage table of the same area: a caption, and on a phone it scrolls in its own box
    page.get_by_role("link", name="Abdeckung dieses Gebiets als Tabelle (Matrix)").click()
    page.wait_for_url("**/luecken/matrix?*")
    assert page.locator("table.matrix caption").inner_text().startswith("Aktive Angebote in Dortmund")
    nordstadt = page.locator("table.matrix tbody tr", has_text="Innenstadt-Nord (Nordstadt)")
    assert nordstadt.locator("td.empty").count() > 0, "empty cells say so"
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways page scroll"
    if size == "phone":
        assert page.evaluate("() => { const box = document.querySelector('.table-scroll');"
                             " return box.scrollWidth > box.clientWidth; }"), "the table scrolls in its box"
    assert "Keine Karte" in page.locator("main").inner_text(), "no openly licensed Dortmund areas in the demo"
    assert_accessible(page, f"{size}: the coverage table of Dortmund")
    assert errors == []
