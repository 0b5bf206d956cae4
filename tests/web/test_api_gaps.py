"""/api/v1/gaps and /api/v1/gaps/matrix on the small city of tests/integration/test_gap_filters.py;
both engines."""
from ..integration.test_gap_filters import city  # noqa: F401  (the fixture)
from .test_api import bearer, tokens  # noqa: F401  (the fixture)


def test_gaps_in_json(client, tokens, city):  # noqa: F811
    response = client.get("/api/v1/gaps", query_string={"area": "stadt", "field": "language", "cost": "free"},
                          headers=bearer(tokens["member"]))
    assert response.status_code == 200
    answer = response.get_json()
    assert answer["question"] == {"area": "stadt", "level": "Stadtbezirk", "subject": "offers",
                                  "field": "language", "cost": "free"}
    assert [d["name"] for d in answer["covered"]] == ["Bezirk A", "Bezirk D"]
    assert [(g["name"], g["open_needs"], g["distance"]) for g in answer["gaps"]] == [
        ("Bezirk C", 2, 1), ("Bezirk B", 0, 1), ("Bezirk F", 0, 2), ("Bezirk E", 0, 1)]
    assert answer["covered"][0]["sources"][0]["name"] == "Abendcafé"
    assert answer["covered"][0]["sources"][0]["via_name"] == "Quartier A1"
    assert answer["gaps"][1]["nearby"] == [{"uid": "o1", "name": "Abendcafé", "neighbour": "a",
                                            "neighbour_name": "Bezirk A"}]
    actors = client.get("/api/v1/gaps", query_string={"area": "stadt", "subject": "actors", "cost": "free"},
                        headers=bearer(tokens["member"])).get_json()
    assert actors["ignored"] == ["cost"]


def test_matrix_in_json(client, tokens, city):  # noqa: F811
    response = client.get("/api/v1/gaps/matrix", query_string={"area": "stadt", "columns": "weekday"},
                          headers=bearer(tokens["organiser"]))
    assert response.status_code == 200
    matrix = response.get_json()
    assert [c["code"] for c in matrix["columns"]] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert matrix["columns"][0]["label"] == "Montag"
    assert {row["name"]: row["total"] for row in matrix["rows"]} == {
        "Bezirk A": 1, "Bezirk B": 1, "Bezirk C": 0, "Bezirk D": 1, "Bezirk E": 1, "Bezirk F": 0}
    a = next(row for row in matrix["rows"] if row["name"] == "Bezirk A")
    assert [cell for cell in a["cells"] if cell["count"]] == [{"code": "tue", "count": 1}]


def test_bad_questions_and_no_token(client, tokens, city):  # noqa: F811
    assert client.get("/api/v1/gaps", query_string={"area": "stadt"}).status_code == 401
    refused = client.get("/api/v1/gaps", query_string={"area": "nirgends", "time_of_day": "nachts"},
                         headers=bearer(tokens["member"]))
    assert refused.status_code == 400
    assert set(refused.get_json()["fields"]) == {"area", "time_of_day"}
    assert client.get("/api/v1/gaps/matrix", query_string={"area": "stadt", "columns": "x"},
                      headers=bearer(tokens["member"])).status_code == 400


def test_openapi_describes_the_gap_question(client):
    document = client.get("/api/v1/openapi.json").get_json()
    gaps = document["paths"]["/gaps"]["get"]
    names = [p["name"] for p in gaps["parameters"]]
    assert names == ["area", "level", "subject", "field", "target_group", "language", "weekday", "time_of_day",
                     "cost", "access", "actor_kind"]
    assert "evening" in next(p for p in gaps["parameters"] if p["name"] == "time_of_day")["schema"]["enum"]
    assert "/gaps/matrix" in document["paths"]
    assert {"GapAnswer", "CoverageMatrix"} <= set(document["components"]["schemas"])
