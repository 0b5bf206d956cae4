"""The issue's "Done when" journey, on a phone (390 px), as a new user would try it.

The demo Expert/innenrunde (its dates follow the day the demo is loaded, as in `make run`) is
opened from its public page. Its organiser lowers the places to one. Amal registers: the form
fits, its error summary takes the focus and links to the field, the neutral answer follows,
and the confirmation arrives in a real SMTP server (aiosmtpd on loopback), delivered by the
outbox sender that `netzwerk send-mail` runs. Bilal lands on the waitlist. Amal cancels with
the link from her e-mail (asked first); Bilal moves up and receives his e-mail. The organiser
checks Bilal in on the phone and downloads the participant list (CSV, German headers).
"""
import csv
import io
import re

import pytest

from netzwerk.mail import SmtpSettings
from netzwerk.text import seed_uid

from ..conftest import PASSWORD
from ..registration_helpers import free_port, smtp_server
from .conftest import log_in
from .test_phone_layout import check

pytestmark = pytest.mark.browser
DEMO_ROUND = seed_uid("Event", "expertinnenrunde-demo")
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def mail_server():
    """A real SMTP server on loopback, and a function that runs one round of the outbox sender
    against it and returns what arrived since the last call: {recipient: [(subject, body)]}."""
    port = free_port()
    controller, inbox = smtp_server(port)
    settings = SmtpSettings("127.0.0.1", port, starttls=False, sender="netzwerk@example.org", timeout=5)
    seen = [0]

    def deliver(app):
        app.extensions["netzwerk.outbox"].deliver(settings)
        arrived = {}
        for recipients, subject, body in inbox.messages[seen[0]:]:
            for recipient in recipients:
                arrived.setdefault(recipient, []).append((subject, body))
        seen[0] = len(inbox.messages)
        return arrived

    yield deliver
    controller.stop()


def register_on_the_public_page(page, url, name, email):
    page.goto(f"{url}/veranstaltungen/{DEMO_ROUND}")
    page.get_by_role("link", name="Zur Anmeldung").click()
    page.wait_for_url(f"{url}/veranstaltungen/{DEMO_ROUND}/anmeldung")  # and its stylesheet
    page.fill("#name", name)
    page.fill("#email", email)
    page.check("#consent")
    page.click("input[type=submit][value='Verbindlich anmelden']")
    page.get_by_text("Wir haben Ihnen eine E-Mail").wait_for()


def test_register_on_a_phone_cancel_by_email_move_up_check_in_and_export(live_demo_server, page, users, mail_server):
    app, url = live_demo_server
    app.config["WTF_CSRF_SSL_STRICT"] = False
    app.extensions["netzwerk.accounts"].create_user("olga@example.org", "Olga Organisation", "organiser", PASSWORD)
    app.extensions["netzwerk.registrations"].add_organiser(DEMO_ROUND, "olga@example.org")
    page.set_viewport_size(PHONE)
    organiser = page.context.browser.new_context(locale="de-DE", viewport=PHONE).new_page()

    # the organiser makes the round small, so that the second person waits
    log_in(organiser, url, "olga@example.org")
    organiser.goto(f"{url}/veranstaltungen/{DEMO_ROUND}/teilnehmende")
    check(organiser, "participants")
    organiser.get_by_label("Plätze", exact=True).fill("1")
    organiser.get_by_role("button", name="Plätze speichern").click()
    organiser.get_by_text("Die Platzzahl wurde gespeichert.").wait_for()  # after the redirect

    # Amal finds the round, opens the form, forgets her e-mail first
    page.goto(f"{url}/veranstaltungen/{DEMO_ROUND}")
    check(page, "the event's page")
    page.get_by_role("link", name="Zur Anmeldung").click()
    page.wait_for_url(f"{url}/veranstaltungen/{DEMO_ROUND}/anmeldung")  # and its stylesheet
    check(page, "registration form")
    page.get_by_label("Ihr Name").fill("Amal Haddad")
    page.click("input[type=submit][value='Verbindlich anmelden']")
    page.locator("#fehler").wait_for()  # the answer page, not the form still on screen
    page.wait_for_function("document.activeElement && document.activeElement.id === 'fehler'", timeout=5000)  # the summary has the focus
    page.click("#fehler a[href='#email']")
    assert page.evaluate("document.activeElement.id") == "email"
    check(page, "registration form with errors")
    page.fill("#email", "amal@example.org")
    page.check("#consent")
    page.click("input[type=submit][value='Verbindlich anmelden']")
    page.get_by_text("Wir haben Ihnen eine E-Mail").wait_for()
    check(page, "the neutral answer")
    register_on_the_public_page(page, url, "Bilal Demir", "bilal@example.org")

    arrived = mail_server(app)
    (subject, body), = arrived["amal@example.org"]
    assert subject == "Anmeldung bestätigt: Expert/innenrunde „Ankommen im Gemeinwesen“ – Folgetermin (Demo)"
    assert [s for s, _b in arrived["bilal@example.org"]] == [
        "Warteliste: Expert/innenrunde „Ankommen im Gemeinwesen“ – Folgetermin (Demo)"]
    amal_link = re.search(r"http://\S+/anmeldung/\S+", body).group(0)
    bilal_link = re.search(r"http://\S+/anmeldung/\S+", arrived["bilal@example.org"][0][1]).group(0)

    # Amal cancels with the link from her e-mail
    page.goto(amal_link)
    assert "Ihr Platz ist bestätigt" in page.content()
    check(page, "personal page")
    page.click("text=Von der Veranstaltung abmelden")
    page.get_by_text("Wirklich abmelden?").wait_for()
    check(page, "the cancel question")
    page.click("button:has-text('Ja, abmelden')")
    page.get_by_text("Sie sind abgemeldet.").first.wait_for()

    arrived = mail_server(app)
    assert [s for s, _b in arrived["amal@example.org"]] == [
        "Abmeldung bestätigt: Expert/innenrunde „Ankommen im Gemeinwesen“ – Folgetermin (Demo)"]
    (subject, body), = arrived["bilal@example.org"]
    assert subject == "Sie haben einen Platz: Expert/innenrunde „Ankommen im Gemeinwesen“ – Folgetermin (Demo)"
    assert "Sie sind von der Warteliste nachgerückt" in body
    page.goto(bilal_link)
    assert "Ihr Platz ist bestätigt" in page.content()

    # on the day: the organiser checks Bilal in on the phone, then downloads the list
    organiser.goto(f"{url}/veranstaltungen/{DEMO_ROUND}/einlass")
    check(organiser, "check-in")
    assert "0 von 1 eingecheckt" in organiser.content()
    organiser.fill("#q", "bil")
    organiser.get_by_role("button", name="Suchen").click()
    organiser.click("button:has-text('Bilal Demir')")
    organiser.get_by_text("1 von 1 eingecheckt").wait_for()
    organiser.goto(f"{url}/veranstaltungen/{DEMO_ROUND}/teilnehmende")
    with organiser.expect_download() as download:
        organiser.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "teilnehmende.csv"
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert list(rows[0])[:10] == ["Nr.", "Name", "E-Mail", "Organisation", "Status", "Wartelistenplatz",
                                  "Angemeldet am", "Eingecheckt", "Quelle", "Einwilligung (Version)"]
    by_name = {row["Name"]: row for row in rows}
    assert by_name["Amal Haddad"]["Status"] == "abgemeldet"
    assert by_name["Bilal Demir"]["Status"] == "bestätigt" and by_name["Bilal Demir"]["Eingecheckt"]
    organiser.context.close()
