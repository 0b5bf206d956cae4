"""Registrations: the public form's operations, capacity and waitlist, invitations, organisers.

Every change that tells someone something writes its outbox message in the same statement
(queries/registrations/); the capacity check runs under the event's lock. Secret links are
`secrets.token_urlsafe(32)` and only their SHA-256 is stored.
"""
import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from ..auth.service import is_valid_email, normalise_email
from ..clock import now_millis
from ..errors import Closed, DomainError, Forbidden, NotFound
from ..store import StoreUnavailable
from ..text import fold, new_uid
from ..vocabularies import FIELDS_OF_ACTION
from .. import consent
from .batch import GroupCommit
from .questions import MAX_QUESTIONS, Question, dump_questions, load_questions

BERLIN = ZoneInfo("Europe/Berlin")
# what a person agrees to: the texts and their versions live in netzwerk/consent.py; the version is
# stored with each registration, so a later change of the wording never rewrites what someone agreed to
CONSENT_VERSION, CONSENT_TEXT = consent.current("registration")
MANUAL_CONSENT_VERSION, MANUAL_CONSENT_TEXT = consent.current("registration_manual")
# the second, optional consent: after the event the organisers may record whom one met there
# (netzwerk/participants/): one becomes a Person of the network, known to the others who agreed
NETWORK_CONSENT_VERSION, NETWORK_CONSENT_TEXT = consent.current("network")

def berlin_now():
    """Local time in Berlin, as the events' times are stored ("2016-06-16T10:30:00")."""
    return datetime.now(BERLIN).strftime("%Y-%m-%dT%H:%M:%S")


def token_hash(token):
    # 256 random bits: a plain SHA-256 cannot be reversed or guessed
    return hashlib.sha256(token.encode()).hexdigest()


class TooManyAttempts(DomainError):
    status = 429
    title = "Zu viele Versuche"
    headers = {"Retry-After": "600"}


@dataclass(frozen=True)
class Outcome:
    """What a registration attempt did. The public page says the same for all three."""
    kind: str            # "created", "existing" (this e-mail was registered: link sent again), "retry" (this form was sent before)
    status: str = ""     # confirmed | waitlisted, for "created"
    uid: str = ""


def window_state(event, now):
    """Why the public form is open or not: open, not_yet, closed, unavailable."""
    if event.get("status") != "published" or event.get("visibility") not in ("public", "invitation"):
        return "unavailable"
    if event.get("registration_opens") and now < event["registration_opens"]:
        return "not_yet"
    if event.get("registration_closes") and now >= event["registration_closes"]:
        return "closed"
    return "open"


class Registrations:
    def __init__(self, store, *, secret_key, address_limit=10, event_limit=600, window_seconds=600,
                 unlocked=False, batch_rows=64):
        self.store = store
        self.secret_key = secret_key
        self.address_limit = address_limit
        self.event_limit = event_limit
        self.window_seconds = window_seconds
        # the control run of the concurrency proof only (create_app allows it in tests alone)
        self.unlocked = unlocked
        # registrations of one event that arrive at this process while its statement runs are
        # written together by the next one (batch.py); at most batch_rows in one statement
        self.group_commit = GroupCommit(self._create_batch, batch_rows)

    # --- events ---------------------------------------------------------------------------
    def event(self, uid):
        row = self.store.read_one("registrations/get_registration_event", event=uid)
        if row is None:
            raise NotFound("Diese Veranstaltung gibt es nicht.")
        event = dict(row["event"])
        event.update(confirmed=row["confirmed"], waitlisted=row["waitlisted"],
                     questions=load_questions(event.get("registration_questions")))
        capacity = event.get("capacity")
        event["free"] = None if capacity is None else max(0, capacity - row["confirmed"])
        return event

    def form_event(self, uid):
        """The event's settings for the form and the API, from a read that registrations do not
        retire (`cache: stable`): under a rush it is served from memory. No counts: see places()."""
        row = self.store.read_one("registrations/get_registration_form_event", event=uid)
        if row is None:
            raise NotFound("Diese Veranstaltung gibt es nicht.")
        event = dict(row)
        event["questions"] = load_questions(event.get("registration_questions"))
        return event

    def free_places(self, uid):
        """Free places (None: unlimited), from the counter kept under the event's lock: one
        indexed read, no walk over the registrations."""
        row = self.store.read_one("registrations/get_event_places", event=uid)
        if row is None or row["capacity"] is None:
            return None
        return max(0, row["capacity"] - row["confirmed"])

    def is_full(self, uid):
        """Whether every place is taken, from a read that registrations do not retire (`cache:
        stable`): the statement that takes the last place retires it (see _create_batch), as
        does a cancellation or a change of the event. What the form page shows; whether a
        registration gets a place is decided in its statement."""
        row = self.store.read_one("registrations/get_event_full", event=uid)
        return bool(row and row["full"])

    def set_questions(self, event_uid, questions):
        if len(questions) > MAX_QUESTIONS:
            raise DomainError("Höchstens {max} Fragen.", max=MAX_QUESTIONS)
        if not self.store.write("registrations/set_registration_questions", event=event_uid,
                                questions=dump_questions(questions)):
            raise NotFound("Diese Veranstaltung gibt es nicht.")

    @staticmethod
    def new_question(label, type_, choices, required, taken):
        """A question with a key not yet used in the event (answers are stored under it)."""
        key = secrets.token_hex(4)
        while key in taken:
            key = secrets.token_hex(4)
        return Question(key, label, type_, tuple(choices), required)

    # --- abuse --------------------------------------------------------------------------
    def _key(self, kind, value):
        digest = hmac.new(self.secret_key.encode(), f"{kind}:{value}".encode(), hashlib.sha256)
        return f"{kind}:{digest.hexdigest()[:32]}"

    def _rate_keys(self, event_uid, address):
        keys = {}  # a limit of 0 is switched off (the concurrency proof measures the lock alone)
        if self.address_limit:
            keys["address"] = self._key("reg-address", address or "unknown")
        if self.event_limit:
            keys["event"] = self._key("reg-event", event_uid)
        return keys

    def _rate_params(self, event_uid, address):
        """The keys whose rate limits create_registrations counts this attempt against, in the
        same statement; address None (API keys, organisers adding someone) skips them: those
        callers are accountable. '' is no key."""
        keys = self._rate_keys(event_uid, address) if address is not None else {}
        return dict(address_key=keys.get("address", ""), event_key=keys.get("event", ""))

    @staticmethod
    def _too_many():
        return TooManyAttempts("Zu viele Anmeldungen in kurzer Zeit. Bitte versuchen Sie es in "
                               "einigen Minuten noch einmal.")

    def check_rate(self, event_uid, address):
        """Counts an attempt that does not reach create_registrations (a bot's, an invalid form)
        per address and per event; TooManyAttempts past a limit."""
        now = now_millis()
        keys = self._rate_keys(event_uid, address)
        if not keys:
            return
        rows = self.store.write("registrations/record_registration_attempt", keys=list(keys.values()),
                                now=now, since=now - self.window_seconds * 1000)
        hits = {row["key"]: row["hits"] for row in rows}
        if hits.get(keys.get("address"), 0) > self.address_limit or hits.get(keys.get("event"), 0) > self.event_limit:
            raise self._too_many()

    # --- registering ------------------------------------------------------------------------
    @staticmethod
    def _message(now, secret_link=None, uid=None):
        message = {"status": "pending", "attempts": 0, "next_attempt_at": now_millis(), "created_at": now}
        if secret_link:
            message["secret_link"] = secret_link
        if uid:
            message["uid"] = uid
        return message

    def register(self, event_uid, *, name, email, answers, language, form_token, link_for,
                 invitation_token="", manual=False, by=None, address=None, organisation="",
                 network_consent=False, how=None):
        """Registers or waitlists someone, under the event's lock, with the outbox message.

        `address` (the client's, public form only) counts the attempt against the rate limits in
        the same statement; None skips them (API keys, organisers). TooManyAttempts past a limit.
        `link_for(token)` makes the personal link that goes into the e-mail. A second attempt
        with the same e-mail gets a fresh link by e-mail (Outcome "existing"); a resent form
        (same form token, e.g. after an unknown outcome) finds what it made ("retry").
        Raises Closed when the event takes no registrations (checked inside the statement).
        `how` the consent was given (a code of consent.HOWS): by default manual, invitation or form.
        """
        email = (email or "").strip()
        if not is_valid_email(email):
            raise DomainError("Bitte eine gültige E-Mail-Adresse angeben.")
        now = berlin_now()
        email_key = normalise_email(email)
        token, uid = secrets.token_urlsafe(32), new_uid()
        how = how or ("manual" if manual else ("invitation" if invitation_token else "form"))
        if how not in consent.HOWS:
            raise ValueError(f"unknown consent way {how!r}")
        registration = {
            "name": name.strip(), "email": email.strip(), "email_key": email_key,
            "answers": json.dumps(answers, ensure_ascii=False, sort_keys=True),
            "consent_text": MANUAL_CONSENT_TEXT if manual else CONSENT_TEXT,
            "consent_version": MANUAL_CONSENT_VERSION if manual else CONSENT_VERSION,
            "consent_at": now, "consent_how": how, "language": language, "form_token": form_token,
            "source": "manual" if manual else ("invitation" if invitation_token else "public"),
            "created_at": now, "created_by": by, "network_consent": bool(network_consent)}
        if (organisation or "").strip():
            registration["organisation"] = organisation.strip()
        if network_consent:
            registration.update(network_consent_text=NETWORK_CONSENT_TEXT,
                                network_consent_version=NETWORK_CONSENT_VERSION, network_consent_at=now,
                                network_consent_how=how)
        row = dict(uid=uid, registration=registration, link_hash=token_hash(token),
                   message=self._message(now, link_for(token)), form_token=form_token, email_key=email_key,
                   invitation=token_hash(invitation_token) if invitation_token else "", manual=bool(manual))
        if self.unlocked:  # the control run only: count first, decide in Python, then write
            if address is not None:
                self.check_rate(event_uid, address)
            event = self.event(event_uid)
            status = "confirmed" if event["free"] is None or event["free"] > 0 else "waitlisted"
            rows = self.store.write("registrations/create_registration_unlocked", event=event_uid, now=now,
                                    status=status, **row)
            result = rows[0] if rows else None
            self._retire_full_flag()  # the control run decides in Python: it may have filled the event
        else:
            row.update(self._rate_params(event_uid, address))
            result = self.group_commit.submit(event_uid, row, keys=("email:" + email_key, "form:" + form_token))
            self.store.read_own_writes()
        if result and result["created"]:
            return Outcome("created", result["status"], result["uid"])
        if result and result["limited"]:
            raise self._too_many()
        existing = self.store.read_one("registrations/find_registration", event=event_uid,
                                       form_token=form_token, email_key=email_key)
        if existing is None:
            raise Closed("Für diese Veranstaltung sind keine Anmeldungen möglich.")
        if existing["same_form"]:
            return Outcome("retry", existing["status"], existing["uid"])
        token = secrets.token_urlsafe(32)
        self.store.write("registrations/resend_registration_link", event=event_uid,
                         registration=existing["uid"], link_hash=token_hash(token),
                         message=self._message(now, link_for(token), uid=new_uid()), now=now)
        return Outcome("existing", existing["status"], existing["uid"])

    def _create_batch(self, event_uid, rows):
        """Writes registrations for one event in one statement (the group commit's `run`): each
        row's result ({created, limited, open, uid, status, seq}) in the order given, or None for
        every row when the event does not exist."""
        rows = [dict(row, index=index) for index, row in enumerate(rows)]
        hits = {}
        for row in reversed(rows):  # per row: how many rows after it count against the same key
            for key in ("address_key", "event_key"):
                row[key.replace("key", "after")] = hits.get(row[key], 0)
                if row[key]:
                    hits[row[key]] = hits.get(row[key], 0) + 1
        millis = now_millis()
        result = self.store.write(
            "registrations/create_registrations", event=event_uid, rows=rows,
            limits=[{"key": key, "count": count} for key, count in sorted(hits.items())],
            now=berlin_now(), millis=millis, since=millis - self.window_seconds * 1000,
            address_limit=self.address_limit, event_limit=self.event_limit)
        if any(row["filled"] for row in result):
            self._retire_full_flag()
        by_index = {row["index"]: row for row in result}
        return [by_index.get(index) for index in range(len(rows))]

    def _retire_full_flag(self):
        """The event is full now: the cached "not full" of every process goes (get_event_full).
        The registrations are saved: a failure here costs only that a form page may miss the
        waitlist notice until the next change, so it is logged, not raised."""
        try:
            self.store.retire_stable_reads()
        except StoreUnavailable:
            logging.getLogger(__name__).warning("could not retire cached reads after an event filled up")

    # --- the personal link --------------------------------------------------------------------
    def by_link(self, token):
        """The registration a personal link opens, with its event and waitlist place; or NotFound."""
        row = self.store.read_one("registrations/get_registration_by_link", link_hash=token_hash(token or ""))
        if row is None:
            raise NotFound("Dieser Link ist ungültig. Bitte nutzen Sie den Link aus Ihrer neuesten E-Mail.")
        registration = dict(row["registration"])
        registration["answers"] = json.loads(registration.get("answers") or "{}")
        event = dict(row["event"])
        event["questions"] = load_questions(event.get("registration_questions"))
        registration["position"] = row["position"]
        return registration, event

    def update_answers(self, token, name, answers):
        registration, _ = self.by_link(token)
        if registration["status"] == "cancelled":
            raise Closed("Diese Anmeldung ist abgemeldet und kann nicht mehr geändert werden.")
        self.store.write("registrations/update_registration_answers", registration=registration["uid"],
                         name=name.strip(), answers=json.dumps(answers, ensure_ascii=False, sort_keys=True),
                         now=berlin_now())

    def withdraw_network_consent(self, token):
        """Takes back the consent to be connected in the network (the personal link); True when
        it was given until now. Links already recorded stay (see docs/registrations.md)."""
        registration, _ = self.by_link(token)
        return bool(self.store.write("registrations/withdraw_network_consent", registration=registration["uid"],
                                     now=berlin_now(), how="personal_link"))

    def cancel_by_link(self, token):
        registration, event = self.by_link(token)
        return self.cancel(event["uid"], registration["uid"])

    def cancel(self, event_uid, registration_uid):
        """Cancels; the first waitlisted move up in the same statement. Returns (cancelled, promoted)."""
        now = berlin_now()
        rows = self.store.write("registrations/cancel_registration", event=event_uid,
                                registration=registration_uid, message=self._message(now), now=now)
        if not rows:
            raise NotFound("Diese Veranstaltung gibt es nicht.")
        return rows[0]["cancelled"], rows[0]["promoted"]

    def set_capacity(self, event_uid, capacity):
        """Sets the number of places (None: unlimited); returns how many moved up."""
        now = berlin_now()
        rows = self.store.write("registrations/set_event_capacity", event=event_uid, capacity=capacity,
                                message=self._message(now), now=now)
        if not rows:
            raise NotFound("Diese Veranstaltung gibt es nicht.")
        return rows[0]["promoted"]

    # --- organisers' view ---------------------------------------------------------------------
    def participants(self, event_uid, q=""):
        """Every registration in order of arrival, waitlist places numbered; filtered by ?q."""
        rows, place = [], 0
        for row in self.store.read("registrations/list_participants", event=event_uid):
            row = dict(row)
            row["answers"] = json.loads(row.get("answers") or "{}")
            if row["status"] == "waitlisted":
                place += 1
                row["position"] = place
            rows.append(row)
        if q:
            needle = fold(q)
            rows = [r for r in rows if needle in fold(f"{r['name']} {r['email']}")]
        return rows

    def check_in(self, event_uid, registration_uid, present):
        rows = self.store.write("registrations/set_checked_in", event=event_uid,
                                registration=registration_uid, at=berlin_now() if present else None)
        if not rows:
            raise NotFound("Nur bestätigte Teilnehmende können eingecheckt werden.")

    # --- invitations ----------------------------------------------------------------------------
    def invite(self, event_uid, name, email, link_for, by):
        email = (email or "").strip()
        if not is_valid_email(email):
            raise DomainError("Bitte eine gültige E-Mail-Adresse angeben.")
        now, token = berlin_now(), secrets.token_urlsafe(32)
        invitation = {"uid": new_uid(), "name": name.strip(), "email": email.strip(),
                      "email_key": normalise_email(email), "token_hash": token_hash(token),
                      "created_at": now, "created_by": by}
        rows = self.store.write("registrations/create_invitation", event=event_uid, invitation=invitation,
                                message=self._message(now, link_for(token), uid=new_uid()))
        if not rows:
            raise NotFound("Diese Veranstaltung gibt es nicht.")
        return rows[0]["uid"]

    def invitation(self, event_uid, token):
        if not token:
            return None
        return self.store.read_one("registrations/get_invitation", event=event_uid, token_hash=token_hash(token))

    def mark_invitation(self, event_uid, token, status):
        return bool(self.store.write("registrations/mark_invitation", event=event_uid,
                                     token_hash=token_hash(token or ""), status=status, now=berlin_now()))

    def invitations(self, event_uid):
        return self.store.read("registrations/list_invitations", event=event_uid)

    # --- invitations from the graph ----------------------------------------------------------
    def invitation_filter_options(self, *, with_knows):
        """The choices of the filters: districts, fields of action, round tables; the actors for
        "knows someone in" only when the viewer may read KNOWS (None otherwise)."""
        def options(item):
            return [(row["uid"], row["name"]) for row in self.store.read(f"register/list_{item}_options")]
        return {"districts": options("district"), "fields": list(FIELDS_OF_ACTION),
                "round_tables": options("round_table"), "actors": options("actor") if with_knows else None}

    def invitation_candidates(self, event_uid, *, district="", field="", round_table="", knows="",
                              with_knows=False, with_contacts=False):
        """The people who match every given filter, in name order: {uid, name, actors, has_email,
        invitable, invitation (state or None), email (only with_contacts)}. `knows` reads the
        private KNOWS links: refused unless with_knows."""
        if knows and not with_knows:
            raise Forbidden("Wer wen kennt, sehen nur Koordination und Administration.")
        if field and field not in dict(FIELDS_OF_ACTION):
            raise DomainError("Dieses Handlungsfeld gibt es nicht.")
        districts = None
        if district:  # the area: the district and everything below it, computed once
            districts = [district] + [row["uid"] for row in
                                      self.store.read("register/list_district_uids_in_area", district=district)]
        rows = self.store.read("registrations/list_invitation_candidates", event=event_uid, districts=districts,
                               field=field or None, round_table=round_table or None, knows=knows or None)
        result = []
        for row in rows:
            row = dict(row)
            row["has_email"] = bool(row["has_email"]) and is_valid_email(row["email"] or "")
            row["invitable"] = row["has_email"] and row["invitation"] is None
            if not with_contacts:
                row.pop("email")
            result.append(row)
        return result

    def invite_people(self, event_uid, person_uids, link_for, by, **filters):
        """Invites the chosen people, each with a personal link through the outbox; only people the
        same filters list, who have an e-mail and are not yet invited. Returns (invited, skipped)."""
        self.event(event_uid)
        chosen = set(person_uids)
        candidates = {row["uid"]: row for row in self.invitation_candidates(event_uid, with_contacts=True, **filters)}
        now, rows = berlin_now(), []
        for uid in chosen:
            row = candidates.get(uid)
            if row is None or not row["invitable"]:
                continue
            token = secrets.token_urlsafe(32)
            rows.append({"person": uid,
                         "invitation": {"uid": new_uid(), "email_key": normalise_email(row["email"]),
                                        "token_hash": token_hash(token), "created_at": now, "created_by": by,
                                        "source": "network"},
                         "message": self._message(now, link_for(token), uid=new_uid())})
        made = self.store.write("registrations/create_person_invitations", event=event_uid, rows=rows) if rows else []
        return len(made), len(chosen) - len(made)

    # --- who organises what ---------------------------------------------------------------------
    def can_manage(self, user, event_uid):
        """The per-object rule: coordinators and admins every event, organisers their own."""
        if not user.can("events.manage"):
            return False
        if user.can("events.all"):
            return True
        return self.store.read_one("registrations/is_event_organiser", event=event_uid, user=user.uid) is not None

    def managed_events(self, user):
        return self.store.read("registrations/list_managed_events", user=user.uid, all=user.can("events.all"))

    def organisers(self, event_uid):
        return self.store.read("registrations/list_event_organisers", event=event_uid)

    def add_organiser(self, event_uid, email):
        if not self.store.write("registrations/add_event_organiser", event=event_uid,
                                email=normalise_email(email), now=berlin_now()):
            raise DomainError("Kein Zugang mit dieser E-Mail und der Rolle Veranstaltungsorganisation "
                              "(oder höher).")

    def remove_organiser(self, event_uid, user_uid):
        self.store.write("registrations/remove_event_organiser", event=event_uid, user=user_uid)
