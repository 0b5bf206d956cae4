"""A round table's page and its agenda. The URL map:

  /runde-tische/<uid>/uebersicht            members' offers, open needs with best matches, gaps
  /runde-tische/<uid>/tagesordnung          the agenda for the next meeting (print view)
  /runde-tische/<uid>/tagesordnung.pdf      the same as a one-page PDF

The round table's register page links here (see `round_table_section`).
"""
from flask import Blueprint, Response, render_template

from ..auth import permission_required
from ..clock import now_iso
from ..i18n import format_when, gettext as _
from ..register.model import KINDS
from ..store_access import store
from . import pdf, service

bp = Blueprint("roundtables", __name__)


def round_table_section(uid):
    return {"template": "roundtables/_section.html", "uid": uid}


@bp.record_once
def _add_section(state):
    state.app.extensions.setdefault("netzwerk.detail_sections", {}).setdefault(
        "round_tables", []).append(round_table_section)


def _overview(uid):
    return service.overview(store(), uid, now_iso()[:16])


@bp.route("/runde-tische/<uid>/uebersicht")
@permission_required("register.read")
def overview(uid):
    return render_template("roundtables/overview.html", data=_overview(uid),
                           status_labels=dict(KINDS["offers"].field("status").choices))


@bp.route("/runde-tische/<uid>/tagesordnung")
@permission_required("register.read")
def agenda(uid):
    data = _overview(uid)
    return render_template("roundtables/agenda.html", data=data, items=agenda_items(data),
                           meeting_line=_meeting_line(data))


@bp.route("/runde-tische/<uid>/tagesordnung.pdf")
@permission_required("register.read")
def agenda_pdf(uid):
    data = _overview(uid)
    title = _("Tagesordnung: {name}", name=data["round_table"]["name"])
    lines = [("h1", title), ("meta", _meeting_line(data))]
    for number, (heading, entries) in enumerate(agenda_items(data), start=1):
        lines.append(("h2", f"{number}. {heading}"))
        for text, sub in entries:
            lines.append(("item", "– " + text))
            lines += [("sub", line) for line in sub]
    return Response(pdf.agenda(title, lines), mimetype="application/pdf",
                    headers={"Content-Disposition": 'inline; filename="tagesordnung.pdf"', "Cache-Control": "no-store"})


def _meeting_line(data):
    meeting = data["meeting"]
    if meeting is None:
        return _("Nächstes Treffen: Termin noch offen · Stand {date}", date=format_when(now_iso()[:10]))
    place = ", ".join(p for p in (meeting["venue"], meeting["address"]) if p)
    return _("Nächstes Treffen: {when}{place} · Stand {date}", when=format_when(meeting["starts_at"], "day_time"),
             place=f" – {place}" if place else "", date=format_when(now_iso()[:10]))


def agenda_items(data):
    """The agenda as [(heading, [(text, [sub lines])])], in the page's language: one source for
    the print view and the PDF."""
    needs = [(_("{need} ({district})", need=need["name"], district=need["via_name"]),
              [_("{offer}: {where}; {reason}", offer=m["name"], where=m["where"]["text"], reason=m["reason"])
               for m in need["matches"]] or [_("Noch kein passendes Angebot.")])
             for need in data["needs"]]
    gaps = [(label, []) for _code, label in data["gaps"]]
    offers = [(member["name"], [", ".join(o["name"] for o in member["offers"] if o["status"] == "active")])
              for member in data["members"] if any(o["status"] == "active" for o in member["offers"])]
    return [
        (_("Begrüßung und Protokoll des letzten Treffens"), []),
        (_("Offene Bedarfe und was schon da ist"), needs or [(_("Keine offenen Bedarfe."), [])]),
        (_("Lücken: Handlungsfelder ohne aktives Angebot"), gaps or [(_("Keine Lücke."), [])]),
        (_("Angebote der Mitglieder"), offers or [(_("Noch keine Angebote eingetragen."), [])]),
        (_("Verschiedenes und nächster Termin"), []),
    ]
