"""The network register: actors, people, offers, districts, round tables, needs and their links."""
from flask import Blueprint, url_for
from werkzeug.routing import BaseConverter, ValidationError

from .model import KINDS, KINDS_BY_SLUG

bp = Blueprint("register", __name__)
# the kinds whose pages are the register's (events have pages of their own)
PAGE_KINDS = {slug: kind for slug, kind in KINDS_BY_SLUG.items() if kind.pages == "register"}


def slug_converter(kinds_by_slug):
    """A URL converter that matches the German slugs of these kinds (akteure, angebote, ...)
    and hands the view the Kind."""
    class SlugConverter(BaseConverter):
        regex = "|".join(sorted(kinds_by_slug, key=len, reverse=True))

        def to_python(self, value):
            try:
                return kinds_by_slug[value]
            except KeyError:
                raise ValidationError() from None

        def to_url(self, kind):
            return kind.slug if hasattr(kind, "slug") else str(kind)
    return SlugConverter


KindConverter = slug_converter(PAGE_KINDS)  # /<kind:kind>/: the register's kinds


@bp.record_once
def _register_converter(state):
    state.app.url_map.converters["kind"] = KindConverter


def register():
    from flask import current_app
    return current_app.extensions["netzwerk.register"]


# a kind with pages of its own names its list "index"; the register's is "list_entries"
_OWN_ENDPOINTS = {"list_entries": "index"}


def kind_url(kind, endpoint, **values):
    """A page of a kind: the register's (the kind in the URL) or its own blueprint's (events)."""
    if isinstance(kind, str):
        kind = KINDS[kind]
    if kind.pages == "register":
        return url_for(f"register.{endpoint}", kind=kind, **values)
    return url_for(f"{kind.pages}.{_OWN_ENDPOINTS.get(endpoint, endpoint)}", **values)


def entry_url(kind, uid):
    """The page of an entry of any kind."""
    return kind_url(kind, "show_entry", uid=uid)


def suggest_url(kind):
    """The type-ahead of a kind's entries (JSON [{uid, name}])."""
    return kind_url(kind, "suggest")


from . import import_views, views  # noqa: E402,F401  (register the routes on bp)


@bp.app_context_processor
def _urls():
    return {"entry_url": entry_url, "suggest_url": suggest_url, "kind_url": kind_url}


@bp.context_processor
def _labels():
    from .model import FORM_LINKS, KINDS
    return {
        "form_links": FORM_LINKS,
        "kind_labels": {**{key: kind.plural for key, kind in KINDS.items()},
                        "contacts": "Kontakte (wer kennt wen)"},
    }
