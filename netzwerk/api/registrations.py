"""/api/v1/ for events, their questions and registrations (routes on the API blueprint):

  GET    /events                                   events (every API user is signed in: all of them)
  POST   /events                                   create (events.manage)
  GET    /events/<uid>                             one event with its links
  PUT    /events/<uid>, PATCH                      update with the version read (events.manage)
  DELETE /events/<uid>                             delete (events.manage; 409 while it has registrations)
  GET    /events/<uid>/questions                   the event's registration questions
  PUT    /events/<uid>/questions                   replace them (the event's organisers)
  POST   /events/<uid>/registrations               register someone: the public form's rules
  GET    /events/<uid>/registrations               participants (the event's organisers)
  GET    /events/<uid>/registrations/<id>          one participant (the event's organisers)
  POST   /events/<uid>/registrations/<id>/cancel   cancel; the first waitlisted move up
  POST   /events/<uid>/registrations/<id>/check-in check in ({"present": false} checks out)

Per-object rule as on the organisers' pages: members get 403, organisers of other events 404.
A registration answers the same for a new registration, a waitlisted one and an e-mail that is
already registered (202 and one message), unless the caller organises the event. The header
`Idempotency-Key` is the API's form token: a retry with the same key finds what the first made.
"""
import secrets

from flask import g, jsonify, request

from ..audit.trail import note
from ..errors import DomainError, NotFound
from ..events import events
from ..fields import FieldError
from ..register import register
from ..register.model import KINDS
from ..registrations import registrations
from ..registrations.questions import MAX_CHOICES, MAX_LABEL, MAX_QUESTIONS, QUESTION_TYPES, Question
from . import _body, _require, _validated, bp

EVENTS = KINDS["events"]
NEUTRAL = "Wir haben eine E-Mail an die angegebene Adresse geschickt."
MAX_IDEMPOTENCY_KEY = 200
REGISTRATION_FIELDS = ("uid", "name", "email", "status", "seq", "answers", "created_at", "checked_in_at",
                       "consent_version", "source", "position")


def _page_args():
    try:
        page = max(1, int(request.args.get("page", 1)))
        per_page = min(500, max(1, int(request.args.get("per_page", 100))))
    except ValueError:
        raise DomainError("page und per_page müssen ganze Zahlen sein.") from None
    return page, per_page


def _managed(uid):
    """The event's settings, if the caller may manage its registrations: 403 for roles that
    manage no events, 404 for organisers of other events (they learn nothing about it)."""
    _require("events.manage")
    event = registrations().form_event(uid)
    if not registrations().can_manage(g.api_user, uid):
        raise NotFound("Diese Veranstaltung gibt es nicht.")
    return event


def _entry(uid):
    entry = register().get(EVENTS, uid, with_private=True)
    sections, _ = register().link_sections(EVENTS, uid)
    entry["links"] = [{"type": s["link"].type, "direction": s["direction"], "kind": s["other"].key,
                       "items": [{"uid": i["uid"], "name": i["name"], **i["props"]} for i in s["items"]]}
                      for s in sections if s["items"]]
    return entry


# --- events -----------------------------------------------------------------------------------
@bp.route("/events", methods=["GET"])
def list_events():
    _require("register.read")
    page, per_page = _page_args()
    result = events().list(True, past=request.args.get("past") in ("1", "true"), q=request.args.get("q", ""),
                           district=request.args.get("district", ""), field=request.args.get("field", ""),
                           organiser=request.args.get("organiser", ""), page=page, per_page=per_page)
    return jsonify(items=result.rows, total=result.total, page=page, per_page=per_page)


@bp.route("/events", methods=["POST"])
def create_event():
    _require("events.manage")
    values, error = _validated(EVENTS, _body())
    if error:
        return error
    uid = events().create(values, g.api_user.name)
    response = jsonify(_entry(uid))
    response.status_code = 201
    response.headers["Location"] = f"/api/v1/events/{uid}"
    return response


@bp.route("/events/<uid>", methods=["GET"])
def get_event(uid):
    _require("register.read")
    return jsonify(_entry(uid))


@bp.route("/events/<uid>", methods=["PUT", "PATCH"])
def update_event(uid):
    _require("events.manage")
    body = _body()
    if not isinstance(body, dict) or type(body.get("version")) is not int:
        raise DomainError("Die Version, die Sie gelesen haben, fehlt: \"version\" (ganze Zahl).")
    if request.method == "PATCH":
        current = register().get(EVENTS, uid, with_private=True)
        body = {**{k: current.get(k) for k in EVENTS.field_names}, **body}
    values, error = _validated(EVENTS, body)
    if error:
        return error
    # through the events service: a changed capacity moves the waitlist up at once
    events().update(uid, body["version"], values, g.api_user.name)
    return jsonify(_entry(uid))


@bp.route("/events/<uid>", methods=["DELETE"])
def delete_event(uid):
    _require("events.manage")
    events().delete(uid)
    return "", 204


# --- questions ----------------------------------------------------------------------------------
@bp.route("/events/<uid>/questions", methods=["GET"])
def get_questions(uid):
    _require("register.read")
    return jsonify(questions=[q.as_dict() for q in registrations().form_event(uid)["questions"]])


def _question(item, index, known, taken):
    types = {key for key, _label in QUESTION_TYPES}
    if not isinstance(item, dict):
        raise DomainError("Frage {number}: ein JSON-Objekt erwartet.", number=index + 1)
    label, type_ = item.get("label"), item.get("type", "text")
    choices, required = item.get("choices") or [], item.get("required", False)
    if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
        raise DomainError("Frage {number}: \"label\" fehlt oder ist länger als {max} Zeichen.",
                          number=index + 1, max=MAX_LABEL)
    if type_ not in types:
        raise DomainError("Frage {number}: \"type\" muss eines davon sein: {types}.", number=index + 1,
                          types=", ".join(sorted(types)))
    if not isinstance(choices, list) or len(choices) > MAX_CHOICES or \
            not all(isinstance(c, str) and c.strip() and len(c) <= MAX_LABEL for c in choices) or \
            (type_ in ("choice", "multi")) != bool(choices):
        raise DomainError("Frage {number}: eine Auswahl braucht \"choices\" (höchstens {max}), andere Arten keine.",
                          number=index + 1, max=MAX_CHOICES)
    if type(required) is not bool:
        raise DomainError("Frage {number}: \"required\" muss true oder false sein.", number=index + 1)
    key = item.get("key")
    if key not in known:  # a known key keeps its answers; anything else is a new question
        key = registrations().new_question(label, type_, choices, required, taken).key
    taken.add(key)
    return Question(key, label.strip(), type_, tuple(c.strip() for c in choices), required)


@bp.route("/events/<uid>/questions", methods=["PUT"])
def put_questions(uid):
    event = _managed(uid)
    body = _body()
    items = body.get("questions") if isinstance(body, dict) else None
    if not isinstance(items, list) or len(items) > MAX_QUESTIONS:
        raise DomainError("Bitte ein JSON-Objekt mit \"questions\" senden (eine Liste, höchstens {max} Fragen).", max=MAX_QUESTIONS)
    known = {q.key for q in event["questions"]}
    taken = set(known)
    questions = [_question(item, i, known, taken) for i, item in enumerate(items)]
    registrations().set_questions(uid, questions)
    return jsonify(questions=[q.as_dict() for q in questions])


# --- registrations ------------------------------------------------------------------------------
def _registration_values(event, body):
    """name, email, answers and language of a JSON body, each answer parsed by its question's
    field type as on the form; consent must be given (true)."""
    if not isinstance(body, dict):
        raise DomainError("Der Inhalt muss ein JSON-Objekt sein.")
    unknown = set(body) - {"name", "email", "answers", "consent", "language", "invitation"}
    if unknown:
        raise DomainError("Unbekannte Felder: {fields}", fields=", ".join(sorted(unknown)))
    errors, answers = {}, {}
    name, email = body.get("name"), body.get("email")
    if not isinstance(name, str) or not name.strip() or len(name) > 120:
        errors["name"] = ["Bitte einen Namen angeben (höchstens 120 Zeichen)."]
    if not isinstance(email, str) or not email.strip() or len(email) > 254:
        errors["email"] = ["Bitte eine gültige E-Mail-Adresse angeben."]
    if body.get("consent") is not True:
        errors["consent"] = ["Ohne Einverständnis (\"consent\": true) können wir niemanden anmelden."]
    given = body.get("answers") or {}
    if not isinstance(given, dict):
        errors["answers"] = ["\"answers\" muss ein Objekt sein: Schlüssel der Frage → Antwort."]
        given = {}
    unknown_keys = set(given) - {q.key for q in event["questions"]}
    if unknown_keys:
        errors["answers"] = ["Unbekannte Fragen: " + ", ".join(sorted(unknown_keys))]
    for question in event["questions"]:
        try:
            answers[question.key] = question.field.parse(given.get(question.key))
        except FieldError as error:
            errors[f"answers.{question.key}"] = [str(error)]
    language = body.get("language", "de")
    if language not in ("de", "en"):
        errors["language"] = ["\"language\" ist de oder en."]
    invitation = body.get("invitation", "")
    if not isinstance(invitation, str):
        errors["invitation"] = ["\"invitation\" ist der Text des persönlichen Einladungslinks."]
    if errors:
        response = jsonify(error="Ungültige Angaben", status=400, message="Bitte die Felder prüfen.", fields=errors)
        response.status_code = 400
        return None, response
    return dict(name=name, email=email, answers=answers, language=language, invitation_token=invitation), None


def _form_token():
    """The Idempotency-Key header as the form token, in the caller's own namespace (nobody can
    reach another account's registrations by guessing keys); without it a fresh one."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key:
        return "api:" + secrets.token_urlsafe(16)
    if len(key) > MAX_IDEMPOTENCY_KEY or not key.isprintable():
        raise DomainError("Idempotency-Key: höchstens {max} druckbare Zeichen.", max=MAX_IDEMPOTENCY_KEY)
    return f"api:{g.api_user.uid}:{key}"


def _personal_link(token):
    from flask import url_for
    return url_for("registrations.personal", token=token, _external=True)


@bp.route("/events/<uid>/registrations", methods=["POST"])
def create_registration(uid):
    _require("register.read")
    service = registrations()
    event = service.form_event(uid)  # served from the cache a rush of registrations keeps
    values, error = _registration_values(event, _body())
    if error:
        return error
    # one statement: window, status and visibility (409 when closed), the event's lock,
    # duplicates, capacity, the outbox message; no rate limits for API keys (address None):
    # the caller is an account
    outcome = service.register(uid, form_token=_form_token(), link_for=_personal_link, how="api", **values)
    body = {"message": NEUTRAL}
    if service.can_manage(g.api_user, uid):  # organisers learn what happened; nobody else
        body["registration"] = {"uid": outcome.uid, "status": outcome.status, "outcome": outcome.kind}
    response = jsonify(body)
    response.status_code = 202
    return response


def _registration_json(row):
    return {k: row.get(k) for k in REGISTRATION_FIELDS if k in row}


@bp.route("/events/<uid>/registrations", methods=["GET"])
def list_registrations(uid):
    _managed(uid)
    rows = registrations().participants(uid, request.args.get("q", "").strip()[:100])
    status = request.args.get("status")
    if status:
        rows = [r for r in rows if r["status"] == status]
    page, per_page = _page_args()
    items = [_registration_json(r) for r in rows[(page - 1) * per_page:page * per_page]]
    note("view", "event", uid, "participants")
    return jsonify(items=items, total=len(rows), page=page, per_page=per_page)


def _one(uid, registration):
    rows = [r for r in registrations().participants(uid) if r["uid"] == registration]
    if not rows:
        raise NotFound("Diese Anmeldung gibt es nicht.")
    return rows[0]


@bp.route("/events/<uid>/registrations/<registration>", methods=["GET"])
def get_registration(uid, registration):
    _managed(uid)
    row = _one(uid, registration)
    note("view", "registration", registration, "registration")
    return jsonify(_registration_json(row))


@bp.route("/events/<uid>/registrations/<registration>/cancel", methods=["POST"])
def cancel_registration(uid, registration):
    _managed(uid)
    _one(uid, registration)
    note("update", "registration", registration, "registration")  # before the change: see docs/audit.md
    cancelled, promoted = registrations().cancel(uid, registration)
    return jsonify(cancelled=bool(cancelled), promoted=promoted,
                   registration=_registration_json(_one(uid, registration)))


@bp.route("/events/<uid>/registrations/<registration>/check-in", methods=["POST"])
def check_in(uid, registration):
    _managed(uid)
    body = _body() if request.get_data() else {}
    present = body.get("present", True) if isinstance(body, dict) else None
    if type(present) is not bool:
        raise DomainError("\"present\" muss true oder false sein.")
    _one(uid, registration)
    note("update", "registration", registration, "check_in")  # before the change: see docs/audit.md
    registrations().check_in(uid, registration, present)
    return jsonify(_registration_json(_one(uid, registration)))
