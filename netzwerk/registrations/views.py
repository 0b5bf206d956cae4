"""Registration pages. The whole URL map of the domain:

Public (no account):
  /veranstaltungen/<uid>/anmeldung                  the form (?einladung=<token> for invitees)
  /veranstaltungen/<uid>/anmeldung/danke            the one neutral answer
  /veranstaltungen/<uid>/einladung/absagen          an invitee declines (POST)
  /anmeldung/<token>                                 the personal page: status, change answers
  /anmeldung/<token>/abmelden                        asks, then cancels (POST)
Organisers of the event, coordinators and admins (checked per event on the server):
  /anmeldungen                                       the events one manages
  /veranstaltungen/<uid>/teilnehmende                participants, search, ?format=csv|xlsx
  /veranstaltungen/<uid>/teilnehmende/plaetze        capacity (POST; move-ups happen at once)
  /veranstaltungen/<uid>/teilnehmende/neu            add someone by hand (POST)
  /veranstaltungen/<uid>/teilnehmende/<r>/abmelden   asks, then cancels (POST)
  /veranstaltungen/<uid>/teilnehmende/<r>/einlass    check in or out (POST)
  /veranstaltungen/<uid>/einlass                     check-in on a phone: search, one tap, counts
  /veranstaltungen/<uid>/anmeldung/fragen            the event's own questions
  /veranstaltungen/<uid>/einladungen                 personal invitations and their state
  /veranstaltungen/<uid>/einladungen/netzwerk        invite people from the graph: filter, check the list, send
  /veranstaltungen/<uid>/postausgang                 the event's outbox (read it without SMTP)
  /veranstaltungen/<uid>/organisation                who organises it (coordinators, admins)
"""
import secrets
import threading
from collections import OrderedDict

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from ..audit.trail import note
from ..auth import permission_required
from ..errors import Closed, DomainError, NotFound
from ..i18n import current_language
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..fields import Field, FieldError
from ..register.exports import spreadsheet_response
from ..store import StoreUnavailable
from . import bp, outbox, registrations
from .forms import (CapacityForm, ConfirmForm, InvitationForm, InviteFilterForm, OrganiserForm, QuestionsForm,
                    answers_form_class, answers_of, fill, question_rows, registration_form_class)
from .questions import Question, answers_text
from .service import CONSENT_TEXT, NETWORK_CONSENT_TEXT, berlin_now, window_state

STATUS_LABELS = {"confirmed": _l("bestätigt"), "waitlisted": _l("Warteliste"), "cancelled": _l("abgemeldet")}
SOURCE_LABELS = {"public": _l("Formular"), "invitation": _l("Einladung"), "manual": _l("von Hand")}
INVITATION_LABELS = {"sent": _l("gesendet"), "opened": _l("geöffnet"), "registered": _l("angemeldet"),
                     "declined": _l("nicht angenommen")}
CAPACITY = Field("capacity", "Plätze", type="int")


def _client_address():
    return request.remote_addr or "unknown"


def _personal_link(token):
    return url_for("registrations.personal", token=token, _external=True)


# --- public ------------------------------------------------------------------------------------
# The public form's page, rendered once per event settings, language and "full" and kept with
# placeholders for the two values that differ per visitor (the CSRF token and the form token):
# a GET then costs a dictionary lookup and two replacements instead of a template render.
# Only for anonymous visitors without flashed messages and without an invitation.
_FORM_PAGES = OrderedDict()
_FORM_PAGES_MAX = 256
_FORM_PAGES_LOCK = threading.Lock()
CSRF_MARK = "netzwerkcsrftokenmark"
TOKEN_MARK = "netzwerkformtokenmark"


def _plain_form_page(event, form_class):
    """The form page as HTML for an anonymous visitor, from the kept copy when there is one
    (then no form is built: the CSRF token comes from the session alone)."""
    key = (repr(sorted((k, v) for k, v in event.items() if k != "questions")), current_language())
    with _FORM_PAGES_LOCK:
        page = _FORM_PAGES.get(key)
        if page is not None:
            _FORM_PAGES.move_to_end(key)
    csrf = generate_csrf()
    if page is None:
        form = form_class()
        form.form_token.data = TOKEN_MARK
        page = render_template("registrations/register.html", event=event, form=form,
                               consent_text=CONSENT_TEXT, invitation=None)
        # the token is random text (letters, digits, '.', '-', '_'): it appears only where it was put
        page = page.replace(csrf, CSRF_MARK)
        with _FORM_PAGES_LOCK:
            _FORM_PAGES[key] = page
            while len(_FORM_PAGES) > _FORM_PAGES_MAX:
                _FORM_PAGES.popitem(last=False)
    return page.replace(CSRF_MARK, csrf).replace(TOKEN_MARK, secrets.token_urlsafe(16))


def _may_keep_page(invitation):
    return (invitation is None and not request.query_string and not current_user.is_authenticated
            and not session.get("_flashes"))


@bp.route("/veranstaltungen/<uid>/anmeldung", methods=["GET", "POST"])
def register(uid):
    service = registrations()
    # the event's settings from the read a rush of registrations does not retire (cache: stable)
    event = service.form_event(uid)
    questions = event["questions"]
    form_class = registration_form_class(questions)
    state = window_state(event, berlin_now())
    if (request.method == "GET" and state == "open" and event.get("visibility") != "invitation"
            and _may_keep_page(None)):
        # the settings and whether it is full: both from reads a rush of registrations does not
        # retire, so under a rush this page costs no database read (see get_event_full)
        event["full"] = service.is_full(uid)
        return _plain_form_page(event, form_class)
    form = form_class()
    invitation_token = (form.invitation.data if request.method == "POST" else request.args.get("einladung")) or ""
    invitation = None
    if event.get("visibility") == "invitation" and state in ("open", "not_yet", "closed"):
        invitation = service.invitation(uid, invitation_token)
        if invitation is None:
            return render_template("registrations/closed.html", event=event, state="invitation_only"), 403
        if request.method == "GET":
            service.mark_invitation(uid, invitation_token, "opened")
            if not form.name.data:
                form.name.data, form.email.data = invitation["name"], invitation["email"]
    if state != "open":
        return render_template("registrations/closed.html", event=event, state=state), \
            404 if state == "unavailable" else 200
    if request.method == "GET":
        event["full"] = service.is_full(uid)
        form.form_token.data = secrets.token_urlsafe(16)
        form.invitation.data = invitation_token
        return render_template("registrations/register.html", event=event, form=form,
                               consent_text=CONSENT_TEXT, network_consent_text=NETWORK_CONSENT_TEXT,
                               invitation=invitation)
    if form.website.data:  # the honeypot was filled in: a bot gets the same answer, nothing is stored
        service.check_rate(uid, _client_address())
        return redirect(url_for("registrations.thanks", uid=uid))
    if not form.validate_on_submit():
        service.check_rate(uid, _client_address())
        event["full"] = service.is_full(uid)
        return render_template("registrations/register.html", event=event, form=form,
                               consent_text=CONSENT_TEXT, network_consent_text=NETWORK_CONSENT_TEXT, invitation=invitation), 400
    form_token = form.form_token.data or secrets.token_urlsafe(16)
    try:
        # one statement: rate limits, the event's lock, duplicates, capacity, the outbox message
        service.register(uid, name=form.name.data, email=form.email.data,
                         answers=answers_of(questions, form), language=current_language(),
                         form_token=form_token, link_for=_personal_link,
                         invitation_token=invitation_token, address=_client_address(),
                         organisation=form.organisation.data, network_consent=bool(form.network.data))
    except StoreUnavailable as exc:
        # "nothing saved" only when the statement never reached the database (store/errors.py)
        form.form_token.data = form_token
        event["full"] = False
        return render_template("registrations/register.html", event=event, form=form,
                               consent_text=CONSENT_TEXT, network_consent_text=NETWORK_CONSENT_TEXT, invitation=invitation,
                               unknown_outcome=exc.outcome != "none", nothing_saved=exc.outcome == "none"), 503, \
            {"Retry-After": "30"}
    except Closed:
        return render_template("registrations/closed.html", event=event, state="closed"), 409
    return redirect(url_for("registrations.thanks", uid=uid))


@bp.route("/veranstaltungen/<uid>/anmeldung/danke")
def thanks(uid):
    event = registrations().form_event(uid)
    # only where the public form could have been sent: a draft's or an internal event's name,
    # time and place are not for the public (found by tests/web/test_route_access.py)
    if window_state(event, berlin_now()) == "unavailable":
        raise NotFound("Diese Veranstaltung gibt es nicht.")
    return render_template("registrations/thanks.html", event=event)


@bp.route("/veranstaltungen/<uid>/einladung/absagen", methods=["POST"])
def decline(uid):
    form = ConfirmForm()
    token = request.form.get("invitation", "")
    if not form.validate_on_submit() or not registrations().mark_invitation(uid, token, "declined"):
        raise NotFound("Diese Einladung gibt es nicht.")
    return render_template("registrations/declined.html", event=registrations().event(uid))


@bp.route("/anmeldung/<token>", methods=["GET", "POST"])
def personal(token):
    service = registrations()
    registration, event = service.by_link(token)
    questions = event["questions"]
    form = answers_form_class(questions)()
    if request.method == "GET":
        form.name.data = registration["name"]
        fill(form, questions, registration["answers"])
    elif form.validate_on_submit():
        service.update_answers(token, form.name.data, answers_of(questions, form))
        flash(_("Ihre Angaben wurden gespeichert."), "success")
        return redirect(url_for("registrations.personal", token=token))
    return render_template("registrations/personal.html", registration=registration, event=event,
                           form=form, token=token, status_labels=STATUS_LABELS, withdraw_form=ConfirmForm(),
                           answers=answers_text(questions, registration["answers"])), 400 if form.errors else 200


@bp.route("/anmeldung/<token>/netzwerk-widerrufen", methods=["POST"])
def withdraw_network_consent(token):
    if ConfirmForm().validate_on_submit() and registrations().withdraw_network_consent(token):
        flash(_("Ihr Einverständnis ist widerrufen: Die Veranstalter verbinden Sie nicht mehr mit anderen "
                "Teilnehmenden."), "success")
    return redirect(url_for("registrations.personal", token=token))


@bp.route("/anmeldung/<token>/abmelden", methods=["GET", "POST"])
def cancel_own(token):
    service = registrations()
    registration, event = service.by_link(token)
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        service.cancel_by_link(token)
        flash(_("Sie sind abgemeldet. Eine Bestätigung kommt per E-Mail."), "success")
        return redirect(url_for("registrations.personal", token=token))
    return render_template("registrations/cancel.html", registration=registration, event=event, form=form,
                           action=url_for("registrations.cancel_own", token=token),
                           back=url_for("registrations.personal", token=token), own=True)


# --- organisers --------------------------------------------------------------------------------
def _managed_event(uid):
    """The event, if the signed-in account may manage its registrations; else 404 (an organiser
    of another event learns nothing about this one)."""
    service = registrations()
    event = service.event(uid)
    if not service.can_manage(current_user, uid):
        raise NotFound("Diese Veranstaltung gibt es nicht.")
    return event


@bp.route("/anmeldungen")
@permission_required("events.manage")
def index():
    return render_template("registrations/index.html", events=registrations().managed_events(current_user))


def _export(event, rows, fmt):
    """The participants as CSV or XLSX, headings in the UI's language (German first): who, status,
    organisation, both consents with version and time (and a withdrawal), then the answers."""
    questions = event["questions"]
    header = [_("Nr."), _("Name"), _("E-Mail"), _("Organisation"), _("Status"), _("Wartelistenplatz"),
              _("Angemeldet am"), _("Eingecheckt"), _("Quelle"), _("Einwilligung (Version)"), _("Einwilligung am"),
              _("Vernetzung erlaubt"), _("Vernetzung: Einwilligung (Version)"), _("Vernetzung: zugestimmt am"),
              _("Vernetzung: widerrufen am")] + [q.label for q in questions]
    body = [[row["seq"], row["name"], row["email"], row.get("organisation") or "",
             _(STATUS_LABELS.get(row["status"], row["status"])),
             row.get("position") or "", row.get("created_at") or "", row.get("checked_in_at") or "",
             _(SOURCE_LABELS.get(row.get("source"), row.get("source") or "")), row.get("consent_version") or "",
             row.get("consent_at") or "", _("ja") if row.get("network_consent") else _("nein"),
             row.get("network_consent_version") or "", row.get("network_consent_at") or "",
             row.get("network_consent_withdrawn_at") or ""]
            + [text for _label, text in answers_text(questions, row["answers"])] for row in rows]
    return spreadsheet_response(header, body, fmt, "teilnehmende", _("Teilnehmende"))


def _counts(rows):
    return {"confirmed": sum(r["status"] == "confirmed" for r in rows),
            "waitlisted": sum(r["status"] == "waitlisted" for r in rows),
            "checked_in": sum(bool(r.get("checked_in_at")) for r in rows)}


@bp.route("/veranstaltungen/<uid>/teilnehmende")
@permission_required("events.manage")
def participants(uid):
    event = _managed_event(uid)
    q = request.args.get("q", "").strip()[:100]
    rows = registrations().participants(uid, q)
    fmt = request.args.get("format")
    if fmt in ("csv", "xlsx"):
        note("export", "event", uid, "participants")
        return _export(event, rows, fmt)
    note("view", "event", uid, "participants")
    capacity_form = CapacityForm(formdata=None, capacity="" if event.get("capacity") is None else str(event["capacity"]))
    return render_template("registrations/participants.html", event=event, rows=rows, q=q,
                           counts=_counts(registrations().participants(uid)) if q else _counts(rows),
                           capacity_form=capacity_form, add_form=registration_form_class(event["questions"], public=False)(formdata=None),
                           confirm=ConfirmForm(), status_labels=STATUS_LABELS, source_labels=SOURCE_LABELS,
                           answers_text=answers_text)


@bp.route("/veranstaltungen/<uid>/teilnehmende/plaetze", methods=["POST"])
@permission_required("events.manage")
def set_capacity(uid):
    _managed_event(uid)
    form = CapacityForm()
    if not form.validate_on_submit():
        raise DomainError("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.")
    try:
        capacity = CAPACITY.parse(form.capacity.data or "")
    except FieldError as error:
        flash(str(error), "error")
        return redirect(url_for("registrations.participants", uid=uid))
    promoted = registrations().set_capacity(uid, capacity)
    flash(_("Die Platzzahl wurde gespeichert.") + (" " + _("{count} Personen sind von der Warteliste nachgerückt.",
                                                             count=promoted) if promoted else ""), "success")
    return redirect(url_for("registrations.participants", uid=uid))


@bp.route("/veranstaltungen/<uid>/teilnehmende/neu", methods=["POST"])
@permission_required("events.manage")
def add_participant(uid):
    event = _managed_event(uid)
    questions = event["questions"]
    form = registration_form_class(questions, public=False)()
    if form.validate_on_submit():
        outcome = registrations().register(
            uid, name=form.name.data, email=form.email.data, answers=answers_of(questions, form),
            language="de", form_token=secrets.token_urlsafe(16), link_for=_personal_link,
            manual=True, by=current_user.name, organisation=form.organisation.data,
            network_consent=bool(form.network.data))
        if outcome.kind == "created":
            note("create", "event", uid, "registration")
            flash(_("{name} ist eingetragen ({status}).", name=form.name.data,
                    status=_(STATUS_LABELS[outcome.status])), "success")
        else:
            flash(_("Diese E-Mail ist schon angemeldet; die Person bekommt ihren Link noch einmal."), "info")
        return redirect(url_for("registrations.participants", uid=uid))
    rows = registrations().participants(uid)
    return render_template("registrations/participants.html", event=event, rows=rows, q="", counts=_counts(rows),
                           capacity_form=CapacityForm(formdata=None), add_form=form, confirm=ConfirmForm(),
                           status_labels=STATUS_LABELS, source_labels=SOURCE_LABELS,
                           answers_text=answers_text), 400


@bp.route("/veranstaltungen/<uid>/teilnehmende/<registration>/abmelden", methods=["GET", "POST"])
@permission_required("events.manage")
def cancel_participant(uid, registration):
    event = _managed_event(uid)
    rows = [r for r in registrations().participants(uid) if r["uid"] == registration]
    if not rows:
        raise NotFound("Diese Anmeldung gibt es nicht.")
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        note("update", "registration", registration, "registration")  # before the change: see docs/audit.md
        _cancelled, promoted = registrations().cancel(uid, registration)
        flash(_("{name} ist abgemeldet.", name=rows[0]["name"]) + (
            " " + _("{count} Personen sind von der Warteliste nachgerückt.", count=promoted) if promoted else ""),
            "success")
        return redirect(url_for("registrations.participants", uid=uid))
    return render_template("registrations/cancel.html", registration=rows[0], event=event, form=form,
                           action=url_for("registrations.cancel_participant", uid=uid, registration=registration),
                           back=url_for("registrations.participants", uid=uid), own=False)


@bp.route("/veranstaltungen/<uid>/teilnehmende/<registration>/einlass", methods=["POST"])
@permission_required("events.manage")
def check_in(uid, registration):
    _managed_event(uid)
    if not ConfirmForm().validate_on_submit():
        raise DomainError("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.")
    note("update", "registration", registration, "check_in")  # before the change: see docs/audit.md
    registrations().check_in(uid, registration, request.form.get("present") == "1")
    back = request.form.get("back") == "einlass"
    return redirect(url_for("registrations.check_in_page" if back else "registrations.participants", uid=uid,
                            q=request.form.get("q") or None) + f"#r-{registration}")


@bp.route("/veranstaltungen/<uid>/einlass")
@permission_required("events.manage")
def check_in_page(uid):
    event = _managed_event(uid)
    q = request.args.get("q", "").strip()[:100]
    everyone = registrations().participants(uid)
    confirmed = [r for r in everyone if r["status"] == "confirmed"]
    rows = registrations().participants(uid, q) if q else everyone
    note("view", "event", uid, "participants")
    return render_template("registrations/check_in.html", event=event, q=q, confirm=ConfirmForm(),
                           rows=[r for r in rows if r["status"] == "confirmed"], counts=_counts(confirmed))


@bp.route("/veranstaltungen/<uid>/anmeldung/fragen", methods=["GET", "POST"])
@permission_required("events.manage")
def questions(uid):
    event = _managed_event(uid)
    current = event["questions"]
    form = QuestionsForm()
    if request.method == "POST" and form.validate_on_submit():
        try:
            rows = question_rows(form)
        except ValueError as problem:
            flash(_("Bitte prüfen Sie die Frage: eine Auswahl braucht Antwortmöglichkeiten (höchstens 30, "
                    "je höchstens 200 Zeichen), eine Frage höchstens 200 Zeichen."), "error")
            return render_template("registrations/questions.html", event=event, form=form,
                                   problem=str(problem)), 400
        known = {q.key for q in current}
        taken = set(known)
        result = []
        for key, label, type_, choices, required in rows:
            if key in known:  # an existing question keeps its key, so its answers stay its answers
                result.append(Question(key, label, type_, tuple(choices), required))
            else:
                question = registrations().new_question(label, type_, choices, required, taken)
                taken.add(question.key)
                result.append(question)
        registrations().set_questions(uid, result)
        flash(_("Die Fragen wurden gespeichert."), "success")
        return redirect(url_for("registrations.questions", uid=uid))
    if request.method == "GET":
        for question in current:
            form.questions.append_entry({"key": question.key, "label": question.label, "type": question.type,
                                         "choices": "; ".join(question.choices), "required": question.required})
        for _i in range(3):  # room for new ones
            form.questions.append_entry({"type": "text"})
    return render_template("registrations/questions.html", event=event, form=form, problem=None)


@bp.route("/veranstaltungen/<uid>/einladungen", methods=["GET", "POST"])
@permission_required("events.manage")
def invitations(uid):
    event = _managed_event(uid)
    form = InvitationForm()
    if form.validate_on_submit():
        registrations().invite(uid, form.name.data, form.email.data,
                               lambda token: url_for("registrations.register", uid=uid, einladung=token, _external=True),
                               current_user.name)
        flash(_("Die Einladung an {email} liegt im Postausgang.", email=form.email.data), "success")
        return redirect(url_for("registrations.invitations", uid=uid))
    return render_template("registrations/invitations.html", event=event, form=form,
                           invitations=registrations().invitations(uid), labels=INVITATION_LABELS,
                           with_contacts=current_user.can("contacts.read")), \
        400 if form.errors else 200


def _invite_filters(values):
    """The filters of an invitation list, from the query string (the list) or the form (sending)."""
    return {name: (values.get(name) or "").strip()[:100] for name in ("district", "field", "round_table", "knows")}


@bp.route("/veranstaltungen/<uid>/einladungen/netzwerk", methods=["GET", "POST"])
@permission_required("events.manage")
def invite_from_network(uid):
    event = _managed_event(uid)
    service = registrations()
    with_knows = current_user.can("contacts.read")  # KNOWS is private: coordinators and admins
    if request.method == "POST":
        if not ConfirmForm().validate_on_submit():
            raise DomainError("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.")
        invited, skipped = service.invite_people(
            uid, request.form.getlist("person")[:1000],
            lambda token: url_for("registrations.register", uid=uid, einladung=token, _external=True),
            current_user.name, with_knows=with_knows, **_invite_filters(request.form))
        note("create", "event", uid, "invitations")
        flash(_("{count} Einladungen liegen im Postausgang.", count=invited)
              + (" " + _("{count} Personen wurden übersprungen (ohne E-Mail oder schon eingeladen).",
                         count=skipped) if skipped else ""), "success")
        return redirect(url_for("registrations.invitations", uid=uid))
    options = service.invitation_filter_options(with_knows=with_knows)
    form = InviteFilterForm(request.args, districts=options["districts"],
                            fields=[(code, _(label)) for code, label in options["fields"]],
                            round_tables=options["round_tables"], actors=options["actors"])
    filters = _invite_filters(request.args)
    candidates = None
    if "show" in request.args:
        candidates = service.invitation_candidates(uid, with_knows=with_knows,
                                                   with_contacts=current_user.can("contacts.read"), **filters)
        if current_user.can("contacts.read"):  # people's e-mail addresses shown: on the audit log
            note("view", "event", uid, "invitations")
    return render_template("registrations/invite_from_network.html", event=event, form=form, filters=filters,
                           candidates=candidates, confirm=ConfirmForm(), labels=INVITATION_LABELS)


@bp.route("/veranstaltungen/<uid>/postausgang")
@permission_required("events.manage")
def messages(uid):
    from ..mail import render
    event = _managed_event(uid)
    rows = [(m, *render(m)) for m in outbox().event_messages(uid)]
    note("view", "event", uid, "message")  # recipients' names and addresses
    # an invitation from the network goes to a register person's address: a contact detail
    return render_template("registrations/outbox.html", event=event, rows=rows, confirm=ConfirmForm(),
                           smtp=bool(_smtp_configured()), contacts=current_user.can("contacts.read"))


def _smtp_configured():
    from flask import current_app
    return current_app.config.get("SMTP_HOST")


@bp.route("/veranstaltungen/<uid>/postausgang/<message>/erledigt", methods=["POST"])
@permission_required("events.manage")
def message_handed_on(uid, message):
    _managed_event(uid)
    if not ConfirmForm().validate_on_submit():
        raise DomainError("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.")
    if message not in {m["uid"] for m in outbox().event_messages(uid)}:
        raise NotFound("Diese Nachricht gibt es nicht.")
    outbox().mark_sent(message, current_user.name)
    flash(_("Die Nachricht ist als weitergegeben markiert; ihr persönlicher Link ist gelöscht."), "success")
    return redirect(url_for("registrations.messages", uid=uid))


@bp.route("/veranstaltungen/<uid>/organisation", methods=["GET", "POST"])
@permission_required("events.all")
def organisers(uid):
    event = registrations().event(uid)
    form = OrganiserForm()
    if form.validate_on_submit():
        try:
            registrations().add_organiser(uid, form.email.data)
        except DomainError as error:
            form.email.errors.append(str(error))
        else:
            flash(_("Gespeichert."), "success")
            return redirect(url_for("registrations.organisers", uid=uid))
    return render_template("registrations/organisers.html", event=event, form=form, confirm=ConfirmForm(),
                           organisers=registrations().organisers(uid)), 400 if form.errors else 200


@bp.route("/veranstaltungen/<uid>/organisation/<user>/entfernen", methods=["POST"])
@permission_required("events.all")
def remove_organiser(uid, user):
    if not ConfirmForm().validate_on_submit():
        raise DomainError("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.")
    registrations().remove_organiser(uid, user)
    flash(_("Gespeichert."), "success")
    return redirect(url_for("registrations.organisers", uid=uid))
