"""The Neo4j gate: every query file, and the Neo4j schema, passes Neo4j's own linter.

`make test` installs the pinned @neo4j-cypher/language-support with npm; this test
fails (never skips) when it is missing, so CI cannot pass without the gate.
"""
import json
import shutil
import subprocess

import pytest

from netzwerk.config import PROJECT_ROOT
from netzwerk.store import QueryCatalog

LINT_DIR = PROJECT_ROOT / "tools" / "cypher-lint"


def lint(queries):
    node = shutil.which("node")
    if node is None or not (LINT_DIR / "node_modules" / "@neo4j-cypher").exists():
        pytest.fail("The Cypher linter is not installed: run `make test` (it runs npm ci in tools/cypher-lint).")
    result = subprocess.run([node, str(LINT_DIR / "lint.mjs")], input=json.dumps(queries),
                            capture_output=True, text=True, timeout=300, check=True)
    return json.loads(result.stdout)


def test_linter_catches_what_it_must():
    # the gate is only worth something if it fails on the things STACK.md lists
    problems = lint([
        {"name": "deprecated_id", "text": "MATCH (n:Actor {uid: $uid}) RETURN id(n) AS x"},
        {"name": "undefined_variable", "text": "MATCH (n) RETURN m"},
        {"name": "old_constraint", "text": "CREATE CONSTRAINT ON (n:Actor) ASSERT n.uid IS UNIQUE"},
        {"name": "fine", "text": "MATCH (a:Actor) WHERE NOT (a)-[:OFFERS]->() RETURN a.uid AS uid"},
    ])
    flagged = {p["name"] for p in problems}
    assert flagged == {"deprecated_id", "undefined_variable", "old_constraint"}


def test_every_query_passes_the_neo4j_linter():
    catalog = QueryCatalog(PROJECT_ROOT / "queries")
    queries = [{"name": q.name, "text": q.text} for q in catalog]
    queries += [{"name": f"schema/neo4j #{i}", "text": s}
                for i, s in enumerate(catalog.schema_statements("neo4j"), 1)]
    problems = lint(queries)
    report = "\n".join(f"{p['name']} line {p['line']}: {p['severity']}: {p['message']}" for p in problems)
    assert not problems, "queries that Neo4j 5 would reject or deprecates:\n" + report
