"""The register's pages. The whole URL map of the domain:

  /<kind>                                   list with search, filters, sorting, pages; ?format=csv|xlsx
  /<kind>/neu                               create
  /<kind>/<uid>                             detail: fields, links, history
  /<kind>/<uid>/bearbeiten                  edit (refused when stale)
  /<kind>/<uid>/loeschen                    confirm and delete
  /<kind>/<uid>/verbindungen/<n>/<dir>      add a link (POST)
  /<kind>/<uid>/verbindungen/<n>/<dir>/<other>/entfernen   remove a link (POST)
"""
from flask import current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup

from ..audit.trail import note, note_many
from ..auth import permission_required
from ..errors import DomainError, NotFound
from ..fields import options_html, with_selected
from ..i18n import current_language, gettext as _
from ..store_access import store
from . import bp, register, suggest_url
from .editing import create_page, edit_page
from .exports import export_response
from .forms import ConfirmForm, link_form
from .link_forms import link_form_html
from .model import COLUMN_LABELS, KINDS, LINKS

def _with_private():
    return current_user.can("contacts.read")


def _by():
    return current_user.name


def _audited(kind, action, uid):
    """People are personal data: their creation, change and deletion go on the audit log."""
    if kind.key == "people":
        note(action, "person", uid, "person")
    return uid


PAGE_SIZES = (10, 25, 50, 100)


def _int_arg(name, default):
    try:
        return int(request.args.get(name, default))
    except ValueError:
        return default


def _filter_options(kind):
    """Choices for each filter of a list page, from the model or from the data."""
    options = {}
    for spec in kind.filters:
        if spec.typeahead:
            continue  # see _typeahead_filters
        if spec.entries:
            options[spec.name] = register().options(KINDS[spec.entries])
        elif spec.values:
            values = register().values(kind, spec.values, is_list=kind.field(spec.values).is_list)
            options[spec.name] = [(v, v) for v in values]
        else:
            options[spec.name] = kind.field(spec.field).options()
    return options


def _filter_selects(kind, filters):
    """The <option>s of each filter, rendered once per language until the next write."""
    rendered = store().remember(("filter-options", kind.key, current_language()), lambda: {
        name: options_html(choices, None) for name, choices in _filter_options(kind).items()})
    return {name: with_selected(html, filters[name]) for name, html in rendered.items()}



def _typeahead_filters(kind, filters):
    """Filters on entries too many for a select (a person's actor among thousands): the name is
    typed with suggestions and the uid picked goes into `filters`; without the script the typed
    name (`<filter>_name`) is resolved here. {filter: {text, uid, error, suggest}}."""
    typed = {}
    for spec in kind.filters:
        if not spec.typeahead:
            continue
        other = KINDS[spec.entries]
        uid, text, error = filters[spec.name], request.args.get(spec.name + "_name", "").strip()[:200], None
        if uid:
            entry = register().get_or_none(other, uid)
            text = entry["name"] if entry else text
        elif text:
            try:
                uid = filters[spec.name] = register().resolve_name(other, text)
            except DomainError as refusal:
                error = _("{problem} Der Filter ist nicht angewandt.", problem=str(refusal))
        typed[spec.name] = {"text": text, "uid": uid, "error": error, "suggest": suggest_url(other)}
    return typed


@bp.route("/<kind:kind>")
@permission_required("register.read")
def list_entries(kind):
    q = request.args.get("q", "").strip()[:200]
    filters = {name: request.args.get(name, "") for name in kind.filter_names}
    order = request.args.get("sortierung", "name")
    descending = order.startswith("-")
    order = order.lstrip("-")
    typed = _typeahead_filters(kind, filters)
    export = request.args.get("format")
    if export in ("csv", "xlsx"):
        rows = register().export_rows(kind, q=q, filters=filters, with_private=_with_private())
        if kind.key == "people" and _with_private():  # people's contact details leave the app
            note_many([("export", "person", row["uid"], "contacts") for row in rows if row.get("uid")])
        return export_response(kind, rows, export, with_private=_with_private())
    per_page = _int_arg("pro_seite", 25)
    with_private = _with_private()

    def table():
        page = register().list(kind, q=q, filters=filters, order=order, descending=descending,
                               page=max(1, _int_arg("seite", 1)),
                               per_page=per_page if per_page in PAGE_SIZES else 25,
                               with_private=with_private)
        # worked out once per page, not once per cell
        columns = [(column, _(COLUMN_LABELS.get(column) or kind.field(column).label),
                    kind.field(column) if column in kind.field_names else None) for column in kind.columns]
        detail_prefix = url_for("register.show_entry", kind=kind, uid="-")[:-1]  # uids are URL-safe
        return page.total, render_template("register/_list_table.html", kind=kind, page=page,
                                           columns=columns, detail_prefix=detail_prefix)
    # the table decides on the query string, the language and whether contacts show, nothing else
    # of the viewer: kept until the next write, rendering it was most of a list page's cost
    total, table_html = store().remember(
        ("list-table", kind.key, request.query_string, current_language(), with_private), table)
    return render_template("register/list.html", kind=kind, total=total, table_html=Markup(table_html), q=q,
                           filters=filters, filter_selects=_filter_selects(kind, filters), typed=typed,
                           sort=request.args.get("sortierung", "name"))


@bp.route("/<kind:kind>/neu", methods=["GET", "POST"])
@permission_required("register.edit")
def create_entry(kind):
    return create_page(kind, lambda values, links: _audited(kind, "create",
                                                            register().create(kind, values, _by(), links)))


@bp.route("/<kind:kind>/<uid>")
@permission_required("register.read")
def show_entry(kind, uid):
    with_private = _with_private()
    entry = register().get(kind, uid, with_private=with_private)
    if with_private and kind.key == "people":  # a person's contacts shown: on the audit log
        note("view", "person", uid, "contacts")
    sections, others = register().link_sections(kind, uid, with_private=with_private)
    can_edit = current_user.can("register.edit")
    for section in sections:
        section["index"] = LINKS.index(section["link"])
        if can_edit:
            section["form_html"] = link_form_html(kind, uid, section)
    # what other features add to a kind's page (e.g. a need's matching offers): {template, ...}
    extras = [add(uid) for add in current_app.extensions.get("netzwerk.detail_sections", {}).get(kind.key, ())]
    return render_template("register/detail.html", kind=kind, entry=entry, sections=sections, extras=extras,
                           others=others, history=register().history(kind, uid, with_private=_with_private()), can_edit=can_edit,
                           confirm=ConfirmForm(), with_private=with_private)


@bp.route("/<kind:kind>/<uid>/bearbeiten", methods=["GET", "POST"])
@permission_required("register.edit")
def edit_entry(kind, uid):
    def update(version, values):
        _audited(kind, "update", uid)  # before the change: a failed audit write never follows a saved one
        return register().update(kind, uid, version, values, _by())
    return edit_page(kind, uid, update, _by())


@bp.route("/<kind:kind>/<uid>/loeschen", methods=["GET", "POST"])
@permission_required("register.edit")
def delete_entry(kind, uid):
    entry = register().get(kind, uid, with_private=True)
    form = ConfirmForm()
    if form.validate_on_submit():
        _audited(kind, "delete", uid)  # before the change (see update)
        register().delete(kind, uid)
        flash(_("{name} wurde gelöscht.", name=entry["name"]), "success")
        return redirect(url_for("register.list_entries", kind=kind))
    sections, others = register().link_sections(kind, uid, with_private=True)
    return render_template("register/delete.html", kind=kind, entry=entry, form=form,
                           sections=[s for s in sections if s["items"]], others=others,
                           history_count=len(register().history(kind, uid, with_private=True, limit=1000)))


def _link_from_url(kind, index, direction):
    if not 0 <= index < len(LINKS) or direction not in ("out", "in"):
        raise NotFound()
    link = LINKS[index]
    if (direction == "out" and link.source != kind.key) or (direction == "in" and link.target != kind.key):
        raise NotFound()
    if link.private and not _with_private():
        raise NotFound()
    return link


@bp.route("/<kind:kind>/<uid>/verbindungen/<int:index>/<direction>", methods=["POST"])
@permission_required("register.edit")
def add_link(kind, uid, index, direction):
    link = _link_from_url(kind, index, direction)
    other_kind = KINDS[link.target if direction == "out" else link.source]
    form = link_form(link, direction, "", prefix=f"l{index}{direction}")
    if form.validate_on_submit():
        other = form.other_uid.data
        if not other or register().get_or_none(other_kind, other) is None:
            try:  # typed without the script, or not picked from the suggestions
                other = register().resolve_name(other_kind, form.other.data)
            except DomainError as error:
                flash(str(error), "error")
                return redirect(url_for("register.show_entry", kind=kind, uid=uid) + f"#verbindung-{index}-{direction}")
        source, target = (uid, other) if direction == "out" else (other, uid)
        register().add_link(link, source, target, {s.name: s.parse(form[s.name].data) for s in link.props}, _by())
        flash(_("Die Verbindung wurde gespeichert."), "success")
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
    return redirect(url_for("register.show_entry", kind=kind, uid=uid) + f"#verbindung-{index}-{direction}")


@bp.route("/<kind:kind>/vorschlaege")
@permission_required("register.read")
def suggest(kind):
    """Type-ahead: JSON [{uid, name}] of entries of a kind matching ?q= (folded, umlaut-tolerant)."""
    return jsonify(register().suggestions(kind, request.args.get("q", "")[:100]))


@bp.route("/<kind:kind>/<uid>/verbindungen/<int:index>/<direction>/<other>/entfernen", methods=["GET", "POST"])
@permission_required("register.edit")
def remove_link(kind, uid, index, direction, other):
    """Asks first (GET), removes on the confirmation (POST)."""
    link = _link_from_url(kind, index, direction)
    if request.method == "GET":
        entry = register().get(kind, uid)
        other_kind = KINDS[link.target if direction == "out" else link.source]
        return render_template("register/unlink.html", kind=kind, entry=entry, link=link,
                               direction=direction, other=register().get(other_kind, other),
                               other_kind=other_kind, index=index, form=ConfirmForm())
    if ConfirmForm().validate_on_submit():
        source, target = (uid, other) if direction == "out" else (other, uid)
        register().remove_link(link, source, target, _by())
        flash(_("Die Verbindung wurde entfernt."), "success")
    return redirect(url_for("register.show_entry", kind=kind, uid=uid) + f"#verbindung-{index}-{direction}")
