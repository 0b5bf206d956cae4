"""Bulk import: dry run row by row, all rows or none, idempotent, clear errors for bad files."""
import io
import json
import re

import pytest

from ..conftest import Browserless, csrf_token, post_form

DORTMUND_ACTORS = (
    "name;kind;description;fields;districts\n"
    "Stadt Dortmund – Sozialdezernat;Kommunale Stelle;Sozialdezernat;Beratung;Dortmund\n"
    'lokal willkommen Brackel/Aplerbeck;city office;Tandem-Büro, Pilot 2016;"Beratung; Wohnen";"Brackel; Aplerbeck"\n'
    "Projekt Ankommen e.V.;Verein / Verband;Gegründet April 2015;Wohnen;Innenstadt-West\n"
)
DISTRICTS = (
    "name;type;part_of\n"
    "Brackel;Stadtbezirk;Dortmund\n"
    "Dortmund;city;\n"  # the parent comes after the child: the file is read as a whole
    "Aplerbeck;Stadtbezirk;Dortmund\n"
    "Innenstadt-West;Stadtbezirk;Dortmund\n"
)


@pytest.fixture
def coordinator(client, auth, users):
    auth.login(users["coordinator"])
    return client


def check(client, kind, content, filename="datei.csv"):
    token = csrf_token(client.get("/import").get_data(as_text=True))
    return client.post("/import", data={"csrf_token": token, "kind": kind,
                                        "file": (io.BytesIO(content), filename)},
                       content_type="multipart/form-data")


def apply(client, checked):
    html = checked.get_data(as_text=True)
    match = re.search(r'action="(/import/[^"]+)"', html)
    assert match, "no apply button: " + html[html.find("Ergebnis"):][:1500]
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', html).group(1)
    return post_form(client, match.group(1), {"token": token})


def import_file(client, kind, content, filename="datei.csv"):
    checked = check(client, kind, content, filename)
    assert checked.status_code == 200, checked.get_data(as_text=True)
    response = apply(client, checked)
    assert response.status_code == 302
    return client.get("/import").get_data(as_text=True)


def counts(store):
    return {r["label"]: r["nodes"] for r in store.read("graph/count_nodes_by_label")}


def test_dry_run_then_import_then_import_again_changes_nothing(coordinator, store):
    page = check(coordinator, "districts", DISTRICTS.encode()).get_data(as_text=True)
    assert "4 neu, 0 geändert, 0 unverändert, 0 abgelehnt" in page
    assert counts(store).get("District") is None, "the dry run writes nothing"
    assert "Import abgeschlossen: 4 Zeilen gespeichert" in import_file(coordinator, "districts", DISTRICTS.encode())

    page = check(coordinator, "actors", DORTMUND_ACTORS.encode()).get_data(as_text=True)
    assert "3 neu" in page
    import_file(coordinator, "actors", DORTMUND_ACTORS.encode())
    before = store.read("register/list_actors", q="", actor_kind="", field="", order="name",
                        descending=False, skip=0, limit=50)
    again = check(coordinator, "actors", DORTMUND_ACTORS.encode()).get_data(as_text=True)
    assert "0 neu, 0 geändert, 3 unverändert, 0 abgelehnt" in again
    import_file(coordinator, "actors", DORTMUND_ACTORS.encode())
    after = store.read("register/list_actors", q="", actor_kind="", field="", order="name",
                       descending=False, skip=0, limit=50)
    assert after == before, "importing the same file twice changes nothing, not even versions"

    brackel = [a for a in after if a["props"]["name"] == "lokal willkommen Brackel/Aplerbeck"][0]
    assert sorted(brackel["districts"]) == ["Aplerbeck", "Brackel"]
    assert brackel["props"]["kind"] == "city office" and brackel["props"]["fields"] == ["counselling", "housing"], "stored as codes"
    # and the imported actors are found by search, and inside Dortmund
    html = coordinator.get("/akteure?q=brackel").get_data(as_text=True)
    assert "lokal willkommen Brackel/Aplerbeck" in html


def test_a_changed_row_is_an_update(coordinator, store):
    import_file(coordinator, "districts", DISTRICTS.encode())
    import_file(coordinator, "actors", DORTMUND_ACTORS.encode())
    changed = DORTMUND_ACTORS.replace("Gegründet April 2015", "Gegründet im April 2015")
    page = check(coordinator, "actors", changed.encode()).get_data(as_text=True)
    assert "0 neu, 1 geändert, 2 unverändert" in page and "description" in page


def test_a_broken_row_in_the_middle_stops_the_whole_file(coordinator, store):
    broken = (DISTRICTS + "Phantasia;Königreich;Dortmund\nHörde;Stadtbezirk;Nirgendwo\nHombruch;Stadtbezirk;Dortmund\n")
    response = check(coordinator, "districts", broken.encode())
    html = response.get_data(as_text=True)
    assert "2 abgelehnt" in html
    assert "„Königreich“ ist kein gültiger Wert für „Typ“" in html
    assert "Stadtteil „Nirgendwo“ ist nicht bekannt" in html
    assert "Jetzt importieren" not in html
    assert counts(store).get("District") is None, "nothing imported"


def test_apply_refuses_a_plan_with_rejected_rows(store):
    from netzwerk.register.imports import ImportFileError, apply_import, plan_import, read_table
    from netzwerk.register.service import Register
    register = Register(store)
    header, rows = read_table("x.csv", (DISTRICTS + ";Stadtbezirk;\n").encode())
    plan = plan_import(register, "districts", header, rows)
    assert [r.action for r in plan.results] == ["create"] * 4 + ["rejected"]
    with pytest.raises(ImportFileError, match="nichts gespeichert"):
        apply_import(register, plan, "test", "2026-01-01T00:00:00")
    assert counts(store).get("District") is None


def test_windows_excel_csv_with_semicolons_and_umlauts(coordinator, store):
    import_file(coordinator, "districts", "name;type;part_of\nLütgendortmund;Stadtbezirk;\n".encode("cp1252"))
    assert "Lütgendortmund" in coordinator.get("/stadtteile").get_data(as_text=True)


def test_comma_separated_utf8_with_bom(coordinator):
    content = "\ufeffname,type,population\nDüsternort,Stadtteil,12000\n".encode("utf-8")
    html = check(coordinator, "districts", content).get_data(as_text=True)
    assert "1 neu" in html


def test_missing_columns_duplicates_and_unknown_columns(coordinator):
    html = check(coordinator, "districts", b"titel;typ\nA;city\n").get_data(as_text=True)
    assert "Die Spalte „name“ fehlt" in html
    html = check(coordinator, "districts", b"name;type;farbe\nA;city;blau\nA;city;rot\n").get_data(as_text=True)
    assert "doppelte Zeile (wie Zeile 2)" in html
    assert "Die Spalte „farbe“ ist unbekannt und wird ignoriert." in html


def test_bad_files_get_clear_messages(coordinator):
    for content, filename, message in (
            (b"", "leer.csv", "Die Datei ist leer."),
            (b"\x00\x01\x02junk" * 100, "junk.csv", "keine Textdatei"),
            (b"PK\x03\x04 not really a zip", "kaputt.xlsx", "keine lesbare Excel-Datei"),
            (b"{not json", "netz.json", "kein gültiges JSON")):
        kind = "graph" if filename.endswith(".json") else "districts"
        response = check(coordinator, kind, content, filename)
        assert response.status_code == 400
        assert message in response.get_data(as_text=True), filename


def test_fifty_megabytes_of_junk_are_refused_before_reading(coordinator):
    token = csrf_token(coordinator.get("/import").get_data(as_text=True))
    response = coordinator.post("/import", data={"csrf_token": token, "kind": "actors",
                                                 "file": (io.BytesIO(b"x" * (50 * 1024 * 1024)), "gross.csv")},
                                content_type="multipart/form-data")
    assert response.status_code == 413
    assert "höchstens 20 MB" in response.get_data(as_text=True)


def test_templates_have_the_documented_columns(coordinator):
    text = coordinator.get("/import/vorlage/offers.csv").get_data().decode("utf-8-sig")
    # German headings people read; the import also takes the keys and the English headings
    assert text.splitlines()[0].split(";")[:3] == ["Name", "Beschreibung", "Handlungsfelder"]
    assert "Anbieter" in text.splitlines()[0]
    from openpyxl import load_workbook
    sheet = load_workbook(io.BytesIO(coordinator.get("/import/vorlage/people.xlsx").data)).active
    assert list(sheet.values)[0] == ("Name", "Funktion", "E-Mail", "Telefon", "Einwilligung", "Akteure", "Rolle")
    assert coordinator.get("/import/vorlage/needs.csv").status_code == 404


@pytest.fixture
def empty_instance(catalog, database, tmp_path_factory):
    """Makes a second app on an empty graph, with an admin logged in: (client, store).

    Call it after exporting: on Neo4j (one user database) the empty graph is the same
    database, cleared.
    """
    from netzwerk import create_app
    from netzwerk.config import TestConfig
    opened = []

    def make():
        empty = database.open_empty_store(catalog)
        opened.append(empty)
        other = create_app(TestConfig(tmp_path_factory.mktemp("other")), store=empty)
        other.extensions["netzwerk.accounts"].create_user("a@example.org", "A", "admin", "ein-sicheres-passwort")
        client = other.test_client()
        Browserless(client).login("a@example.org", "ein-sicheres-passwort")
        return client, empty

    yield make
    for empty in opened:
        empty.delete_graph()
        empty.close()


def test_xlsx_export_imports_into_an_empty_graph(coordinator, seeded, empty_instance):
    exported = coordinator.get("/stadtteile?format=xlsx").data
    client, empty = empty_instance()
    import_file(client, "districts", exported, "stadtteile.xlsx")
    assert counts(empty)["District"] == 22
    html = client.get("/stadtteile?q=lanstrop").get_data(as_text=True)
    assert "Lanstrop" in html and "Scharnhorst" in html, "the parent link survived the round trip"


def test_people_and_contacts_import(coordinator, seeded, store):
    people = ("name;function;email;actors;role\n"
              "Anna Beispiel;Quartiersarbeit;anna@example.org;Nachbarschaftsbüro Düsternort;Leitung\n")
    import_file(coordinator, "people", people.encode())
    contacts = "person;knows;since;context;strength\nAnna Beispiel;Wencke Lüttich;2016;Nachbarschaftscafé;gut\n"
    page = check(coordinator, "contacts", contacts.encode()).get_data(as_text=True)
    assert "1 neu" in page
    import_file(coordinator, "contacts", contacts.encode())
    assert "0 neu, 0 geändert, 1 unverändert" in check(coordinator, "contacts", contacts.encode()).get_data(as_text=True)
    rows = [r for r in store.read("import/list_contacts") if r["context"] == "Nachbarschaftscafé" and r["since"] == "2016"]
    assert len(rows) == 1 and rows[0]["strength"] == 2


def test_json_export_round_trips_into_an_empty_instance(coordinator, seeded, empty_instance):
    exported = coordinator.get("/export/netzwerk.json").data
    document = json.loads(exported)
    assert document["format"] == "netzwerk-graph/1"
    assert not any(n["label"] in ("User", "Change", "ApiToken") for n in document["nodes"])

    client, _ = empty_instance()
    html = check(client, "graph", exported, "netzwerk.json").get_data(as_text=True)
    assert f"{len(document['nodes'])} Knoten und {len(document['relationships'])} Beziehungen" in html
    import_file(client, "graph", exported, "netzwerk.json")
    assert json.loads(client.get("/export/netzwerk.json").data) == document, \
        "the same graph, timestamps and versions included"
    import_file(client, "graph", exported, "netzwerk.json")
    assert json.loads(client.get("/export/netzwerk.json").data) == document, "loading twice changes nothing"


def test_a_json_file_with_unknown_links_is_refused(coordinator):
    bad = json.dumps({"format": "netzwerk-graph/1", "nodes": [],
                      "relationships": [{"type": "LOVES", "from_label": "Actor", "to_label": "Actor",
                                         "from": "a", "to": "b"}]}).encode()
    response = check(coordinator, "graph", bad, "x.json")
    assert response.status_code == 400 and "LOVES" in response.get_data(as_text=True)


def test_offers_import_links_providers_and_districts(coordinator, seeded, store):
    offers = ("name;providers;districts;fields;languages;weekdays;time_from;time_to;frequency;cost;status\n"
              "Sprachcafé Lanstrop;JuKi-Treff Lanstrop; Lanstrop;Sprache;\"Deutsch; Arabisch\";Dienstag;"
              "16:00;18:00;wöchentlich;kostenlos;aktiv\n")
    import_file(coordinator, "offers", offers.encode())
    html = coordinator.get("/angebote?q=sprachcafe").get_data(as_text=True)
    assert "Sprachcafé Lanstrop" in html and "JuKi-Treff Lanstrop" in html
    assert "0 neu, 0 geändert, 1 unverändert" in check(coordinator, "offers", offers.encode()).get_data(as_text=True)
    bad = offers.replace("16:00", "16 Uhr").replace("wöchentlich", "ständig")
    page = check(coordinator, "offers", bad.encode()).get_data(as_text=True)
    assert "1 abgelehnt" in page and "ständig" in page


def test_a_name_that_two_entries_share_is_not_guessed(coordinator, store):
    from netzwerk.register.model import KINDS
    register = coordinator.application.extensions["netzwerk.register"]
    for _ in range(2):
        register.create(KINDS["districts"], {"name": "Mitte", "type": "Stadtteil"}, "test")
    page = check(coordinator, "districts", "name;type;population\nMitte;Stadtteil;5000\n".encode()).get_data(as_text=True)
    assert "1 abgelehnt" in page and "mehrere Einträge „Mitte“" in page


def test_an_unquoted_semicolon_in_a_csv_cell_rejects_the_row_and_names_the_cause(coordinator, store):
    import_file(coordinator, "districts", DISTRICTS.encode())
    shifted = ("name;kind;fields;districts\n"
               "Projekt Ankommen e.V.;Verein / Verband;Beratung; Wohnen;Innenstadt-West\n"
               "Stadt Dortmund – Sozialdezernat;Kommunale Stelle;Beratung;Dortmund\n")
    page = check(coordinator, "actors", shifted.encode()).get_data(as_text=True)
    assert "1 neu, 0 geändert, 0 unverändert, 1 abgelehnt" in page
    assert ("mehr Zellen als Spalten (5 statt 4) – stehen mehrere Werte ohne Anführungszeichen in einer "
            "Zelle? Bitte die Zelle in Anführungszeichen setzen") in page
    assert "Jetzt importieren" not in page
    quoted = shifted.replace("Beratung; Wohnen", '"Beratung; Wohnen"')
    page = check(coordinator, "actors", quoted.encode()).get_data(as_text=True)
    assert "2 neu, 0 geändert, 0 unverändert, 0 abgelehnt" in page


def test_the_import_page_explains_quoting_and_the_limits(coordinator):
    html = coordinator.get("/import").get_data(as_text=True)
    assert "muss eine solche Zelle in Anführungszeichen stehen: &#34;Beratung; Sprache&#34;" in html
    assert "In XLSX-Dateien gibt es dieses Problem nicht." in html
    assert "Höchstens 5000 Zeilen, 200 Spalten und 10000 Zeichen je Zelle" in html
    assert "Mehrere Werte in einer Zelle werden mit Semikolon getrennt. Auswahlfelder" not in html


def test_an_unknown_name_comes_with_the_closest_known_names(coordinator, seeded):
    offers = ("name;providers;districts;status\n"
              "Sprachcafé Nordstadt;Projekt Ankommen e.V.;Nordstadt;aktiv\n"
              "Sprachcafé Lanstrop;JuKi-Treff Lanstrup;Innenstadt Nord;aktiv\n"
              "Sprachcafé Irgendwo;Projekt Ankommen e.V.;Qwertz;aktiv\n")
    page = check(coordinator, "offers", offers.encode()).get_data(as_text=True)
    assert "3 abgelehnt" in page
    assert "Stadtteil „Nordstadt“ ist nicht bekannt – meinten Sie „Innenstadt-Nord (Nordstadt)“?" in page
    assert "Akteur „JuKi-Treff Lanstrup“ ist nicht bekannt – meinten Sie „JuKi-Treff Lanstrop“?" in page
    assert "Stadtteil „Innenstadt Nord“ ist nicht bekannt – meinten Sie „Innenstadt-Nord (Nordstadt)“" in page
    assert "Stadtteil „Qwertz“ ist nicht bekannt<" in page, "no suggestion when nothing is close"

    contacts = ("person;knows\n"
                "Team lokal willkommen Brackel-Aplerbeck;Team lokal willkommen Eving/Scharnhorst\n")
    page = check(coordinator, "contacts", contacts.encode()).get_data(as_text=True)
    assert ("Person „Team lokal willkommen Brackel-Aplerbeck“ ist nicht bekannt – meinten Sie "
            "„Team lokal willkommen Brackel/Aplerbeck“?") in page


def test_headings_in_german_english_or_as_keys_are_read_alike(coordinator, seeded):
    for heading in ("Name;Art;Handlungsfelder;Stadtteile", "name;kind;fields;districts",
                    "NAME;Kind;Fields of action;Districts"):
        csv_text = f"{heading}\nCaritas Dortmund;Wohlfahrtsverband;Beratung;Innenstadt-Nord (Nordstadt)\n"
        page = check(coordinator, "actors", csv_text.encode()).get_data(as_text=True)
        assert "1 neu" in page and "1 abgelehnt" not in page, heading
