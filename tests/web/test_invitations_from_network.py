"""Invitation-only events, invited from the graph: filters (district with its parts, field of
action, round table, "knows someone in", the last for coordinators and admins only), the list
before sending, people without an e-mail listed as not invitable, one personal link per person
through the outbox, only invitees register, and the invitations tracked."""
import re

import pytest

from ..conftest import Browserless, csrf_token, raw_rows
from ..registration_helpers import form_of, make_event

# Hannover > Linden-Limmer > Linden-Nord; Lüneburg elsewhere
NETWORK = """
CREATE (city:District:Entry {uid: 'd-h', name: 'Hannover', name_key: 'hannover'})
CREATE (bezirk:District:Entry {uid: 'd-ll', name: 'Linden-Limmer', name_key: 'linden-limmer'})
CREATE (quartier:District:Entry {uid: 'd-ln', name: 'Linden-Nord', name_key: 'linden-nord'})
CREATE (lg:District:Entry {uid: 'd-lg', name: 'Lüneburg', name_key: 'luneburg'})
CREATE (bezirk)-[:PART_OF]->(city), (quartier)-[:PART_OF]->(bezirk)
CREATE (fz:Actor:Entry {uid: 'a-fz', name: 'Freizeitheim Linden', name_key: 'freizeitheim linden', fields: ['neighbourhood-culture']})
CREATE (mb:Actor:Entry {uid: 'a-mb', name: 'Migrationsberatung Lüneburg', name_key: 'migrationsberatung luneburg', fields: ['counselling']})
CREATE (fz)-[:ACTIVE_IN]->(quartier), (mb)-[:ACTIVE_IN]->(lg)
CREATE (rt:RoundTable:Entry {uid: 'rt-lw', name: 'lokal willkommen Linden', name_key: 'lokal willkommen linden'})
CREATE (rt)-[:ACTIVE_IN]->(bezirk), (fz)-[:MEMBER_OF]->(rt)
CREATE (ada:Person:Entry {uid: 'p-ada', name: 'Ada Arslan', name_key: 'ada arslan', email: 'ada@example.org'})
CREATE (ben:Person:Entry {uid: 'p-ben', name: 'Ben Brandt', name_key: 'ben brandt'})
CREATE (cem:Person:Entry {uid: 'p-cem', name: 'Cem Celik', name_key: 'cem celik', email: 'cem@example.org'})
CREATE (dora:Person:Entry {uid: 'p-dora', name: 'Dora Dietz', name_key: 'dora dietz', email: 'dora@example.org'})
CREATE (ada)-[:WORKS_AT]->(fz), (ben)-[:WORKS_AT]->(fz), (cem)-[:WORKS_AT]->(mb)
CREATE (rt)-[:CONTACT_PERSON]->(dora)
CREATE (cem)-[:KNOWS]->(ada)
"""


@pytest.fixture
def network(app, store, users):
    raw_rows(store, NETWORK)
    make_event(store, uid="ev-inv", visibility="invitation", capacity=10)
    app.extensions["netzwerk.registrations"].add_organiser("ev-inv", users["organiser"])
    return app.extensions["netzwerk.registrations"]


def names(rows):
    return [row["name"] for row in rows]


def test_filters_district_with_its_parts_field_round_table_and_knows(network):
    candidates = network.invitation_candidates
    # everyone: Ben has no e-mail and is listed as not invitable
    everyone = {row["name"]: row for row in candidates("ev-inv")}
    assert list(everyone) == ["Ada Arslan", "Ben Brandt", "Cem Celik", "Dora Dietz"]
    assert not everyone["Ben Brandt"]["invitable"] and everyone["Ada Arslan"]["invitable"]
    assert everyone["Ada Arslan"]["actors"] == ["Freizeitheim Linden"]
    # the city takes in its Stadtbezirk and Quartier: the actor's people and the round table's contact
    assert names(candidates("ev-inv", district="d-h")) == ["Ada Arslan", "Ben Brandt", "Dora Dietz"]
    assert names(candidates("ev-inv", district="d-ln")) == ["Ada Arslan", "Ben Brandt"]
    assert names(candidates("ev-inv", district="d-lg")) == ["Cem Celik"]
    assert names(candidates("ev-inv", field="counselling")) == ["Cem Celik"]
    # the round table's contact person, and the people of its member actors
    assert names(candidates("ev-inv", round_table="rt-lw")) == ["Ada Arslan", "Ben Brandt", "Dora Dietz"]
    assert names(candidates("ev-inv", round_table="rt-lw", field="neighbourhood-culture")) == ["Ada Arslan", "Ben Brandt"]
    # KNOWS either way: Cem knows Ada at the Freizeitheim, and Ada knows Cem at the Migrationsberatung
    assert names(candidates("ev-inv", knows="a-fz", with_knows=True)) == ["Cem Celik"]
    assert names(candidates("ev-inv", knows="a-mb", with_knows=True)) == ["Ada Arslan"]
    assert names(candidates("ev-inv", knows="a-mb", district="d-lg", with_knows=True)) == []
    # e-mails only for those who may read contacts
    assert "email" not in everyone["Ada Arslan"]
    assert candidates("ev-inv", with_contacts=True)[0]["email"] == "ada@example.org"


def test_who_may_invite_and_filter_by_knows(app, network, users):
    page = "/veranstaltungen/ev-inv/einladungen/netzwerk?show=1"
    organiser = app.test_client()
    Browserless(organiser).login(users["organiser"])
    html = organiser.get(page).get_data(as_text=True)
    assert "Ada Arslan" in html and "ada@example.org" not in html  # contacts are private
    assert 'name="knows"' not in html
    assert "keine E-Mail – nicht einladbar" in html
    assert organiser.get(page + "&knows=a-fz").status_code == 403  # KNOWS is private
    coordinator = app.test_client()
    Browserless(coordinator).login(users["coordinator"])
    html = coordinator.get(page + "&knows=a-fz").get_data(as_text=True)
    assert 'name="knows"' in html and "cem@example.org" in html and "Ada Arslan" not in html
    # per event: an organiser of another event learns nothing, members may not
    make_event(network.store, uid="ev-other", visibility="invitation")
    assert organiser.get("/veranstaltungen/ev-other/einladungen/netzwerk?show=1").status_code == 404
    member = app.test_client()
    Browserless(member).login(users["member"])
    assert member.get(page).status_code == 403


def test_invite_from_the_list_only_invitees_register_and_the_states_are_tracked(app, network, users, store):
    organiser = app.test_client()
    Browserless(organiser).login(users["organiser"])
    listed = organiser.get("/veranstaltungen/ev-inv/einladungen/netzwerk?district=d-h&show=1").get_data(as_text=True)
    # the list before sending: the invitable ones are ticked, Ben has no box
    ticked = re.findall(r'name="person" value="([^"]+)"[^>]*checked', listed)
    assert sorted(ticked) == ["p-ada", "p-dora"]
    response = organiser.post("/veranstaltungen/ev-inv/einladungen/netzwerk", data={
        "csrf_token": csrf_token(listed), "district": "d-h", "person": ["p-ada", "p-ben", "p-dora", "p-cem"]})
    assert response.status_code == 302
    # Ben (no e-mail) and Cem (not in this list) are skipped; each invitee has one message
    messages = raw_rows(store, "MATCH (m:Message {kind: 'invitation'}) RETURN m.to_email AS to, m.secret_link AS link "
                               "ORDER BY m.to_email")
    assert [m["to"] for m in messages] == ["ada@example.org", "dora@example.org"]
    assert len({m["link"] for m in messages}) == 2
    # sending again invites nobody twice
    again = organiser.get("/veranstaltungen/ev-inv/einladungen/netzwerk?district=d-h&show=1").get_data(as_text=True)
    assert "eingeladen: gesendet" in again and 'name="person"' not in again
    network.invite_people("ev-inv", ["p-ada"], lambda token: "x", "test")
    assert len(raw_rows(store, "MATCH (i:Invitation) RETURN i.uid AS uid")) == 2

    public = app.test_client()
    assert public.get("/veranstaltungen/ev-inv/anmeldung").status_code == 403  # only invitees
    ada = messages[0]["link"].split("localhost", 1)[1]
    dora = messages[1]["link"].split("localhost", 1)[1]
    assert public.get(ada).status_code == 200  # opened
    query = "?" + ada.split("?", 1)[1]
    data = {**form_of(public, "ev-inv", query), "name": "Ada Arslan", "email": "ada@example.org", "consent": "y"}
    assert public.post("/veranstaltungen/ev-inv/anmeldung", data=data).status_code == 302
    form = public.get(dora).get_data(as_text=True)
    public.post("/veranstaltungen/ev-inv/einladung/absagen",
                data={"csrf_token": csrf_token(form), "invitation": dora.split("einladung=", 1)[1]})
    states = {row["name"]: row["status"] for row in network.invitations("ev-inv")}
    assert states == {"Ada Arslan": "registered", "Dora Dietz": "declined"}
    page = organiser.get("/veranstaltungen/ev-inv/einladungen").get_data(as_text=True)
    assert "angemeldet" in page and "nicht angenommen" in page and "ada@example.org" not in page
    # a person sent a link by someone else still cannot register without one of their own
    assert public.post("/veranstaltungen/ev-inv/anmeldung",
                       data={**data, "invitation": "", "email": "eve@example.org"}).status_code == 403
