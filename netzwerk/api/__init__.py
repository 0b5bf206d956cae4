"""The JSON API, /api/v1/: the register's kinds, authenticated by per-user API tokens.

  GET    /api/v1/openapi.json             the OpenAPI document (no token needed)
  GET    /api/v1/<kind>                   list: ?q=, the kind's filters, page, per_page
  POST   /api/v1/<kind>                   create (201)
  GET    /api/v1/<kind>/<uid>             one entry with its links
  PUT    /api/v1/<kind>/<uid>             update; the body carries the version it was read at (409 if stale)
  DELETE /api/v1/<kind>/<uid>             delete (204)
  /api/v1/events…                          events, questions, registrations, check-in: registrations.py
  /api/v1/needs/<uid>/matches, met, status matching offers, a need met or dropped: needs.py
  /api/v1/gaps…                            the gap question and the coverage matrix: gaps.py
  /api/v1/network/…                        measures, introduction paths, suggestions: insight.py
  /api/v1/network/view…                    a network view's nodes and edges: network.py

Only `Authorization: Bearer <token>` authenticates here, never the session cookie, so the
API needs no CSRF token and a logged-in browser cannot be tricked into calling it.
"""
from flask import Blueprint, g, jsonify, request

from ..audit.trail import note, note_many
from ..auth import accounts
from ..errors import DomainError, Forbidden, NotFound
from ..extensions import csrf
from ..register import register
from ..fields import FieldError
from ..input_guard import json_body
from ..register.model import KINDS
from ..submissions import claim_idempotency_key
from .openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)


class Unauthorized(DomainError):
    status = 401
    title = "Nicht angemeldet"
    headers = {"WWW-Authenticate": "Bearer"}


@bp.before_request
def authenticate():
    if request.endpoint == "api.openapi":
        return
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    user = accounts().user_for_token(token.strip()) if scheme.lower() == "bearer" else None
    if user is None:
        raise Unauthorized("Ein gültiger API-Schlüssel fehlt (Authorization: Bearer …).")
    g.api_user = user
    # a POST sent again with the same Idempotency-Key gets the first answer, creates nothing
    return claim_idempotency_key(user)


def _require(permission):
    if not g.api_user.can(permission):
        raise Forbidden("Ihre Rolle erlaubt diese Aktion nicht.")


def _audited(kind, action, uid):
    """People are personal data: their creation, change and deletion go on the audit log."""
    if kind.key == "people":
        note(action, "person", uid, "person")


def _kind(key):
    kind = KINDS.get(key)
    if kind is None:
        raise NotFound(f"Unbekannte Art: {key}. Erlaubt: {', '.join(KINDS)}")
    return kind


def _body():
    """The request's JSON (depth-limited, clean strings) or a German 400."""
    if not request.is_json:
        raise DomainError("Bitte JSON senden (Content-Type: application/json).")
    return json_body(request.get_data())


def _validated(kind, body):
    """The stored values of a JSON body, each field parsed by its type exactly as the forms and
    the import do; wrong types are refused, never turned into text."""
    if not isinstance(body, dict):
        raise DomainError("Der Inhalt muss ein JSON-Objekt sein.")
    unknown = set(body) - set(kind.field_names) - {"version"}
    if unknown:
        raise DomainError("Unbekannte Felder: {fields}", fields=", ".join(sorted(unknown)))
    values, errors = {}, {}
    for spec in kind.fields:
        try:
            values[spec.name] = spec.parse(body.get(spec.name))
        except FieldError as error:
            errors[spec.name] = [str(error)]
    if errors:
        response = jsonify(error="Ungültige Angaben", status=400, message="Bitte die Felder prüfen.",
                           fields=errors)
        response.status_code = 400
        return None, response
    return values, None


@bp.route("/openapi.json")
def openapi():
    return jsonify(openapi_document())


@bp.route("/<kind>", methods=["GET"])
def list_entries(kind):
    kind = _kind(kind)
    _require("register.read")
    try:
        page = max(1, int(request.args.get("page", 1)))
        per_page = min(500, max(1, int(request.args.get("per_page", 100))))
    except ValueError:
        raise DomainError("page und per_page müssen ganze Zahlen sein.") from None
    result = register().list(kind, q=request.args.get("q", ""),
                             filters={f: request.args.get(f, "") for f in kind.filter_names},
                             page=page, per_page=per_page, with_private=g.api_user.can("contacts.read"))
    if kind.key == "people" and g.api_user.can("contacts.read"):  # people's contacts read by a key
        note_many([("view", "person", row["uid"], "contacts") for row in result.rows if row.get("uid")])
    return jsonify(items=result.rows, total=result.total, page=page, per_page=per_page)


@bp.route("/<kind>", methods=["POST"])
def create_entry(kind):
    kind = _kind(kind)
    _require("register.edit")
    values, error = _validated(kind, _body())
    if error:
        return error
    uid = register().create(kind, values, g.api_user.name)
    _audited(kind, "create", uid)
    response = jsonify(register().get(kind, uid, with_private=True))
    response.status_code = 201
    response.headers["Location"] = f"/api/v1/{kind.key}/{uid}"
    return response


@bp.route("/<kind>/<uid>", methods=["GET"])
def get_entry(kind, uid):
    kind = _kind(kind)
    _require("register.read")
    with_private = g.api_user.can("contacts.read")
    entry = register().get(kind, uid, with_private=with_private)
    if with_private and kind.key == "people":
        note("view", "person", uid, "contacts")
    sections, _ = register().link_sections(kind, uid, with_private=with_private)
    entry["links"] = [{"type": s["link"].type, "direction": s["direction"], "kind": s["other"].key,
                       "items": [{"uid": i["uid"], "name": i["name"], **i["props"]} for i in s["items"]]}
                      for s in sections if s["items"]]
    return jsonify(entry)


@bp.route("/<kind>/<uid>", methods=["PUT", "PATCH"])
def update_entry(kind, uid):
    kind = _kind(kind)
    _require("register.edit")
    body = _body()
    # type(...) is int: JSON true is a bool, which Python would take for 1
    if not isinstance(body, dict) or type(body.get("version")) is not int:
        raise DomainError("Die Version, die Sie gelesen haben, fehlt: \"version\" (ganze Zahl).")
    if request.method == "PATCH":  # only the given fields change
        current = register().get(kind, uid, with_private=True)
        body = {**{k: current.get(k) for k in kind.field_names}, **body}
    values, error = _validated(kind, body)
    if error:
        return error
    _audited(kind, "update", uid)  # before the change: see docs/audit.md
    register().update(kind, uid, body["version"], values, g.api_user.name)
    return jsonify(register().get(kind, uid, with_private=g.api_user.can("contacts.read")))


@bp.route("/<kind>/<uid>", methods=["DELETE"])
def delete_entry(kind, uid):
    kind = _kind(kind)
    _require("register.edit")
    _audited(kind, "delete", uid)  # before the change: see docs/audit.md
    register().delete(kind, uid)
    return "", 204


from . import registrations  # noqa: E402,F401  (events and registrations: routes on bp, before <kind>)
from . import needs  # noqa: E402,F401  (matching: /needs/<uid>/matches, met, status)
from . import gaps  # noqa: E402,F401  (the gap question and the matrix: routes on bp)
from . import insight  # noqa: E402,F401  (/network/…: measures, paths, suggestions)
from . import network  # noqa: E402,F401  (/network/view…: a view's nodes and edges)
