"""Events through their pages, on both databases: who may read and edit, lists, filters and the
calendar, iCal read back with icalendar, files checked by content, Markdown made safe, series."""
import io
import os
import re
import stat
import zipfile

import pytest
from icalendar import Calendar

from netzwerk.register.model import KINDS
from netzwerk.text import seed_uid

from ..conftest import csrf_token, post_form

EVENTS = KINDS["events"]
EXPERT_ROUND = seed_uid("Event", "expertinnenrunde-2016")
ANKUNFTSORTE = seed_uid("Event", "ankunftsorte-2016")
DEMO_ROUND = seed_uid("Event", "expertinnenrunde-demo")
DORTMUND_MEETING = seed_uid("Event", "lw-netzwerktreffen-2027")  # internal
BREMERHAVEN_MEETING = seed_uid("Event", "mit-menschen-2027")     # invitation only


@pytest.fixture
def demo(store):
    """The demo data loaded today, as `make run` does: its open expert round lies ahead."""
    from netzwerk.clock import today
    from netzwerk.config import PROJECT_ROOT
    from netzwerk.seeding import load_seed
    load_seed(store, PROJECT_ROOT / "seed", f"{today()}T08:00:00")
    return store


def make_event(app, **values):
    register = app.extensions["netzwerk.register"]
    base = {"name": "Sprachcafé Nord", "starts_at": "2030-11-12T10:00", "ends_at": "2030-11-12T12:00",
            "visibility": "public", "status": "published"}
    return register.create(EVENTS, {**base, **values}, "test")


def form_data(**values):
    data = {"name": "Fachtag Ankommen", "kind": "conference", "starts_at": "2030-11-20T09:30",
            "ends_at": "2030-11-20T16:00", "venue": "Rathaus", "address": "Markt 1, 30159 Hannover",
            "visibility": "public", "status": "published", "capacity": "40",
            "registration_closes": "2030-11-13T23:59"}
    data.update(values)
    return data


# --- who may read ----------------------------------------------------------------------------

def test_anonymous_visitors_read_only_published_public_events(client, demo):
    page = client.get(f"/veranstaltungen/{EXPERT_ROUND}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Expert/innenrunde „Ankommen im Gemeinwesen“" in html and "Stiftstr. 15, 30159 Hannover" in html
    assert "Was ist die Situation vor Ort?" in html and "<ol>" in html, "the guiding questions as a list"
    assert "Trotz der Probleme gibt es Ansätze" in html
    assert "Ankunftsorte – Ankommen im Gemeinwesen</a>" in html, "the event it prepares, as a link"
    assert "Änderungsverlauf" not in html, "no history for the public"
    # internal, invitation-only: log in first
    for uid in (DORTMUND_MEETING, BREMERHAVEN_MEETING):
        response = client.get(f"/veranstaltungen/{uid}")
        assert response.status_code == 302 and "/anmelden" in response.headers["Location"]
        assert client.get(f"/veranstaltungen/{uid}.ics").status_code == 302
    listed = client.get("/veranstaltungen").get_data(as_text=True)
    assert "Expert/innenrunde „Ankommen im Gemeinwesen“ – Folgetermin (Demo)" in listed
    assert "Netzwerktreffen" not in listed and "Halbjahrestreffen" not in listed


def test_drafts_and_internal_events_are_for_logged_in_users(client, auth, users, app, seeded):
    draft = make_event(app, name="Entwurf Sommerfest", status="draft")
    assert client.get(f"/veranstaltungen/{draft}").status_code == 302
    assert "Entwurf Sommerfest" not in client.get("/veranstaltungen").get_data(as_text=True)
    auth.login(users["member"])
    assert client.get(f"/veranstaltungen/{draft}").status_code == 200
    listed = client.get("/veranstaltungen").get_data(as_text=True)
    assert "Entwurf Sommerfest" in listed and "Netzwerktreffen" in listed and "Halbjahrestreffen" in listed
    assert "nur auf Einladung" in listed and "intern" in listed
    # members read but do not edit
    assert client.get(f"/veranstaltungen/{draft}/bearbeiten").status_code == 403
    assert client.get("/veranstaltungen/neu").status_code == 403
    assert post_form(client, f"/veranstaltungen/{draft}/loeschen", {}).status_code == 403


def test_an_unknown_event_is_not_found(client, auth, users, seeded):
    auth.login(users["member"])
    assert client.get("/veranstaltungen/nichts-da").status_code == 404


# --- who may edit ----------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["organiser", "coordinator", "admin"])
def test_organisers_coordinators_and_admins_create_and_edit(client, auth, users, seeded, role):
    auth.login(users[role])
    response = post_form(client, "/veranstaltungen/neu", form_data(
        link_organisers="LAG Soziale Brennpunkte Niedersachsen e.V.", link_districts="Hannover"),
        token_from="/veranstaltungen/neu")
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    uid = response.headers["Location"].rsplit("/", 1)[1]
    html = client.get(f"/veranstaltungen/{uid}").get_data(as_text=True)
    assert "Fachtag Ankommen" in html and "LAG Soziale Brennpunkte Niedersachsen e.V." in html
    edit = client.get(f"/veranstaltungen/{uid}/bearbeiten").get_data(as_text=True)
    response = client.post(f"/veranstaltungen/{uid}/bearbeiten", data={
        "csrf_token": csrf_token(edit), "version": "1", **form_data(name="Fachtag Ankommen 2030")})
    assert response.status_code == 302
    assert "Fachtag Ankommen 2030" in client.get(f"/veranstaltungen/{uid}").get_data(as_text=True)
    # a second save of the old form is refused, not merged
    stale = client.post(f"/veranstaltungen/{uid}/bearbeiten", data={
        "csrf_token": csrf_token(edit), "version": "1", **form_data(name="Überschrieben")})
    assert stale.status_code == 409
    # the event is on its organiser's and its district's register pages, as a link
    actor = client.get(f"/akteure/{seed_uid('Actor', 'lag-nds')}").get_data(as_text=True)
    assert f'href="/veranstaltungen/{uid}"' in actor and f'href="/veranstaltungen/{EXPERT_ROUND}"' in actor
    assert "Event:" not in actor
    district = client.get(f"/stadtteile/{seed_uid('District', 'hannover')}").get_data(as_text=True)
    assert f'href="/veranstaltungen/{uid}"' in district


def test_dates_that_do_not_fit_are_refused(client, auth, users, seeded):
    auth.login(users["organiser"])
    response = post_form(client, "/veranstaltungen/neu", form_data(ends_at="2030-11-19T16:00"),
                         token_from="/veranstaltungen/neu")
    assert response.status_code == 400 and "Das Ende liegt vor dem Beginn." in response.get_data(as_text=True)
    response = post_form(client, "/veranstaltungen/neu", form_data(visibility="geheim"),
                         token_from="/veranstaltungen/neu")
    assert response.status_code == 400


def test_an_event_with_registrations_is_cancelled_not_deleted(client, auth, users, app, store):
    uid = make_event(app)
    auth.login(users["organiser"])
    assert post_form(client, f"/veranstaltungen/{uid}/loeschen", {},
                     token_from=f"/veranstaltungen/{uid}/loeschen").status_code == 302
    assert client.get(f"/veranstaltungen/{uid}").status_code == 404
    kept = make_event(app, name="Mit Anmeldungen")
    from ..conftest import raw_rows
    raw_rows(store, f"MATCH (e:Event {{uid: '{kept}'}}) CREATE (:Registration {{uid: 'r1'}})-[:FOR]->(e)")
    response = post_form(client, f"/veranstaltungen/{kept}/loeschen", {}, token_from=f"/veranstaltungen/{kept}/loeschen")
    assert response.status_code == 409 and "abgesagt" in response.get_data(as_text=True)


# --- lists, filters, calendar ------------------------------------------------------------------

def test_upcoming_and_past_with_filters_and_pages(client, auth, users, app, demo):
    auth.login(users["member"])
    upcoming = client.get("/veranstaltungen").get_data(as_text=True)
    assert "Expert/innenrunde „Ankommen im Gemeinwesen“ – Folgetermin (Demo)" in upcoming
    assert "Ankunftsorte – Ankommen im Gemeinwesen</a>" not in upcoming
    past = client.get("/veranstaltungen?zeit=vergangen").get_data(as_text=True)
    assert "Ankunftsorte – Ankommen im Gemeinwesen</a>" in past
    assert past.index("Ankunftsorte") < past.index("Expert/innenrunde „Ankommen im Gemeinwesen“</a>"), "latest first"
    # a city includes its Stadtteile: Delmenhorst finds the café dates in Düsternort
    delmenhorst = client.get(f"/veranstaltungen?district={seed_uid('District', 'delmenhorst')}").get_data(as_text=True)
    assert "Nachbarschaftscafé Düsternort (Demo)" in delmenhorst and "Folgetermin" not in delmenhorst
    by_field = client.get("/veranstaltungen?field=neighbourhood-culture").get_data(as_text=True)
    assert "Nachbarschaftscafé Düsternort (Demo)" in by_field and "Folgetermin" not in by_field
    # the organiser filter offers the actors that organise events, not every actor
    choices = re.search(r'<select id="filter-organiser".*?</select>', upcoming, re.S).group(0)
    assert "Nachbarschaftsbüro Düsternort" in choices
    assert "JuKi-Treff Lanstrop" not in choices and "Grundschule Lanstrop" not in choices
    # partners count as organisers in the filter
    partner = client.get(f"/veranstaltungen?organiser={seed_uid('Actor', 'nachbarschaftsbuero-duesternort')}")
    assert "Nachbarschaftscafé Düsternort (Demo)" in partner.get_data(as_text=True)
    both = client.get(f"/veranstaltungen?district={seed_uid('District', 'hannover')}"
                      f"&organiser={seed_uid('Actor', 'horizont')}").get_data(as_text=True)
    assert "Keine kommenden Veranstaltungen gefunden." in both
    for number in range(25):
        make_event(app, name=f"Termin {number:02d}", starts_at=f"2031-01-{number + 1:02d}T10:00", ends_at=None)
    first = client.get("/veranstaltungen?q=termin").get_data(as_text=True)
    assert "Seite 1 von 2" in first and "Termin 00" in first and "Termin 24" not in first
    assert "Termin 24" in client.get("/veranstaltungen?q=termin&seite=2").get_data(as_text=True)


def test_the_calendar_is_a_table_with_the_month_as_caption(client, app, seeded):
    make_event(app, name="Zweitägiger Fachtag", starts_at="2030-11-27T09:00", ends_at="2030-11-28T15:00")
    make_event(app, name="Interne Sitzung", visibility="internal", starts_at="2030-11-05T09:00")
    html = client.get("/veranstaltungen/kalender?monat=2030-11").get_data(as_text=True)
    assert '<table class="calendar">' in html and "<caption>November 2030" in html
    assert html.count("Zweitägiger Fachtag</a>") == 2, "on both of its days"
    assert "Interne Sitzung" not in html, "internal events only for logged-in users"
    assert 'scope="col"' in html and "Mo" in html
    assert 'href="/veranstaltungen/kalender?monat=2030-12"' in html
    assert "<caption>Juni 2016" in client.get("/veranstaltungen/kalender?monat=2016-06").get_data(as_text=True)
    # a wrong month is the current one, not an error
    assert client.get("/veranstaltungen/kalender?monat=2030-13").status_code == 200


def test_the_start_page_links_to_event_pages(client, auth, users, app, store):
    uid = make_event(app, name="Sommerfest Nord")
    make_event(app, name="Noch ein Entwurf", status="draft")
    auth.login(users["member"])
    home = client.get("/").get_data(as_text=True)
    upcoming = home[home.index("Nächste Veranstaltungen"):home.index("Zuletzt geändert")]
    assert f'href="/veranstaltungen/{uid}"' in upcoming and "Noch ein Entwurf" not in upcoming
    assert 'href="/veranstaltungen"' in home, "the count leads to the list"


# --- iCal --------------------------------------------------------------------------------------

def test_ical_of_one_event_reads_back(client, app, seeded):
    body = client.get(f"/veranstaltungen/{EXPERT_ROUND}.ics")
    assert body.status_code == 200 and body.headers["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(body.data)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{EXPERT_ROUND}@netzwerk"
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTSTART").isoformat() == "2016-06-16T10:30:00+02:00"
    assert event.decoded("DTEND").isoformat() == "2016-06-16T16:00:00+02:00"
    assert "Stiftstr. 15, 30159 Hannover" in str(event["LOCATION"])
    assert str(event["URL"]).endswith(f"/veranstaltungen/{EXPERT_ROUND}")
    assert "Vorbereitung der Veranstaltung" in str(event["DESCRIPTION"])
    assert event["STATUS"] == "CONFIRMED" and event["SEQUENCE"] == 1
    # a day without a time is an all-day event
    (day,) = Calendar.from_ical(client.get(f"/veranstaltungen/{ANKUNFTSORTE}.ics").data).walk("VEVENT")
    assert day.decoded("DTSTART").isoformat() == "2016-08-16"


def test_the_feed_holds_public_events_and_a_cancellation_raises_the_sequence(client, auth, users, app):
    uid = make_event(app, name="Öffentlicher Fachtag")
    make_event(app, name="Interner Termin", visibility="internal")
    make_event(app, name="Entwurf", status="draft")
    feed = Calendar.from_ical(client.get("/veranstaltungen/feed.ics").data)
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")] == ["Öffentlicher Fachtag"]
    register = app.extensions["netzwerk.register"]
    current = register.get(EVENTS, uid)
    register.update(EVENTS, uid, current["version"], {**{f.name: current.get(f.name) for f in EVENTS.fields},
                                                     "status": "cancelled"}, "test")
    (event,) = Calendar.from_ical(client.get("/veranstaltungen/feed.ics").data).walk("VEVENT")
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 2
    assert str(event["UID"]) == f"{uid}@netzwerk", "the same UID replaces the copy in calendars"
    assert "abgesagt" in client.get(f"/veranstaltungen/{uid}").get_data(as_text=True)


# --- Markdown ----------------------------------------------------------------------------------

def test_the_discussion_basis_is_formatted_and_cannot_run_script(client, app):
    uid = make_event(app, discussion_basis="## Thesen\n\n1. **Eins**\n2. <script>alert(1)</script>\n\n"
                                           "[klick](javascript:alert(2)) <img src=x onerror=alert(3)>")
    html = client.get(f"/veranstaltungen/{uid}").get_data(as_text=True)
    assert "<h3>Thesen</h3>" in html and "<strong>Eins</strong>" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html.replace("[klick](javascript:alert(2))", "")
    assert "<img" not in html


# --- files -------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(client, uid, name, data):
    token = csrf_token(client.get(f"/veranstaltungen/{uid}").get_data(as_text=True))
    return client.post(f"/veranstaltungen/{uid}/dateien", data={
        "csrf_token": token, "file": (io.BytesIO(data), name)}, content_type="multipart/form-data",
        follow_redirects=True)


def test_files_are_checked_by_content_stored_privately_and_served_as_downloads(client, auth, users, app, tmp_path):
    uid = make_event(app)
    auth.login(users["organiser"])
    assert "„Thesen für alle.pdf“ wurde hochgeladen." in upload(client, uid, "Thesen für alle.pdf", PDF).get_data(as_text=True)
    assert "wurde hochgeladen" in upload(client, uid, "Einladung.docx", docx_bytes()).get_data(as_text=True)
    refused = upload(client, uid, "rechnung.pdf", b"MZ\x90\x00" + b"\x00" * 200).get_data(as_text=True)
    assert "„rechnung.pdf“ ist keine solche Datei" in refused
    assert "keine solche Datei" in upload(client, uid, "thesen.exe", PDF).get_data(as_text=True)
    assert "keine solche Datei" in upload(client, uid, "thesen.docx", PDF).get_data(as_text=True)
    too_big = upload(client, uid, "gross.pdf", PDF + b"0" * (10 * 1024 * 1024)).get_data(as_text=True)
    assert "größer als 10 MB" in too_big

    files = app.extensions["netzwerk.events"].attachments(uid)
    assert sorted(f["name"] for f in files) == ["Einladung.docx", "Thesen für alle.pdf"]
    files = [f for f in files if f["name"].endswith(".pdf")]
    stored = list((tmp_path / "attachments").iterdir())
    assert len(stored) == 2
    for path in stored:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert len(path.name) == 32 and "Thesen" not in path.name

    auth.logout()  # a public event's files are public
    response = client.get(f"/veranstaltungen/{uid}/dateien/{files[0]['uid']}")
    assert response.status_code == 200 and response.data == PDF
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "Thesen%20f%C3%BCr%20alle.pdf" in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert client.get(f"/veranstaltungen/{uid}/dateien/nichts").status_code == 404


def test_files_of_an_internal_event_need_a_login(client, auth, users, app):
    uid = make_event(app, visibility="internal")
    auth.login(users["coordinator"])
    upload(client, uid, "intern.pdf", PDF)
    file_uid = app.extensions["netzwerk.events"].attachments(uid)[0]["uid"]
    assert client.get(f"/veranstaltungen/{uid}/dateien/{file_uid}").status_code == 200
    auth.logout()
    assert client.get(f"/veranstaltungen/{uid}/dateien/{file_uid}").status_code == 302
    auth.login(users["member"])
    token = csrf_token(client.get(f"/veranstaltungen/{uid}").get_data(as_text=True))
    refused = client.post(f"/veranstaltungen/{uid}/dateien", data={
        "csrf_token": token, "file": (io.BytesIO(PDF), "x.pdf")}, content_type="multipart/form-data")
    assert refused.status_code == 403
    assert client.post(f"/veranstaltungen/{uid}/dateien/{file_uid}/loeschen",
                       data={"csrf_token": token}).status_code == 403
    auth.logout()
    auth.login(users["organiser"])
    token = csrf_token(client.get(f"/veranstaltungen/{uid}").get_data(as_text=True))
    assert client.post(f"/veranstaltungen/{uid}/dateien/{file_uid}/loeschen", data={"csrf_token": token}).status_code == 302
    assert app.extensions["netzwerk.events"].attachments(uid) == []


# --- series -------------------------------------------------------------------------------------

def test_further_dates_of_a_weekly_event_form_a_series(client, auth, users, app, seeded):
    cafe = make_event(app, name="Nachbarschaftscafé Nord", starts_at="2030-11-07T10:00", ends_at="2030-11-07T12:00",
                      registration_closes="2030-11-06T18:00")
    register = app.extensions["netzwerk.register"]
    organiser_link = next(l for l in __import__("netzwerk.register.model", fromlist=["LINKS"]).LINKS
                          if l.type == "ORGANISED_BY")
    register.add_link(organiser_link, cafe, seed_uid("Actor", "horizont"), {"role": "partner"}, "test")
    auth.login(users["organiser"])
    response = post_form(client, f"/veranstaltungen/{cafe}/termine", {"rhythm": "weekly", "count": "3"},
                         token_from=f"/veranstaltungen/{cafe}")
    assert response.status_code == 302
    page = client.get(f"/veranstaltungen/{cafe}").get_data(as_text=True)
    assert "Reihe" in page and page.count('href="/veranstaltungen/') >= 3
    rows = app.extensions["netzwerk.events"].list(True, q="nachbarschaftscafe nord").rows
    assert [row["starts_at"] for row in rows] == ["2030-11-07T10:00", "2030-11-14T10:00",
                                                 "2030-11-21T10:00", "2030-11-28T10:00"]
    assert rows[3]["registration_closes"] == "2030-11-27T18:00"
    assert all(row["organisers"] == ["Kinder- und Jugendhaus Horizont"] for row in rows), "links copied"
    sections, _ = register.link_sections(EVENTS, rows[2]["uid"])
    partner = next(s for s in sections if s["link"].type == "ORGANISED_BY")["items"][0]
    assert partner["props"]["role"] == "partner", "a partner stays a partner"
    # a second batch joins the same series
    post_form(client, f"/veranstaltungen/{rows[3]['uid']}/termine", {"rhythm": "monthly", "count": "1"},
              token_from=f"/veranstaltungen/{cafe}")
    series = register.list(KINDS["series"], q="nachbarschaftscafe nord")
    assert series.total == 1 and series.rows[0]["dates"] == 5
    refused = post_form(client, f"/veranstaltungen/{cafe}/termine", {"rhythm": "weekly", "count": "99"},
                        token_from=f"/veranstaltungen/{cafe}")
    assert refused.status_code == 302
    assert "zwischen 1 und 52" in client.get(f"/veranstaltungen/{cafe}").get_data(as_text=True)


# --- the demo ------------------------------------------------------------------------------------

def test_the_demo_shows_an_open_expert_round(client, demo, store):
    from netzwerk.clock import today
    html = client.get(f"/veranstaltungen/{DEMO_ROUND}").get_data(as_text=True)
    assert "Demo-Ergänzung – nicht aus den Quelldokumenten" in html
    event = store.read_one("register/get_entry", uid=DEMO_ROUND)["props"]
    assert event["registration_opens"] < f"{today()}T23:59" < event["registration_closes"] < event["starts_at"]
    assert event["capacity"] == 25 and event["visibility"] == "public" and event["status"] == "published"
    assert "Reihe" in html and "16. Juni 2016" in html, "the 2016 round is another date of its series"


def test_a_series_rule_gives_the_calendar_and_the_feed_its_dates(client, app):
    """FREQ=WEEKLY;BYDAY=TU from the series' first date: the month calendar shows every Tuesday,
    the feed holds the first date with the RRULE and a cancelled other date as its instance."""
    from datetime import datetime

    from dateutil.rrule import rrulestr

    from netzwerk.register.model import LINKS
    register = app.extensions["netzwerk.register"]
    rule = KINDS["series"].field("recurrence").parse("rrule:freq=weekly; byday=tu")  # as forms and API do
    series = register.create(KINDS["series"], {"name": "Sprachcafé dienstags", "recurrence": rule}, "test")
    assert register.get(KINDS["series"], series)["recurrence"] == "FREQ=WEEKLY;BYDAY=TU"
    in_series = next(link for link in LINKS if link.type == "IN_SERIES")
    first = make_event(app, name="Sprachcafé dienstags", starts_at="2030-11-05T15:00", ends_at="2030-11-05T17:00")
    third = make_event(app, name="Sprachcafé dienstags", starts_at="2030-11-19T15:00", ends_at="2030-11-19T17:00",
                       status="cancelled")
    for uid in (first, third):
        register.add_link(in_series, uid, series, {}, "test")

    month = app.extensions["netzwerk.events"].month(False, 2030, 11)
    tuesdays = {day["date"].day: day["events"] for week in month["weeks"] for day in week
                if day["in_month"] and day["date"].weekday() == 1}
    assert sorted(tuesdays) == [5, 12, 19, 26]
    assert all(len(events) == 1 for events in tuesdays.values())
    assert [tuesdays[d][0].get("occurrence", False) for d in (5, 12, 19, 26)] == [False, True, False, True]
    assert tuesdays[12][0]["starts_at"] == "2030-11-12T15:00" and tuesdays[12][0]["ends_at"] == "2030-11-12T17:00"
    assert tuesdays[19][0]["status"] == "cancelled", "the date of its own, not the rule's copy"
    page = client.get("/veranstaltungen/kalender?monat=2030-11").get_data(as_text=True)
    assert page.count(f'href="/veranstaltungen/{first}"') == 3  # the first date and two of the rule
    # before the first date nothing
    october = app.extensions["netzwerk.events"].month(False, 2030, 10)
    assert october["count"] == 0, "neither the rule nor a later event counts in an earlier month"

    feed = Calendar.from_ical(client.get("/veranstaltungen/feed.ics").data)
    items = feed.walk("VEVENT")
    assert {str(e["UID"]) for e in items} == {f"{first}@netzwerk"}, "one series, one UID"
    (master,) = [e for e in items if "RRULE" in e]
    assert master["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=TU"
    assert master.decoded("DTSTART").isoformat() == "2030-11-05T15:00:00+01:00"
    (cancelled,) = [e for e in items if "RECURRENCE-ID" in e]
    assert cancelled.decoded("RECURRENCE-ID").isoformat() == "2030-11-19T15:00:00+01:00"
    assert cancelled["STATUS"] == "CANCELLED"
    rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=master.decoded("DTSTART"))
    assert rule.after(master.decoded("DTSTART")).isoformat() == "2030-11-12T15:00:00+01:00"
    assert datetime.fromisoformat("2030-11-26T15:00:00+01:00") in rule


def test_a_recurrence_rule_is_checked():
    from netzwerk.fields import FieldError
    spec = next(f for f in KINDS["series"].fields if f.name == "recurrence")
    assert spec.parse("FREQ=MONTHLY;BYDAY=1WE;COUNT=10") == "FREQ=MONTHLY;BYDAY=1WE;COUNT=10"
    assert spec.parse("") is None
    for wrong in ("FREQ=HOURLY", "FREQ=WEEKLY;BYDAY=XX", "jeden Dienstag", "DTSTART:20300101\nFREQ=DAILY"):
        with pytest.raises(FieldError):
            spec.parse(wrong)
