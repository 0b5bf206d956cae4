"""Data protection requests, admins only (permission privacy.manage). The whole URL map:

  /datenschutz                                   find a person: name or e-mail (POST, so it is in no URL or log)
  /datenschutz/<art>/<uid>                       everything held about them, readable (art: person | anmeldung)
  /datenschutz/<art>/<uid>/auskunft.json         the same as a JSON download (POST)
  /datenschutz/<art>/<uid>/loeschen              erase (anonymise): confirm with a tick and the password
"""
import json

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..audit.trail import note
from ..auth import accounts, permission_required
from ..auth.views import _refusal_message
from ..errors import NotFound
from ..i18n import gettext as _
from . import bp, privacy
from .forms import DownloadForm, EraseForm, SearchForm

# the URL's word -> the service's kind of subject
ARTS = {"person": "person", "anmeldung": "registration"}


def _subject(art, uid):
    if art not in ARTS:
        raise NotFound()
    return privacy().subject(ARTS[art], uid)


@bp.route("/datenschutz", methods=["GET", "POST"])
@permission_required("privacy.manage")
def index():
    form = SearchForm()
    found = None
    if request.method == "POST" and form.validate_on_submit():
        found = privacy().find(form.q.data)
    return render_template("privacy/index.html", form=form, found=found), 400 if form.errors else 200


@bp.route("/datenschutz/<art>/<uid>")
@permission_required("privacy.manage")
def subject(art, uid):
    subject = _subject(art, uid)
    data = privacy().record(subject)
    note("view", subject.kind, subject.uid, "privacy")
    return render_template("privacy/subject.html", art=art, subject=subject, data=data,
                           download=DownloadForm(), json_preview=lambda v: json.dumps(v, ensure_ascii=False))


@bp.route("/datenschutz/<art>/<uid>/auskunft.json", methods=["POST"])
@permission_required("privacy.manage")
def download(art, uid):
    subject = _subject(art, uid)
    if not DownloadForm().validate_on_submit():
        flash(_("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu."), "error")
        return redirect(url_for("privacy.subject", art=art, uid=uid))
    data = privacy().record(subject)
    note("export", subject.kind, subject.uid, "privacy")
    return Response(json.dumps(data, ensure_ascii=False, indent=2, default=str), mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="auskunft-{uid}.json"',
                             "Cache-Control": "no-store"})


@bp.route("/datenschutz/<art>/<uid>/loeschen", methods=["GET", "POST"])
@permission_required("privacy.manage")
def erase(art, uid):
    subject = _subject(art, uid)
    form = EraseForm()
    if request.method == "POST" and form.validate_on_submit():
        refusal = accounts().reauthenticate(current_user, form.password.data, request.remote_addr)
        if refusal is None:
            # recorded before the change, like every change in the audit log
            note("erase", subject.kind, subject.uid, "privacy")
            result = privacy().erase(subject, current_user.name)
            flash(_("Gelöscht: Name und Kontaktdaten sind entfernt, {registrations} Anmeldungen anonymisiert, "
                    "{files} wartende Importdateien gelöscht.", **result), "success")
            return redirect(url_for("privacy.subject", art=art, uid=uid))
        form.password.errors.append(_refusal_message(refusal, _("Das Passwort ist falsch.")))
    return render_template("privacy/erase.html", art=art, subject=subject, form=form), 400 if form.errors else 200
