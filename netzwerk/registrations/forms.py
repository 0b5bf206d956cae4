"""The registration forms, built from field types (netzwerk/fields.py): the person's fields,
then the event's own questions; the consent, a honeypot and the form token."""
from functools import lru_cache

from wtforms import BooleanField, FieldList, FormField, HiddenField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional

from ..fields import Field
from ..forms import Form
from ..i18n import lazy_gettext as _l
from .questions import MAX_CHOICES, MAX_LABEL, QUESTION_TYPES

NAME = Field("name", _l("Ihr Name"), required=True, max_length=120)
EMAIL = Field("email", _l("Ihre E-Mail-Adresse"), type="email", required=True, max_length=254,
              description=_l("Dorthin schicken wir die Bestätigung und Ihren persönlichen Link."))
# the same fields as an organiser fills them in for someone else
GUEST_NAME = Field("name", _l("Name"), required=True, max_length=120)
GUEST_EMAIL = Field("email", _l("E-Mail"), type="email", required=True, max_length=254)
# optional: printed on the name badge; the organisers may link the person to a matching actor
ORGANISATION = Field("organisation", _l("Organisation (freiwillig)"), max_length=200,
                     description=_l("Erscheint auf dem Namensschild."))


@lru_cache(maxsize=256)
def registration_form_class(questions, public=True):
    """The form for one event's questions: public (consent, honeypot) or an organiser's entry."""
    attrs = {"name": (NAME if public else GUEST_NAME).form_field(),
             "email": (EMAIL if public else GUEST_EMAIL).form_field()}
    attrs["organisation"] = ORGANISATION.form_field()
    for question in questions:
        attrs[question.field.name] = question.field.form_field()
    if public:
        attrs["network"] = BooleanField(_l("Ja, ich möchte mit anderen Teilnehmenden im Netzwerk verbunden werden."))
    else:
        attrs["network"] = BooleanField(_l("Die Person ist einverstanden, mit anderen Teilnehmenden im Netzwerk "
                                           "verbunden zu werden."))
    if public:
        attrs["consent"] = BooleanField(
            _l("Ja, ich bin einverstanden."),
            [DataRequired(_l("Ohne Ihr Einverständnis können wir Sie nicht anmelden."))])
        # a honeypot: hidden from people (CSS and aria-hidden), filled in by simple bots
        attrs["website"] = StringField(_l("Bitte dieses Feld leer lassen"))
        attrs["form_token"] = HiddenField()
        attrs["invitation"] = HiddenField()
        attrs["submit"] = SubmitField(_l("Verbindlich anmelden"))
        # CSRFProtect checks every POST before the view already; a second check in the form
        # (and a field built for it) cost a rush of registrations ~5 % of its CPU
        attrs["Meta"] = type("Meta", (), {"csrf": False})
    else:
        attrs["consent"] = BooleanField(
            _l("Die Person ist mit der Speicherung für diese Veranstaltung einverstanden."),
            [DataRequired(_l("Ohne Einverständnis der Person bitte nicht eintragen."))])
        attrs["submit"] = SubmitField(_l("Eintragen"))
    return type("RegistrationForm", (Form,), attrs)


@lru_cache(maxsize=256)
def answers_form_class(questions):
    """The personal page's form: name and answers (the e-mail stays as registered)."""
    attrs = {"name": NAME.form_field()}
    for question in questions:
        attrs[question.field.name] = question.field.form_field()
    attrs["submit"] = SubmitField(_l("Änderungen speichern"))
    return type("AnswersForm", (Form,), attrs)


def answers_of(questions, form):
    return {q.key: q.field.parse(form[q.field.name].data) for q in questions}


def fill(form, questions, answers):
    for question in questions:
        form[question.field.name].data = question.field.form_value(answers.get(question.key))


class QuestionRow(Form):
    class Meta:
        csrf = False  # one CSRF token for the whole questions form
    key = HiddenField()
    label = StringField(_l("Frage"), [Optional()], description=_l("Leer lassen, um die Frage zu entfernen."))
    type = SelectField(_l("Art der Antwort"), choices=[SelectChoice(k, _l(label)) for k, label in QUESTION_TYPES])
    choices = StringField(_l("Antwortmöglichkeiten"),
                          description=_l("Nur bei Auswahl: durch Semikolon getrennt, z. B. Vegetarisch; Vegan; Ohne"))
    required = BooleanField(_l("Pflichtfrage"))


class QuestionsForm(Form):
    questions = FieldList(FormField(QuestionRow), min_entries=0)
    submit = SubmitField(_l("Fragen speichern"))


def question_rows(form):
    """(key, label, type, choices, required) of the rows that have a label; ValueError names a problem."""
    rows = []
    for entry in form.questions.entries:
        label = (entry.form.label.data or "").strip()
        if not label:
            continue
        if len(label) > MAX_LABEL:
            raise ValueError(entry.form.label.id)
        choices = [c.strip() for c in (entry.form.choices.data or "").split(";") if c.strip()]
        if entry.form.type.data in ("choice", "multi") and not choices or len(choices) > MAX_CHOICES \
                or any(len(c) > MAX_LABEL for c in choices):
            raise ValueError(entry.form.choices.id)
        rows.append((entry.form.key.data or "", label, entry.form.type.data, choices if entry.form.type.data in ("choice", "multi") else [],
                     bool(entry.form.required.data)))
    return rows


class CapacityForm(Form):
    capacity = StringField(_l("Plätze"), description=_l("Leer lassen für unbegrenzt. Mehr Plätze: "
                                                        "die Ersten auf der Warteliste rücken sofort nach."),
                           render_kw={"inputmode": "numeric"})
    submit = SubmitField(_l("Plätze speichern"))


class InvitationForm(Form):
    name = GUEST_NAME.form_field()
    email = GUEST_EMAIL.form_field()
    submit = SubmitField(_l("Einladung senden"))


class InviteFilterForm(Form):
    """Who to invite from the network (a GET form: it only narrows the list). The choices come
    in through __init__; `knows` only for roles that may read who knows whom."""
    class Meta:
        csrf = False

    district = SelectField(_l("Stadtteil"), description=_l("mit allen Stadtbezirken und Quartieren darin"))
    field = SelectField(_l("Handlungsfeld"))
    round_table = SelectField(_l("Runder Tisch"))
    knows = SelectField(_l("Kennt jemanden bei"), description=_l("Wer jemanden kennt, der dort arbeitet "
                                                                 "(nur für Koordination und Administration)."))
    show = SubmitField(_l("Liste zeigen"))

    def __init__(self, *args, districts=(), fields=(), round_tables=(), actors=None, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _l("alle"))]
        self.district.choices = anything + list(districts)
        self.field.choices = anything + list(fields)
        self.round_table.choices = anything + list(round_tables)
        if actors is None:
            del self.knows
        else:
            self.knows.choices = anything + list(actors)


class OrganiserForm(Form):
    email = StringField(_l("E-Mail des Zugangs"), [DataRequired(_l("Bitte ausfüllen."))])
    submit = SubmitField(_l("Hinzufügen"))


class ConfirmForm(Form):
    """A POST with only the CSRF token: cancellations, check-in, removals."""
    submit = SubmitField(_l("Bestätigen"))
