"""Loads the demo data of seed/*.yaml into the graph, idempotently (stable uids, MERGE)."""
import re
from datetime import date, timedelta
from pathlib import Path

import yaml

from .fields import FieldError
from .register.graph_plan import LABEL_OF_SECTION, NODE_SECTIONS, write_plan
from .register.model import KINDS
from .register.service import entry_props
from .text import search_text, seed_uid

SEED_AUTHOR = "Demodaten"

# (section, field) -> (query stem that merges the links, section the field refers to)
LINK_FIELDS = {
    ("districts", "part_of"): ("merge_part_of", "districts"),
    ("districts", "neighbours"): ("merge_neighbours", "districts"),
    ("actors", "active_in"): ("merge_active_in", "districts"),
    ("actors", "cooperates_with"): ("merge_cooperates_with", "actors"),
    ("actors", "member_of"): ("merge_member_of", "round_tables"),
    ("people", "works_at"): ("merge_works_at", "actors"),
    ("people", "knows"): ("merge_knows", "people"),
    ("offers", "offered_by"): ("merge_offered_by", "actors"),
    ("offers", "districts"): ("merge_offer_in", "districts"),
    ("round_tables", "districts"): ("merge_round_table_in", "districts"),
    ("round_tables", "contact"): ("merge_round_table_contact", "people"),
    ("events", "organised_by"): ("merge_organised_by", "actors"),
    ("events", "districts"): ("merge_event_in", "districts"),
    ("events", "prepares"): ("merge_event_prepares", "events"),
    ("events", "contact"): ("merge_event_contact", "people"),
    ("events", "series"): ("merge_event_in_series", "series"),
    ("needs", "districts"): ("merge_need_in", "districts"),
    ("needs", "reported_by_actor"): ("merge_need_reported_by_actor", "actors"),
    ("needs", "reported_by_round_table"): ("merge_need_reported_by_round_table", "round_tables"),
    ("needs", "met_by"): ("merge_need_met_by", "offers"),
}
# links whose direction is reversed in the graph: (Actor)-[:OFFERS]->(Offer)
REVERSED = {("offers", "offered_by")}


# "today+28 10:30": a demo date counted from the day the demo is loaded (an open registration
# must lie in the future whenever the demo is started)
_RELATIVE = re.compile(r"^today([+-]\d+)?(?: (\d\d:\d\d))?$")


def resolve_relative(value, today):
    """A seed value "today+N [HH:MM]" as an ISO local date-time; other values as they are."""
    match = _RELATIVE.match(value) if isinstance(value, str) else None
    if not match:
        return value
    day = date.fromisoformat(today) + timedelta(days=int(match.group(1) or 0))
    return f"{day.isoformat()}T{match.group(2) or '00:00'}"


class SeedError(ValueError):
    """The seed files are inconsistent; the message names the file and the key."""


def read_seed(seed_dir):
    """All seed/*.yaml files merged: {section: [(file, item), ...]}."""
    sections = {section: [] for section in NODE_SECTIONS}
    for path in sorted(Path(seed_dir).glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section, items in document.items():
            if section == "source":
                continue
            if section not in sections:
                raise SeedError(f"{path.name}: unknown section {section!r}")
            sections[section].extend((path.name, item) for item in items or [])
    return sections


def build_plan(seed_dir, today=None):
    """The unit of work that loads the seed: a list of (query name, params) pairs; relative
    demo dates ("today+28 10:30") count from `today` (ISO date, default: the machine's day)."""
    today = today or date.today().isoformat()
    sections = read_seed(seed_dir)
    keys = {}
    for section, items in sections.items():
        seen = keys.setdefault(section, set())
        for file, item in items:
            key = item.get("key")
            if not key or key in seen:
                raise SeedError(f"{file}: {section} entry without key or with a duplicate key {key!r}")
            seen.add(key)

    def uid(section, key, file):
        if key not in keys[section]:
            raise SeedError(f"{file}: unknown {section} key {key!r}")
        return seed_uid(LABEL_OF_SECTION[section], key)

    node_rows = {section: [] for section in NODE_SECTIONS}
    link_rows = {stem: [] for stem, _ in LINK_FIELDS.values()}
    for section, items in sections.items():
        for file, item in items:
            props = {k: resolve_relative(v, today) for k, v in item.items()
                     if k != "key" and (section, k) not in LINK_FIELDS and v is not None}
            kind = KINDS.get(section)
            if kind is not None:  # a register entry: each field parsed by its type, as in a form
                unknown = set(props) - set(kind.field_names)
                if unknown:
                    raise SeedError(f"{file}: {section} {item['key']!r} has unknown fields {sorted(unknown)}")
                try:
                    props = entry_props(kind, {f.name: f.parse(props.get(f.name)) for f in kind.fields})
                except FieldError as error:
                    raise SeedError(f"{file}: {section} {item['key']!r}: {error}") from None
            else:
                props["search"] = search_text(props.get("name"), props.get("description"))
            own = uid(section, item["key"], file)
            node_rows[section].append({"uid": own, "props": props, "by": SEED_AUTHOR})
            for field in item:
                if (section, field) not in LINK_FIELDS:
                    continue
                stem, target = LINK_FIELDS[(section, field)]
                for entry in item[field] if isinstance(item[field], list) else [item[field]]:
                    link = dict(entry) if isinstance(entry, dict) else {"to": entry}
                    other = uid(target, link.pop("to"), file)
                    ends = (other, own) if (section, field) in REVERSED else (own, other)
                    link_rows[stem].append({"from": ends[0], "to": ends[1], **link})
    plan = []
    for section, (_, stem) in NODE_SECTIONS.items():
        if node_rows[section]:
            plan.append((f"graph/{stem}", {"rows": node_rows[section]}))
    for stem, rows in link_rows.items():
        if rows:
            plan.append((f"graph/{stem}", {"links": rows}))
    return plan


def load_seed(store, seed_dir, now):
    """Loads the seed as one unit of idempotent writes; returns the number of statements."""
    return write_plan(store, build_plan(seed_dir, today=now[:10]), now)
