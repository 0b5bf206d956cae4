"""/kennzahlen: key figures recomputed from the graph, each linking to its list; coordinators and admins."""
import re

from netzwerk.dashboard.service import key_figures, trend


def figure(html, name):
    return re.search(rf'<a id="figure-{name}" href="([^"]+)">([^<]+)</a>', html).groups()


def test_only_coordinators_and_admins(client, auth, users, seeded):
    auth.login(users["member"])
    assert client.get("/kennzahlen").status_code == 403
    assert 'href="/kennzahlen"' not in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login(users["coordinator"])
    assert 'href="/kennzahlen"' in client.get("/").get_data(as_text=True)
    assert client.get("/kennzahlen").status_code == 200


def test_each_figure_matches_the_list_behind_it(client, auth, users, seeded):
    auth.login(users["admin"])
    html = client.get("/kennzahlen").get_data(as_text=True)
    for name, count_of in (("actors", "akteure"), ("offers", "angebote"), ("needs", "bedarfe")):
        link, shown = figure(html, name)
        listed = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
        assert link.startswith(f"/{count_of}")
        total = re.search(r"<small>\((\d+)\)</small></h1>", listed)
        assert total and int(total.group(1)) == int(shown), name
    assert figure(html, "actors")[1] == "24" and figure(html, "needs")[1] == "4"
    # counselling: the Stadtbezirke with an active counselling offer, as /luecken counts them
    row = re.search(r'<tr data-field="counselling">(.*?)</tr>', html, re.S).group(1)
    assert re.search(r'>\s*\d+\s*</a>', row)
    assert "/luecken?field=counselling&amp;level=Stadtbezirk" in row
    # the demo's internal network meeting in March 2027: 30 places, none taken yet
    event = re.search(r'<tr data-event="[^"]+">(.*?)</tr>', html, re.S)
    assert event is not None and "0 %" in html


def test_key_figures_on_a_hand_built_graph(store):
    now = "2026-11-23T10:00:00"
    store.write("graph/merge_districts", now=now, rows=[
        {"uid": u, "by": "t", "props": {"name": u, "type": t}} for u, t in (("C", "city"), ("B1", "Stadtbezirk"),
                                                                          ("B2", "Stadtbezirk"), ("Q", "Quartier"))])
    store.write("graph/merge_part_of", links=[{"from": "B1", "to": "C"}, {"from": "B2", "to": "C"}, {"from": "Q", "to": "B1"}])
    store.write("graph/merge_actors", now=now, rows=[
        {"uid": "a1", "by": "t", "props": {"name": "A1", "kind": "other", "created_at": "2026-09-03T10:00:00"}},
        {"uid": "a2", "by": "t", "props": {"name": "A2", "kind": "other", "created_at": "2026-11-01T10:00:00"}}])
    store.write("graph/merge_offers", now=now, rows=[
        {"uid": "o1", "by": "t", "props": {"name": "O1", "status": "active", "fields": ["counselling", "housing"],
                                           "created_at": "2026-10-10T10:00:00"}},
        {"uid": "o2", "by": "t", "props": {"name": "O2", "status": "ended", "fields": ["counselling"],
                                           "created_at": "2026-10-10T10:00:00"}}])
    store.write("graph/merge_offer_in", links=[{"from": "o1", "to": "Q"}, {"from": "o2", "to": "B2"}])
    store.write("graph/merge_needs", now=now, rows=[
        {"uid": "n1", "by": "t", "props": {"name": "N1", "status": "open", "reported_at": "2026-11-13"}},
        {"uid": "n2", "by": "t", "props": {"name": "N2", "status": "met", "reported_at": "2026-11-01"}},
        {"uid": "n3", "by": "t", "props": {"name": "N3", "status": "open", "reported_at": "2026-10-24"}}])
    from datetime import date
    figures = key_figures(store, date(2026, 11, 23), now)
    assert figures["actors"] == 2 and figures["active_offers"] == 1 and figures["open_needs"] == 2
    fields = {row["code"]: row["offers"] for row in figures["offers_by_field"]}
    assert fields["counselling"] == 1 and fields["housing"] == 1 and fields["language"] == 0
    coverage = {row["code"]: (row["covered"], row["share"]) for row in figures["coverage"]}
    assert coverage["counselling"] == (1, 0.5), "B1 through its Quartier; the ended offer in B2 does not count"
    assert figures["open_needs_median_days"] == 20 and figures["open_needs_oldest_days"] == 30
    months = {row["month"]: row for row in figures["trend"]}
    assert len(figures["trend"]) == 12 and figures["trend"][-1]["month"] == "2026-11"
    assert [months[m]["actors"] for m in ("2026-08", "2026-09", "2026-10", "2026-11")] == [0, 1, 1, 2]
    assert [months[m]["active_offers"] for m in ("2026-09", "2026-10", "2026-11")] == [0, 1, 1]
    assert (months["2026-11"]["needs_reported"], months["2026-11"]["needs_open"]) == (2, 1)
    assert (months["2026-10"]["needs_reported"], months["2026-10"]["needs_open"]) == (1, 1)
    store.write("register/set_entry_props", rows=[{"uid": "o1", "props": {"status": "paused"}}])
    again = key_figures(store, date(2026, 11, 23), now)
    assert {row["code"]: row["covered"] for row in again["coverage"]}["counselling"] == 0


def test_the_trend_crosses_the_new_year():
    rows = [{"series": "actors", "month": "2025-12", "status": "", "created": 3}]
    result = trend(rows, ["2025-11", "2025-12", "2026-01"])
    assert [row["actors"] for row in result] == [0, 3, 3]
