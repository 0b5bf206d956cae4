"""The create and edit pages of any kind, shared by the register's views and the events': the
form, the links typed into it, the version check, and a conflict that keeps what was typed.

The caller passes what differs between domains: how to create or update (`save`), who acts,
and the permission it has already checked.
"""
from flask import flash, redirect, render_template, request

from ..errors import Conflict, DomainError
from ..i18n import gettext as _
from . import entry_url, register, suggest_url
from .forms import entry_form, form_values
from .model import FORM_LINKS, KINDS, LINK_REQUIRED


def create_page(kind, create, prepare=None):
    """GET: the empty form (`prepare(form)` may set defaults); POST: `create(values, links)` ->
    the new uid, then the entry's page. A DomainError from `create` shows on the form."""
    form = entry_form(kind, suggest_url=suggest_url)
    if request.method == "GET" and prepare:
        prepare(form)
    if form.validate_on_submit():
        links = form_links(kind, form, existing=None)
        if links is not None:
            try:
                uid = create(form_values(kind, form), links)
            except Conflict:
                raise  # a uid taken twice: the error page
            except DomainError as refusal:  # e.g. an event's dates that do not fit together
                form.form_errors.append(str(refusal))
            else:
                flash(_("{name} wurde angelegt.", name=form.name.data), "success")
                return redirect(entry_url(kind, uid))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("register/form.html", kind=kind, form=form, entry=None), status


def edit_page(kind, uid, update, by, with_private=True):
    """GET: the form with the entry's values; POST: `update(version, values)`, the links typed
    in the form added, then the entry's page. A stale version (a colleague saved meanwhile)
    shows the form again with what was typed beside the current values, ready to save again."""
    entry = register().get(kind, uid, with_private=with_private)
    form = entry_form(kind, entry if request.method == "GET" else None, suggest_url=suggest_url)
    if form.validate_on_submit():
        links = form_links(kind, form, existing=True)  # editing only adds links
        if links is None:
            return render_template("register/form.html", kind=kind, form=form, entry=entry), 400
        try:
            version = int(form.version.data)
        except (TypeError, ValueError):
            raise DomainError("Das Formular ist unvollständig. Bitte laden Sie die Seite neu.") from None
        try:
            update(version, form_values(kind, form))
        except Conflict as conflict:
            current = register().get(kind, uid, with_private=with_private)
            form.version.data = current["version"]
            differences = [(spec, current.get(spec.name)) for spec in kind.fields
                           if _differs(spec.parse(form[spec.name].data), current.get(spec.name))]
            return render_template("register/form.html", kind=kind, form=form, entry=current,
                                   conflict=str(conflict), differences=differences), 409
        except DomainError as refusal:
            form.form_errors.append(str(refusal))
            return render_template("register/form.html", kind=kind, form=form, entry=entry), 400
        for form_link, other in links:
            source, target = (uid, other["uid"]) if form_link.direction == "out" else (other["uid"], uid)
            register().add_link(form_link.link, source, target, {}, by)
        flash(_("Die Änderungen wurden gespeichert."), "success")
        return redirect(entry_url(kind, uid))
    return render_template("register/form.html", kind=kind, form=form, entry=entry), 400 if form.errors else 200


def form_links(kind, form, existing):
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
    if required and not problems and not any(form_link.name in required for form_link, other in links) and not existing:
        form.form_errors.append(_("Ein Angebot braucht einen Anbieter oder einen Stadtteil: sonst fehlt "
                                  "es in jeder Suche nach Gebiet."))
        return None
    return None if problems else links


def _differs(mine, theirs):
    empty = (None, "", [])
    return (mine if mine not in empty else None) != (theirs if theirs not in empty else None)
