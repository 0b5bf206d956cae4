"""Input every request must pass before a view sees it: no NUL bytes, no lone surrogates,
JSON of bounded depth. Such input has no honest use here, and each reached a 500 before
(the database clients and Python's JSON parser fail on them); now it is a German 400.
"""
import json

from flask import request

from .errors import DomainError

MAX_JSON_DEPTH = 32


class BadInput(DomainError):
    status = 400
    title = "Ungültige Eingabe"


def _clean(text):
    return "\x00" not in text and _encodable(text)


def _encodable(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800"
        return False
    return True


def check_request():
    """A before_request hook: path, query and form values must be clean text."""
    values = [request.path] + [v for _, v in request.args.items(multi=True)]
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        values += [v for _, v in request.form.items(multi=True)]
        values += [f.filename or "" for _, f in request.files.items(multi=True)]
    if not all(_clean(v) for v in values):
        raise BadInput("Die Anfrage enthält unzulässige Zeichen (z. B. ein Nullbyte).")


def json_body(data):
    """Parses JSON (bytes) with a depth limit and clean strings, or raises BadInput."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise BadInput("Der Inhalt ist kein UTF-8-Text.") from None
    if _depth(text) > MAX_JSON_DEPTH:
        raise BadInput("Das JSON ist zu tief verschachtelt (höchstens {max} Ebenen).", max=MAX_JSON_DEPTH)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput("Der Inhalt ist kein gültiges JSON ({reason}).", reason=error.msg) from None
    if not _all_strings_clean(document):
        raise BadInput("Das JSON enthält unzulässige Zeichen (ein Nullbyte oder ein einzelnes Surrogat).")
    return document


def _depth(text):
    """The deepest nesting of [ and { outside strings, in one pass (the parser would recurse)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _all_strings_clean(value):
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, dict):
        return all(_clean(k) and _all_strings_clean(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_all_strings_clean(v) for v in value)
    return True
