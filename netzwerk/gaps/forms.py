"""The gap question and the coverage matrix as GET forms: their values are the URL, so every
question is a link."""
from flask_wtf.file import FileField
from markupsafe import Markup, escape
from wtforms import SelectField, SubmitField, widgets
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from ..forms import Form
from ..i18n import lazy_gettext as _l
from ..register.model import KINDS
from .service import LEVELS, MATRIX_COLUMNS, SUBJECTS, TIMES_OF_DAY

ANY = SelectChoice("", _l("alle"))


class QuickSelect(widgets.Select):
    """WTForms' select with its options written in one plain loop: the area select of a
    country-sized graph offers a thousand districts, and WTForms' per-option rendering cost
    more than the gap query itself (bench/gaps_bench.py). Same markup; no option groups."""

    def __call__(self, field, **kwargs):
        kwargs.setdefault("id", field.id)
        flags = getattr(field, "flags", {})
        for name in dir(flags):
            if name in self.validation_attrs and name not in kwargs:
                kwargs[name] = getattr(flags, name)
        selected = "" if field.data is None else str(field.data)
        choices = field.choices
        if isinstance(choices, Choices):  # rendered once, only the chosen one marked here
            value = '<option value="%s">' % escape(selected)
            options = choices.html().replace(value, '<option selected value="%s">' % escape(selected), 1)
        else:
            options = _options(choices, selected)
        return Markup(f"<select {widgets.html_params(name=field.name, **kwargs)}>{options}</select>")


def _options(choices, selected=None):
    return "".join('<option %svalue="%s">%s</option>' % (
        "selected " if str(choice.value) == selected else "", escape(str(choice.value)), escape(choice.label))
        for choice in choices)


class Choices(list):
    """A select's choices that keep their <option>s once rendered: the vocabulary choices are
    kept per language until the next write (views.py), so every question after the first one
    only marks its chosen value."""

    def html(self):
        rendered = self.__dict__.get("_html")
        if rendered is None:
            rendered = self.__dict__["_html"] = _options(self)
        return rendered


def _select(*args, **kwargs):
    return SelectField(*args, widget=QuickSelect(), **kwargs)
# the question's select fields whose choices come from the model: (form field, kind, model field)
VOCABULARY_FILTERS = (("field", "offers", "fields"), ("target_group", "offers", "target_groups"),
                      ("language", "offers", "languages"), ("weekday", "offers", "weekdays"),
                      ("cost", "offers", "cost"), ("access", "offers", "access_notes"),
                      ("actor_kind", "actors", "kind"))


class _AreaForm(Form):
    class Meta:
        csrf = False  # a question changes nothing, and its link must work without a session

    area = _select(_l("Gebiet"), [DataRequired(_l("Bitte ein Gebiet wählen."))],
                   description=_l("Eine Stadt oder, nach der Wahl einer Stadt, einer ihrer Stadtbezirke; "
                                  "mit allen Teilgebieten."))
    level = _select(_l("Ebene"), choices=[SelectChoice(code, _l(label)) for code, label in LEVELS],
                        default="Stadtbezirk")
    field = _select(default="", label=_l("Handlungsfeld"))
    target_group = _select(default="", label=_l("Zielgruppe"))
    language = _select(default="", label=_l("Sprache"))
    weekday = _select(default="", label=_l("Wochentag"))

    def __init__(self, formdata, areas, choices=None):
        """`areas`: area_choices() of the areas; `choices`: vocabulary_choices(). The views keep
        both until the next write."""
        super().__init__(formdata=formdata)
        choices = choices or vocabulary_choices()
        for name, _, _ in VOCABULARY_FILTERS:
            if name in self:
                self[name].choices = choices[name]
        self.area.choices = areas if isinstance(areas, Choices) else area_choices(areas)


def area_choices(areas):
    """The area select's choices from service.areas()."""
    return Choices([SelectChoice("", _l("bitte wählen"))] + [SelectChoice(row["uid"], row["label"]) for row in areas])


def vocabulary_choices():
    """The choices of the question's vocabulary selects in the UI's language (the added terms
    included): {select name: [SelectChoice]}, never changed by a form."""
    return {name: Choices([ANY] + [SelectChoice(code, label) for code, label in KINDS[kind].field(field_name).options()])
            for name, kind, field_name in VOCABULARY_FILTERS}


class GapQuestionForm(_AreaForm):
    subject = _select(_l("Was zählt"), choices=[SelectChoice(code, _l(label)) for code, label in SUBJECTS],
                          default="offers",
                          description=_l("Akteure zählen, wo sie aktiv sind; für sie gelten nur Handlungsfeld und Art."))
    time_of_day = _select(_l("Tageszeit"), default="",
                              choices=[ANY] + [SelectChoice(code, _l(label)) for code, label, _, _ in TIMES_OF_DAY],
                              description=_l("Vormittags bis 12 Uhr, nachmittags 12 bis 17 Uhr, abends ab 17 Uhr."))
    cost = _select(default="", label=_l("Kosten"))
    access = _select(default="", label=_l("Zugang"))
    actor_kind = _select(default="", label=_l("Art des Akteurs"),
                             description=_l("Bei Angeboten: die Art eines Anbieters."))
    FIELD_ORDER = ("subject", "field", "target_group", "language", "weekday", "time_of_day", "cost", "access",
                   "actor_kind", "area", "level")


class MatrixQuestionForm(_AreaForm):
    columns = _select(_l("Spalten"), default="field",
                          choices=[SelectChoice(code, _l(label)) for code, label, _ in MATRIX_COLUMNS])
    FIELD_ORDER = ("columns", "area", "level", "field", "target_group", "language", "weekday")


class GeometryImportForm(Form):
    file = FileField(_l("GeoJSON-Datei"), [DataRequired(_l("Bitte eine Datei wählen."))],
                     description=_l("Eine FeatureCollection mit Flächen (Polygon, MultiPolygon) in WGS 84; "
                                    "jede mit properties.uid oder properties.name eines Stadtteils. Höchstens 5 MB."))
    submit = SubmitField(_l("Flächen importieren"))
