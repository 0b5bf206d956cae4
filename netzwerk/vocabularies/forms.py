"""The forms of the vocabulary pages: a new term, and new labels for an added one."""
from wtforms import SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from ..forms import Form
from ..i18n import lazy_gettext as _l
from . import NAMES

ALIASES_HINT = _l("Andere Wörter, an denen der Import den Begriff erkennt; mehrere mit Semikolon trennen.")


class NewTermForm(Form):
    vocabulary = SelectField(_l("Wortliste"), choices=[SelectChoice(key, _l(name)) for key, name in NAMES.items()])
    de = StringField(_l("Bezeichnung (deutsch)"), [DataRequired(_l("Bitte ausfüllen.")), Length(max=80)])
    en = StringField(_l("Bezeichnung (englisch)"), [Length(max=80)],
                     description=_l("Wird in der englischen Oberfläche gezeigt; leer: die deutsche."))
    code = StringField(_l("Code"), [Length(max=40)],
                       description=_l("Wird gespeichert und nie geändert. Leer: aus der deutschen Bezeichnung "
                                      "gebildet; für Sprachen bitte den ISO-639-Code (z. B. ta)."))
    aliases = StringField(_l("Andere Schreibweisen"), [Length(max=900)], description=ALIASES_HINT)
    submit = SubmitField(_l("Begriff hinzufügen"))


class TermForm(Form):
    de = StringField(_l("Bezeichnung (deutsch)"), [DataRequired(_l("Bitte ausfüllen.")), Length(max=80)])
    en = StringField(_l("Bezeichnung (englisch)"), [Length(max=80)])
    aliases = StringField(_l("Andere Schreibweisen"), [Length(max=900)], description=ALIASES_HINT)
    submit = SubmitField(_l("Umbenennen"))


class DeleteTermForm(Form):
    submit = SubmitField(_l("Löschen"))
