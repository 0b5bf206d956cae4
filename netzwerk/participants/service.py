"""After the registration: attendance grows the network, participant data protection (export,
erasure, retention), messages to participants, badges and the sign-in sheet.

The per-event access rule is the registrations' (`Registrations.can_manage`); this module only
works on events whose access the caller has checked.
"""
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import combinations

from ..clock import now_millis
from ..errors import Closed, DomainError, NotFound
from ..mail import render
from ..register.model import KINDS
from ..register.service import entry_props
from ..registrations.questions import answers_text, load_questions
from ..registrations.service import berlin_now
from ..text import fold, new_uid
from . import pdf

DEFAULT_RETENTION_DAYS = 90
MAX_RETENTION_DAYS = 3650
# the groups a message to participants goes to (count_message_recipients has the rule)
GROUPS = ("all", "confirmed", "waitlisted", "checked_in", "cancelled")
MAX_SUBJECT, MAX_BODY = 200, 5000
# uid of a Person made from a participant: the same e-mail always gives the same uid, so a
# repeated run (or one event after another) finds the person it made instead of a second one
_PERSON_NAMESPACE = uuid.UUID("7b0f6f1e-2f55-4c43-9b55-6a6f3d1e1c2a")


def _person_uid(email_key):
    return str(uuid.uuid5(_PERSON_NAMESPACE, f"attendee:{email_key}"))


def event_end(event):
    """The event's end as a datetime (its start when no end is given); None without dates."""
    text = event.get("ends_at") or event.get("starts_at")
    try:
        return datetime.fromisoformat(str(text))
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Candidate:
    """A participant who may be connected: the person they are (or will be) and the actor their
    organisation matches, if any."""
    uid: str
    name: str
    organisation: str
    checked_in: bool
    person_uid: str
    person_name: str      # the existing person's name, or "" when one will be made
    actor_uid: str
    actor_name: str


class Participants:
    def __init__(self, store):
        self.store = store

    # --- attendance grows the network ---------------------------------------------------------
    def network_candidates(self, event_uid):
        """Confirmed participants who agreed to be connected, matched to people by e-mail and to
        actors by the folded name of the organisation they gave."""
        rows = self.store.read("participants/list_network_candidates", event=event_uid)
        emails = sorted({row["email_key"] for row in rows})
        people = {}
        for person in self.store.read("participants/list_people_by_email", emails=emails) if emails else ():
            people.setdefault(person["email_key"], person)  # the oldest person with that e-mail
        keys = sorted({fold(row["organisation"]) for row in rows if row.get("organisation")})
        actors = {}
        for actor in self.store.read("participants/list_actors_by_name_key", keys=keys) if keys else ():
            actors.setdefault(actor["name_key"], actor)
        result = []
        for row in rows:
            person = people.get(row["email_key"])
            actor = actors.get(fold(row["organisation"])) if row.get("organisation") else None
            result.append(Candidate(
                row["uid"], row["name"], row.get("organisation") or "", bool(row.get("checked_in_at")),
                person["uid"] if person else _person_uid(row["email_key"]), person["name"] if person else "",
                actor["uid"] if actor else "", actor["name"] if actor else ""))
        return result

    def record_meeting(self, event, met, works_at, by):
        """Who met whom: every pair among the registrations `met` becomes (or strengthens) a KNOWS
        link with the event as context; `works_at` (registrations whose organisation the organiser
        confirmed as an actor) get WORKS_AT. One unit of idempotent statements: running it again
        changes nothing. Only participants who agreed count; others are ignored."""
        now = berlin_now()
        start = str(event.get("starts_at") or "")
        if not start or now < start:
            raise Closed("Wer wen getroffen hat, lässt sich erst ab Beginn der Veranstaltung festhalten.")
        candidates = {c.uid: c for c in self.network_candidates(event["uid"])}
        chosen = [candidates[uid] for uid in dict.fromkeys(met) if uid in candidates]
        linked = [candidates[uid] for uid in dict.fromkeys(works_at) if uid in candidates and candidates[uid].actor_uid]
        if len(chosen) < 2 and not linked:
            raise DomainError("Bitte mindestens zwei Personen auswählen, die sich getroffen haben.")
        involved = {c.uid: c for c in chosen + linked}.values()
        new_people = [{"uid": c.person_uid, "by": by, "props": self._person_props(c, event)}
                      for c in involved if not c.person_name]
        pairs = sorted({tuple(sorted((a.person_uid, b.person_uid))) for a, b in combinations(chosen, 2)
                        if a.person_uid != b.person_uid})
        steps = []
        if new_people:
            steps.append(("graph/merge_people", {"rows": new_people, "now": now}))
        if pairs:
            steps.append(("participants/merge_event_knows", {
                "pairs": [{"a": a, "b": b} for a, b in pairs], "event": event["uid"],
                "context": event.get("name") or "", "since": start[:10]}))
        if linked:
            steps.append(("participants/merge_attendee_works_at", {
                "links": [{"person": c.person_uid, "actor": c.actor_uid} for c in linked]}))
        # what the unit will do, for the organiser's report (write_unit returns no rows)
        existing = {}
        if pairs:
            for link in self.store.read("participants/list_knows_between", people=sorted({p for pair in pairs for p in pair})):
                existing.setdefault(tuple(sorted((link["a"], link["b"]))), []).append(link.get("events") or [])
        created = sum(pair not in existing for pair in pairs)
        strengthened = sum(pair in existing and any(event["uid"] not in events for events in existing[pair])
                           for pair in pairs)
        self.store.write_unit(steps)
        return {"people": len(new_people), "created": created,
                "strengthened": strengthened, "unchanged": len(pairs) - created - strengthened,
                "works_at": len(linked)}

    def _person_props(self, candidate, event):
        """As little as the network needs: the name, and the e-mail that matches the person next
        time (shown to coordinators only); the consent it rests on goes into the consent note."""
        values = {"name": candidate.name, "email": self._email_of(event["uid"], candidate.uid),
                  "consent_note": (f"Bei der Anmeldung zu „{event.get('name')}“ "
                                   f"({str(event.get('starts_at') or '')[:10]}) eingewilligt, mit anderen "
                                   "Teilnehmenden im Netzwerk verbunden zu werden.")}
        return {k: v for k, v in entry_props(KINDS["people"], values).items() if v is not None}

    def _email_of(self, event_uid, registration_uid):
        for row in self.store.read("participants/list_network_candidates", event=event_uid):
            if row["uid"] == registration_uid:
                return row["email"]
        return None

    # --- data protection ----------------------------------------------------------------------
    def participant_data(self, event_uid, registration_uid):
        """Everything stored about one participant of the event, as a JSON-ready dict."""
        row = self.store.read_one("participants/get_participant_data", event=event_uid,
                                  registration=registration_uid)
        if row is None:
            raise NotFound("Diese Anmeldung gibt es nicht.")
        registration = dict(row["registration"])
        event = self.store.read_one("registrations/get_registration_event", event=event_uid)["event"]
        questions = load_questions(event.get("registration_questions"))
        answers = json.loads(registration.pop("answers", None) or "{}")
        messages = []
        for message in row["messages"]:
            message = {k: v for k, v in dict(message).items() if v is not None}
            full = {**message, "event_name": row["event_name"], "event_starts_at": row["event_starts_at"]}
            if message.get("kind") and message.get("to_email"):
                message["rendered_subject"], message["rendered_text"] = render(full)
            messages.append(message)
        consent = {"text": registration.pop("consent_text", None),
                   "version": registration.pop("consent_version", None),
                   "given_at": registration.pop("consent_at", None),
                   "how": registration.pop("consent_how", None)}
        network = {"given": bool(registration.pop("network_consent", False)),
                   "text": registration.pop("network_consent_text", None),
                   "version": registration.pop("network_consent_version", None),
                   "given_at": registration.pop("network_consent_at", None),
                   "how": registration.pop("network_consent_how", None),
                   "withdrawn_at": registration.pop("network_consent_withdrawn_at", None),
                   "withdrawn_how": registration.pop("network_consent_withdrawn_how", None)}
        registration.pop("form_token", None)  # an internal idempotency key, not about the person
        return {
            "exported_at": berlin_now(),
            "event": {"uid": row["event_uid"], "name": row["event_name"], "starts_at": row["event_starts_at"],
                      "ends_at": row["event_ends_at"]},
            "registration": registration,
            "answers": [{"question": label, "answer": text} for label, text in answers_text(questions, answers)]
            + [{"question": key, "answer": value} for key, value in answers.items()
               if key not in {q.key for q in questions}],
            "consent": consent,
            "network_consent": network,
            "messages": messages,
            "note": "Persönliche Links werden nur als Prüfsumme gespeichert und sind nicht enthalten.",
        }

    def erase(self, event_uid, registration_uid):
        """Anonymises one participant; returns False when it was anonymised before."""
        self.participant_data(event_uid, registration_uid)  # NotFound for another event's registration
        rows = self.store.write("participants/anonymise_registrations", event=event_uid,
                                registrations=[registration_uid], now=berlin_now())
        return bool(rows and rows[0]["anonymised"])

    def set_retention(self, event_uid, days):
        if days is None or not 0 <= days <= MAX_RETENTION_DAYS:
            raise DomainError("Bitte eine Zahl von 0 bis {max} Tagen angeben.", max=MAX_RETENTION_DAYS)
        if not self.store.write("participants/set_event_retention", event=event_uid, days=days):
            raise NotFound("Diese Veranstaltung gibt es nicht.")

    def retention(self, now=None, apply=False, default_days=DEFAULT_RETENTION_DAYS):
        """Events whose retention period is over and that still hold participant data: one dict each
        (uid, name, ended, days, due_since, registrations, confirmed, waitlisted, cancelled). With
        `apply` their registrations are anonymised (counts kept). Idempotent: a second run finds
        nothing left to do."""
        now = datetime.fromisoformat(now or berlin_now())
        due = []
        for row in self.store.read("participants/list_retention_candidates"):
            end = event_end(row)
            if end is None:
                continue
            days = row["retention_days"] if row.get("retention_days") is not None else default_days
            limit = end + timedelta(days=days)
            if now < limit:
                continue
            item = {"uid": row["uid"], "name": row["name"], "ended": end, "days": days, "due_since": limit,
                    "registrations": len(row["registrations"]), "confirmed": int(row["confirmed"]),
                    "waitlisted": int(row["waitlisted"]), "cancelled": int(row["cancelled"])}
            if apply:
                done = self.store.write("participants/anonymise_registrations", event=row["uid"],
                                        registrations=row["registrations"], now=now.isoformat(timespec="seconds"))
                item["registrations"] = done[0]["anonymised"] if done else 0
            due.append(item)
        return due

    # --- messages to participants -------------------------------------------------------------
    def recipients(self, event_uid, group):
        if group not in GROUPS:
            raise DomainError("Unbekannte Gruppe.")
        row = self.store.read_one("participants/count_message_recipients", event=event_uid, group=group)
        return row["recipients"] if row else 0

    def send_message(self, event_uid, group, subject, body, batch):
        """One outbox message per recipient of the group; the same batch sent again adds none."""
        if group not in GROUPS:
            raise DomainError("Unbekannte Gruppe.")
        subject, body = (subject or "").strip(), (body or "").strip()
        if not subject or not body or len(subject) > MAX_SUBJECT or len(body) > MAX_BODY:
            raise DomainError("Bitte Betreff (höchstens {s} Zeichen) und Text (höchstens {b} Zeichen) angeben.",
                              s=MAX_SUBJECT, b=MAX_BODY)
        now = berlin_now()
        message = {"status": "pending", "attempts": 0, "next_attempt_at": now_millis(), "created_at": now}
        rows = self.store.write("participants/create_participant_messages", event=event_uid, group=group,
                                batch=batch or new_uid(), message=message, subject=subject, body=body)
        return rows[0]["messages"] if rows else 0

    # --- print ----------------------------------------------------------------------------------
    def printable(self, event_uid):
        """Confirmed participants with a name, sorted by name as people look for it on a list."""
        rows = self.store.read("participants/list_printable_participants", event=event_uid)
        return sorted(rows, key=lambda r: fold(r["name"]))

    def badges_pdf(self, event):
        return pdf.badges(event.get("name") or "", self.printable(event["uid"]))

    def sign_in_pdf(self, event, when, headings, note=""):
        return pdf.sign_in_sheet(event.get("name") or "", when, headings, self.printable(event["uid"]), note)
