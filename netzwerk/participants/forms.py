"""Forms of the organisers' participant pages."""
from wtforms import HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from ..fields import CheckboxesField, Field
from ..forms import Form
from ..i18n import lazy_gettext as _l
from .service import MAX_BODY, MAX_SUBJECT

RETENTION_DAYS = Field("retention_days", _l("Aufbewahrung in Tagen nach dem Ende"), "int",
                       description=_l("Danach werden Namen, E-Mail-Adressen und Antworten automatisch "
                                      "gelöscht; die Zahlen bleiben. Voreinstellung: 90 Tage."))
GROUP_LABELS = (("all", _l("alle Angemeldeten (bestätigt und Warteliste)")), ("confirmed", _l("bestätigt")),
                ("waitlisted", _l("Warteliste")), ("checked_in", _l("eingecheckt")),
                ("cancelled", _l("abgemeldet")))


class MeetingForm(Form):
    met = CheckboxesField(_l("Diese Personen haben sich getroffen"), choices=[], validate_choice=False,
                          description=_l("Zum Beispiel ein Tisch oder eine Arbeitsgruppe: Jede ausgewählte "
                                         "Person wird mit jeder anderen verbunden."))
    works_at = CheckboxesField(_l("Arbeitet bei dem genannten Akteur (bitte prüfen)"), choices=[],
                               validate_choice=False)
    submit = SubmitField(_l("Begegnungen speichern"))


class RetentionForm(Form):
    days = RETENTION_DAYS.form_field()
    submit = SubmitField(_l("Speichern"))


class MessageForm(Form):
    group = SelectField(_l("An"), choices=[SelectChoice(k, label) for k, label in GROUP_LABELS])
    subject = StringField(_l("Betreff"), [DataRequired(_l("Bitte ausfüllen.")), Length(max=MAX_SUBJECT)])
    body = TextAreaField(_l("Text"), [DataRequired(_l("Bitte ausfüllen.")), Length(max=MAX_BODY)],
                         description=_l("Anrede und Hinweis, warum die Person die Nachricht bekommt, fügen wir "
                                        "in ihrer Sprache hinzu; Ihr Text bleibt, wie Sie ihn schreiben."))
    batch = HiddenField()
    preview = SubmitField(_l("Vorschau"))
    send = SubmitField(_l("Jetzt senden"))
