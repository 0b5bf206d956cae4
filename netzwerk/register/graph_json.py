"""The whole network as JSON, and back: an export imported into an empty instance gives the same graph.

Accounts, API tokens and the change history are not part of it; the terms admins added to
the vocabularies are, since entries carry their codes. Loading is a unit of idempotent MERGE
statements (the same ones the demo seed uses), so loading twice changes nothing.
"""
import re

from ..clock import now_iso
from ..fields import FieldError
from ..i18n import gettext as _
from ..input_guard import BadInput, json_body
from .graph_plan import NODE_SECTIONS
from .imports import ImportFileError
from .model import KINDS, KINDS_BY_LABEL, LINKS
from ..vocabularies import BUILTIN, Term, added_terms, also_known
from .service import entry_props

FORMAT = "netzwerk-graph/1"
# graph label -> merge query, from the seed's sections
NODE_QUERIES = {label: f"graph/{stem}" for label, stem in NODE_SECTIONS.values()}
# what an export carries besides a kind's fields; search keys are derived again, never taken
# erased_at: an erased person stays erased in an export and when it is loaded again (docs/privacy.md)
STAMPS = ("uid", "version", "created_at", "created_by", "updated_at", "updated_by", "erased_at")
# (type, from label, to label) -> merge query and the link properties it sets
LINK_QUERIES = {(link.type, KINDS[link.source].label, KINDS[link.target].label):
                (link.query, tuple(p.name for p in link.props)) for link in LINKS}


_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # as vocabularies.service checks an admin's


def export_graph(store):
    nodes = store.read("graph/export_nodes")
    relationships = store.read("graph/export_relationships")
    terms = store.read("graph/export_terms")
    return {"format": FORMAT, "terms": terms, "nodes": nodes, "relationships": relationships}


def plan_graph(data):
    """The unit of writes that loads an export, or ImportFileError saying what is wrong.

    Every node's fields are checked by their types as in a form; nothing else is set (no
    uid, version or search key of one's own choosing), and every link must join two nodes
    of the file.
    """
    try:
        document = json_body(data)
    except BadInput as error:
        raise ImportFileError(str(error)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError("Die Datei ist kein netzwerk-Export (erwartet: \"format\": \"{format}\").",
                              format=FORMAT)
    nodes, relationships = document.get("nodes", []), document.get("relationships", [])
    terms = document.get("terms", [])  # absent in exports made before terms were carried
    if not isinstance(nodes, list) or not isinstance(relationships, list) or not isinstance(terms, list):
        raise ImportFileError("„terms“, „nodes“ und „relationships“ müssen Listen sein.")
    rows, links, problems, known = {}, {}, [], set()
    new_terms = []
    for term in terms:
        try:
            new_terms += _term(term)
        except ValueError as reason:
            problems.append(str(reason))
    # the file's own terms are valid codes of its entries
    with also_known([Term(t["vocabulary"], t["code"], t["de"], t["en"], tuple(t["aliases"])) for t in new_terms]):
        for node in nodes:
            try:
                label, props = _node(node)
            except ValueError as reason:
                problems.append(str(reason))
                continue
            known.add(props["uid"])
            rows.setdefault(label, []).append({"uid": props["uid"], "props": props,
                                               "by": props.get("created_by") or "Import"})
    for rel in relationships:
        if not isinstance(rel, dict):
            problems.append(_("Eine Beziehung ist kein Objekt"))
            continue
        spec = LINK_QUERIES.get((rel.get("type"), rel.get("from_label"), rel.get("to_label")))
        if spec is None:
            problems.append(_("Beziehung „{type}“ von „{source}“ zu „{target}“ ist unbekannt",
                              type=_shown(rel.get("type")), source=_shown(rel.get("from_label")),
                              target=_shown(rel.get("to_label"))))
            continue
        if rel.get("from") not in known or rel.get("to") not in known:
            problems.append(_("Beziehung „{type}“ verweist auf einen Knoten, der nicht in der Datei steht",
                              type=_shown(rel.get("type"))))
            continue
        query, fields = spec
        props = rel.get("props") or {}
        if not isinstance(props, dict) or not all(_primitive(v) for v in props.values()):
            problems.append(_("Beziehung „{type}“: „props“ muss ein Objekt mit einfachen Werten sein",
                              type=_shown(rel.get("type"))))
            continue
        links.setdefault(query, []).append({"from": rel.get("from"), "to": rel.get("to"),
                                            **{f: props.get(f) for f in fields}})
    if problems:
        raise ImportFileError("Der Export kann nicht geladen werden: {problems}", problems="; ".join(problems[:5]))
    steps = [("graph/merge_terms", {"terms": new_terms, "now": now_iso(), "by": "Import"})] if new_terms else []
    steps += [(NODE_QUERIES[label], {"rows": label_rows}) for label, label_rows in rows.items()]
    steps += [(query, {"links": query_links}) for query, query_links in links.items()]
    counts = {"nodes": sum(len(r) for r in rows.values()), "relationships": sum(len(l) for l in links.values()),
              "terms": len(new_terms)}
    return steps, counts


def _term(term):
    """[the term as merge_terms takes it] for an added term of the file, [] when this instance
    knows its code already (built in or added here); ValueError with the German reason."""
    if not isinstance(term, dict) or term.get("vocabulary") not in BUILTIN:
        raise ValueError(_("Ein Begriff ist kein Objekt mit einer bekannten „vocabulary“"))
    code, de, en, aliases = term.get("code"), term.get("de"), term.get("en") or "", term.get("aliases") or []
    if not isinstance(code, str) or not _CODE.match(code) or len(code) > 40:
        raise ValueError(_("Begriff „{code}“: der Code ist ungültig", code=_shown(code)))
    if not isinstance(de, str) or not de.strip() or len(de) > 80 or not isinstance(en, str) or len(en) > 80 \
            or not isinstance(aliases, list) or len(aliases) > 10 \
            or not all(isinstance(a, str) and 0 < len(a) <= 80 for a in aliases):
        raise ValueError(_("Begriff „{code}“: Bezeichnungen fehlen oder sind zu lang", code=code))
    vocabulary = term["vocabulary"]
    if code in dict(BUILTIN[vocabulary]) or code in added_terms(vocabulary):
        return []
    return [{"vocabulary": vocabulary, "code": code, "de": de.strip(), "en": en.strip(), "aliases": aliases}]


def _shown(value, limit=80):
    """A value from the file as a message shows it: text, and never a whole file's worth."""
    return str(value)[:limit]


def _primitive(value):
    if isinstance(value, list):
        return all(isinstance(v, (str, int, float, bool)) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _node(node):
    """(label, props) of one exported node, checked; ValueError with the German reason."""
    if not isinstance(node, dict) or not isinstance(node.get("props"), dict):
        raise ValueError(_("Ein Knoten ist kein Objekt mit „label“ und „props“"))
    label, props = node.get("label"), node["props"]
    if label not in NODE_QUERIES or not isinstance(props.get("uid"), str) or not props["uid"]:
        raise ValueError(_("Knoten mit unbekanntem Typ „{label}“ oder ohne uid", label=_shown(label)))
    if not all(_primitive(v) for v in props.values()):
        raise ValueError(_("Knoten {uid}: verschachtelte Werte sind nicht erlaubt", uid=_shown(props["uid"])))
    kind = KINDS_BY_LABEL[label]  # every node section is a kind of the register
    stamps = {k: props[k] for k in STAMPS if props.get(k) is not None}
    if "version" in stamps and type(stamps["version"]) is not int:
        raise ValueError(_("Knoten {uid}: „version“ muss eine ganze Zahl sein", uid=_shown(props["uid"])))
    values = {}
    for spec in kind.fields:
        try:
            values[spec.name] = spec.parse(props.get(spec.name))
        except FieldError as error:
            raise ValueError(_("Knoten {uid}: {problem}", uid=_shown(props["uid"]), problem=str(error))) from None
    return label, {**entry_props(kind, values), **stamps}


def people_in(steps):
    """{uid: props} of the people a plan loads, except those the file itself marks erased."""
    return {row["uid"]: row["props"] for name, params in steps if name == NODE_QUERIES["Person"]
            for row in params["rows"] if not row["props"].get("erased_at")}


def without_nodes(steps, uids):
    """The plan without the nodes `uids` and every link that touches them, and its new counts."""
    kept = []
    for name, params in steps:
        if "rows" in params and name in NODE_QUERIES.values():
            params = {**params, "rows": [r for r in params["rows"] if r["uid"] not in uids]}
            if not params["rows"]:
                continue
        elif "links" in params:
            params = {**params, "links": [l for l in params["links"] if l["from"] not in uids and l["to"] not in uids]}
            if not params["links"]:
                continue
        kept.append((name, params))
    return kept, plan_counts(kept)


def plan_counts(steps):
    return {"nodes": sum(len(p["rows"]) for n, p in steps if "rows" in p and n in NODE_QUERIES.values()),
            "relationships": sum(len(p["links"]) for _, p in steps if "links" in p),
            "terms": sum(len(p["terms"]) for _, p in steps if "terms" in p)}
