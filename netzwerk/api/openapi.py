"""The OpenAPI 3.1 document of /api/v1/, built from the register's model."""
from ..register.model import KINDS

def _kind_schema(kind):
    properties = {f.name: f.schema() for f in kind.fields}
    return {"type": "object", "title": kind.singular, "properties": properties,
            "required": [f.name for f in kind.fields if f.required], "additionalProperties": False}


ERROR = {"type": "object", "properties": {"error": {"type": "string"}, "message": {"type": "string"},
                                          "status": {"type": "integer"},
                                          "fields": {"type": "object"}}}


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
    return {
        "openapi": "3.1.0",
        "info": {"title": "netzwerk API", "version": "1",
                 "description": "Das Register eines lokalen Integrationsnetzwerks. Anmeldung mit einem "
                                "persönlichen API-Schlüssel (Konto › API-Schlüssel)."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {"schemas": schemas,
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }
