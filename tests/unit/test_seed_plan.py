"""The seed files are consistent, and a broken reference is named, not loaded."""
import pytest

from netzwerk.config import PROJECT_ROOT
from netzwerk.seeding import SeedError, build_plan
from netzwerk.text import seed_uid


def test_project_seed_builds_a_plan_with_nodes_before_links():
    plan = build_plan(PROJECT_ROOT / "seed")
    names = [name for name, _ in plan]
    assert names.index("graph/merge_actors") < names.index("graph/merge_active_in")
    actors = dict(plan)["graph/merge_actors"]["rows"]
    horizont = next(r for r in actors if r["uid"] == seed_uid("Actor", "horizont"))
    assert horizont["props"]["name"] == "Kinder- und Jugendhaus Horizont"
    assert "dusternort" in horizont["props"]["search"]


def test_offer_providers_point_from_actor_to_offer():
    plan = dict(build_plan(PROJECT_ROOT / "seed"))
    links = plan["graph/merge_offered_by"]["links"]
    cafe = seed_uid("Offer", "nachbarschaftscafe-duesternort")
    providers = {link["from"] for link in links if link["to"] == cafe}
    assert providers == {seed_uid("Actor", k) for k in (
        "horizont", "sozialarbeit-schulen-duesternort", "migrationsberatung-duesternort",
        "nachbarschaftsbuero-duesternort")}


def test_link_properties_pass_through_and_demo_is_a_field():
    plan = dict(build_plan(PROJECT_ROOT / "seed"))
    ankommen = seed_uid("Actor", "projekt-ankommen")
    statuses = {link["to"]: link.get("status") for link in plan["graph/merge_active_in"]["links"]
                if link["from"] == ankommen}
    assert statuses == {seed_uid("District", "do-innenstadt-west"): "planned",
                        seed_uid("District", "do-innenstadt-ost"): "planned"}
    people = {row["uid"]: row["props"] for row in plan["graph/merge_people"]["rows"]}
    assert people[seed_uid("Person", "team-horizont")]["demo"] is True
    assert people[seed_uid("Person", "birgit-zoerner")]["demo"] is False, "a yes/no field: missing is no"


def test_unknown_reference_is_reported_with_file_and_key(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "actors:\n  - {key: a1, name: A, kind: other, active_in: [nowhere]}\n", encoding="utf-8")
    with pytest.raises(SeedError, match="a.yaml: unknown districts key 'nowhere'"):
        build_plan(tmp_path)


def test_duplicate_keys_are_refused(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "districts:\n  - {key: d, name: D}\n  - {key: d, name: E}\n", encoding="utf-8")
    with pytest.raises(SeedError, match="duplicate key 'd'"):
        build_plan(tmp_path)
