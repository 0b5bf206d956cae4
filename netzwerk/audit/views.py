"""The audit log's admin page (admins only, permission audit.read):

  /verwaltung/protokoll      entries newest first; filters user, subject uid, action, date range; pages
"""
import re

from flask import Blueprint, render_template, request

from ..auth import accounts, permission_required
from ..i18n import lazy_gettext as _l
from ..store_access import store
from . import service

bp = Blueprint("audit", __name__, url_prefix="/verwaltung")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UID = re.compile(r"^[A-Za-z0-9_.:-]{0,80}$")

ACTION_LABELS = {"view": _l("angesehen"), "create": _l("angelegt"), "update": _l("geändert"), "delete": _l("gelöscht"),
                 "export": _l("exportiert"), "erase": _l("gelöscht (anonymisiert)")}
WHAT_LABELS = {"contacts": _l("Kontaktdaten"), "person": _l("Person"), "participants": _l("Teilnehmendenliste"),
               "participant": _l("Daten einer teilnehmenden Person"), "registration": _l("Anmeldung"),
               "check_in": _l("Einlass"), "message": _l("Nachricht an Teilnehmende"), "network": _l("Netzwerk (alle Daten)"),
               "consent": _l("Einwilligung"), "invitations": _l("Einladungen aus dem Netzwerk"), "people": _l("Personenliste"),
               "privacy": _l("Datenschutzanfrage (Auskunft, Löschung)")}
KIND_LABELS = {"person": _l("Person"), "event": _l("Veranstaltung"), "registration": _l("Anmeldung"), "graph": _l("Netzwerk"),
               "user": _l("Zugang")}


def _day(name):
    value = request.args.get(name, "").strip()
    return value if _DAY.match(value) else ""


@bp.route("/protokoll")
@permission_required("audit.read")
def index():
    user = request.args.get("zugang", "").strip()
    subject = request.args.get("betrifft", "").strip()
    user = user if _UID.match(user) else ""
    subject = subject if _UID.match(subject) else ""
    action = request.args.get("aktion", "")
    action = action if action in service.ACTIONS else ""
    since, until = _day("von"), _day("bis")
    try:
        page_number = max(1, int(request.args.get("seite", 1)))
    except ValueError:
        page_number = 1
    # `bis` is a whole day: entries before the next morning
    page = service.entries(store(), user=user, subject=subject, action=action, since=since,
                           until=until + "T99" if until else "", page=page_number)
    filters = {"zugang": user, "betrifft": subject, "aktion": action, "von": since, "bis": until}
    return render_template("audit/index.html", page=page, filters=filters, users=accounts().list_users(),
                           actions=service.ACTIONS, action_labels=ACTION_LABELS, what_labels=WHAT_LABELS,
                           kind_labels=KIND_LABELS)
