"""The network register: actors, people, offers, districts, round tables, needs and their links."""
from flask import Blueprint
from werkzeug.routing import BaseConverter, ValidationError

from .model import KINDS_BY_SLUG

bp = Blueprint("register", __name__)


class KindConverter(BaseConverter):
    """/<kind:kind>/ matches the German slugs of the register's kinds (akteure, angebote, ...)."""
    regex = "|".join(sorted(KINDS_BY_SLUG, key=len, reverse=True))

    def to_python(self, value):
        try:
            return KINDS_BY_SLUG[value]
        except KeyError:
            raise ValidationError() from None

    def to_url(self, kind):
        return kind.slug if hasattr(kind, "slug") else str(kind)


@bp.record_once
def _register_converter(state):
    state.app.url_map.converters["kind"] = KindConverter


def register():
    from flask import current_app
    return current_app.extensions["netzwerk.register"]


from . import import_views, views  # noqa: E402,F401  (register the routes on bp)


@bp.context_processor
def _labels():
    from .model import FORM_LINKS, KINDS
    return {
        "form_links": FORM_LINKS,
        "kind_labels": {**{key: kind.plural for key, kind in KINDS.items()},
                        "contacts": "Kontakte (wer kennt wen)"},
    }
