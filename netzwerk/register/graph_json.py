"""The whole network as JSON, and back: an export imported into an empty instance gives the same graph.

Accounts, API tokens and the change history are not part of it. Loading is a unit of
idempotent MERGE statements (the same ones the demo seed uses), so loading twice changes nothing.
"""
import json

from ..seeding import NODE_SECTIONS
from .imports import ImportFileError
from .model import KINDS, LINKS

FORMAT = "netzwerk-graph/1"
# graph label -> merge query, from the seed's sections
NODE_QUERIES = {label: f"graph/{stem}" for label, stem in NODE_SECTIONS.values()}
# (type, from label, to label) -> merge query and the link properties it sets
LINK_QUERIES = {(link.type, KINDS[link.source].label, KINDS[link.target].label):
                (link.query, tuple(p.name for p in link.props)) for link in LINKS}
LINK_QUERIES.update({  # events are not register entries, but part of the graph
    ("ORGANISED_BY", "Event", "Actor"): ("graph/merge_organised_by", ()),
    ("IN", "Event", "District"): ("graph/merge_event_in", ()),
    ("PREPARES", "Event", "Event"): ("graph/merge_event_prepares", ()),
})


def export_graph(store):
    nodes = store.read("graph/export_nodes")
    relationships = store.read("graph/export_relationships")
    return {"format": FORMAT, "nodes": nodes, "relationships": relationships}


def plan_graph(data):
    """The unit of writes that loads an export, or ImportFileError saying what is wrong."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportFileError(f"Die Datei ist kein gültiges JSON: {exc}") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError(f"Die Datei ist kein netzwerk-Export (erwartet: \"format\": \"{FORMAT}\").")
    rows, links, problems = {}, {}, []
    for node in document.get("nodes", []):
        label, props = node.get("label"), node.get("props") or {}
        if label not in NODE_QUERIES or not props.get("uid"):
            problems.append(f"Knoten mit unbekanntem Typ {label!r} oder ohne uid")
            continue
        if any(isinstance(v, dict) for v in props.values()):
            problems.append(f"Knoten {props['uid']}: verschachtelte Werte sind nicht erlaubt")
            continue
        rows.setdefault(label, []).append({"uid": props["uid"], "props": props,
                                           "by": props.get("created_by") or "Import"})
    for rel in document.get("relationships", []):
        spec = LINK_QUERIES.get((rel.get("type"), rel.get("from_label"), rel.get("to_label")))
        if spec is None:
            problems.append(f"Beziehung {rel.get('type')!r} von {rel.get('from_label')!r} zu "
                            f"{rel.get('to_label')!r} ist unbekannt")
            continue
        query, fields = spec
        props = rel.get("props") or {}
        links.setdefault(query, []).append({"from": rel.get("from"), "to": rel.get("to"),
                                            **{f: props.get(f) for f in fields}})
    if problems:
        raise ImportFileError("Der Export kann nicht geladen werden: " + "; ".join(problems[:5]))
    steps = [(NODE_QUERIES[label], {"rows": label_rows}) for label, label_rows in rows.items()]
    steps += [(query, {"links": query_links}) for query, query_links in links.items()]
    counts = {"nodes": sum(len(r) for r in rows.values()), "relationships": sum(len(l) for l in links.values())}
    return steps, counts

