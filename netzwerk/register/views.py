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

from ..auth import permission_required
from ..errors import Conflict, DomainError, NotFound
from ..i18n import gettext as _
from . import bp, register, suggest_url
from .exports import export_response
from .forms import ConfirmForm, entry_form, form_values, link_form
from .link_forms import link_form_html
from .model import FORM_LINKS, LINK_REQUIRED, COLUMN_LABELS, KINDS, LINKS

def _with_private():
    return current_user.can("contacts.read")


def _by():
    return current_user.name


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
        if spec.entries:
            options[spec.name] = register().options(KINDS[spec.entries])
        elif spec.values:
            values = register().values(kind, spec.values, is_list=kind.field(spec.values).is_list)
            options[spec.name] = [(v, v) for v in values]
        else:
            options[spec.name] = kind.field(spec.field).options()
    return options


@bp.route("/<kind:kind>")
@permission_required("register.read")
def list_entries(kind):
    q = request.args.get("q", "").strip()[:200]
    filters = {name: request.args.get(name, "") for name in kind.filter_names}
    order = request.args.get("sortierung", "name")
    descending = order.startswith("-")
    order = order.lstrip("-")
    export = request.args.get("format")
    if export in ("csv", "xlsx"):
        rows = register().export_rows(kind, q=q, filters=filters, with_private=_with_private())
        return export_response(kind, rows, export, with_private=_with_private())
    per_page = _int_arg("pro_seite", 25)
    page = register().list(kind, q=q, filters=filters, order=order, descending=descending,
                           page=max(1, _int_arg("seite", 1)),
                           per_page=per_page if per_page in PAGE_SIZES else 25,
                           with_private=_with_private())
    # worked out once per page, not once per cell
    columns = [(column, _(COLUMN_LABELS.get(column) or kind.field(column).label),
                kind.field(column) if column in kind.field_names else None) for column in kind.columns]
    detail_prefix = url_for("register.show_entry", kind=kind, uid="-")[:-1]  # uids are URL-safe
    return render_template("register/list.html", kind=kind, page=page, q=q, filters=filters,
                           filter_options=_filter_options(kind), columns=columns,
                           detail_prefix=detail_prefix, sort=request.args.get("sortierung", "name"))


@bp.route("/<kind:kind>/neu", methods=["GET", "POST"])
@permission_required("register.edit")
def create_entry(kind):
    form = entry_form(kind, suggest_url=_suggest_url)
    if form.validate_on_submit():
        links = _form_links(kind, form, existing=None)
        if links is not None:
            uid = register().create(kind, form_values(kind, form), _by(), links)
            flash(_("{name} wurde angelegt.", name=form.name.data), "success")
            return redirect(url_for("register.show_entry", kind=kind, uid=uid))
    return render_template("register/form.html", kind=kind, form=form, entry=None), 400 if form.errors or form.form_errors else 200


def _suggest_url(kind_key):
    return suggest_url(kind_key)


def _form_links(kind, form, existing):
    """[(form link, other entry)] typed in the form, or None after noting the problems on the
    form: a name that is not known, or (offers) neither provider nor district."""
    links, problems = [], False
    for form_link in FORM_LINKS.get(kind.key, ()):
        other_kind = KINDS[form_link.other]
        text, uid = form[f"link_{form_link.name}"].data, form[f"link_{form_link.name}_uid"].data
        if not (text or "").strip():
            continue
        other = register().get_or_none(other_kind, uid) if uid else None
        if other is None:
            try:
                other = register().get(other_kind, register().resolve_name(other_kind, text))
            except DomainError as error:
                form[f"link_{form_link.name}"].errors = [str(error)]
                problems = True
                continue
        links.append((form_link, {"uid": other["uid"], "name": other["name"]}))
    required = LINK_REQUIRED.get(kind.key)
    if required and not problems and not any(fl.name in required for fl, _ in links) and not existing:
        form.form_errors.append(_("Ein Angebot braucht einen Anbieter oder einen Stadtteil: sonst fehlt "
                                  "es in jeder Suche nach Gebiet."))
        return None
    return None if problems else links


@bp.route("/<kind:kind>/<uid>")
@permission_required("register.read")
def show_entry(kind, uid):
    with_private = _with_private()
    entry = register().get(kind, uid, with_private=with_private)
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
    entry = register().get(kind, uid, with_private=True)
    form = entry_form(kind, entry if request.method == "GET" else None, suggest_url=_suggest_url)
    if form.validate_on_submit():
        links = _form_links(kind, form, existing=True)  # editing only adds links
        if links is None:
            return render_template("register/form.html", kind=kind, form=form, entry=entry), 400
        try:
            version = int(form.version.data)
        except (TypeError, ValueError):
            raise DomainError("Das Formular ist unvollständig. Bitte laden Sie die Seite neu.") from None
        try:
            register().update(kind, uid, version, form_values(kind, form), _by())
        except Conflict as conflict:
            # keep what was typed: show it beside the colleague's values, ready to save again
            current = register().get(kind, uid, with_private=True)
            form.version.data = current["version"]
            differences = [(spec, current.get(spec.name)) for spec in kind.fields
                           if _differs(spec.parse(form[spec.name].data), current.get(spec.name))]
            return render_template("register/form.html", kind=kind, form=form, entry=current,
                                   conflict=str(conflict), differences=differences), 409
        for form_link, other in links:
            source, target = (uid, other["uid"]) if form_link.direction == "out" else (other["uid"], uid)
            register().add_link(form_link.link, source, target, {}, _by())
        flash(_("Die Änderungen wurden gespeichert."), "success")
        return redirect(url_for("register.show_entry", kind=kind, uid=uid))
    return render_template("register/form.html", kind=kind, form=form, entry=entry), 400 if form.errors else 200


def _differs(mine, theirs):
    empty = (None, "", [])
    return (mine if mine not in empty else None) != (theirs if theirs not in empty else None)


@bp.route("/<kind:kind>/<uid>/loeschen", methods=["GET", "POST"])
@permission_required("register.edit")
def delete_entry(kind, uid):
    entry = register().get(kind, uid, with_private=True)
    form = ConfirmForm()
    if form.validate_on_submit():
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
