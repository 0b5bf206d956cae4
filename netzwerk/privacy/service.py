"""Access (Art. 15) and erasure (Art. 17) for one person: plain data in, plain data out.

A *subject* is whom a request is about: a Person entry (kind "person"), or a participant who is
no entry, named by one of their registrations (kind "registration"). Both are gathered by their
e-mail address too: registrations, invitations, outbox messages and an account with that address.
"""
from dataclasses import dataclass, field
from pathlib import Path

from ..auth.service import normalise_email
from ..clock import now_iso
from ..errors import NotFound
from ..register.model import KINDS
from ..registrations.service import berlin_now
from ..text import fold, new_uid

KINDS_OF_SUBJECT = ("person", "registration")
PLACEHOLDER = "Gelöschte Person"  # + the first 8 characters of the uid
HISTORY_LIMIT = 10_000
STASH_DIR = "imports"  # checked import files waiting to be applied (netzwerk/register/import_views.py)


def placeholder_name(uid):
    return f"{PLACEHOLDER} {uid[:8]}"


@dataclass
class Subject:
    kind: str           # person | registration
    uid: str
    name: str
    emails: list = field(default_factory=list)  # normalised
    person: dict = None  # the entry's properties (kind person)
    erased_at: str = None
    event_uid: str = None  # kind registration: the event of the registration that names them


class Privacy:
    def __init__(self, store, participants, data_dir):
        self.store = store
        self.participants = participants
        self.data_dir = Path(data_dir)

    # --- finding ----------------------------------------------------------------------------
    def find(self, text):
        """People, participants (grouped by e-mail) and accounts a name or an e-mail finds."""
        text = (text or "").strip()
        if not text:
            return {"people": [], "participants": [], "users": []}
        email = normalise_email(text) if "@" in text else ""
        people = self.store.read("privacy/list_people_matching", q="" if email else fold(text), email=email)
        rows = self.store.read("privacy/list_registrations_matching",
                               text="" if email else text.lower(), email=email)
        participants = {}
        for row in rows:  # one participant per e-mail, named by their first registration
            item = participants.setdefault(row["email"], {"uid": row["uid"], "name": row["name"],
                                                          "email": row["email"], "events": []})
            item["events"].append(row["event_name"])
        emails = sorted({email} if email else set()) or sorted(
            {normalise_email(p["email"]) for p in people if p.get("email")} | set(participants))
        users = self.store.read("privacy/list_users_by_email", emails=emails) if emails else []
        return {"people": people, "participants": list(participants.values()), "users": users}

    def subject(self, kind, uid):
        if kind == "person":
            row = self.store.read_one("register/get_entry", uid=uid)
            if row is None or row["label"] != "Person":
                raise NotFound("Diese Person gibt es nicht.")
            props = row["props"]
            emails = [normalise_email(props["email"])] if props.get("email") else []
            return Subject("person", uid, props.get("name") or "", emails, props, props.get("erased_at"))
        if kind == "registration":
            row = self.store.read_one("privacy/get_registration_subject", registration=uid)
            if row is None:
                raise NotFound("Diese Anmeldung gibt es nicht.")
            return Subject("registration", uid, row["name"] or "", [row["email"]] if row["email"] else [],
                           erased_at=row["anonymised_at"], event_uid=row["event_uid"])
        raise NotFound()

    # --- access (Art. 15) ---------------------------------------------------------------------
    def record(self, subject):
        """Everything held about the subject, JSON-ready: the entry with its links and history,
        registrations (answers, consents, messages: the participants' own export), invitations,
        other outbox messages to the address, accounts with the address, and the audit entries."""
        data = {"format": "netzwerk-auskunft/1", "exported_at": berlin_now(),
                "subject": {"kind": subject.kind, "uid": subject.uid, "name": subject.name,
                            "emails": subject.emails, "erased_at": subject.erased_at}}
        subjects = [subject.uid]
        if subject.kind == "person":
            person = KINDS["people"]
            data["person"] = {k: v for k, v in subject.person.items()
                              if k not in ("search", "name_key", "name_start")}
            data["links"] = [{"type": row["type"], "direction": "out" if row["outgoing"] else "in",
                              "label": row["label"], "uid": row["uid"], "name": row["name"],
                              "props": row["props"] or {}}
                             for row in self.store.read("register/list_entry_links", uid=subject.uid)
                             if row["label"] != "Consent"]  # the consent records have their own part
            data["history"] = self.store.read("register/list_entry_changes", uid=subject.uid, limit=HISTORY_LIMIT)
            data["fields"] = {f.name: f.label for f in person.fields}
            data["consents"] = self.store.read("consents/list_person_consents", person=subject.uid)
        registrations = []
        if subject.emails:
            for row in self.store.read("privacy/list_registrations_by_email", emails=subject.emails):
                registrations.append(self.participants.participant_data(row["event_uid"], row["uid"]))
                subjects.append(row["uid"])
        elif subject.kind == "registration":  # anonymised already: only what is left of it
            registrations.append(self.participants.participant_data(subject.event_uid, subject.uid))
        for item in registrations:
            item.pop("exported_at", None)
        data["registrations"] = registrations
        # a UNION has no order of its own on either engine: sorted here, duplicates dropped
        invitations = {row["uid"]: row for row in self.store.read("privacy/list_invitations_of",
                                                                  person=subject.uid, emails=subject.emails)}
        data["invitations"] = sorted(invitations.values(), key=lambda r: (r["created_at"] or "", r["uid"]))
        about = {m["uid"] for r in registrations for m in r["messages"]}
        data["messages"] = [m for m in self.store.read("privacy/list_messages_to", emails=subject.emails)
                            if m["uid"] not in about] if subject.emails else []
        data["accounts"] = self.store.read("privacy/list_users_by_email", emails=subject.emails) \
            if subject.emails else []
        subjects += [u["uid"] for u in data["accounts"]]
        data["audit"] = self.store.read("privacy/list_audit_entries", subjects=subjects)
        data["note"] = ("Persönliche Links und Einladungslinks werden nur als Prüfsumme gespeichert und sind "
                        "nicht enthalten. Zugänge: ohne Passwort-Prüfsumme.")
        return data

    # --- erasure (Art. 17) ----------------------------------------------------------------------
    def erase(self, subject, by):
        """Anonymises the subject in one unit of idempotent statements: the history and the outbox
        scrubbed, invitations and registrations with their e-mail anonymised (counts stay), and for
        an entry its name replaced, contacts and links removed, erased_at set (the entry is written
        last: a unit that fails before can simply run again). Then checked import files that name
        them are deleted. Returns what was done."""
        now = now_iso()
        regs = self.store.read("privacy/list_registrations_by_email", emails=subject.emails) \
            if subject.emails else []
        by_event = {}
        for row in regs:
            by_event.setdefault(row["event_uid"], []).append(row["uid"])
        steps = []
        if subject.emails:
            steps.append(("privacy/scrub_messages", {"emails": subject.emails}))
        steps.append(("privacy/anonymise_invitations", {"person": subject.uid, "emails": subject.emails,
                                                        "now": now}))
        for event_uid, uids in sorted(by_event.items()):
            steps.append(("participants/anonymise_registrations", {"event": event_uid, "registrations": uids,
                                                                   "now": now}))
        if subject.kind == "person":
            placeholder = placeholder_name(subject.uid)
            if subject.name and subject.name != placeholder:
                steps.append(("privacy/scrub_changes", {"uid": subject.uid, "old": subject.name,
                                                        "new": placeholder}))
            key = fold(placeholder)
            steps.append(("privacy/delete_person_consents", {"uid": subject.uid}))
            steps.append(("privacy/erase_person", {"uid": subject.uid, "name": placeholder, "name_key": key,
                                                   "name_start": key[:2], "now": now}))
            if not subject.erased_at:
                steps.append(("register/record_change", {
                    "uid": new_uid(), "uids": [subject.uid], "now": now, "by": by, "action": "update",
                    "summary": "Personenbezogene Daten gelöscht (DSGVO Art. 17)", "private": False}))
        self.store.write_unit(steps)
        files = self._remove_stashed_files([subject.name] + subject.emails)
        return {"registrations": len(regs), "files": files}

    def _remove_stashed_files(self, needles):
        """Checked import files (kept an hour at most) that hold the name or an e-mail: deleted
        with their note, so an erased person cannot come back through a pending import."""
        stash = self.data_dir / STASH_DIR
        needles = [n for n in needles if n and len(n) >= 3]
        if not stash.is_dir() or not needles:
            return 0
        patterns = {p for n in needles for p in (n.encode("utf-8"), n.lower().encode("utf-8"),
                                                 n.encode("cp1252", "ignore"))}
        removed = 0
        for path in stash.glob("*.bin"):
            data = path.read_bytes()
            lowered = data.lower()
            if any(p in data or p in lowered for p in patterns):
                path.unlink(missing_ok=True)
                path.with_suffix(".json").unlink(missing_ok=True)
                removed += 1
        return removed
