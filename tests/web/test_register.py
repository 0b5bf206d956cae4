"""The network register through the web client: a coordinator's daily work, and its guards."""
import re

import pytest

from netzwerk.text import seed_uid

from ..conftest import post_form


def uid_from(response):
    match = re.search(r"/[a-z-]+/([0-9a-f-]{36})$", response.headers["Location"])
    assert match, response.headers.get("Location")
    return match.group(1)


def create(client, slug, **data):
    response = post_form(client, f"/{slug}/neu", data)
    assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
    return uid_from(response)


def link(client, slug, uid, index, direction, other, **props):
    prefix = f"l{index}{direction}-"
    # as the type-ahead sends it: the uid of the picked suggestion (the typed text beside it)
    data = {prefix + "other": "gewählt", prefix + "other_uid": other, **{prefix + k: v for k, v in props.items()}}
    response = post_form(client, f"/{slug}/{uid}/verbindungen/{index}/{direction}", data)
    assert response.status_code == 302
    return response


def link_index(type_, source, target):
    from netzwerk.register.model import LINKS
    return next(i for i, l in enumerate(LINKS) if (l.type, l.source, l.target) == (type_, source, target))


@pytest.fixture
def coordinator(client, auth, users):
    auth.login(users["coordinator"])
    return client


def test_a_coordinator_builds_the_duesternort_network_from_scratch(coordinator):
    c = coordinator
    delmenhorst = create(c, "stadtteile", name="Delmenhorst", type="city")
    duesternort = create(c, "stadtteile", name="Düsternort", type="Stadtteil")
    link(c, "stadtteile", duesternort, link_index("PART_OF", "districts", "districts"), "out", delmenhorst)

    carriers = {}
    for name, kind in (("Kinder- und Jugendhaus Horizont", "youth centre"),
                       ("Sozialarbeit an Schulen", "school"),
                       ("Migrationsberatung", "welfare association"),
                       ("Nachbarschaftsbüro Düsternort", "other")):
        carriers[name] = create(c, "akteure", name=name, kind=kind,
                                fields=["Stadtteilkultur", "Soziale Aktivitäten und soziale Infrastruktur"])
        link(c, "akteure", carriers[name], link_index("ACTIVE_IN", "actors", "districts"), "out", duesternort)

    cafe = create(c, "angebote", link_districts="Düsternort", link_districts_uid=duesternort,
                  name="Nachbarschaftscafé Düsternort", status="active", frequency="weekly",
                  capacity="50", time_from="10:00", time_to="12:00", weekdays=["Mittwoch"],
                  languages=["de", "ar"], target_groups=["all-residents", "migration-background"],
                  fields=["Stadtteilkultur", "Zusammenleben unterschiedlicher sozialer und ethnischer Gruppen"])
    offers_index = link_index("OFFERS", "actors", "offers")
    for carrier in carriers.values():  # from the offer's side: its providers
        link(c, "angebote", cafe, offers_index, "in", carrier)
    link(c, "angebote", cafe, link_index("IN", "offers", "districts"), "out", duesternort)

    lead = create(c, "personen", name="Leitung Horizont", function="Einrichtungsleitung", email="leitung@example.org")
    office = create(c, "personen", name="Team Nachbarschaftsbüro", function="Quartiersarbeit")
    link(c, "personen", lead, link_index("WORKS_AT", "people", "actors"), "out",
         carriers["Kinder- und Jugendhaus Horizont"], role="Leitung")
    link(c, "personen", lead, link_index("KNOWS", "people", "people"), "out", office,
         since="2015", context="Nachbarschaftscafé", strength="3")

    cafe_page = c.get(f"/angebote/{cafe}").get_data(as_text=True)
    for name in carriers:
        assert name in cafe_page
    assert "Düsternort" in cafe_page and "wöchentlich" in cafe_page and "Deutsch, Arabisch" in cafe_page
    district_page = c.get(f"/stadtteile/{duesternort}").get_data(as_text=True)
    assert "Delmenhorst" in district_page and "Nachbarschaftscafé Düsternort" in district_page
    actor_page = c.get(f"/akteure/{carriers['Kinder- und Jugendhaus Horizont']}").get_data(as_text=True)
    assert "Leitung Horizont" in actor_page and "Leitung" in actor_page
    person_page = c.get(f"/personen/{office}").get_data(as_text=True)
    assert "Leitung Horizont" in person_page, "KNOWS shows on the other person's page too"
    assert "Nachbarschaftscafé" in person_page

    # found by search, with and without umlauts
    for query in ("dusternort", "düster", "DUESTERNORT"):
        html = c.get(f"/angebote?q={query}").get_data(as_text=True)
        assert "Nachbarschaftscafé Düsternort" in html, query


def test_search_filters_sorting_and_pages(coordinator, seeded):
    c = coordinator
    html = c.get("/akteure?actor_kind=youth+centre").get_data(as_text=True)
    assert "Kinder- und Jugendhaus Horizont" in html and "JuKi-Treff Lanstrop" in html
    assert "WoGe Bremerhaven" not in html
    # a city includes its Stadtbezirke and Quartiere
    dortmund = seed_uid("District", "dortmund")
    html = c.get(f"/angebote?district={dortmund}").get_data(as_text=True)
    assert "Sprechstunde lokal willkommen Lanstrop" in html and "Nachbarschaftscafé Düsternort" not in html
    html = c.get("/angebote?language=Arabisch").get_data(as_text=True)
    assert "Hausordnung verständlich erklärt (Demo)" in html and "Sprechstunde" not in html
    html = c.get("/angebote?status=ended").get_data(as_text=True)
    assert "Vorgartenprojekt Düsternort" in html and "Nachbarschaftscafé" not in html
    from netzwerk.text import fold
    names = re.findall(r'<th scope="row"><a [^>]+>([^<]+)</a>', c.get("/akteure?sortierung=-name").get_data(as_text=True))
    assert len(names) == 24 and names == sorted(names, key=fold, reverse=True)

    pages = [re.findall(r'<th scope="row"><a [^>]+>([^<]+)</a>', c.get(f"/stadtteile?pro_seite=10&seite={n}").get_data(as_text=True))
             for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [10, 10, 2]
    assert len(set(sum(pages, []))) == 22, "no district on two pages"
    second = c.get("/stadtteile?pro_seite=10&seite=2").get_data(as_text=True)
    assert 'rel="prev"' in second and 'rel="next"' in second and "Seite 2 von 3" in second
    assert c.get("/stadtteile?seite=abc&pro_seite=x").status_code == 200
    past = c.get("/stadtteile?seite=99").get_data(as_text=True)
    assert "Zur ersten Seite" in past and "Seite 99 gibt es nicht: es gibt nur 1 Seite." in past
    assert "Seite 99 von" not in past


def test_validation_errors_are_explained_and_nothing_is_saved(coordinator, store):
    response = post_form(coordinator, "/angebote/neu", {
        "name": "", "status": "sometimes", "capacity": "viele", "time_from": "25:00", "contact": "x" * 300})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    # the same messages as the API and the spreadsheet import give (one rule per field type)
    assert "„Name“ fehlt." in html
    assert "„sometimes“ ist kein gültiger Wert für „Status“" in html
    assert "„Plätze“ muss eine ganze Zahl sein, nicht „viele“." in html
    assert "„von (Uhrzeit)“ muss eine Uhrzeit wie 08:30 sein." in html
    assert "„Kontakt“ ist länger als 200 Zeichen." in html
    response = post_form(coordinator, "/akteure/neu", {"name": "X", "kind": "school", "email": "kein-at",
                                                       "website": "keine adresse"})
    html = response.get_data(as_text=True)
    assert "„kein-at“ ist keine gültige E-Mail-Adresse." in html
    assert "ist keine gültige Web-Adresse" in html
    assert html.count("ist keine gültige Web-Adresse") == 1, "the error is shown once"
    response = post_form(coordinator, "/akteure/neu", {"name": "X", "kind": "school",
                                                       "website": "javascript://evil.example/%0Aalert(1)"})
    assert response.status_code == 400 and "ist keine gültige Web-Adresse" in response.get_data(as_text=True)
    assert store.read_one("home/count_overview", now="2000")["offers"] == 0
    assert store.read_one("home/count_overview", now="2000")["actors"] == 0


def test_a_stale_edit_is_refused_not_merged(app, coordinator, users):
    uid = create(coordinator, "akteure", name="Projekt Ankommen e.V.", kind="association")
    first = coordinator.get(f"/akteure/{uid}/bearbeiten").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', first).group(1)

    # a colleague saves first
    other = app.test_client()
    from ..conftest import Browserless
    Browserless(other).login(users["admin"])
    assert post_form(other, f"/akteure/{uid}/bearbeiten", {
        "name": "Projekt Ankommen e.V.", "kind": "association", "description": "vom Kollegen",
        "version": version}).status_code == 302

    response = post_form(coordinator, f"/akteure/{uid}/bearbeiten", {
        "name": "Projekt Ankommen", "kind": "initiative", "version": version})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "inzwischen von jemand anderem geändert" in html
    page = coordinator.get(f"/akteure/{uid}").get_data(as_text=True)
    assert "vom Kollegen" in page and "Verein / Verband" in page, "nothing was merged"
    # what was typed is kept, beside the colleague's values, and can be saved deliberately
    assert 'value="Projekt Ankommen"' in html and '<option selected value="initiative">' in html
    assert "vom Kollegen" in html and "Verein / Verband" in html
    current = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    assert int(current) == int(version) + 1
    again = post_form(coordinator, f"/akteure/{uid}/bearbeiten", {
        "name": "Projekt Ankommen", "kind": "initiative", "description": "vom Kollegen", "version": current})
    assert again.status_code == 302
    assert "Initiative" in coordinator.get(f"/akteure/{uid}").get_data(as_text=True)


def test_changes_are_recorded_with_who_and_when(coordinator, users):
    uid = create(coordinator, "bedarfe", name="Deutschkurs", status="open")
    assert post_form(coordinator, f"/bedarfe/{uid}/bearbeiten", {
        "name": "Deutschkurs am Abend", "status": "open", "version": "1"}).status_code == 302
    html = coordinator.get(f"/bedarfe/{uid}").get_data(as_text=True)
    history = html[html.index("Änderungsverlauf"):]
    assert history.count("Test coordinator") >= 2
    assert "angelegt" in history and "geändert: Name" in history
    assert "Version 2" in html


def test_delete_asks_and_says_what_goes_with_it(coordinator, seeded):
    horizont = seed_uid("Actor", "horizont")
    page = coordinator.get(f"/akteure/{horizont}/loeschen").get_data(as_text=True)
    assert "Kinder- und Jugendhaus Horizont löschen?" in page
    assert "Nachbarschaftscafé Düsternort" in page and "Team Kinder- und Jugendhaus Horizont (Demo)" in page
    assert "Die verbundenen Einträge selbst bleiben erhalten." in page
    response = post_form(coordinator, f"/akteure/{horizont}/loeschen", {})
    assert response.status_code == 302
    assert coordinator.get(f"/akteure/{horizont}").status_code == 404
    cafe = coordinator.get(f"/angebote/{seed_uid('Offer', 'nachbarschaftscafe-duesternort')}").get_data(as_text=True)
    assert "Horizont" not in cafe.split("Verbindungen")[1].split("Änderungsverlauf")[0]


def test_links_can_be_removed_from_either_side(coordinator, seeded):
    index = link_index("COOPERATES_WITH", "actors", "actors")
    horizont, school = seed_uid("Actor", "horizont"), seed_uid("Actor", "sozialarbeit-schulen-duesternort")
    # stored as Horizont -> school; removed from the school's page
    response = post_form(coordinator, f"/akteure/{school}/verbindungen/{index}/out/{horizont}/entfernen", {})
    assert response.status_code == 302
    page = coordinator.get(f"/akteure/{horizont}").get_data(as_text=True)
    section = page[page.index(f'id="verbindung-{index}-out"'):]
    section = section[:section.index("<details>")]  # the linked entries, not the add-form's options
    assert "Sozialarbeit an Schulen Düsternort" not in section
    assert "Migrationsberatung Düsternort" in section
    assert "Verbindung entfernt" in page


def test_linking_an_entry_to_itself_is_refused(coordinator, seeded):
    horizont = seed_uid("Actor", "horizont")
    index = link_index("COOPERATES_WITH", "actors", "actors")
    response = post_form(coordinator, f"/akteure/{horizont}/verbindungen/{index}/out",
                         {f"l{index}out-other": "Horizont", f"l{index}out-other_uid": horizont})
    assert response.status_code == 400
    assert "nicht mit sich selbst" in response.get_data(as_text=True)


def test_members_read_but_cannot_edit(client, auth, users, seeded):
    auth.login(users["member"])
    horizont = seed_uid("Actor", "horizont")
    assert client.get("/akteure").status_code == 200
    assert client.get(f"/akteure/{horizont}").status_code == 200
    assert "Bearbeiten" not in client.get(f"/akteure/{horizont}").get_data(as_text=True)
    assert client.get("/akteure/neu").status_code == 403
    assert client.get(f"/akteure/{horizont}/bearbeiten").status_code == 403
    assert post_form(client, "/akteure/neu", {"name": "X", "kind": "school"}).status_code == 403
    assert post_form(client, f"/akteure/{horizont}/loeschen", {}).status_code == 403
    assert client.get("/import").status_code == 403
    assert client.get(f"/akteure/{horizont}").status_code == 200, "nothing was deleted"


def test_members_do_not_see_contact_details_or_who_knows_whom(client, auth, users, store):
    from netzwerk.register.model import KINDS
    register = client.application.extensions["netzwerk.register"]
    anna = register.create(KINDS["people"], {"name": "Anna Beispiel", "email": "anna@example.org",
                                             "phone": "0421 1234", "consent_note": "mündlich 2026"}, "test")
    ben = register.create(KINDS["people"], {"name": "Ben Beispiel"}, "test")
    from netzwerk.register.model import link_spec
    register.add_link(link_spec("KNOWS", "people", "people"), anna, ben, {"context": "Runder Tisch"}, "test")

    auth.login(users["member"])
    for url in (f"/personen/{anna}", "/personen", "/personen?format=csv"):
        body = client.get(url).get_data(as_text=True)
        assert "anna@example.org" not in body and "0421 1234" not in body and "mündlich" not in body, url
    assert "Ben Beispiel" not in client.get(f"/personen/{anna}").get_data(as_text=True)
    assert client.get("/export/netzwerk.json").status_code == 403
    auth.logout()

    auth.login(users["coordinator"])
    page = client.get(f"/personen/{anna}").get_data(as_text=True)
    assert "anna@example.org" in page and "Ben Beispiel" in page and "Runder Tisch" in page


def test_unknown_kinds_and_entries_are_404(coordinator, seeded):
    assert coordinator.get("/gibtsnicht/abc").status_code == 404
    assert coordinator.get("/akteure/00000000-0000-0000-0000-000000000000").status_code == 404
    # an offer's uid under the actors' URL is not found either
    assert coordinator.get(f"/akteure/{seed_uid('Offer', 'nachbarschaftscafe-duesternort')}").status_code == 404


def test_names_are_escaped_everywhere(coordinator):
    uid = create(coordinator, "akteure", name="<img src=x onerror=alert(1)>", kind="other")
    for url in (f"/akteure/{uid}", "/akteure"):
        html = coordinator.get(url).get_data(as_text=True)
        assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_exports_as_csv_and_xlsx(coordinator, seeded):
    response = coordinator.get("/angebote?format=csv&status=active")
    assert response.mimetype == "text/csv"
    text = response.get_data().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Name;Beschreibung;Handlungsfelder")
    assert "Nachbarschaftscafé Düsternort" in text and "Vorgartenprojekt" not in text
    response = coordinator.get("/akteure?format=xlsx")
    from io import BytesIO
    from openpyxl import load_workbook
    sheet = load_workbook(BytesIO(response.data)).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("Name", "Art") and len(rows) == 25
    assert "Kommunale Stelle" in [row[1] for row in rows], "values as people read them, not codes"


@pytest.mark.parametrize("slug, filters, expected", [
    ("akteure", {"actor_kind": "housing company"}, "WoGe Bremerhaven"),
    ("personen", {"actor": seed_uid("Actor", "lag-nds")}, "Johanna Klatt"),
    ("angebote", {"target_group": "volunteers"}, "Kommunale Flüchtlingsdialoge"),
    ("stadtteile", {"type": "Quartier", "district": seed_uid("District", "dortmund")}, "Lanstrop"),
    ("runde-tische", {"district": seed_uid("District", "bremerhaven")}, "Runder Tisch „Mit:Menschen“"),
    ("bedarfe", {"status": "open", "language": "de", "target_group": "migration-background",
                 "field": "language", "district": seed_uid("District", "duesternort")},
     "Ehrenamtlich organisierter Deutschkurs"),
])
def test_every_list_filters(coordinator, seeded, slug, filters, expected):
    from urllib.parse import urlencode
    html = coordinator.get(f"/{slug}?{urlencode(filters)}").get_data(as_text=True)
    rows = re.findall(r'<th scope="row"><a [^>]+>([^<]+)</a>', html)
    assert [expected] == [r.replace("&#34;", '"') for r in rows] or expected in rows, rows
    for name, value in filters.items():  # the chosen filter stays selected (or typed, with its uid)
        assert f'value="{value}" selected' in html or f'name="{name}" value="{value}"' in html


def test_round_tables_and_needs_are_created_and_linked(coordinator, seeded):
    table = create(coordinator, "runde-tische", name="Runder Tisch Lanstrop", rhythm="vierteljährlich",
                   purpose="Austausch der Einrichtungen im Quartier")
    link(coordinator, "runde-tische", table, link_index("MEMBER_OF", "actors", "round_tables"), "in",
         seed_uid("Actor", "juki-treff-lanstrop"))
    need = create(coordinator, "bedarfe", name="Sprachcafé in Lanstrop", status="open", field="Sprache",
                  language="Arabisch", reported_at="2026-11-22")
    link(coordinator, "bedarfe", need, link_index("REPORTED_BY", "needs", "round_tables"), "out", table)
    page = coordinator.get(f"/runde-tische/{table}").get_data(as_text=True)
    assert "JuKi-Treff Lanstrop" in page and "Sprachcafé in Lanstrop" in page
    html = coordinator.get("/runde-tische").get_data(as_text=True)
    assert re.search(r"Runder Tisch Lanstrop</a></th>\s*<td[^>]*>vierteljährlich</td>\s*<td[^>]*>1</td>", html)


def test_the_register_speaks_english_on_request(coordinator, seeded):
    from ..conftest import csrf_token
    token = csrf_token(coordinator.get("/akteure").get_data(as_text=True))
    coordinator.post("/sprache", data={"csrf_token": token, "lang": "en", "next": "/akteure"})
    html = coordinator.get("/akteure").get_data(as_text=True)
    assert "<h1>Actors" in html and "Create new" in html and "Youth centre" in html
    detail = coordinator.get(f"/akteure/{seed_uid('Actor', 'horizont')}").get_data(as_text=True)
    assert "Change history" in detail and "cooperates with" in detail


def test_members_see_no_private_fields_or_links_in_the_history(app, coordinator, users):
    """Finding 3: a member saw that a "kennt" link was added, and the private field names."""
    anna = create(coordinator, "personen", name="Anna Beispiel", email="anna@example.org", phone="0421 1")
    ben = create(coordinator, "personen", name="Ben Beispiel")
    link(coordinator, "personen", anna, link_index("KNOWS", "people", "people"), "out", ben, since="2016")
    coordinator_view = coordinator.get(f"/personen/{anna}").get_data(as_text=True)
    history = coordinator_view[coordinator_view.index("Änderungsverlauf"):]
    assert "kennt" in history and "E-Mail" in history, "coordinators see everything"
    assert "name_key" not in history and "search" not in history, "derived search keys are no fields"

    member = app.test_client()
    from ..conftest import Browserless
    Browserless(member).login(users["member"])
    page = member.get(f"/personen/{anna}").get_data(as_text=True)
    history = page[page.index("Änderungsverlauf"):]
    assert "kennt" not in history and "E-Mail" not in history and "Telefon" not in history
    assert "angelegt: Name" in history


def test_linking_by_type_ahead_and_by_typed_name(coordinator, seeded):
    horizont = seed_uid("Actor", "horizont")
    suggestions = coordinator.get("/stadtteile/vorschlaege?q=dusternort").get_json()
    assert suggestions[0] == {"uid": seed_uid("District", "duesternort"), "name": "Düsternort"}
    assert coordinator.get("/stadtteile/vorschlaege?q=").get_json() == []
    page = coordinator.get(f"/akteure/{horizont}").get_data(as_text=True)
    assert page.count("<option") < 10, "no select of every entry (only the language menu): small at any size"
    assert 'data-suggest="/stadtteile/vorschlaege"' in page and "suggest.js" in page

    index = link_index("ACTIVE_IN", "actors", "districts")
    prefix = f"l{index}out-"
    # without the script: the typed name is resolved on the server, umlauts and case forgiven
    post_form(coordinator, f"/akteure/{horizont}/verbindungen/{index}/out", {prefix + "other": "LANSTROP"})
    assert "Lanstrop" in coordinator.get(f"/akteure/{horizont}").get_data(as_text=True)
    response = post_form(coordinator, f"/akteure/{horizont}/verbindungen/{index}/out",
                         {prefix + "other": "Nirgendwo"})
    assert "„Nirgendwo“ ist kein Eintrag unter „Stadtteile“" in coordinator.get(
        response.headers["Location"]).get_data(as_text=True)


def test_removing_a_link_asks_first(coordinator, seeded):
    horizont, duesternort = seed_uid("Actor", "horizont"), seed_uid("District", "duesternort")
    index = link_index("ACTIVE_IN", "actors", "districts")
    url = f"/akteure/{horizont}/verbindungen/{index}/out/{duesternort}/entfernen"
    question = coordinator.get(url).get_data(as_text=True)
    assert "Verbindung entfernen?" in question and "Düsternort" in question
    assert "Düsternort" in coordinator.get(f"/akteure/{horizont}").get_data(as_text=True), "nothing removed yet"
    post_form(coordinator, url, {}, token_from=url)
    detail = coordinator.get(f"/akteure/{horizont}").get_data(as_text=True)
    section = detail[detail.index(f'id="verbindung-{index}-out"'):]
    assert "Düsternort" not in section[:section.index("</section>")]


def test_create_forms_carry_the_main_links(coordinator, seeded):
    """Caritas Dortmund active in Innenstadt-Nord, its offer, its contact person: in one go each."""
    nordstadt = seed_uid("District", "do-innenstadt-nord")
    caritas = create(coordinator, "akteure", name="Caritas Dortmund", kind="welfare association",
                     link_districts="innenstadt-nord (nordstadt)")  # typed, resolved on the server
    offer = create(coordinator, "angebote", name="Sprachcafé Arabisch", status="active", languages=["ar"],
                   link_providers="Caritas Dortmund", link_districts="Innenstadt-Nord (Nordstadt)",
                   link_districts_uid=nordstadt)
    person = create(coordinator, "personen", name="Team Migrationsdienst (Demo)", link_actors="caritas dortmund")
    page = coordinator.get(f"/akteure/{caritas}").get_data(as_text=True)
    assert "Innenstadt-Nord (Nordstadt)" in page and "Sprachcafé Arabisch" in page
    assert "Team Migrationsdienst (Demo)" in page
    history = page[page.index("Änderungsverlauf"):]
    assert "Verbindung „ist aktiv in“ hinzugefügt: Caritas Dortmund → Innenstadt-Nord (Nordstadt)" in history
    area = coordinator.get(f"/angebote?district={seed_uid('District', 'dortmund')}&language=ar").get_data(as_text=True)
    assert "Sprachcafé Arabisch" in area, "found through the city's hierarchy and the language filter"
    assert offer and person


def test_an_offer_needs_a_provider_or_a_district(coordinator, seeded):
    response = post_form(coordinator, "/angebote/neu", {"name": "Irgendwo", "status": "active"})
    assert response.status_code == 400
    assert "Ein Angebot braucht einen Anbieter oder einen Stadtteil" in response.get_data(as_text=True)
    response = post_form(coordinator, "/angebote/neu", {"name": "Irgendwo", "status": "active",
                                                        "link_districts": "Nirgendwo"})
    assert response.status_code == 400 and "„Nirgendwo“ ist kein Eintrag unter „Stadtteile“" in response.get_data(as_text=True)
    assert "Irgendwo" not in coordinator.get("/angebote?q=irgendwo").get_data(as_text=True).split("<main")[1], \
        "nothing was saved"


def test_the_add_link_forms_carry_this_entrys_url_and_this_sessions_token(coordinator, seeded):
    """The empty add-link forms are rendered once per language and filled in per page: each page
    must still post to its own entry, with the token of the session that sees it."""
    import re
    horizont = seed_uid("Actor", "horizont")
    index = link_index("ACTIVE_IN", "actors", "districts")
    for uid in (horizont, seed_uid("Actor", "lag-nds")):
        page = coordinator.get(f"/akteure/{uid}").get_data(as_text=True)
        assert f'action="/akteure/{uid}/verbindungen/{index}/out"' in page
        tokens = set(re.findall(r'name="[^"]*csrf_token" (?:type="hidden" )?value="([^"]+)"', page))
        assert len(tokens) == 1 and "placeholder" not in page
    form_token = re.search(rf'name="l{index}out-csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
    response = coordinator.post(f"/akteure/{uid}/verbindungen/{index}/out",
                                data={f"l{index}out-csrf_token": form_token, f"l{index}out-other": "Lanstrop"})
    assert response.status_code == 302
    assert "Lanstrop" in coordinator.get(f"/akteure/{uid}").get_data(as_text=True)


def test_detail_pages_read_as_prose_in_german_and_english(coordinator, auth):
    """Issue 7: headings read alike, link properties as a phrase ("gut bekannt · seit 2018 ·
    Expert/innenrunde 2016", not "Wie gut: gut"), and no "Demo-Ergänzung: nein" row."""
    c = coordinator
    anna = create(c, "personen", name="Anna Beispiel", function="Quartiersarbeit")
    ben = create(c, "personen", name="Ben Beispiel", function="Beratung")
    link(c, "personen", anna, link_index("KNOWS", "people", "people"), "out", ben,
         since="2018", context="Expert/innenrunde 2016", strength="2")
    actor = create(c, "akteure", name="Caritas Beispiel", kind="welfare association")
    need = create(c, "bedarfe", name="Mehr Sprachkurse", status="open")
    link(c, "bedarfe", need, link_index("REPORTED_BY", "needs", "actors"), "out", actor)

    html = c.get(f"/personen/{anna}").get_data(as_text=True)
    assert "gut bekannt · seit 2018 · Expert/innenrunde 2016" in html
    assert "Wie gut:" not in html and "seit:" not in html
    properties = html.split('<dl class="properties">')[1].split("</dl>")[0]
    assert "Demo-Ergänzung" not in properties, "the demo flag shows as a notice only, when true"
    actor_page = c.get(f"/akteure/{actor}").get_data(as_text=True)
    assert "gemeldete Bedarfe" in actor_page and "ist aktiv in" in actor_page
    assert "ist Mitglied in" in actor_page and "meldete Bedarf" not in actor_page.replace("gemeldete Bedarfe", "")

    post_form(c, "/sprache", {"lang": "en", "next": f"/personen/{anna}"})
    english = c.get(f"/personen/{anna}").get_data(as_text=True)
    assert "well acquainted · since 2018 · Expert/innenrunde 2016" in english
    actor_english = c.get(f"/akteure/{actor}").get_data(as_text=True)
    assert "reported needs" in actor_english and "is a member of" in actor_english


def test_the_actor_filter_of_people_is_typed_with_suggestions_not_a_select_of_every_actor(coordinator):
    c = coordinator
    caritas = create(c, "akteure", name="Caritas Dortmund", kind="welfare association")
    create(c, "akteure", name="Diakonie Dortmund", kind="welfare association")
    create(c, "personen", name="Erika Beispiel", link_actors="Caritas Dortmund", link_actors_uid=caritas)
    create(c, "personen", name="Max Muster")

    everyone = c.get("/personen").get_data(as_text=True)
    assert 'id="filter-actor"' in everyone and '<select id="filter-actor"' not in everyone
    assert "Diakonie Dortmund" not in everyone, "actors come from the type-ahead, not a list of all"
    assert 'data-suggest="/akteure/vorschlaege"' in everyone and "suggest.js" in everyone

    picked = c.get(f"/personen?actor={caritas}").get_data(as_text=True)  # the script sends the uid
    assert "Erika Beispiel" in picked and "Max Muster" not in picked
    assert 'value="Caritas Dortmund"' in picked, "the chosen actor's name stays in the box"

    typed = c.get("/personen?actor_name=caritas+dortmund").get_data(as_text=True)  # without the script
    assert "Erika Beispiel" in typed and "Max Muster" not in typed
    assert f'name="actor" value="{caritas}"' in typed
    assert "Erika Beispiel" in c.get("/personen?actor_name=caritas+dortmund&format=csv").get_data(as_text=True)

    unknown = c.get("/personen?actor_name=Nordstadtverein").get_data(as_text=True)
    assert "„Nordstadtverein“ ist kein Eintrag unter „Akteure“" in unknown
    assert "Der Filter ist nicht angewandt." in unknown and 'aria-invalid="true"' in unknown
    assert "Erika Beispiel" in unknown and "Max Muster" in unknown
