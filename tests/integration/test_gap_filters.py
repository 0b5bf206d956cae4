"""The gap question's filters, urgency and the coverage matrix on a small hand-built graph, on
both engines (the same expectations on each: equal results).

    city Stadt
      Bezirk A (pop 1000) › Quartier A1 (Abendcafé), A2
      Bezirk B (pop 5000) › Quartier B1 (Morgenberatung)
      Bezirk C (no population; an ended offer)
      Bezirk D (pop 2000; Nachmittagstreff)
      Bezirk E (no population; an offer without times)
      Bezirk F (no population)
    NEIGHBOURS in a line: A - B - C - D - E - F
"""
import pytest

from netzwerk.gaps.service import MatrixQuestion, Question, coverage_matrix, uncovered_districts

NOW = "2026-11-23T00:00:00"
OFFERS = {
    # uid: (district, props, provider)
    "o1": ("a1", dict(name="Abendcafé", fields=["language"], target_groups=["refugees"], languages=["ar", "de"],
                      weekdays=["tue"], time_from="18:00", time_to="20:00", cost="free",
                      access_notes=["barrier-free"], status="active"), "verein"),
    "o2": ("b1", dict(name="Morgenberatung", fields=["counselling"], target_groups=["families"], languages=["de"],
                      weekdays=["mon"], time_from="09:00", time_to="12:30", cost="fee", status="active"), "amt"),
    "o3": ("d", dict(name="Nachmittagstreff", fields=["language"], target_groups=["youth"], languages=["tr"],
                     weekdays=["wed"], time_from="14:00", time_to="16:00", cost="free",
                     access_notes=["childcare"], status="active"), "jugend"),
    "o4": ("c", dict(name="Beendeter Kurs", fields=["language"], target_groups=["refugees"], languages=["ar"],
                     weekdays=["tue"], time_from="18:00", cost="free", access_notes=["barrier-free"],
                     status="ended"), "verein"),
    "o5": ("e", dict(name="Beratung nach Vereinbarung", fields=["counselling"], languages=["de"], cost="free",
                     status="active"), None),
}
ACTORS = {"verein": ("Verein X", "association", ["language"], "a1", "active"),
          "amt": ("Amt Y", "city office", ["counselling"], "b", "active"),
          "jugend": ("Jugendhaus Z", "youth centre", ["language"], "d", "planned")}
NEEDS = [("n1", "c", dict(field="language", target_group="refugees", language="ar", status="open")),
         ("n2", "c", dict(field="language", target_group="youth", language="tr", status="open")),
         ("n3", "c", dict(field="counselling", target_group="seniors", language="de", status="open")),
         ("n4", "e", dict(field="language", target_group="refugees", language="ar", status="met")),
         ("n5", "a2", dict(field="language", target_group="refugees", language="ar", status="open"))]


@pytest.fixture
def city(store):
    districts = [("stadt", "Stadt", "city", None, None)] + [
        (code.lower(), f"Bezirk {code}", "Stadtbezirk", population, "stadt")
        for code, population in (("A", 1000), ("B", 5000), ("C", None), ("D", 2000), ("E", None), ("F", None))
    ] + [("a1", "Quartier A1", "Quartier", None, "a"), ("a2", "Quartier A2", "Quartier", None, "a"),
         ("b1", "Quartier B1", "Quartier", None, "b")]
    store.write("graph/merge_districts", now=NOW, rows=[
        {"uid": uid, "by": "test", "props": {"name": name, "type": type_, "population": population}}
        for uid, name, type_, population, _ in districts])
    store.write("graph/merge_part_of", links=[{"from": uid, "to": parent} for uid, *_, parent in districts if parent])
    store.write("graph/merge_neighbours", links=[{"from": a, "to": b} for a, b in
                                                 (("a", "b"), ("c", "b"), ("c", "d"), ("d", "e"), ("f", "e"))])
    store.write("graph/merge_actors", now=NOW, rows=[
        {"uid": uid, "by": "test", "props": {"name": name, "kind": kind, "fields": fields}}
        for uid, (name, kind, fields, _, _) in ACTORS.items()])
    store.write("graph/merge_active_in", links=[{"from": uid, "to": district, "status": status}
                                                for uid, (_, _, _, district, status) in ACTORS.items()])
    store.write("graph/merge_offers", now=NOW, rows=[{"uid": uid, "by": "test", "props": props}
                                                     for uid, (_, props, _) in OFFERS.items()])
    store.write("graph/merge_offer_in", links=[{"from": uid, "to": district} for uid, (district, _, _) in OFFERS.items()])
    store.write("graph/merge_offered_by", links=[{"from": provider, "to": uid}
                                                 for uid, (_, _, provider) in OFFERS.items() if provider])
    store.write("graph/merge_needs", now=NOW, rows=[{"uid": uid, "by": "test", "props": {"name": uid, **props}}
                                                    for uid, _, props in NEEDS])
    store.write("graph/merge_need_in", links=[{"from": uid, "to": district} for uid, district, _ in NEEDS])
    return store


def covered(store, **question):
    answer = uncovered_districts(store, Question(area="stadt", **question))
    return sorted(district["name"][-1] for district in answer["covered"])


def gaps(store, **question):
    return [(gap["name"][-1], gap["open_needs"], gap["distance"])
            for gap in uncovered_districts(store, Question(area="stadt", **question))["gaps"]]


def test_every_filter_alone(city):
    assert covered(city) == ["A", "B", "D", "E"], "the ended offer in C does not count"
    # time of day: the hours overlap the window (morning < 12, afternoon 12-17, evening >= 17);
    # an offer without hours fits no window
    assert covered(city, time_of_day="morning") == ["B"]
    assert covered(city, time_of_day="afternoon") == ["B", "D"], "09:00-12:30 reaches into the afternoon"
    assert covered(city, time_of_day="evening") == ["A"]
    assert covered(city, cost="free") == ["A", "D", "E"]
    assert covered(city, cost="fee") == ["B"]
    assert covered(city, access="barrier-free") == ["A"]
    assert covered(city, access="childcare") == ["D"]
    assert covered(city, access="interpreting") == []
    # the kind of one of the offer's providers
    assert covered(city, actor_kind="association") == ["A"]
    assert covered(city, actor_kind="youth centre") == ["D"]
    assert covered(city, actor_kind="school") == []
    assert covered(city, field="language") == ["A", "D"]
    assert covered(city, target_group="families") == ["B"]
    assert covered(city, language="ar") == ["A"]
    assert covered(city, weekday="wed") == ["D"]


def test_filters_combined(city):
    assert covered(city, field="language", time_of_day="evening", cost="free", access="barrier-free",
                   actor_kind="association", language="ar", weekday="tue", target_group="refugees") == ["A"]
    # one filter that does not fit empties the answer
    assert covered(city, field="language", time_of_day="evening", cost="fee") == []
    assert covered(city, field="language", actor_kind="city office") == []
    assert covered(city, cost="free", time_of_day="afternoon") == ["D"]
    assert covered(city, cost="free", access="childcare", actor_kind="youth centre", time_of_day="afternoon") == ["D"]


def test_actor_questions_take_the_field_and_the_kind(city):
    assert covered(city, subject="actors") == ["A", "B"], "a planned actor covers nothing"
    assert covered(city, subject="actors", actor_kind="association") == ["A"]
    assert covered(city, subject="actors", actor_kind="city office", field="counselling") == ["B"]
    assert covered(city, subject="actors", actor_kind="city office", field="language") == []
    answer = uncovered_districts(city, Question(area="stadt", subject="actors", actor_kind="youth centre"))
    planned = {gap["name"]: [entry["name"] for entry in gap["planned"]] for gap in answer["gaps"]}
    assert planned["Bezirk D"] == ["Jugendhaus Z"]
    # offer filters do not apply to actors, and the question says which it ignored
    question = Question(area="stadt", subject="actors", cost="free", time_of_day="evening", field="language")
    assert question.ignored() == ["time_of_day", "cost"]
    assert covered(city, subject="actors", cost="free", time_of_day="evening", field="language") == ["A"]


def test_urgency_counts_fitting_open_needs_only(city):
    # field language: C has two open language needs (the met one in E and the one in A2, covered, do not
    # count); then population (B), then the farther nearest offer (F two hops from D, E one)
    assert gaps(city, field="language") == [("C", 2, 1), ("B", 0, 1), ("F", 0, 2), ("E", 0, 1)]
    # with the target group too, only the need with the same codes counts
    assert gaps(city, field="language", target_group="refugees")[0] == ("C", 1, 2)
    assert gaps(city, field="language", target_group="refugees", language="tr")[0][1] == 0
    # no filter: every open need counts
    assert gaps(city)[0] == ("C", 3, 1)


def test_urgency_by_distance_to_the_nearest_fitting_offer(city):
    # only B fits; no needs: population first (D 2000, A 1000), then the farther nearest offer
    # (F is 4 hops away: beyond the bound of 3, so the most urgent), then the name
    assert gaps(city, target_group="families") == [("D", 0, 2), ("A", 0, 1), ("F", 0, None), ("E", 0, 3),
                                                   ("C", 0, 1)]


def test_nothing_fits_and_everything_fits(city):
    assert covered(city, language="so") == []
    assert [gap[0] for gap in gaps(city, language="so")] == ["B", "D", "A", "C", "E", "F"]
    assert all(gap[2] is None for gap in gaps(city, language="so"))
    answer = uncovered_districts(city, Question(area="stadt", level="Quartier"))
    assert [d["name"] for d in answer["covered"]] == ["Quartier A1", "Quartier B1"]
    assert [gap["name"] for gap in answer["gaps"]] == ["Quartier A2"]
    assert answer["gaps"][0]["open_needs"] == 1


def test_coverage_matrix(city):
    matrix = coverage_matrix(city, MatrixQuestion(area="stadt"))
    codes = [column["code"] for column in matrix["columns"]]
    assert codes[:3] == ["social-infrastructure", "neighbourhood-culture", "living-together"]
    table = {row["name"][-1]: {cell["code"]: cell["count"] for cell in row["cells"] if cell["count"]}
             for row in matrix["rows"]}
    assert table == {"A": {"language": 1}, "B": {"counselling": 1}, "C": {}, "D": {"language": 1},
                     "E": {"counselling": 1}, "F": {}}
    assert [row["total"] for row in matrix["rows"]] == [1, 1, 0, 1, 1, 0]
    assert matrix["empty"] == 6 * len(codes) - 4
    # other columns, and a filter
    weekdays = coverage_matrix(city, MatrixQuestion(area="stadt", columns="weekday", field="language"))
    assert {row["name"][-1]: [c["code"] for c in row["cells"] if c["count"]] for row in weekdays["rows"]} == {
        "A": ["tue"], "B": [], "C": [], "D": ["wed"], "E": [], "F": []}
    # a filter on the columns' own vocabulary is not applied (it would blank the other columns)
    languages = coverage_matrix(city, MatrixQuestion(area="stadt", columns="language", language="ar"))
    assert {row["name"][-1]: row["total"] for row in languages["rows"]} == {
        "A": 1, "B": 1, "C": 0, "D": 1, "E": 1, "F": 0}
    quartiere = coverage_matrix(city, MatrixQuestion(area="a", level="Quartier", columns="language"))
    assert [(row["name"], [c["code"] for c in row["cells"] if c["count"]]) for row in quartiere["rows"]] == [
        ("Quartier A1", ["de", "ar"]), ("Quartier A2", [])]


def test_the_areas_offered(city):
    from netzwerk.gaps.service import areas
    assert [row["label"] for row in areas(city)] == ["Stadt"]
    assert [row["label"] for row in areas(city, "c")] == ["Stadt"] + [f"Stadt: Bezirk {c}" for c in "ABCDEF"]
    assert areas(city, "stadt") == areas(city, "c")
    # a Quartier is no area; a Stadtbezirk outside every city is one of its own
    assert [row["label"] for row in areas(city, "a1")] == ["Stadt"]
    city.write("graph/merge_districts", now=NOW, rows=[{"uid": "lone", "by": "test", "props": {
        "name": "Einzelbezirk", "type": "Stadtbezirk"}}])
    assert [row["label"] for row in areas(city, "lone")] == ["Einzelbezirk", "Stadt"]
