"""Security events (OWASP ASVS V16.3) as log lines on the logger `netzwerk.security`.

One line per event: `event=login.failure user=<uid> address=<client> endpoint=<rule endpoint>
...`. Never a password, API key, personal link, e-mail address or form value: a user is named
by uid, an unknown account by a keyed hash, and the route by its endpoint (a URL can carry a
personal link's secret). The operator's log handling keeps them (stderr in the container).
"""
import logging
import sys

from flask import has_request_context, request

logger = logging.getLogger("netzwerk.security")


def _clean(value):
    # one line, no spaces inside a value: a value cannot forge another field or line
    return str(value).replace("\n", " ").replace("\r", " ").replace(" ", "_")[:120]


def security_event(event, level=logging.INFO, **fields):
    """Logs one security event with the request's address and endpoint."""
    if has_request_context():
        fields.setdefault("address", request.remote_addr or "-")
        fields.setdefault("endpoint", request.endpoint or "-")
        fields.setdefault("method", request.method)
    text = " ".join(f"{key}={_clean(value)}" for key, value in fields.items() if value is not None)
    logger.log(level, "event=%s %s", _clean(event), text)


class _StandardError(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (a test runner may swap it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


def init_app(app):
    """Security events reach the app's log (stderr) at INFO even when nothing else is configured."""
    if not logger.handlers:
        handler = _StandardError()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)
