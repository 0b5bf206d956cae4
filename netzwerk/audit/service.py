"""The audit log: who viewed or changed personal data, as (:AuditEntry) nodes of codes and uids.

An entry never holds a name, an e-mail address or a field's value, and is linked to nothing, so
erasing a person needs no change here and an entry outlives its subject. Written in the request
that shows or changes the data, before the answer leaves (one statement per request, however many
entries): if the write fails the request fails, so no access goes unrecorded. The write bumps no
read-cache generation (`changes: audit`): a coordinator reading people's pages keeps every
cached read warm.
"""
import uuid
from dataclasses import dataclass

from ..clock import now_iso

ACTIONS = ("view", "create", "update", "delete", "export", "erase")
# what was seen or changed: a short code each (shown translated on the admin page)
WHATS = ("contacts", "person", "participants", "participant", "registration", "check_in",
         "message", "network", "consent", "invitations", "people", "privacy")
SUBJECT_KINDS = ("person", "event", "registration", "graph", "user")
PAGE_SIZE = 50


@dataclass(frozen=True)
class Entry:
    action: str
    subject_kind: str
    subject_uid: str
    what: str

    def __post_init__(self):
        if self.action not in ACTIONS:
            raise ValueError(f"unknown audit action {self.action!r}")
        if self.subject_kind not in SUBJECT_KINDS:
            raise ValueError(f"unknown audit subject kind {self.subject_kind!r}")
        if self.what not in WHATS:
            raise ValueError(f"unknown audit code {self.what!r}")


def record(store, user_uid, action, subject_kind, subject_uid, what, at=None):
    """One entry: `user_uid` did `action` (view, create, update, delete, export, erase) to
    `what` (a code of WHATS) of the subject (`subject_kind` of SUBJECT_KINDS, `subject_uid`)."""
    record_many(store, user_uid, [Entry(action, subject_kind, subject_uid or "", what)], at=at)


def record_many(store, user_uid, entries, at=None):
    """Several entries of one user in one statement (e.g. an export that covers many people)."""
    at = at or now_iso()
    rows = [{"uid": str(uuid.uuid4()), "at": at, "user_uid": user_uid or "", "action": e.action,
             "subject_kind": e.subject_kind, "subject_uid": e.subject_uid, "what": e.what}
            for e in entries]
    if rows:
        store.write("audit/create_audit_entries", entries=rows)
    return len(rows)


def entries(store, user="", subject="", action="", since="", until="", page=1, per_page=PAGE_SIZE):
    """One page of entries, newest first, with the current names of users and subjects
    (resolved now: an erased person shows as erased, a deleted one as gone).
    {rows, page, has_next}; each row adds user_name, subject_name, subject_erased."""
    page = max(1, int(page))
    rows = store.read("audit/list_audit_entries", user=user, subject=subject,
                      action=action if action in ACTIONS else "", since=since, until=until,
                      skip=(page - 1) * per_page, limit=per_page + 1)
    has_next = len(rows) > per_page
    rows = rows[:per_page]
    by_kind = {"person": set(), "event": set(), "registration": set(), "user": set()}
    for row in rows:
        if row["subject_kind"] in by_kind:
            by_kind[row["subject_kind"]].add(row["subject_uid"])
    names = {r["uid"]: r for r in store.read(
        "audit/list_audit_names", users=sorted({r["user_uid"] for r in rows} | by_kind["user"]),
        people=sorted(by_kind["person"]), events=sorted(by_kind["event"]),
        registrations=sorted(by_kind["registration"]))}
    for row in rows:
        user_row, subject_row = names.get(row["user_uid"]), names.get(row["subject_uid"])
        row["user_name"] = user_row["name"] if user_row else None
        row["subject_erased"] = bool(subject_row and subject_row.get("erased_at"))
        row["subject_name"] = None if row["subject_erased"] or not subject_row else subject_row["name"]
    return {"rows": rows, "page": page, "has_next": has_next}
