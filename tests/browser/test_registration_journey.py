"""A newcomer registers on a phone (390 px): the public form fits, its error summary takes the
focus and links to the field, the neutral answer follows; with the personal link the person
cancels (asked first) and the waitlisted person moves up. The organiser checks in on a phone."""
import pytest

from ..registration_helpers import make_event
from .conftest import log_in
from .test_phone_layout import check

pytestmark = pytest.mark.browser


def test_register_on_a_phone_cancel_and_the_waitlist_moves_up(live_server, page, store, users):
    app, url = live_server
    app.config["WTF_CSRF_SSL_STRICT"] = False
    make_event(store, uid="ev-phone", capacity=1)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url + "/veranstaltungen/ev-phone/anmeldung")
    check(page, "registration form")
    page.get_by_label("Ihr Name").fill("Amal")
    page.click("input[type=submit][value='Verbindlich anmelden']")
    # the summary has the focus (autofocus: applied a moment after the page loads) and links
    # to the e-mail field
    page.wait_for_function("document.activeElement && document.activeElement.id === 'fehler'",
                           timeout=5000)
    page.click("#fehler a[href='#email']")
    assert page.evaluate("document.activeElement.id") == "email"
    check(page, "registration form with errors")
    page.fill("#email", "amal@example.org")
    page.check("#consent")
    page.click("input[type=submit][value='Verbindlich anmelden']")
    assert "Wir haben Ihnen eine E-Mail" in page.content()
    page.goto(url + "/veranstaltungen/ev-phone/anmeldung")
    page.fill("#name", "Bilal")
    page.fill("#email", "bilal@example.org")
    page.check("#consent")
    page.click("input[type=submit][value='Verbindlich anmelden']")
    links = {m["to_email"]: m.get("secret_link") for m in app.extensions["netzwerk.outbox"].event_messages("ev-phone")}
    page.goto(links["amal@example.org"])
    check(page, "personal page")
    page.click("text=Von der Veranstaltung abmelden")
    assert "Wirklich abmelden?" in page.content()
    page.click("button:has-text('Ja, abmelden')")
    assert "Sie sind abgemeldet" in page.content()
    page.goto(links["bilal@example.org"])
    assert "Ihr Platz ist bestätigt" in page.content()
    # the organiser (a coordinator here) checks Bilal in on the phone
    log_in(page, url, users["coordinator"])
    page.goto(url + "/veranstaltungen/ev-phone/einlass")
    check(page, "check-in")
    page.click("button:has-text('Bilal')")
    assert "1 von 1 eingecheckt" in page.content()
