"""The OpenAPI 3.1 document of /api/v1/, built from the register's model."""
from ..register.model import KINDS

def _kind_schema(kind):
    properties = {f.name: f.schema() for f in kind.fields}
    return {"type": "object", "title": kind.singular, "properties": properties,
            "required": [f.name for f in kind.fields if f.required], "additionalProperties": False}


ERROR = {"type": "object", "properties": {"error": {"type": "string"}, "message": {"type": "string"},
                                          "status": {"type": "integer"},
                                          "fields": {"type": "object"},
                                          "outcome": {"type": "string", "enum": ["none", "unknown", "saved", "pending"],
                                                      "description": "bei 503 und 409: ob etwas gespeichert wurde "
                                                                     "(none: nichts; unknown: nicht sicher, bitte "
                                                                     "prüfen; saved: gespeichert, nur die Antwort fehlt)"},
                                          "check": {"type": "string",
                                                    "description": "wo sich prüfen lässt, ob es gespeichert wurde"}}}


def _responses(ok):
    responses = {str(code): {"description": text, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}}
        for code, text in (("400", "Ungültige Angaben"), ("401", "API-Schlüssel fehlt oder ist ungültig"),
                           ("403", "Die Rolle erlaubt es nicht"), ("404", "Nicht gefunden"),
                           ("409", "Veraltete Version"), ("503", "Datenbank nicht erreichbar"))}
    responses.update(ok)
    return responses


def openapi_document():
    paths, schemas = {}, {"Error": ERROR}
    for kind in KINDS.values():
        name = kind.label
        schemas[name] = _kind_schema(kind)
        ref = {"$ref": f"#/components/schemas/{name}"}
        stored = {"allOf": [ref, {"type": "object", "properties": {
            "uid": {"type": "string"}, "version": {"type": "integer"},
            "created_at": {"type": "string"}, "updated_at": {"type": "string"}}}]}
        filters = [{"name": f, "in": "query", "schema": {"type": "string"}} for f in ["q"] + kind.filter_names]
        filters += [{"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                    {"name": "per_page", "in": "query", "schema": {"type": "integer", "maximum": 500}}]
        one = {"application/json": {"schema": stored}}
        paths[f"/{kind.key}"] = {
            "get": {"summary": f"{kind.plural} auflisten", "tags": [kind.plural], "parameters": filters,
                    "responses": _responses({"200": {"description": "Eine Seite", "content": {"application/json": {
                        "schema": {"type": "object", "properties": {
                            "items": {"type": "array", "items": stored}, "total": {"type": "integer"},
                            "page": {"type": "integer"}, "per_page": {"type": "integer"}}}}}}})},
            "post": {"summary": f"{kind.singular} anlegen", "tags": [kind.plural],
                     "requestBody": {"required": True, "content": {"application/json": {"schema": ref}}},
                     "responses": _responses({"201": {"description": "Angelegt", "content": one}})},
        }
        uid = [{"name": "uid", "in": "path", "required": True, "schema": {"type": "string"}}]
        versioned = {"allOf": [ref, {"type": "object", "required": ["version"],
                                     "properties": {"version": {"type": "integer"}}}]}
        paths[f"/{kind.key}/{{uid}}"] = {
            "get": {"summary": f"{kind.singular} lesen (mit Verbindungen)", "tags": [kind.plural],
                    "parameters": uid, "responses": _responses({"200": {"description": "Der Eintrag", "content": one}})},
            "put": {"summary": f"{kind.singular} ändern (mit der gelesenen Version)", "tags": [kind.plural],
                    "parameters": uid, "requestBody": {"required": True, "content": {"application/json": {"schema": versioned}}},
                    "responses": _responses({"200": {"description": "Gespeichert", "content": one}})},
            "patch": {"summary": f"{kind.singular} teilweise ändern", "tags": [kind.plural], "parameters": uid,
                      "requestBody": {"required": True, "content": {"application/json": {"schema": {
                          "type": "object", "required": ["version"]}}}},
                      "responses": _responses({"200": {"description": "Gespeichert", "content": one}})},
            "delete": {"summary": f"{kind.singular} löschen", "tags": [kind.plural], "parameters": uid,
                       "responses": _responses({"204": {"description": "Gelöscht"}})},
        }
    _event_paths(paths, schemas)
    from .needs import add_paths as add_matching_paths
    add_matching_paths(paths, schemas, _responses)
    _gap_paths(paths, schemas)
    _insight_paths(paths, schemas)
    _view_paths(paths)
    _idempotency(paths)
    return {
        "openapi": "3.1.0",
        "info": {"title": "netzwerk API", "version": "1",
                 "description": "Das Register eines lokalen Integrationsnetzwerks, Veranstaltungen, "
                                "Anmeldungen und passende Angebote zu Bedarfen. Anmeldung mit einem persönlichen API-Schlüssel "
                                "(Konto › API-Schlüssel)."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {"schemas": schemas,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }


IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string", "maxLength": 255},
    "description": "Ein Schlüssel Ihrer Wahl (z. B. eine UUID) je neuer Anfrage. Dieselbe Anfrage mit demselben "
                   "Schlüssel noch einmal gesendet (nach einer Zeitüberschreitung oder einer 503-Antwort mit "
                   "outcome \"unknown\") legt nichts ein zweites Mal an, sondern bekommt die erste Antwort "
                   "(Kopfzeile Idempotent-Replayed: true). Der Schlüssel gilt für Ihr Konto und diese Adresse, "
                   "24 Stunden lang; gespeichert wird nur sein Hash."}


def _idempotency(paths):
    """Every POST accepts an Idempotency-Key (netzwerk/submissions; registrations check theirs
    in the registering statement itself and document it above)."""
    for item in paths.values():
        operation = item.get("post")
        if operation is None:
            continue
        names = {p.get("name") for p in operation.get("parameters", [])}
        if "Idempotency-Key" not in names:
            operation["parameters"] = operation.get("parameters", []) + [IDEMPOTENCY_KEY]
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        operation["responses"].setdefault("422", {
            "description": "Der Idempotency-Key wurde schon für eine andere Anfrage benutzt", "content": error})
        before = operation["responses"].get("409", {}).get("description", "Konflikt")
        operation["responses"]["409"] = {
            "description": before + "; oder die erste Anfrage mit diesem Idempotency-Key ist noch nicht "
                           "beantwortet (outcome: pending, bitte gleich noch einmal; unknown: bitte prüfen)",
            "content": error}


QUESTION = {"type": "object", "required": ["label", "type"], "additionalProperties": False, "properties": {
    "key": {"type": "string", "description": "bleibt gleich, solange die Frage bleibt (Antworten hängen daran)"},
    "label": {"type": "string", "maxLength": 200},
    "type": {"type": "string", "enum": ["text", "textarea", "choice", "multi", "bool"]},
    "choices": {"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": 30},
    "required": {"type": "boolean"}}}
NEW_REGISTRATION = {"type": "object", "required": ["name", "email", "consent"], "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string", "maxLength": 120},
                        "email": {"type": "string", "format": "email", "maxLength": 254},
                        "answers": {"type": "object", "description": "Schlüssel der Frage → Antwort"},
                        "consent": {"type": "boolean", "const": True,
                                    "description": "die Person ist mit der Speicherung einverstanden"},
                        "language": {"type": "string", "enum": ["de", "en"]},
                        "invitation": {"type": "string", "description": "Token des Einladungslinks"}}}
REGISTRATION = {"type": "object", "properties": {
    "uid": {"type": "string"}, "name": {"type": "string"}, "email": {"type": "string"},
    "status": {"type": "string", "enum": ["confirmed", "waitlisted", "cancelled"]},
    "seq": {"type": "integer"}, "position": {"type": "integer", "description": "Platz auf der Warteliste"},
    "answers": {"type": "object"}, "created_at": {"type": "string"}, "checked_in_at": {"type": ["string", "null"]},
    "consent_version": {"type": "string"}, "source": {"type": "string", "enum": ["public", "invitation", "manual"]}}}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _event_paths(paths, schemas):
    """Events (their own rules: events.manage writes), questions, registrations, check-in."""
    schemas.update(Question=QUESTION, NewRegistration=NEW_REGISTRATION, Registration=REGISTRATION)
    ref = lambda name: {"$ref": f"#/components/schemas/{name}"}  # noqa: E731
    uid = {"name": "uid", "in": "path", "required": True, "schema": {"type": "string"}}
    registration = {"name": "registration", "in": "path", "required": True, "schema": {"type": "string"}}
    tags = ["Anmeldungen"]
    events = paths["/events"]
    events["get"]["summary"] = "Veranstaltungen auflisten (kommende; ?past=1 vergangene)"
    events["get"]["parameters"] = [
        {"name": name, "in": "query", "schema": {"type": "string"}}
        for name in ("q", "district", "field", "organiser", "past")] + events["get"]["parameters"][-2:]
    events["post"]["summary"] = "Veranstaltung anlegen (Organisation, Koordination)"
    one = paths["/events/{uid}"]
    for method in ("put", "patch", "delete"):
        one[method]["summary"] += " (Organisation, Koordination)"
    questions = {"type": "object", "properties": {"questions": {"type": "array", "items": ref("Question")}}}
    paths["/events/{uid}/questions"] = {
        "get": {"summary": "Die Anmeldefragen einer Veranstaltung", "tags": tags, "parameters": [uid],
                "responses": _responses({"200": _json(questions, "Die Fragen")})},
        "put": {"summary": "Anmeldefragen ersetzen (wer die Veranstaltung organisiert)", "tags": tags,
                "parameters": [uid], "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"type": "object", "required": ["questions"], "properties": {
                        "questions": {"type": "array", "maxItems": 20, "items": ref("Question")}}}}}},
                "responses": _responses({"200": _json(questions, "Gespeichert")})},
    }
    accepted = {"type": "object", "required": ["message"], "properties": {
        "message": {"type": "string"},
        "registration": {"type": "object", "description": "nur für wer die Veranstaltung organisiert",
                         "properties": {"uid": {"type": "string"}, "status": {"type": "string"},
                                        "outcome": {"type": "string", "enum": ["created", "existing", "retry"]}}}}}
    page = {"type": "object", "properties": {"items": {"type": "array", "items": ref("Registration")},
                                             "total": {"type": "integer"}, "page": {"type": "integer"},
                                             "per_page": {"type": "integer"}}}
    paths["/events/{uid}/registrations"] = {
        "post": {"summary": "Jemanden anmelden: dieselben Regeln wie das öffentliche Formular (Zeitraum, "
                            "Status, Sichtbarkeit, Plätze und Warteliste, Einverständnis). Eine schon "
                            "angemeldete E-Mail bekommt dieselbe Antwort und ihren Link per E-Mail.",
                 "tags": tags, "parameters": [uid, {
                     "name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string", "maxLength": 200},
                     "description": "Eine Wiederholung mit demselben Schlüssel findet die Anmeldung, die der erste Versuch angelegt hat."}],
                 "requestBody": {"required": True, "content": {"application/json": {"schema": ref("NewRegistration")}}},
                 "responses": _responses({"202": _json(accepted, "Angenommen (eine Antwort für alle Fälle)")})},
        "get": {"summary": "Teilnehmende (wer die Veranstaltung organisiert)", "tags": tags,
                "parameters": [uid] + [{"name": name, "in": "query", "schema": {"type": "string"}} for name in ("q", "status")]
                + [{"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                   {"name": "per_page", "in": "query", "schema": {"type": "integer", "maximum": 500}}],
                "responses": _responses({"200": _json(page, "Eine Seite")})},
    }
    paths["/events/{uid}/registrations/{registration}"] = {
        "get": {"summary": "Eine Anmeldung (wer die Veranstaltung organisiert)", "tags": tags,
                "parameters": [uid, registration], "responses": _responses({"200": _json(ref("Registration"), "Die Anmeldung")})}}
    cancelled = {"type": "object", "properties": {"cancelled": {"type": "boolean"}, "promoted": {"type": "integer"},
                                                  "registration": ref("Registration")}}
    paths["/events/{uid}/registrations/{registration}/cancel"] = {
        "post": {"summary": "Abmelden; die Ersten der Warteliste rücken sofort nach", "tags": tags,
                 "parameters": [uid, registration], "responses": _responses({"200": _json(cancelled, "Abgemeldet")})}}
    paths["/events/{uid}/registrations/{registration}/check-in"] = {
        "post": {"summary": "Einchecken (\"present\": false checkt aus)", "tags": tags,
                 "parameters": [uid, registration],
                 "requestBody": {"required": False, "content": {"application/json": {"schema": {
                     "type": "object", "properties": {"present": {"type": "boolean"}}}}}},
                 "responses": _responses({"200": _json(ref("Registration"), "Gespeichert")})}}


def _gap_paths(paths, schemas):
    """The gap question and the coverage matrix: the parameters of /luecken and /luecken/matrix."""
    from ..gaps.service import LEVELS, MATRIX_COLUMNS, MAX_HOPS, SUBJECTS, TIMES_OF_DAY
    offers, actors = KINDS["offers"], KINDS["actors"]

    def codes(kind, name):
        return {"type": "string", "enum": [""] + [code for code, _ in kind.field(name).choices]}
    tags = ["Lücken"]
    area = [{"name": "area", "in": "query", "required": True, "schema": {"type": "string"},
             "description": "uid einer Stadt oder eines Stadtbezirks (mit allen Teilgebieten)"},
            {"name": "level", "in": "query", "schema": {"type": "string", "enum": [c for c, _ in LEVELS]}}]
    vocabularies = [("field", codes(offers, "fields")), ("target_group", codes(offers, "target_groups")),
                    ("language", codes(offers, "languages")), ("weekday", codes(offers, "weekdays"))]
    question = area + [{"name": "subject", "in": "query", "schema": {"type": "string", "enum": [c for c, _ in SUBJECTS]}}] + [
        {"name": name, "in": "query", "schema": schema} for name, schema in vocabularies + [
            ("time_of_day", {"type": "string", "enum": [""] + [c for c, *_ in TIMES_OF_DAY]}),
            ("cost", codes(offers, "cost")), ("access", codes(offers, "access_notes")),
            ("actor_kind", codes(actors, "kind"))]]
    entry = {"type": "object", "properties": {name: {"type": "string"} for name in ("uid", "name")}}
    district = {"uid": {"type": "string"}, "name": {"type": "string"},
                "population": {"type": ["integer", "null"]},
                "open_needs": {"type": "integer", "description": "offene Bedarfe mit denselben Codes, hier oder darunter"}}
    schemas["GapAnswer"] = {"type": "object", "properties": {
        "question": {"type": "object"}, "ignored": {"type": "array", "items": {"type": "string"}},
        "gaps": {"type": "array", "description": "ohne passendes aktives Angebot (Akteur), dringendste zuerst",
                 "items": {"type": "object", "properties": {
                     **district, "distance": {"type": ["integer", "null"], "description":
                                              f"NEIGHBOURS-Schritte bis zum nächsten passenden Angebot (höchstens {MAX_HOPS})"},
                     "planned": {"type": "array", "items": entry},
                     "nearby": {"type": "array", "items": entry}}}},
        "covered": {"type": "array", "items": {"type": "object", "properties": {
            **district, "sources": {"type": "array", "items": entry}}}}}}
    schemas["CoverageMatrix"] = {"type": "object", "properties": {
        "question": {"type": "object"},
        "columns": {"type": "array", "items": {"type": "object", "properties": {
            "code": {"type": "string"}, "label": {"type": "string"}}}},
        "rows": {"type": "array", "items": {"type": "object", "properties": {
            "uid": {"type": "string"}, "name": {"type": "string"}, "total": {"type": "integer"},
            "cells": {"type": "array", "items": {"type": "object", "properties": {
                "code": {"type": "string"}, "count": {"type": "integer"}}}}}}},
        "empty": {"type": "integer"}}}
    paths["/gaps"] = {"get": {
        "summary": "Lücken: Bezirke eines Gebiets ohne passendes aktives Angebot (oder Akteur)", "tags": tags,
        "parameters": question,
        "responses": _responses({"200": _json({"$ref": "#/components/schemas/GapAnswer"}, "Die Antwort")})}}
    paths["/gaps/matrix"] = {"get": {
        "summary": "Abdeckung: passende aktive Angebote je Bezirk und Code", "tags": tags,
        "parameters": area + [{"name": "columns", "in": "query", "schema": {
            "type": "string", "enum": [c for c, *_ in MATRIX_COLUMNS]}}] + [
            {"name": name, "in": "query", "schema": schema} for name, schema in vocabularies],
        "responses": _responses({"200": _json({"$ref": "#/components/schemas/CoverageMatrix"}, "Die Tabelle")})}}
NODE = {"type": "object", "properties": {
    "uid": {"type": "string"}, "name": {"type": "string"},
    "label": {"type": "string", "enum": ["Actor", "Person", "RoundTable"]},
    "kind": {"type": "string", "enum": ["actors", "people", "round_tables"]}}}


def _view_paths(paths):
    """A network view as nodes and edges (netzwerk/api/network.py), the parameters of /netzwerk."""
    from ..network.graph import NETWORK_KINDS
    text = {"type": "string"}
    parameters = [{"name": name, "in": "query", "schema": schema, "description": description} for name, schema, description in (
        ("types", {"type": "array", "items": {"type": "string", "enum": list(NETWORK_KINDS)}},
         "welche Knotentypen (mehrfach); leer: Akteure, Runde Tische und Stadtteile"),
        ("district", text, "uid eines Stadtteils: er und seine Teile"), ("actor_kind", text, "Art der Akteure"),
        ("field", text, "Handlungsfeld (Code)"), ("round_table", text, "uid eines Runden Tisches"),
        ("colour", {"type": "string", "enum": ["type", "community"]}, "Farbe nach Typ oder Gemeinschaft"),
        ("size", {"type": "string", "enum": ["degree", "betweenness", "none"]}, "Größe nach Maß"))]
    node = {"type": "object", "properties": {
        "id": text, "type": text, "name": text, "kind": {"type": ["string", "null"]},
        "districts": {"type": "array", "items": text}, "url": text,
        "measure": {"type": ["number", "null"]}, "community": {"type": ["integer", "null"]}}}
    edge = {"type": "object", "properties": {"source": text, "target": text, "type": text, "title": text}}
    answer = _json({"type": "object", "properties": {
        "settings": {"type": "object"}, "total": {"type": "integer"},
        "aggregated": {"type": ["object", "null"], "description": "gesetzt, wenn die Ansicht zusammengefasst ist"},
        "nodes": {"type": "array", "items": node}, "edges": {"type": "array", "items": edge}}}, "Die Ansicht")
    tags = ["Netzwerkansicht"]
    paths["/network/view"] = {"get": {
        "summary": "Das Netzwerk als Knoten und Kanten, mit den Filtern der Seite /netzwerk", "tags": tags,
        "description": "Ohne contacts.read ohne Bekanntschaften (KNOWS). Über NETZWERK_NETWORK_MAX_NODES "
                       "zusammengefasst (nach Stadtteilen oder die am besten vernetzten).",
        "parameters": parameters, "responses": _responses({"200": answer})}}
    paths["/network/view/{kind}/{uid}"] = {"get": {
        "summary": "Die Ego-Ansicht eines Eintrags (Tiefe 1 bis 3)", "tags": tags,
        "parameters": [{"name": "kind", "in": "path", "required": True, "schema": {"type": "string", "enum": list(NETWORK_KINDS)}},
                       {"name": "uid", "in": "path", "required": True, "schema": text},
                       {"name": "depth", "in": "query", "schema": {"type": "integer", "enum": [1, 2, 3]}}] + parameters,
        "responses": _responses({"200": answer, "404": {"description": "Unbekannt"}})}}


def _insight_paths(paths, schemas):
    """The analysis, introduction paths and suggested introductions (netzwerk/api/insight.py)."""
    schemas["NetworkNode"] = NODE
    node = {"$ref": "#/components/schemas/NetworkNode"}
    area = {"name": "area", "in": "query", "schema": {"type": "string"},
            "description": "uid einer Stadt oder eines Stadtbezirks: deren Netzwerk; leer: das ganze"}
    tags = ["Netzwerkanalyse"]
    paths["/network/measures"] = {"get": {
        "summary": "Vermittler, Schlüsselstellen, Inseln, Gruppen und Brücken zwischen Stadtteilen", "tags": tags,
        "description": "Ohne contacts.read ohne Bekanntschaften (KNOWS). 202, solange die erste Berechnung läuft; "
                       "eine veraltete Analyse kommt mit fresh=false, während sie neu berechnet wird.",
        "parameters": [area],
        "responses": _responses({
            "200": _json({"type": "object", "properties": {
                "computed_at": {"type": "string"}, "fresh": {"type": "boolean"},
                "job": {"type": ["object", "null"]},
                "measures": {"type": "object", "properties": {
                    "size": {"type": "object"}, "betweenness": {"type": "object", "properties": {
                        "method": {"type": "string", "enum": ["exact", "sampled"]},
                        "samples": {"type": ["integer", "null"]}, "error_bound": {"type": "number"}}},
                    "brokers": {"type": "array"}, "articulation_points": {"type": "object"},
                    "islands": {"type": "object"}, "communities": {"type": "array"},
                    "district_bridges": {"type": "array"},
                    "names": {"type": "object", "description": "uid → [Name, Label]"}}}}}, "Die Analyse"),
            "202": {"description": "Wird berechnet"}})}}
    chain = {"type": "array", "items": {"allOf": [node, {"type": "object", "properties": {
        "link": {"type": "array", "items": {"type": "string"}, "description": "Art der Verbindung zum nächsten"}}}]}}
    paths["/network/paths"] = {"get": {
        "summary": "Wer kennt wen: bis zu drei kürzeste Wege zwischen zwei Personen oder Akteuren", "tags": tags,
        "description": "Nur über Verbindungen, die der Schlüssel sehen darf: ohne contacts.read ohne KNOWS. "
                       "Eine leere Liste heißt: kein Weg in max_steps Schritten.",
        "parameters": [{"name": "from", "in": "query", "required": True, "schema": {"type": "string"}},
                       {"name": "to", "in": "query", "required": True, "schema": {"type": "string"}},
                       {"name": "max_steps", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 6}}],
        "responses": _responses({"200": _json({"type": "object", "properties": {
            "max_steps": {"type": "integer"}, "knows_included": {"type": "boolean"},
            "chains": {"type": "array", "items": chain}}}, "Die Wege")})}}
    paths["/network/suggestions"] = {"get": {
        "summary": "Vorgeschlagene Vorstellungen (gemeinsame Bekannte, Stadtteil und Handlungsfeld)", "tags": tags,
        "description": "Nur mit contacts.read; ohne die vom Konto verworfenen.", "parameters": [area],
        "responses": _responses({"200": _json({"type": "object", "properties": {
            "computed_at": {"type": ["string", "null"]},
            "suggestions": {"type": "array", "items": {"type": "object", "properties": {
                "a": node, "b": node, "common": {"type": "array", "items": node},
                "shared": {"type": "array", "items": {"type": "object"}},
                "pair": {"type": "string"}}}}}}, "Die Vorschläge")})}}
