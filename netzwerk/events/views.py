"""The events' pages. The whole URL map of the domain:

  /veranstaltungen                          upcoming (?zeit=vergangen: past), filters, pages
  /veranstaltungen/kalender?monat=2026-11   the month as a table
  /veranstaltungen/feed.ics                 public published (and cancelled) events as iCal
  /veranstaltungen/vorschlaege              type-ahead (JSON)
  /veranstaltungen/neu                      create (events.manage)
  /veranstaltungen/<uid>                    detail: public for a published public event
  /veranstaltungen/<uid>.ics                one event as iCal (same visibility)
  /veranstaltungen/<uid>/bearbeiten         edit (refused when stale)
  /veranstaltungen/<uid>/loeschen           confirm and delete (refused with registrations)
  /veranstaltungen/<uid>/termine            further dates of a series (POST)
  /veranstaltungen/<uid>/dateien            upload a file (POST)
  /veranstaltungen/<uid>/dateien/<file>     download (same visibility as the event)
  /veranstaltungen/<uid>/dateien/<file>/loeschen              remove a file (POST)
  /veranstaltungen/<uid>/verbindungen/<n>/<dir>               add a link (POST)
  /veranstaltungen/<uid>/verbindungen/<n>/<dir>/<other>/entfernen   remove a link

Reading needs no login where the event is public (see service.py); every change needs the
permission events.manage (organisers, coordinators, admins), checked here on the server.
"""
from flask import Response, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from ..auth import permission_required
from ..clock import now_iso
from ..errors import DomainError, NotFound
from ..extensions import login_manager
from ..i18n import gettext as _
from ..register import register
from ..register.forms import ConfirmForm, link_form
from ..register.link_forms import link_form_html
from ..register.model import KINDS, LINKS
from ..register.editing import create_page, edit_page
from . import bp, events
from .forms import AttachmentForm, DatesForm
from .ical import calendar_bytes
from .service import EVENTS, parse_month

PAGE_SIZES = (10, 20, 50, 100)


def _logged_in():
    return current_user.is_authenticated


def _can_manage():
    return current_user.is_authenticated and current_user.can("events.manage")


def _readable_event(uid):
    """The event if this viewer may read it; anonymous viewers of a non-public one log in first."""
    event, visible = events().get(uid, _logged_in())
    if not visible:
        if not _logged_in():
            raise _LoginFirst()
        raise NotFound("Veranstaltung nicht gefunden.")
    return event


class _LoginFirst(Exception):
    pass


@bp.errorhandler(_LoginFirst)
def _login_first(_error):
    return login_manager.unauthorized()


def _int_arg(name, default):
    try:
        return int(request.args.get(name, default))
    except ValueError:
        return default


@bp.context_processor
def _form_link_specs():
    from ..register.model import FORM_LINKS
    return {"form_links": FORM_LINKS}


@bp.route("/veranstaltungen")
def index():
    past = request.args.get("zeit") == "vergangen"
    filters = {name: request.args.get(name, "")[:200] for name in ("q", "district", "field", "organiser")}
    per_page = _int_arg("pro_seite", 20)
    page = events().list(_logged_in(), past=past, page=max(1, _int_arg("seite", 1)),
                         per_page=per_page if per_page in PAGE_SIZES else 20, **filters)
    options = {
        "district": register().options(KINDS["districts"]),
        "organiser": events().organiser_options(_logged_in()),
        "field": [(code, _(label)) for code, label in EVENTS.field("fields").choices],
    }
    return render_template("events/index.html", page=page, past=past, filters=filters, options=options,
                           can_manage=_can_manage())


@bp.route("/veranstaltungen/kalender")
def month():
    year, number = parse_month(request.args.get("monat"))
    return render_template("events/calendar.html", month=events().month(_logged_in(), year, number),
                           can_manage=_can_manage())


@bp.route("/veranstaltungen/feed.ics")
def feed():
    body = calendar_bytes(events().feed(), _event_url, name=_("netzwerk – öffentliche Veranstaltungen"))
    return _ics(body, "veranstaltungen.ics")


@bp.route("/veranstaltungen/<uid>.ics")
def event_ics(uid):
    event = _readable_event(uid)
    return _ics(calendar_bytes([event], _event_url, name=event["name"]), "veranstaltung.ics")


def _event_url(uid):
    return url_for("events.show_entry", uid=uid, _external=True)


def _ics(body, filename):
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/veranstaltungen/vorschlaege")
@permission_required("register.read")
def suggest():
    return jsonify(register().suggestions(EVENTS, request.args.get("q", "")[:100]))


@bp.route("/veranstaltungen/neu", methods=["GET", "POST"])
@permission_required("events.manage")
def create_entry():
    def defaults(form):
        form.visibility.data, form.status.data = "public", "draft"
    return create_page(EVENTS, lambda values, links: events().create(values, current_user.name, links), defaults)


@bp.route("/veranstaltungen/<uid>")
def show_entry(uid):
    event = _readable_event(uid)
    can_manage = _can_manage()
    sections = []
    if can_manage:  # the links are edited on the page, as in the register
        register_sections, _others = register().link_sections(EVENTS, uid)
        for section in register_sections:
            section["index"] = LINKS.index(section["link"])
            section["form_html"] = link_form_html(EVENTS, uid, section)
            sections.append(section)
    return render_template(
        "events/detail.html", kind=EVENTS, entry=event, details=events().details(uid, _logged_in()),
        sections=sections, can_manage=can_manage, can_edit=can_manage, logged_in=_logged_in(),
        history=register().history(EVENTS, uid) if _logged_in() else [],
        attachment_form=AttachmentForm() if can_manage else None,
        dates_form=DatesForm() if can_manage else None, confirm=ConfirmForm(), now=now_iso()[:16])


@bp.route("/veranstaltungen/<uid>/bearbeiten", methods=["GET", "POST"])
@permission_required("events.manage")
def edit_entry(uid):
    return edit_page(EVENTS, uid, lambda version, values: events().update(uid, version, values, current_user.name),
                     current_user.name)


@bp.route("/veranstaltungen/<uid>/loeschen", methods=["GET", "POST"])
@permission_required("events.manage")
def delete_entry(uid):
    entry = register().get(EVENTS, uid)
    form = ConfirmForm()
    if form.validate_on_submit():
        events().delete(uid)
        flash(_("{name} wurde gelöscht.", name=entry["name"]), "success")
        return redirect(url_for("events.index"))
    return render_template("events/delete.html", entry=entry, form=form,
                           attachments=events().attachments(uid))


@bp.route("/veranstaltungen/<uid>/termine", methods=["POST"])
@permission_required("events.manage")
def add_dates(uid):
    form = DatesForm()
    if form.validate_on_submit():
        try:
            count = int(form.count.data)
        except ValueError:
            count = 0
        try:
            created = events().add_dates(uid, form.rhythm.data, count, current_user.name)
        except DomainError as error:
            flash(str(error), "error")
        else:
            flash(_("{count} weitere Termine wurden angelegt.", count=len(created)), "success")
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
    return redirect(url_for("events.show_entry", uid=uid) + "#reihe")


@bp.route("/veranstaltungen/<uid>/dateien", methods=["POST"])
@permission_required("events.manage")
def upload(uid):
    form = AttachmentForm()
    if form.validate_on_submit():
        upload_file = form.file.data
        if upload_file is None or not getattr(upload_file, "filename", ""):
            flash(_("Bitte eine Datei wählen."), "error")
        else:
            try:
                name = events().add_attachment(uid, upload_file.filename, upload_file.stream, current_user.name)
            except DomainError as error:
                flash(str(error), "error")
                return redirect(url_for("events.show_entry", uid=uid) + "#dateien")
            flash(_("„{name}“ wurde hochgeladen.", name=name), "success")
    else:
        flash(_("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu."), "error")
    return redirect(url_for("events.show_entry", uid=uid) + "#dateien")


@bp.route("/veranstaltungen/<uid>/dateien/<file_uid>")
def download(uid, file_uid):
    _readable_event(uid)
    path, name, media_type = events().attachment(uid, file_uid)
    if not path.exists():
        raise NotFound("Diese Datei gibt es nicht.")
    response = send_file(path, mimetype=media_type, as_attachment=True, download_name=name, max_age=0)
    response.headers["X-Content-Type-Options"] = "nosniff"
    # should a browser still render it: no script, no same-origin rights
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/veranstaltungen/<uid>/dateien/<file_uid>/loeschen", methods=["POST"])
@permission_required("events.manage")
def remove_file(uid, file_uid):
    if ConfirmForm().validate_on_submit():
        events().remove_attachment(uid, file_uid)
        flash(_("Die Datei wurde entfernt."), "success")
    return redirect(url_for("events.show_entry", uid=uid) + "#dateien")


def _link_from_url(index, direction):
    if not 0 <= index < len(LINKS) or direction not in ("out", "in"):
        raise NotFound()
    link = LINKS[index]
    if (direction == "out" and link.source != "events") or (direction == "in" and link.target != "events"):
        raise NotFound()
    return link


@bp.route("/veranstaltungen/<uid>/verbindungen/<int:index>/<direction>", methods=["POST"])
@permission_required("events.manage")
def add_link(uid, index, direction):
    link = _link_from_url(index, direction)
    other_kind = KINDS[link.target if direction == "out" else link.source]
    form = link_form(link, direction, "", prefix=f"l{index}{direction}")
    anchor = url_for("events.show_entry", uid=uid) + f"#verbindung-{index}-{direction}"
    if form.validate_on_submit():
        other = form.other_uid.data
        if not other or register().get_or_none(other_kind, other) is None:
            try:
                other = register().resolve_name(other_kind, form.other.data)
            except DomainError as error:
                flash(str(error), "error")
                return redirect(anchor)
        source, target = (uid, other) if direction == "out" else (other, uid)
        register().add_link(link, source, target, {s.name: s.parse(form[s.name].data) for s in link.props},
                            current_user.name)
        flash(_("Die Verbindung wurde gespeichert."), "success")
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
    return redirect(anchor)


@bp.route("/veranstaltungen/<uid>/verbindungen/<int:index>/<direction>/<other>/entfernen",
          methods=["GET", "POST"])
@permission_required("events.manage")
def remove_link(uid, index, direction, other):
    link = _link_from_url(index, direction)
    other_kind = KINDS[link.target if direction == "out" else link.source]
    if request.method == "GET":
        return render_template("register/unlink.html", kind=EVENTS, entry=register().get(EVENTS, uid), link=link,
                               direction=direction, other=register().get(other_kind, other),
                               other_kind=other_kind, index=index, form=ConfirmForm())
    if ConfirmForm().validate_on_submit():
        source, target = (uid, other) if direction == "out" else (other, uid)
        register().remove_link(link, source, target, current_user.name)
        flash(_("Die Verbindung wurde entfernt."), "success")
    return redirect(url_for("events.show_entry", uid=uid) + f"#verbindung-{index}-{direction}")

