"""A round table's state of work: its members' offers, the open needs in its districts with their
best matches, its gaps (fields of action with no active offer there), and the next meeting; the
same as a one-page agenda. Plain data only."""
from ..errors import NotFound
from ..i18n import gettext as _
from ..matching import service as matching
from ..register.model import KINDS
from ..text import fold

NEEDS_LIMIT = 12        # open needs on the page and the agenda, oldest first
BEST_MATCHES = 3        # matches shown per need
ROUND_TABLES = KINDS["round_tables"]


def overview(store, uid, now):
    """{round_table, members, offers_active, needs, gaps, covered_fields, meeting}.

    members: [{uid, name, offers: [{uid, name, status, fields}]}] by name; needs: the open needs
    in the round table's districts (or below), oldest first, each with `matches` (the best
    three); gaps: [(code, label)] of the fields of action with no active offer in its districts;
    meeting: the next network or round-table meeting a member organises, or None.
    """
    table = store.read_one("roundtables/get_round_table_overview", round_table=uid)
    if table is None:
        raise NotFound("{kind} nicht gefunden.", kind=_(ROUND_TABLES.singular))
    members = {}
    for row in store.read("roundtables/list_member_offers", round_table=uid):
        member = members.setdefault(row["member"], {"uid": row["member"], "name": row["member_name"], "offers": []})
        if row["uid"] is not None:
            member["offers"].append({"uid": row["uid"], "name": row["name"], "status": row["status"],
                                     "fields": row["fields"] or []})
    districts = [d["uid"] for d in table["districts"]]
    needs, covered = [], {}
    if districts:
        for need in store.read("roundtables/list_open_needs_in_districts", districts=districts, limit=NEEDS_LIMIT):
            result = matching.match_offers(store, need["uid"], limit=BEST_MATCHES)
            needs.append({**need, "matches": result["matches"]})
        covered = {row["field"]: row["offers"] for row in
                   store.read("roundtables/list_offer_fields_in_districts", districts=districts)}
    options = KINDS["offers"].field("fields").options()
    meetings = store.read("roundtables/list_next_meetings", round_table=uid, now=now, limit=1)
    member_list = sorted(members.values(), key=lambda m: (fold(m["name"] or ""), m["uid"]))
    return {
        "round_table": table, "members": member_list,
        "offers_active": sum(1 for m in member_list for o in m["offers"] if o["status"] == "active"),
        "needs": needs,
        "gaps": [(code, label) for code, label in options if code not in covered] if districts else [],
        "covered_fields": [(code, label, covered[code]) for code, label in options if code in covered],
        "meeting": meetings[0] if meetings else None,
    }
