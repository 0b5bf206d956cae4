"""axe-core (WCAG 2.1 A/AA) on the public pages of a registration, at desktop width and on a
phone (390 px): the event's page, the form empty and with errors, the neutral answer, the
personal page and the cancel question. Any serious or critical violation fails.

Our CSP has no 'unsafe-inline' and playwright injects axe as an inline script, so the audit
runs in a browser context with `bypass_csp=True`; the app's CSP itself is unchanged (and the
other browser tests run with it)."""
import re

import pytest

from netzwerk.text import seed_uid

from ..conftest import raw_rows
from .axe import assert_accessible, assert_focus_visible, axe_path
from .conftest import CHROMIUM_FLAGS

pytestmark = pytest.mark.browser
DEMO_ROUND = seed_uid("Event", "expertinnenrunde-demo")
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture
def audit_page(chromium_path):
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


@pytest.mark.parametrize("size", SIZES)
def test_public_registration_pages_have_no_serious_axe_violations(live_demo_server, audit_page, store, size):
    app, url = live_demo_server
    app.config["WTF_CSRF_SSL_STRICT"] = False
    page = audit_page
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    page.goto(f"{url}/veranstaltungen/{DEMO_ROUND}")
    assert_accessible(page, f"{size}: the event's page")
    page.goto(f"{url}/veranstaltungen/{DEMO_ROUND}/anmeldung")
    assert_accessible(page, f"{size}: the registration form")
    assert_focus_visible(page, f"{size}: the registration form")
    page.click("input[type=submit][value='Verbindlich anmelden']")
    page.locator("#fehler").wait_for()
    assert_accessible(page, f"{size}: the form with errors")
    page.fill("#name", "Amal Haddad")
    page.fill("#email", "amal@example.org")
    page.check("#consent")
    page.click("input[type=submit][value='Verbindlich anmelden']")
    page.get_by_text("Wir haben Ihnen eine E-Mail").wait_for()
    assert_accessible(page, f"{size}: the confirmation page")
    link = raw_rows(store, "MATCH (m:Message {to_email: 'amal@example.org'}) RETURN m.secret_link AS link")[0]["link"]
    page.goto(link)
    assert_accessible(page, f"{size}: the personal page")
    page.click("text=Von der Veranstaltung abmelden")
    page.get_by_text("Wirklich abmelden?").wait_for()
    assert_accessible(page, f"{size}: the cancel question")


def test_inviting_from_the_network_on_a_phone(live_demo_server, audit_page, users):
    """The organiser's new invitation list: axe finds nothing serious, it fits 390 px."""
    from .test_phone_layout import check, log_in
    _app, url = live_demo_server
    page = audit_page
    page.set_viewport_size(dict(zip(("width", "height"), SIZES["phone"])))
    log_in(page, url, users["coordinator"])
    page.goto(f"{url}/veranstaltungen/{DEMO_ROUND}/einladungen/netzwerk")
    page.get_by_role("button", name="Liste zeigen").click()
    page.wait_for_url("**show=*")
    assert page.get_by_role("heading", name=re.compile("Personen gefunden")).is_visible()
    check(page, "the invitation list")
    assert_accessible(page, "phone: the invitation list")


@pytest.mark.parametrize("size", SIZES)
def test_the_organisers_participant_and_check_in_pages(live_demo_server, audit_page, users, size):
    """The participants list (with its capacity form, filters and exports) and the check-in page
    an organiser uses on the day from a phone: nothing serious or critical."""
    from .test_phone_layout import log_in
    app, url = live_demo_server
    app.config["WTF_CSRF_SSL_STRICT"] = False
    registrations = app.extensions["netzwerk.registrations"]
    for name in ("Amal Haddad", "Jonas Weber"):
        registrations.register(DEMO_ROUND, name=name, email=f"{name.split()[0].lower()}@example.org", answers={},
                               language="de", form_token=f"a11y-{name}", link_for=lambda token: token,
                               manual=True, by="test")
    page = audit_page
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    log_in(page, url, users["coordinator"], phone=size == "phone")
    page.goto(f"{url}/veranstaltungen/{DEMO_ROUND}/teilnehmende")
    assert page.get_by_text("Amal Haddad").first.is_visible()
    assert_accessible(page, f"{size}: the participants list")
    page.goto(f"{url}/veranstaltungen/{DEMO_ROUND}/einlass")
    assert_accessible(page, f"{size}: the check-in page")
    assert_focus_visible(page, f"{size}: the check-in page")
