"""Import and export pages of the register:

  /import                        choose kind and file; POST: the dry run, row by row
  /import/<token>                POST: apply a checked file (all rows or none)
  /import/vorlage/<kind>.<fmt>   the column layout as an empty template (csv | xlsx)
  /export/netzwerk.json          the whole network as JSON (re-importable)
"""
import json
import os
import secrets
import time
from pathlib import Path

from flask import Response, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, SelectField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from ..audit.trail import note
from ..auth import permission_required
from ..clock import now_iso
from ..errors import NotFound
from ..forms import Form
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from . import bp, register
from .exports import spreadsheet_response
from .graph_json import export_graph, people_in, plan_graph, without_nodes
from .imports import (IMPORT_KINDS, IMPORT_LIMITS, ImportFileError, apply_import, plan_import, read_table,
                      template_rows)
from .model import KINDS

KIND_CHOICES = [SelectChoice(key, _l(KINDS[key].plural)) for key in IMPORT_KINDS if key in KINDS]
KIND_CHOICES += [SelectChoice("contacts", _l("Kontakte (wer kennt wen)")),
                 SelectChoice("graph", _l("Ganzes Netzwerk (JSON-Export)"))]
STASH_SECONDS = 3600


class ImportForm(Form):
    kind = SelectField(_l("Was wird importiert?"), choices=KIND_CHOICES)
    file = FileField(_l("Datei (CSV, XLSX oder JSON)"), [DataRequired(_l("Bitte eine Datei wählen."))],
                     description=_l("Höchstens 20 MB. CSV mit Semikolon oder Komma, UTF-8 oder Windows-1252."))
    submit = SubmitField(_l("Prüfen (es wird noch nichts gespeichert)"))


class ApplyForm(Form):
    token = HiddenField()
    # erased people (DSGVO Art. 17) in an old export are skipped unless this is ticked
    include_erased = BooleanField(_l("Gelöschte Personen trotzdem wiederherstellen (nur mit neuer Einwilligung "
                                     "oder anderer Rechtsgrundlage)"))
    submit = SubmitField(_l("Jetzt importieren"))


def _stash_dir():
    path = Path(current_app.config["DATA_DIR"]) / "imports"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)  # checked files hold people's contact details: owner only
    for old in path.iterdir():  # checked files are kept for an hour at most
        if old.stat().st_mtime < time.time() - STASH_SECONDS:
            old.unlink(missing_ok=True)
    return path


def _write_private(path, data):
    """Creates the file 0600 from the start, whatever the process's umask."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)


def _plan(kind, filename, data, include_erased=False):
    if kind == "graph":
        steps, counts = plan_graph(data)
        people = people_in(steps)
        # people erased here come back only when the importer ticks it: by default they and
        # their links are left out (docs/privacy.md, "Re-import")
        erased = register().erased_people(list(people))
        if erased and include_erased:
            steps = steps + [("privacy/restore_people", {"rows": [
                {"uid": row["uid"], "props": people[row["uid"]]} for row in erased], "by": current_user.name})]
        elif erased:
            steps, counts = without_nodes(steps, {row["uid"] for row in erased})
        return {"graph": True, "steps": steps, "counts": counts, "erased": erased,
                "include_erased": bool(erased and include_erased)}
    header, rows = read_table(filename, data)
    return {"graph": False, "plan": plan_import(register(), kind, header, rows),
            "erased_count": register().count_erased_people() if kind in ("people", "contacts") else 0}


@bp.route("/import", methods=["GET", "POST"])
@permission_required("register.edit")
def import_page():
    form = ImportForm()
    result, apply_form, error = None, None, None
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read()
        try:
            result = _plan(form.kind.data, upload.filename, data)
        except ImportFileError as exc:
            error = str(exc)  # the message with its values, in the UI's language
        else:
            if result["graph"] or not result["plan"].rejected:
                token, stash = secrets.token_urlsafe(16), _stash_dir()
                _write_private(stash / f"{token}.bin", data)
                _write_private(stash / f"{token}.json", json.dumps(
                    {"kind": form.kind.data, "filename": upload.filename, "user": current_user.uid}).encode())
                apply_form = ApplyForm(token=token)
    status = 400 if (error or form.errors) else 200
    layouts = {kind: template_rows(kind)[0] for kind in IMPORT_KINDS}
    return render_template("register/import.html", form=form, result=result, apply_form=apply_form,
                           error=error, layouts=layouts, limits=IMPORT_LIMITS), status


@bp.route("/import/<token>", methods=["POST"])
@permission_required("register.edit")
def apply_import_file(token):
    form = ApplyForm()
    if not form.validate_on_submit() or form.token.data != token or not token.replace("-", "").replace("_", "").isalnum():
        raise NotFound()
    stash = _stash_dir()
    meta_path, data_path = stash / f"{token}.json", stash / f"{token}.bin"
    if not meta_path.exists():
        flash(_("Die geprüfte Datei ist nicht mehr vorhanden. Bitte erneut hochladen."), "error")
        return redirect(url_for("register.import_page"))
    meta = json.loads(meta_path.read_text())
    if meta["user"] != current_user.uid:
        raise NotFound()
    data = data_path.read_bytes()
    now = now_iso()
    try:
        # planned again: the graph may have changed since the dry run
        result = _plan(meta["kind"], meta["filename"], data, include_erased=form.include_erased.data)
        if result["graph"]:
            if result["steps"]:
                register().load_graph(result["steps"], now)
            message = _("Import abgeschlossen: {nodes} Knoten und {relationships} Beziehungen geladen.",
                        **result["counts"])
            if result["erased"]:
                message += " " + (_("{count} gelöschte Personen wiederhergestellt.", count=len(result["erased"]))
                                  if result["include_erased"] else
                                  _("{count} gelöschte Personen übersprungen.", count=len(result["erased"])))
        else:
            written = apply_import(register(), result["plan"], current_user.name, now)
            message = _("Import abgeschlossen: {written} Zeilen gespeichert, {unchanged} unverändert.",
                        written=written, unchanged=result["plan"].count("unchanged"))
    except ImportFileError as exc:
        flash(str(exc), "error")
        return redirect(url_for("register.import_page"))
    finally:
        meta_path.unlink(missing_ok=True)
        data_path.unlink(missing_ok=True)
    flash(message, "success")
    return redirect(url_for("register.import_page"))


@bp.route("/import/vorlage/<kind>.<fmt>")
@permission_required("register.edit")
def import_template(kind, fmt):
    if kind not in IMPORT_KINDS or fmt not in ("csv", "xlsx"):
        raise NotFound()
    header, rows = template_rows(kind)
    return spreadsheet_response(header, rows, fmt, f"vorlage-{kind}", kind)


@bp.route("/export/netzwerk.json")
@permission_required("contacts.read")  # the export holds people's contact details
def export_json():
    note("export", "graph", "", "network")
    body = json.dumps(export_graph(register().store), ensure_ascii=False, indent=1, sort_keys=True)
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": 'attachment; filename="netzwerk.json"'})
