"""The register's operations: plain data in, plain data out, one store call per change."""
import math
from dataclasses import dataclass

from ..clock import now_iso
from ..errors import Conflict, DomainError, NotFound
from ..fields import TYPES, FieldError
from ..i18n import gettext
from ..text import fold, new_uid, search_text
from .graph_plan import write_plan
from .model import KINDS, KINDS_BY_LABEL, links_of

# the text a kind is searched by, besides its name
SEARCHED = ("description", "function", "purpose", "notes")
# properties derived from the fields for searching and sorting: never shown, never in the history
DERIVED = ("search", "name_key", "name_start")


def name_start(name_key):
    """The first two characters of a folded name: the type-ahead's equality index."""
    return name_key[:2]
PER_PAGE = 25
EXPORT_LIMIT = 100_000


def entry_props(kind, values):
    """Clean form or import values into node properties, with the derived search keys."""
    props = {}
    for field in kind.fields:
        value = values.get(field.name)
        if isinstance(value, str):
            value = value.strip() or None
        elif isinstance(value, (list, tuple)):
            value = [v.strip() for v in value if isinstance(v, str) and v.strip()] or None
        props[field.name] = value
    props["name_key"] = fold(props["name"])
    props["name_start"] = name_start(props["name_key"])
    props["search"] = search_text(props["name"], *(props.get(name) for name in SEARCHED))
    return props


def _choice_code(field, value):
    try:
        return TYPES["choice"].parse_text(field, value) or ""
    except FieldError:
        return value  # unknown: matches nothing, and the page says so


@dataclass
class Page:
    rows: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self):
        return max(1, math.ceil(self.total / self.per_page))


class Register:
    def __init__(self, store):
        self.store = store

    # --- reading ------------------------------------------------------------------------
    def list(self, kind, *, q="", filters=None, order="name", descending=False, page=1,
             per_page=PER_PAGE, with_private=False):
        filters = {name: (filters or {}).get(name) or "" for name in kind.filter_names}
        for spec in kind.filters:  # a vocabulary filter takes the code, a label or an alias
            if spec.field and filters[spec.name]:
                filters[spec.name] = _choice_code(kind.field(spec.field), filters[spec.name])
        linked = {spec.name for spec in kind.filters if spec.entries}  # answered by _within
        params = dict(q=fold(q), order=order if order in ("name", "updated") else "name",
                      descending=bool(descending), **{k: v for k, v in filters.items() if k not in linked})
        query = f"register/list_{kind.key}"
        within = self._within(kind, filters)
        if within is not None:  # starts from the allowed uids instead of testing every node
            query, params["within"] = query + "_within", within
        rows = self.store.read(query, skip=(page - 1) * per_page, limit=per_page, **params)
        if rows:
            total = rows[0]["total"]
        elif page > 1:  # past the last page: the total still tells how many there are
            first = self.store.read(query, skip=0, limit=1, **params)
            total = first[0]["total"] if first else 0
        else:
            total = 0
        return Page([self._row(kind, row, with_private) for row in rows], total, page, per_page)

    def _within(self, kind, filters):
        """The uids a district, actor or organiser filter allows (all of them given: the uids
        every one allows), or None without such a filter.

        Computed by one traversal from the district (or actor) instead of a pattern test on
        every node of the list, which FalkorDB evaluates even when the filter is empty.
        """
        allowed = []
        if filters.get("district"):
            if kind.key == "districts":
                rows = self.store.read("register/list_district_uids_in_area", district=filters["district"])
            else:
                rows = self.store.read("register/list_uids_in_area", label=kind.label,
                                       district=filters["district"])
            allowed.append({row["uid"] for row in rows})
        if filters.get("actor"):
            allowed.append({row["uid"] for row in
                            self.store.read("register/list_staff_uids", actor=filters["actor"])})
        if filters.get("organiser"):
            allowed.append({row["uid"] for row in
                            self.store.read("register/list_organised_uids", actor=filters["organiser"])})
        if not allowed:
            return None
        return sorted(set.intersection(*allowed))

    def export_rows(self, kind, *, q="", filters=None, with_private=False):
        return self.list(kind, q=q, filters=filters, per_page=EXPORT_LIMIT, with_private=with_private).rows

    def _row(self, kind, row, with_private):
        props = self._visible(kind, row["props"], with_private)
        # linked names come in the engine's own order (it differs between FalkorDB and Neo4j)
        extra = {k: sorted(v, key=fold) if isinstance(v, list) else v
                 for k, v in row.items() if k not in ("total", "uid", "props")}
        return {"uid": row["uid"], **props, **extra}

    @staticmethod
    def _visible(kind, props, with_private):
        hidden = set() if with_private else {f.name for f in kind.fields if f.private}
        return {k: v for k, v in props.items() if k not in hidden and k not in DERIVED}

    def get(self, kind, uid, *, with_private=False):
        row = self.store.read_one("register/get_entry", uid=uid)
        if row is None or row["label"] != kind.label:
            raise NotFound("{kind} nicht gefunden.", kind=gettext(kind.singular))
        return {"uid": uid, **self._visible(kind, row["props"], with_private)}

    def suggestions(self, kind, text, limit=10):
        """Entries of a kind whose name or description contains the typed text (type-ahead)."""
        query = fold(text)
        if not query:
            return []
        # names that start with the text first (by the index of their first two characters),
        # then names and descriptions that contain it (a scan of the kind): only when the first
        # answer is not enough
        rows = self.store.read("register/list_entries_by_name_prefix", label=kind.label,
                               start=name_start(query), prefix=query)[:limit]
        if len(rows) < limit:
            seen = {row["uid"] for row in rows}
            more = self.store.read("register/list_entry_suggestions", label=kind.label, q=query,
                                   limit=limit + len(rows))
            more = sorted((row for row in more if row["uid"] not in seen),
                          key=lambda row: (row["name_key"] or "", row["uid"]))
            rows += [{"uid": row["uid"], "name": row["name"]} for row in more[:limit - len(rows)]]
        return rows

    def resolve_name(self, kind, text):
        """The uid of the one entry of a kind named `text` (folded), or a DomainError saying why not."""
        key = fold(text)
        matches = [row for row in self.suggestions(kind, text, limit=50) if fold(row["name"]) == key]
        if not matches:
            raise DomainError("„{name}“ ist kein Eintrag unter „{kind}“. Bitte aus den Vorschlägen wählen.",
                              name=text, kind=kind.plural)
        if len(matches) > 1:
            raise DomainError("Es gibt mehrere Einträge „{name}“ unter „{kind}“. Bitte aus den Vorschlägen wählen.",
                              name=text, kind=kind.plural)
        return matches[0]["uid"]

    def get_or_none(self, kind, uid):
        try:
            return self.get(kind, uid)
        except NotFound:
            return None

    def options(self, kind):
        """(uid, name) of every entry of a kind that filters choose from (districts, actors,
        round tables), in name order."""
        return [(row["uid"], row["name"]) for row in self.store.read(f"register/list_{kind.item}_options")]

    def values(self, kind, property_name, is_list):
        query = "register/list_tag_values" if is_list else "register/list_text_values"
        return [row["value"] for row in self.store.read(query, label=kind.label, property=property_name)]

    def erased_people(self, uids):
        """The erased people (DSGVO Art. 17, netzwerk/privacy) among `uids`: uid, placeholder name, when."""
        return self.store.read("privacy/list_erased_people", uids=sorted(set(uids))) if uids else []

    def count_erased_people(self):
        return self.store.read_one("privacy/count_erased_people")["erased"]

    def contact_links(self):
        return self.store.read("import/list_contacts")

    def history(self, kind, uid, *, with_private=False, limit=50):
        """Who changed what and when: the kind's field names (never values, never the derived
        search keys); without contacts.read neither private fields nor private links show."""
        rows = self.store.read("register/list_entry_changes", uid=uid, limit=limit)
        shown = {f.name for f in kind.fields if with_private or not f.private}
        order = {name: index for index, name in enumerate(kind.field_names)}
        return [{**row, "fields": sorted((f for f in row["fields"] or [] if f in shown), key=order.get)}
                for row in rows if with_private or not row["private"]]

    def link_sections(self, kind, uid, *, with_private=False):
        """The entry's neighbourhood, grouped by the link specs of its kind."""
        rows = self.store.read("register/list_entry_links", uid=uid)
        sections, used = [], set()
        for link, direction in links_of(kind.key):
            if link.private and not with_private:
                continue
            other = KINDS[link.target if direction == "out" else link.source]
            items = []
            for index, row in enumerate(rows):
                if row["type"] != link.type or row["label"] != other.label:
                    continue
                if not link.symmetric and row["outgoing"] != (direction == "out"):
                    continue
                used.add(index)
                items.append({"uid": row["uid"], "name": row["name"], "kind": other,
                              "props": row["props"], "outgoing": row["outgoing"]})
            sections.append({"link": link, "direction": direction, "other": other, "items": items})
        # neighbours outside the register (e.g. events an actor organises) are listed as they are
        others = [row for i, row in enumerate(rows) if i not in used and row["label"] not in KINDS_BY_LABEL]
        return sections, others

    # --- writing ------------------------------------------------------------------------
    def create(self, kind, values, by, links=()):
        """A new entry, and its main links (form link, other entry) in the same unit of work."""
        props = entry_props(kind, values)
        uid = new_uid()
        steps = [(f"register/create_{kind.item}", dict(uid=uid, props=props, now=now_iso(), by=by,
                                                       change_uid=new_uid()))]
        for form_link, other in links:
            source, target = (uid, other["uid"]) if form_link.direction == "out" else (other["uid"], uid)
            names = (props["name"], other["name"]) if form_link.direction == "out" else (other["name"], props["name"])
            steps += self._link_steps(form_link.link, source, target, names, {}, by)
        if len(steps) == 1:
            name, params = steps[0]
            self.store.write(name, **params)
        else:
            self.store.write_unit(steps)
        return uid

    def _link_steps(self, link, source, target, names, fields, by):
        summary = f"Verbindung „{link.out_label}“ hinzugefügt"
        if not link.private:
            summary += f": {names[0]} → {names[1]}"
        return [(link.query, {"links": [{"from": source, "to": target, **fields}]}),
                ("register/record_change", dict(uid=new_uid(), uids=[source, target], now=now_iso(),
                                                by=by, action="link", summary=summary, private=link.private))]

    def update(self, kind, uid, version, values, by):
        """Saves a form read at `version`; a form that has gone stale is refused."""
        self.get(kind, uid, with_private=True)  # 404 for a wrong kind or a deleted entry
        rows = self.store.write("register/update_entry", uid=uid, version=int(version),
                                props=entry_props(kind, values), now=now_iso(), by=by,
                                change_uid=new_uid())
        if not rows:
            raise Conflict("Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre "
                           "Änderungen sind noch nicht gespeichert: Vergleichen Sie sie mit dem "
                           "aktuellen Stand und speichern Sie bewusst noch einmal.")
        return rows[0]

    def delete(self, kind, uid):
        entry = self.get(kind, uid, with_private=True)
        if entry.get("erased_at"):
            # the uid is what keeps an old export from bringing them back (netzwerk/privacy)
            raise Conflict("Diese Person wurde nach DSGVO Art. 17 gelöscht. Ihr Eintrag bleibt ohne Namen und "
                           "Kontaktdaten stehen, damit ein alter Export sie nicht unbemerkt zurückbringt.")
        self.store.write("register/delete_entry", uid=uid)

    def load_graph(self, steps, now):
        """Loads a checked JSON graph export: its MERGE plan as one unit."""
        return write_plan(self.store, steps, now)

    def apply_import(self, kind_key, writes, by, now):
        """All rows of an import in one statement: the file goes in whole or not at all."""
        if writes:
            self.store.write(f"import/import_{kind_key}", rows=writes, now=now, by=by)

    def add_link(self, link, source, target, props, by):
        if source == target:
            raise DomainError("Ein Eintrag kann nicht mit sich selbst verbunden werden.")
        source_entry = self.get(KINDS[link.source], source)
        target_entry = self.get(KINDS[link.target], target)
        fields = {f.name: (props.get(f.name) or None) for f in link.props}
        self.store.write_unit(self._link_steps(link, source, target, (source_entry["name"], target_entry["name"]),
                                               fields, by))

    def remove_link(self, link, source, target, by):
        source_entry = self.get(KINDS[link.source], source)
        target_entry = self.get(KINDS[link.target], target)
        summary = f"Verbindung „{link.out_label}“ entfernt"
        if not link.private:
            summary += f": {source_entry['name']} → {target_entry['name']}"
        steps = [("register/delete_link", dict(source=source, target=target, type=link.type))]
        if link.symmetric:  # stored in one direction, shown from both: remove either
            steps.append(("register/delete_link", dict(source=target, target=source, type=link.type)))
        steps.append(("register/record_change", dict(uid=new_uid(), uids=[source, target], now=now_iso(),
                                                     by=by, action="unlink", summary=summary,
                                                     private=link.private)))
        self.store.write_unit(steps)

