"""The network view in a real Chromium: vis-network starts under the CSP, settles and stops its
physics, hostile names stay text (canvas label, tooltip, detail page), a click opens the
entry's page, and the PNG button saves the canvas."""
import pytest

from netzwerk.register.model import KINDS

from ..conftest import PASSWORD
from .conftest import log_in
from .test_accessibility import audit_page  # noqa: F401  (the fixture: axe needs bypass_csp)

pytestmark = pytest.mark.browser

EVIL = ("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>")


def node_point(page, uid):
    """The node's centre in page coordinates."""
    return page.evaluate("""(uid) => {
        const holder = document.getElementById("network");
        const network = holder.netzwerkNetwork;
        const position = network.canvasToDOM(network.getPositions([uid])[uid]);
        const box = holder.getBoundingClientRect();
        return {x: box.left + position.x, y: box.top + position.y};
    }""", uid)


def test_hostile_names_stay_text_and_a_click_opens_the_page(live_server, page, tmp_path):
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("k@example.org", "Kim Koordination", "coordinator", PASSWORD)
    register = app.extensions["netzwerk.register"]
    uids = [register.create(KINDS["actors"], {"name": name, "kind": "initiative"}, by="test") for name in EVIL]
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: (problems.append("dialog: " + dialog.message), dialog.dismiss()))
    log_in(page, url, "k@example.org")

    page.get_by_role("link", name="Netzwerk", exact=True).click()
    page.wait_for_selector("#network[data-state=stable]", timeout=30000)
    assert page.locator("#network canvas").count() == 1
    # physics is off once stable: positions do not move any more
    before = page.evaluate("() => document.getElementById('network').netzwerkNetwork.getPositions()")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.getElementById('network').netzwerkNetwork.getPositions()") == before

    page.goto(url + "/netzwerk?types=actors")
    page.wait_for_selector("#network[data-state=stable]", timeout=30000)
    page.locator("#network").scroll_into_view_if_needed()
    for uid, name in zip(uids, EVIL):
        page.evaluate("(uid) => document.getElementById('network').netzwerkNetwork.focus("
                      "uid, {scale: 1.5, animation: false})", uid)
        point = node_point(page, uid)
        page.mouse.move(point["x"] - 30, point["y"] - 30)
        page.mouse.move(point["x"], point["y"], steps=5)
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible")
        assert tooltip.inner_text().split("\n")[0] == name
        # text only: innerText makes a <br> of each line break, and no other element
        assert page.locator("div.vis-tooltip *:not(br)").count() == 0
    assert page.locator("img[src=x]").count() == 0

    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(f"{url}/akteure/{uids[-1]}")
    assert page.locator("h1").inner_text() == EVIL[-1]
    assert problems == []


def test_png_export_and_ego_view(live_server, page):
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("m@example.org", "Mo Mitglied", "member", PASSWORD)
    log_in(page, url, "m@example.org")
    page.goto(url + "/akteure")
    page.get_by_role("link", name="Projekt Ankommen e.V.").click()
    page.get_by_role("link", name="Netzwerkansicht").click()
    page.wait_for_selector("h1:has-text('Netzwerk um Projekt Ankommen e.V.')")
    page.wait_for_selector("#network[data-state=stable]", timeout=30000)
    with page.expect_download() as download:
        page.get_by_role("button", name="Als Bild speichern (PNG)").click()
    assert download.value.suggested_filename == "netzwerk.png"
    with open(download.value.path(), "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"
    page.get_by_label("Tiefe").select_option("2")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_selector("#network[data-state=stable]", timeout=30000)
    assert "depth=2" in page.url


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_network_page_is_accessible_and_fits_a_phone(live_server, audit_page, width, height):
    from .axe import assert_accessible
    from .test_phone_layout import check
    app, url = live_server
    app.extensions["netzwerk.accounts"].create_user("k@example.org", "Kim Koordination", "coordinator", PASSWORD)
    page = audit_page
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, url, "k@example.org")
    page.goto(url + "/netzwerk?colour=community")
    page.wait_for_selector("#network[data-state=stable]", timeout=30000)
    page.locator("details.network-list summary").click()
    if width < 600:
        check(page, "/netzwerk")
    assert_accessible(page, f"{width}px: /netzwerk")
