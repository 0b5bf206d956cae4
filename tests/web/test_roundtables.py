"""A round table's page and its agenda (print view and PDF) on the demo data and a hand-built one."""
import io
import re

from pypdf import PdfReader

from netzwerk.text import seed_uid

from ..conftest import raw_rows

LOKAL_WILLKOMMEN = seed_uid("RoundTable", "lokal-willkommen-netzwerk")
LANSTROP_NEED = seed_uid("Need", "erstberatung-lanstrop")


def test_the_round_tables_page(client, auth, users, seeded):
    auth.login(users["member"])
    assert f"/runde-tische/{LOKAL_WILLKOMMEN}/uebersicht" in client.get(
        f"/runde-tische/{LOKAL_WILLKOMMEN}").get_data(as_text=True)
    html = client.get(f"/runde-tische/{LOKAL_WILLKOMMEN}/uebersicht").get_data(as_text=True)
    # the open needs in Dortmund (and below), each with its best matches
    needs = re.findall(r'<li data-need="([^"]+)"><a [^>]+>([^<]+)</a>', html)
    assert {name for _uid, name in needs} == {
        "Anlaufstelle „lokal willkommen“ für die Nordstadt",
        "Anlaufstelle „lokal willkommen“ für Innenstadt-West und -Ost",
        "Erste Anlaufstelle für neu zugezogene Familien in Lanstrop (Demo)"}
    lanstrop = html[html.index(f'data-need="{LANSTROP_NEED}"'):]
    assert re.search(r'<li data-offer="[^"]+"><a [^>]+>Sprechstunde lokal willkommen Lanstrop</a>', lanstrop)
    # gaps: fields with no active offer anywhere in Dortmund; counselling and housing are there
    gaps = re.findall(r'<li data-field="([^"]+)">', html)
    assert "language" in gaps and "health" in gaps
    assert "counselling" not in gaps and "housing" not in gaps
    # the members' offers
    assert "lokal willkommen Brackel/Aplerbeck" in html and "Begleitung nach dem Auszug (Brackel/Aplerbeck)" in html


def test_the_agenda_prints_and_is_one_pdf_page(client, auth, users, seeded):
    auth.login(users["member"])
    html = client.get(f"/runde-tische/{LOKAL_WILLKOMMEN}/tagesordnung").get_data(as_text=True)
    assert "Tagesordnung: Integrationsnetzwerk „lokal willkommen“" in html
    assert 'media="print"' in html and "print.css" in html
    # the next meeting a member organises: the demo's network meeting in March 2027
    assert "11. März 2027" in html and "Brackeler Hellweg 146" in html
    assert "Offene Bedarfe und was schon da ist" in html and "Sprechstunde lokal willkommen Lanstrop" in html
    response = client.get(f"/runde-tische/{LOKAL_WILLKOMMEN}/tagesordnung.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 1
    text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "Tagesordnung" in text and "Lücken" in text and "Sprechstunde lokal willkommen Lanstrop" in text
    assert "Gesundheit" in text


def test_a_round_table_without_districts_or_members(client, auth, users, seeded):
    raw_rows(seeded, "MATCH (rt:RoundTable {uid: '%s'})-[r:ACTIVE_IN]->() DELETE r" % LOKAL_WILLKOMMEN)
    raw_rows(seeded, "MATCH (rt:RoundTable {uid: '%s'})<-[r:MEMBER_OF]-() DELETE r" % LOKAL_WILLKOMMEN)
    auth.login(users["member"])
    html = client.get(f"/runde-tische/{LOKAL_WILLKOMMEN}/uebersicht").get_data(as_text=True)
    assert "noch keinem Stadtteil zugeordnet" in html and "Noch keine Mitglieder eingetragen." in html
    assert "data-need=" not in html and "data-field=" not in html
    pdf = client.get(f"/runde-tische/{LOKAL_WILLKOMMEN}/tagesordnung.pdf")
    assert "Termin noch offen" in PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert client.get("/runde-tische/nope/uebersicht").status_code == 404
    assert client.get("/runde-tische/nope/tagesordnung.pdf").status_code == 404
