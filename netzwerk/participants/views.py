"""The organisers' participant pages after registering. The whole URL map of the domain (every
page: the event's organisers, coordinators and admins, checked per event on the server; anyone
else 404, members 403):

  /veranstaltungen/<uid>/begegnungen                       who met whom (attendance grows the network)
  /veranstaltungen/<uid>/nachricht                          write to all participants or one group: preview, send
  /veranstaltungen/<uid>/datenschutz                        retention period; export and erase per participant
  /veranstaltungen/<uid>/teilnehmende/<r>/daten             one participant's data as JSON (asks, then POST)
  /veranstaltungen/<uid>/teilnehmende/<r>/loeschen          erase (anonymise) one participant (asks, then POST)
  /veranstaltungen/<uid>/namensschilder.pdf                 name badges (A4)
  /veranstaltungen/<uid>/unterschriftenliste.pdf            sign-in sheet (A4)
"""
import json
import secrets

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..audit.trail import note
from ..auth import permission_required
from ..errors import DomainError, NotFound
from ..fields import FieldError
from ..i18n import gettext as _
from ..registrations import registrations
from ..registrations.forms import ConfirmForm
from . import bp, participants
from .forms import GROUP_LABELS, RETENTION_DAYS, MeetingForm, MessageForm, RetentionForm
from ..registrations.service import berlin_now
from .service import DEFAULT_RETENTION_DAYS, event_end

STATUS_LABELS = {"confirmed": "bestätigt", "waitlisted": "Warteliste", "cancelled": "abgemeldet"}


def _managed_event(uid):
    """The event, if the signed-in account may manage its participants; else 404."""
    event = registrations().event(uid)
    if not registrations().can_manage(current_user, uid):
        raise NotFound("Diese Veranstaltung gibt es nicht.")
    return event


def _participant(event, registration_uid):
    for row in registrations().participants(event["uid"]):
        if row["uid"] == registration_uid:
            return row
    raise NotFound("Diese Anmeldung gibt es nicht.")


def _expired():
    raise DomainError("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.")


# --- attendance grows the network ----------------------------------------------------------------
@bp.route("/veranstaltungen/<uid>/begegnungen", methods=["GET", "POST"])
@permission_required("events.manage")
def meetings(uid):
    event = _managed_event(uid)
    candidates = participants().network_candidates(uid)
    form = MeetingForm()
    form.met.choices = [(c.uid, c.name) for c in candidates]
    form.works_at.choices = [(c.uid, c.name) for c in candidates if c.actor_uid]
    status = 200
    if request.method == "POST":
        if not form.validate_on_submit():
            _expired()
        try:
            result = participants().record_meeting(event, form.met.data or [], form.works_at.data or [],
                                                   current_user.name)
        except DomainError as error:
            flash(str(error), "error")
            status = 400
        else:
            flash(_("Gespeichert: {created} neue Verbindungen, {strengthened} verstärkt, {unchanged} unverändert; "
                    "{people} Personen neu im Netzwerk; {works_at} Verbindungen zu Akteuren.", **result), "success")
            return redirect(url_for("participants.meetings", uid=uid))
    return render_template("participants/meetings.html", event=event, form=form, candidates=candidates,
                           started=str(event.get("starts_at") or "") <= berlin_now()), status


# --- messages to participants --------------------------------------------------------------------
@bp.route("/veranstaltungen/<uid>/nachricht", methods=["GET", "POST"])
@permission_required("events.manage")
def message(uid):
    event = _managed_event(uid)
    form = MessageForm()
    if request.method == "POST" and form.validate_on_submit():
        if form.send.data and form.batch.data:
            count = participants().send_message(uid, form.group.data, form.subject.data, form.body.data,
                                                form.batch.data)
            note("create", "event", uid, "message")
            flash(_("{count} Nachrichten liegen im Postausgang.", count=count), "success")
            return redirect(url_for("registrations.messages", uid=uid))
        # the preview: how many it reaches and how it reads; sending needs a second, explicit step
        form.batch.data = secrets.token_hex(8)
        sample = {"kind": "organiser", "language": "de", "event_name": event.get("name"),
                  "event_starts_at": event.get("starts_at"), "to_name": _("Vorname Nachname"),
                  "subject": form.subject.data.strip(), "body": form.body.data.strip()}
        from ..mail import render
        subject, body = render(sample)
        return render_template("participants/message.html", event=event, form=form, preview=True,
                               count=participants().recipients(uid, form.group.data), sample=(subject, body),
                               group_label=dict(GROUP_LABELS)[form.group.data])
    return render_template("participants/message.html", event=event, form=form, preview=False), \
        400 if form.errors else 200


# --- data protection -----------------------------------------------------------------------------
@bp.route("/veranstaltungen/<uid>/datenschutz", methods=["GET", "POST"])
@permission_required("events.manage")
def data_protection(uid):
    event = _managed_event(uid)
    days = event.get("retention_days")
    form = RetentionForm(formdata=None if request.method == "GET" else request.form,
                         days=str(days if days is not None else DEFAULT_RETENTION_DAYS))
    if request.method == "POST":
        if not form.validate_on_submit():
            _expired()
        try:
            value = RETENTION_DAYS.parse(form.days.data or "")
            participants().set_retention(uid, value)
        except (FieldError, DomainError) as error:
            form.days.errors = [str(error)]
        else:
            flash(_("Gespeichert."), "success")
            return redirect(url_for("participants.data_protection", uid=uid))
    end = event_end(event)
    note("view", "event", uid, "participants")
    return render_template("participants/data_protection.html", event=event, form=form,
                           rows=registrations().participants(uid), status_labels=STATUS_LABELS,
                           days=days if days is not None else DEFAULT_RETENTION_DAYS, end=end), \
        400 if form.errors else 200


@bp.route("/veranstaltungen/<uid>/teilnehmende/<registration>/daten", methods=["GET", "POST"])
@permission_required("events.manage")
def export_participant(uid, registration):
    event = _managed_event(uid)
    row = _participant(event, registration)
    form = ConfirmForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            _expired()
        data = participants().participant_data(uid, registration)
        note("export", "registration", registration, "participant")
        return Response(json.dumps(data, ensure_ascii=False, indent=2, default=str),
                        mimetype="application/json",
                        headers={"Content-Disposition": f'attachment; filename="teilnahme-{registration}.json"',
                                 "Cache-Control": "no-store"})
    return render_template("participants/confirm.html", event=event, row=row, form=form, action="export")


@bp.route("/veranstaltungen/<uid>/teilnehmende/<registration>/loeschen", methods=["GET", "POST"])
@permission_required("events.manage")
def erase_participant(uid, registration):
    event = _managed_event(uid)
    row = _participant(event, registration)
    form = ConfirmForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            _expired()
        note("erase", "registration", registration, "participant")  # before the change: see docs/audit.md
        if participants().erase(uid, registration):
            flash(_("Die Daten der Person sind gelöscht; ihre Anmeldung zählt weiter mit."), "success")
        else:
            flash(_("Diese Anmeldung war schon anonymisiert."), "info")
        return redirect(url_for("participants.data_protection", uid=uid))
    return render_template("participants/confirm.html", event=event, row=row, form=form, action="erase")


# --- print ---------------------------------------------------------------------------------------
def _pdf(data, name):
    return Response(data, mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{name}"', "Cache-Control": "no-store",
                             "X-Content-Type-Options": "nosniff"})


@bp.route("/veranstaltungen/<uid>/namensschilder.pdf")
@permission_required("events.manage")
def badges(uid):
    event = _managed_event(uid)
    note("export", "event", uid, "participants")
    return _pdf(participants().badges_pdf(event), "namensschilder.pdf")


@bp.route("/veranstaltungen/<uid>/unterschriftenliste.pdf")
@permission_required("events.manage")
def sign_in_sheet(uid):
    event = _managed_event(uid)
    from ..i18n import format_when
    when = " · ".join(p for p in (format_when(event.get("starts_at")) if event.get("starts_at") else "",
                                  event.get("venue") or "") if p)
    headings = (_("Nr."), _("Name"), _("Organisation"), _("Unterschrift"))
    note("export", "event", uid, "participants")
    return _pdf(participants().sign_in_pdf(event, when, headings, _("Teilnahmeliste – bestätigte Anmeldungen")),
                "unterschriftenliste.pdf")
