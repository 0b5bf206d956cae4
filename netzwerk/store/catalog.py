"""The query catalog: every Cypher statement is a file in queries/, loaded once by name.

A file starts with a header of `// key: value` lines:

    // name: count_overview
    // mode: read            (read | write)
    // params: now           (comma-separated, or "none")
    // returns: one row with the counts of the start page
    // cache: no             (optional: a read whose result must not be kept, see read_cache.py;
                             "stable": a read of nothing that registrations change, kept across them)
    // changes: registrations  (optional, writes only: the statement changes registration data
                             alone, so "stable" reads stay cached; see read_cache.py)
    // changes: audit        (optional, writes only: the statement adds or removes audit entries
                             alone, which only `cache: no` reads read: no cached read retires)

Loading fails when the header is incomplete, when the name differs from the file
name, or when the parameters used in the text differ from the declared ones.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import QueryError

_HEADER = re.compile(r"^//\s*(name|mode|params|returns|cache|changes)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# string literals and comments may contain '$' that is not a parameter
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")


@dataclass(frozen=True)
class Query:
    name: str  # "<domain>/<verb_noun>", the path below queries/ without .cypher
    mode: str  # "read" or "write"
    params: frozenset
    returns: str
    text: str
    path: Path
    cache: bool = True  # reads only: may the store keep the result until the next write
    stable: bool = False  # reads only: kept across writes that change registration data alone
    registrations_only: bool = False  # writes only: changes registration data alone
    audit_only: bool = False  # writes only: changes audit entries alone (read uncached only)


def used_parameters(text):
    return frozenset(_PARAM.findall(_STRINGS_AND_COMMENTS.sub(" ", text)))


def parse_query_file(path, name):
    source = path.read_text(encoding="utf-8")
    header = {}
    for line in source.splitlines():
        match = _HEADER.match(line.strip())
        if match:
            header[match.group(1)] = match.group(2)
        elif line.strip() and not line.strip().startswith("//"):
            break
    missing = {"name", "mode", "params"} - header.keys()
    if missing:
        raise QueryError(f"{path}: header lacks {', '.join(sorted(missing))}")
    if header["name"] != path.stem:
        raise QueryError(f"{path}: header name {header['name']!r} differs from the file name")
    if header["mode"] not in ("read", "write"):
        raise QueryError(f"{path}: mode must be read or write, not {header['mode']!r}")
    header["cache"] = header.get("cache", "yes").split(" ", 1)[0]  # "no (why)"
    if header["cache"] not in ("yes", "no", "stable"):
        raise QueryError(f"{path}: cache must be yes, no or stable, not {header['cache']!r}")
    if header["cache"] == "stable" and header["mode"] != "read":
        raise QueryError(f"{path}: only a read can be cache: stable")
    changes = header.get("changes", "").split(" ", 1)[0]
    if changes not in ("", "registrations", "audit") or (changes and header["mode"] != "write"):
        raise QueryError(f"{path}: changes: registrations or audit, on writes only")
    declared = header["params"].strip()
    params = frozenset() if declared in ("", "none") else frozenset(
        p.strip().lstrip("$") for p in declared.split(",") if p.strip())
    used = used_parameters(source)
    if used != params:
        raise QueryError(
            f"{path}: declared parameters {sorted(params)} differ from used {sorted(used)}")
    # what the database gets: the comment lines (header, explanations) emptied, which it would
    # otherwise lex on every run and FalkorDB write into its append-only file with every write;
    # the line breaks stay, so a line number in an error or the linter's report is the file's
    text = "\n".join("" if line.lstrip().startswith("//") else line for line in source.splitlines()).rstrip()
    return Query(name=name, mode=header["mode"], params=params,
                 returns=header.get("returns", ""), text=text, path=path,
                 cache=header["cache"] != "no", stable=header["cache"] == "stable",
                 registrations_only=changes == "registrations", audit_only=changes == "audit")


class QueryCatalog:
    """All queries of queries/ (except the backend-specific schema/), by name."""

    def __init__(self, query_dir):
        self.query_dir = Path(query_dir)
        self._queries = {}
        for path in sorted(self.query_dir.rglob("*.cypher")):
            relative = path.relative_to(self.query_dir)
            if relative.parts[0] == "schema":
                continue
            name = relative.with_suffix("").as_posix()
            self._queries[name] = parse_query_file(path, name)

    def __len__(self):
        return len(self._queries)

    def __iter__(self):
        return iter(self._queries.values())

    def get(self, name, mode, params):
        query = self._queries.get(name)
        if query is None:
            raise QueryError(f"no query named {name!r} in {self.query_dir}")
        if query.mode != mode:
            raise QueryError(f"query {name!r} is a {query.mode} query, called as {mode}")
        given = frozenset(params)
        if given != query.params:
            raise QueryError(f"query {name!r} takes {sorted(query.params)}, got {sorted(given)}")
        return query

    def params_of(self, name):
        """The parameters a query declares (empty for an unknown name: get() says so)."""
        query = self._queries.get(name)
        return query.params if query else frozenset()

    def schema_statements(self, backend):
        """The statements of queries/schema/<backend>.cypher, split at ';' line ends."""
        text = (self.query_dir / "schema" / f"{backend}.cypher").read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
        return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
