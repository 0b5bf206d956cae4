"""The events' own small forms; the event form itself is the register's, built from the model."""
from flask_wtf.file import FileField
from wtforms import SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from ..forms import Form
from ..i18n import lazy_gettext as _l
from .files import MAX_BYTES
from .service import RHYTHMS


class AttachmentForm(Form):
    file = FileField(_l("Datei (PDF, DOCX oder ODT, höchstens 10 MB)"),
                     render_kw={"accept": ".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-"
                                          "officedocument.wordprocessingml.document,application/vnd.oasis."
                                          "opendocument.text"})
    submit = SubmitField(_l("Hochladen"))
    max_bytes = MAX_BYTES


class DatesForm(Form):
    """Further dates of a recurring event (the weekly café): copies at the rhythm's distance."""
    rhythm = SelectField(_l("Rhythmus"), choices=[SelectChoice(code, _l(label)) for code, label in RHYTHMS.items()])
    count = StringField(_l("Wie viele weitere Termine?"), [DataRequired(_l("Bitte eine Zahl angeben."))],
                        default="4", render_kw={"inputmode": "numeric"},
                        description=_l("Höchstens 52. Jeder Termin ist eine eigene Veranstaltung der Reihe "
                                       "und kann danach einzeln geändert oder abgesagt werden."))
    submit = SubmitField(_l("Termine anlegen"))
