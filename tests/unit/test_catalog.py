"""The query catalog loads every file once and refuses inconsistent headers loudly."""
import pytest

from netzwerk.config import PROJECT_ROOT
from netzwerk.store import QueryCatalog, QueryError
from netzwerk.store.catalog import used_parameters


def write(directory, relative, text):
    path = directory / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


GOOD = """// name: list_things
// mode: read
// params: q, limit
// returns: things
MATCH (t:Thing) WHERE t.name CONTAINS $q RETURN t.name AS name LIMIT $limit
"""


def test_loads_queries_by_domain_and_stem(tmp_path):
    write(tmp_path, "things/list_things.cypher", GOOD)
    catalog = QueryCatalog(tmp_path)
    query = catalog.get("things/list_things", "read", {"q": "a", "limit": 3})
    assert query.mode == "read"
    assert query.params == {"q", "limit"}
    # the database gets the statement without its comment lines, on the file's line numbers
    assert query.text == "\n" * 4 + "MATCH (t:Thing) WHERE t.name CONTAINS $q RETURN t.name AS name LIMIT $limit"


def test_schema_files_are_not_catalog_queries(tmp_path):
    write(tmp_path, "things/list_things.cypher", GOOD)
    write(tmp_path, "schema/neo4j.cypher", "CREATE INDEX x IF NOT EXISTS FOR (n:T) ON (n.a);\n")
    catalog = QueryCatalog(tmp_path)
    assert [q.name for q in catalog] == ["things/list_things"]
    assert catalog.schema_statements("neo4j") == ["CREATE INDEX x IF NOT EXISTS FOR (n:T) ON (n.a)"]


def test_declared_parameter_not_used_fails_loading(tmp_path):
    write(tmp_path, "things/list_things.cypher", GOOD.replace("params: q, limit", "params: q, limit, extra"))
    with pytest.raises(QueryError, match="differ"):
        QueryCatalog(tmp_path)


def test_used_parameter_not_declared_fails_loading(tmp_path):
    write(tmp_path, "things/list_things.cypher", GOOD.replace("params: q, limit", "params: q"))
    with pytest.raises(QueryError, match="differ"):
        QueryCatalog(tmp_path)


def test_name_must_match_file_name(tmp_path):
    write(tmp_path, "things/other_name.cypher", GOOD)
    with pytest.raises(QueryError, match="differs from the file name"):
        QueryCatalog(tmp_path)


def test_missing_header_fails_loading(tmp_path):
    write(tmp_path, "things/list_things.cypher", "MATCH (n) RETURN n\n")
    with pytest.raises(QueryError, match="header lacks"):
        QueryCatalog(tmp_path)


def test_unknown_query_wrong_mode_and_wrong_params_fail_at_call(tmp_path):
    write(tmp_path, "things/list_things.cypher", GOOD)
    catalog = QueryCatalog(tmp_path)
    with pytest.raises(QueryError, match="no query named"):
        catalog.get("things/missing", "read", {})
    with pytest.raises(QueryError, match="is a read query"):
        catalog.get("things/list_things", "write", {"q": "a", "limit": 1})
    with pytest.raises(QueryError, match="takes"):
        catalog.get("things/list_things", "read", {"q": "a"})


def test_dollar_signs_in_strings_and_comments_are_not_parameters():
    text = "// costs $5\nMATCH (n {price: '$10'}) WHERE n.x = $real RETURN \"$not\" AS s"
    assert used_parameters(text) == {"real"}


def test_the_project_catalog_loads():
    catalog = QueryCatalog(PROJECT_ROOT / "queries")
    assert len(catalog) > 20
    for query in catalog:
        assert query.returns, f"{query.name} should say what it returns"


def test_every_query_the_code_names_exists():
    """Catches a renamed or deleted query file before a page calls it."""
    import re
    names = {q.name for q in QueryCatalog(PROJECT_ROOT / "queries")}
    domains = {name.split("/")[0] for name in names}
    pattern = re.compile(r'"((?:%s)/[a-z_]+)"' % "|".join(sorted(domains)))
    referenced = {}
    for path in (PROJECT_ROOT / "netzwerk").rglob("*.py"):
        for name in pattern.findall(path.read_text(encoding="utf-8")):
            referenced.setdefault(name, path.name)
    assert len(referenced) > 30
    missing = {name: where for name, where in referenced.items() if name not in names}
    assert not missing, f"queries named in code but not in queries/: {missing}"


def test_a_gap_question_is_worked_out_each_time_it_is_asked():
    """The gap page's figure (bench/gaps_bench.py) compares the page with its query: the
    question's own queries are never served from the read cache, whatever the settings."""
    from netzwerk.config import PROJECT_ROOT
    catalog = QueryCatalog(PROJECT_ROOT / "queries")
    own = {q.name for q in catalog if q.name.startswith("gaps/")} - {
        "gaps/list_gap_areas", "gaps/list_district_names", "gaps/list_district_geometries",
        "gaps/set_district_geometries"}
    assert own == {"gaps/list_districts_at_level", "gaps/list_fitting_actors_in_districts",
                   "gaps/list_fitting_actors_in_neighbours", "gaps/list_fitting_offers_in_districts",
                   "gaps/list_fitting_offers_in_neighbours", "gaps/list_neighbours_within",
                   "gaps/count_offers_by_code_in_districts"}
    assert not [name for name in own if next(q for q in catalog if q.name == name).cache]
