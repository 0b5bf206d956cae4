"""/api/v1/ for matching (routes on the API blueprint):

  GET    /needs/<uid>/matches?limit=10      the need's matching active offers, best first, with reasons
  POST   /needs/<uid>/met                   {"offer", "version"}: the need is met by the offer (register.edit)
  POST   /needs/<uid>/status                {"status": "dropped"|"open", "version"} (register.edit)

The reasons come in the language of the key's request (?lang=en for English); the verdicts are
codes as well, for programs.
"""
from flask import g, jsonify, request

from ..errors import DomainError
from ..i18n import in_language
from ..matching import service as matching
from ..store_access import store
from . import _body, _require, bp

MAX_LIMIT = 50


def _match_json(match):
    return {"uid": match["uid"], "name": match["name"], "providers": match["providers"], "address": match["address"],
            "where": {"relation": match["where"]["relation"], "district": match["where"]["district"],
                      "via": match["where"]["via"], "text": match["where"]["text"]},
            "score": match["score"], "met": match["met"], "reason": match["reason"],
            "verdicts": [{"criterion": c, "verdict": v, "text": t} for c, v, t in match["verdicts"]]}


@bp.route("/needs/<uid>/matches", methods=["GET"])
def need_matches(uid):
    _require("register.read")
    try:
        limit = min(MAX_LIMIT, max(1, int(request.args.get("limit", matching.LIMIT))))
    except ValueError:
        raise DomainError("limit muss eine ganze Zahl sein.") from None
    language = "en" if request.args.get("lang") == "en" else "de"
    with in_language(language):
        result = matching.match_offers(store(), uid, limit=limit)
        need = result["need"]
        return jsonify(need={k: need[k] for k in ("uid", "name", "status", "version", "met_by")},
                       matches=[_match_json(m) for m in result["matches"]], language=language)


def _versioned_body():
    body = _body()
    if not isinstance(body, dict) or type(body.get("version")) is not int:
        raise DomainError("Die Version, die Sie gelesen haben, fehlt: \"version\" (ganze Zahl).")
    return body


@bp.route("/needs/<uid>/met", methods=["POST"])
def need_met(uid):
    _require("register.edit")
    body = _versioned_body()
    if not isinstance(body.get("offer"), str) or not body["offer"]:
        raise DomainError("Das Angebot fehlt: \"offer\" (uid).")
    version = matching.mark_met(store(), uid, body["offer"], body["version"], g.api_user.name)
    return jsonify(uid=uid, status="met", version=version, met_by=matching.need_for_matching(store(), uid)["met_by"])


@bp.route("/needs/<uid>/status", methods=["POST"])
def need_status(uid):
    _require("register.edit")
    body = _versioned_body()
    if body.get("status") not in ("dropped", "open"):
        raise DomainError("\"status\" muss dropped oder open sein.")
    version = matching.set_status(store(), uid, body["status"], body["version"], g.api_user.name)
    return jsonify(uid=uid, status=body["status"], version=version)


VERDICT = {"type": "object", "properties": {
    "criterion": {"type": "string", "enum": ["field", "target_group", "language", "weekdays", "time_of_day", "cost"]},
    "verdict": {"type": "string", "enum": ["fit", "miss", "unknown"]}, "text": {"type": "string"}}}
PLACE = {"type": "object", "properties": {"uid": {"type": "string"}, "name": {"type": "string"},
                                          "type": {"type": ["string", "null"]}}}
MATCH = {"type": "object", "properties": {
    "uid": {"type": "string"}, "name": {"type": "string"},
    "providers": {"type": "array", "items": {"type": "string"}}, "address": {"type": ["string", "null"]},
    "where": {"type": "object", "properties": {
        "relation": {"type": "string", "enum": ["self", "neighbour", "area"],
                     "description": "im Stadtteil des Bedarfs (oder darunter), nebenan, im weiteren Gebiet"},
        "district": PLACE, "via": PLACE, "text": {"type": "string"}}},
    "score": {"type": "integer", "description": "je Wunsch des Bedarfs: 2 passt, 1 nicht angegeben, 0 passt nicht"},
    "met": {"type": "boolean", "description": "der Bedarf ist schon durch dieses Angebot gedeckt"},
    "reason": {"type": "string", "description": "z. B. „Arabisch passt, aber dienstags statt abends“"},
    "verdicts": {"type": "array", "items": VERDICT}}}


def add_paths(paths, schemas, responses):
    """The matching paths of the OpenAPI document (called by openapi.py)."""
    schemas["Match"] = MATCH
    uid = {"name": "uid", "in": "path", "required": True, "schema": {"type": "string"}}
    tags = ["Bedarfe"]
    need = {"type": "object", "properties": {"uid": {"type": "string"}, "name": {"type": "string"},
                                             "status": {"type": "string"}, "version": {"type": "integer"},
                                             "met_by": {"type": "array", "items": {"type": "string"}}}}
    body = lambda required, props: {"required": True, "content": {"application/json": {"schema": {  # noqa: E731
        "type": "object", "required": required, "properties": props}}}}
    decided = {"type": "object", "properties": {"uid": {"type": "string"}, "status": {"type": "string"},
                                                "version": {"type": "integer"}}}
    paths["/needs/{uid}/matches"] = {"get": {
        "summary": "Passende aktive Angebote eines Bedarfs: zuerst im Stadtteil, dann nebenan, dann im weiteren "
                   "Gebiet; je Ort, was am meisten passt; mit Begründung",
        "tags": tags, "parameters": [uid, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1,
                                                                                   "maximum": MAX_LIMIT}},
                                     {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["de", "en"]}}],
        "responses": responses({"200": {"description": "Die Angebote", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"need": need, "language": {"type": "string"},
                                             "matches": {"type": "array", "items": {"$ref": "#/components/schemas/Match"}}}}}}}})}}
    paths["/needs/{uid}/met"] = {"post": {
        "summary": "Bedarf als gedeckt durch ein Angebot markieren (Koordination; mit der gelesenen Version)",
        "tags": tags, "parameters": [uid],
        "requestBody": body(["offer", "version"], {"offer": {"type": "string"}, "version": {"type": "integer"}}),
        "responses": responses({"200": {"description": "Gespeichert", "content": {"application/json": {"schema": decided}}}})}}
    paths["/needs/{uid}/status"] = {"post": {
        "summary": "Bedarf verwerfen oder wieder öffnen (Koordination; mit der gelesenen Version)",
        "tags": tags, "parameters": [uid],
        "requestBody": body(["status", "version"], {"status": {"type": "string", "enum": ["dropped", "open"]},
                                                    "version": {"type": "integer"}}),
        "responses": responses({"200": {"description": "Gespeichert", "content": {"application/json": {"schema": decided}}}})}}
