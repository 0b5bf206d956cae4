"""/netzwerk: the whole network, an entry's ego view, and their exports (GraphML, GEXF, CSV)."""
import gc
from contextlib import contextmanager

from babel.numbers import get_decimal_symbol
from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask_login import current_user

from ..auth import permission_required
from ..i18n import current_language, gettext as _
from ..register import entry_url, slug_converter
from ..register.model import KINDS
from ..store_access import store
from ..viz import TYPE_STYLES, build_view
from . import service
from .forms import NetworkForm
from .graph import DEFAULT_TYPES, NETWORK_KINDS, ViewSpec, shown_view

bp = Blueprint("network", __name__)
NETWORK_SLUGS = {KINDS[key].slug: KINDS[key] for key in NETWORK_KINDS}
EXPORTS = {"graphml": ("application/graphml+xml", service.graphml_bytes),
           "gexf": ("application/gexf+xml", service.gexf_bytes)}
SETTINGS = ("district", "actor_kind", "field", "round_table", "depth", "colour", "size", "aggregate")


# /netzwerk/<netkind:kind>/<uid>: the German slugs of the kinds the network shows
NetworkKindConverter = slug_converter(NETWORK_SLUGS)


@bp.record_once
def _register_converter(state):
    state.app.url_map.converters["netkind"] = NetworkKindConverter
    # the detail pages link to the ego view of the kinds the network shows
    state.app.jinja_env.globals["network_kinds"] = frozenset(NETWORK_KINDS)


@contextmanager
def gc_paused():
    """No cyclic garbage collection while a view is built: its tens of thousands of new,
    surviving objects (rows, nodes, edges) set off full collections that scan the whole
    process, which doubled the time of a 1,000-node page. Nothing here makes cycles; a thread
    that found the collector already paused leaves it to the one that paused it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _contacts():
    return current_user.can("contacts.read")


def _spec(form, center=""):
    """The view asked for; a setting the form refuses falls back to its default."""
    values = {}
    for name in SETTINGS:
        field = form[name]
        values[name] = field.default if field.errors else field.data
    types = tuple(t for t in (form.types.data or []) if t in NETWORK_KINDS) or \
        (NETWORK_KINDS if center else DEFAULT_TYPES)
    return ViewSpec(types=types, center=center, **{k: v if v is not None else "" for k, v in values.items()})


def _url_templates(make=entry_url):
    # one url_for per kind, not per node: a view of 1,000 nodes builds 1,000 links
    templates = {key: make(key, "__uid__") for key in NETWORK_KINDS}
    return lambda type_, uid: templates[type_].replace("__uid__", uid)


def _ego_url(key, uid):
    return url_for("network.entry", kind=KINDS[key], uid=uid)


def _build(center="", kind=None, contacts=None):
    """(form, spec, graph, view) for the request's settings; `contacts` (may the viewer see
    KNOWS?) defaults to the logged-in user's role, the API passes its key's."""
    args = request.args if request.args else None
    requested = [t for t in request.args.getlist("types") if t in NETWORK_KINDS]
    types = tuple(requested) or (NETWORK_KINDS if center else DEFAULT_TYPES)
    # an ego view reads its centre's kind too, even when that kind is not among the shown types
    contacts = _contacts() if contacts is None else contacts
    graph = service.load_graph(store(), ViewSpec(types=types + ((kind.key,) if center else ())), contacts)
    form = NetworkForm(args, service.choices(graph), ego=bool(center))
    form.validate()
    spec = _spec(form, center)
    form.types.data = list(spec.types)  # the boxes show what is shown, defaults included
    if center and (center not in graph.nodes or graph.nodes[center]["type"] != kind.key):
        abort(404)
    config = current_app.config
    view = shown_view(graph, spec, _url_templates(), max_nodes=config["NETWORK_MAX_NODES"],
                      top_nodes=config["NETWORK_TOP_NODES"])
    return form, spec, graph, view


def view_data(center="", kind=None, contacts=False):
    """A view as plain data for the API: the same parameters, filters and role rules as the page."""
    with gc_paused():
        _form, spec, _graph, view = _build(center=center, kind=kind, contacts=contacts)
    return spec, view


def _drill_url(spec, group):
    args = {name: getattr(spec, name) for name in ("actor_kind", "field", "round_table", "colour", "size")}
    args = {k: v for k, v in args.items() if v not in ("", None)}
    return url_for("network.index", types=list(spec.types), district=group, **args)


def _rows(view_nodes):
    """The node list under the canvas, its words and numbers made once per view: a page of
    1,000 rows must not translate and format 1,000 times."""
    ego = _url_templates(_ego_url)
    decimal = get_decimal_symbol(current_language())
    types = {key: _(KINDS[key].singular) for key in NETWORK_KINDS}
    types["group"] = _("Stadtteil (zusammengefasst)")
    rows = []
    for node in sorted(view_nodes, key=lambda node: (node["name"].casefold(), node["id"])):
        value = node.get("measure")
        if isinstance(value, float):
            value = f"{value:.3f}".replace(".", decimal)
        rows.append({"name": node["name"], "url": node["url"], "type": types[node["type"]], "kind": node["kind"],
                     "districts": ", ".join(node["districts"]), "measure": "" if value is None else str(value),
                     "ego": ego(node["type"], node["id"]) if node["type"] != "group" else ""})
    return rows


def _page(form, spec, view, center_kind=None):
    options = {}
    if len(view["nodes"]) > 400:  # fewer physics steps before the layout is frozen: interactive within 2 s
        options["physics"] = {"stabilization": {"enabled": True, "iterations": 60, "updateInterval": 50}}
    if view["aggregated"] and view["aggregated"]["by"] == "districts":
        for node, group in zip(view["nodes"], view["aggregated"]["groups"]):
            if group["drill"]:
                node["url"] = group["url"] = _drill_url(spec, group["uid"])
    data = build_view(view["nodes"], view["edges"], colour=spec.colour, options=options or None)
    export_args = request.args.to_dict(flat=False)
    if center_kind is not None:
        exports = {fmt: url_for("network.entry_export", kind=center_kind, uid=spec.center, fmt=fmt, **export_args)
                   for fmt in ("graphml", "gexf", "csv")}
    else:
        exports = {fmt: url_for("network.export", fmt=fmt, **export_args) for fmt in ("graphml", "gexf", "csv")}
    present = [key for key in NETWORK_KINDS if any(node["type"] == key for node in view["nodes"])]
    legend = [{"key": key, "label": _(KINDS[key].plural), "shape": TYPE_STYLES[key][1]} for key in present]
    nodes = _rows(view["nodes"])
    return render_template("network/index.html", form=form, spec=spec, view=view, data=data, legend=legend,
                           nodes=nodes, exports=exports, center_kind=center_kind, kinds=KINDS,
                           community_count=len(view["communities"]), contacts=_contacts(),
                           center_url=entry_url(center_kind.key, spec.center) if center_kind else None)


@bp.route("/netzwerk")
@permission_required("register.read")
def index():
    with gc_paused():
        form, spec, _graph, view = _build()
        return _page(form, spec, view)


@bp.route("/netzwerk/<netkind:kind>/<uid>")
@permission_required("register.read")
def entry(kind, uid):
    with gc_paused():
        form, spec, _graph, view = _build(center=uid, kind=kind)
        return _page(form, spec, view, center_kind=kind)


def _export(view, fmt, stem):
    if fmt == "csv":
        headings = [_("Von (uid)"), _("Von"), _("Nach (uid)"), _("Nach"), _("Typ"), _("Beziehung")]
        body, mimetype = service.edge_list_csv(view, headings), "text/csv; charset=utf-8"
    elif fmt in EXPORTS:
        mimetype, write = EXPORTS[fmt]
        body = write(view)
    else:
        abort(404)
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'})


@bp.route("/netzwerk/export.<fmt>")
@permission_required("register.read")
def export(fmt):
    with gc_paused():
        _form, _spec_, _graph, view = _build()
        return _export(view, fmt, "netzwerk")


@bp.route("/netzwerk/<netkind:kind>/<uid>/export.<fmt>")
@permission_required("register.read")
def entry_export(kind, uid, fmt):
    with gc_paused():
        _form, _spec_, _graph, view = _build(center=uid, kind=kind)
        return _export(view, fmt, f"netzwerk-{kind.slug}-{uid[:8]}")
