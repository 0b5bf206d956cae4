"""The gap question as a GET form: its values are the URL, so every question is a link."""
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from ..forms import Form
from ..i18n import lazy_gettext as _l
from ..register.model import KINDS
from .service import LEVELS, SUBJECTS

ANY = SelectChoice("", _l("alle"))


class GapQuestionForm(Form):
    class Meta:
        csrf = False  # a question changes nothing, and its link must work without a session

    subject = SelectField(_l("Was zählt"), choices=[SelectChoice(code, _l(label)) for code, label in SUBJECTS],
                         default="offers",
                         description=_l("Akteure zählen, wo sie aktiv sind; für sie gilt nur das Handlungsfeld."))
    field = SelectField(default="", label=_l("Handlungsfeld"))
    target_group = SelectField(default="", label=_l("Zielgruppe"))
    language = SelectField(default="", label=_l("Sprache"))
    weekday = SelectField(default="", label=_l("Wochentag"))
    area = SelectField(_l("Gebiet"), [DataRequired(_l("Bitte ein Gebiet wählen."))],
                       description=_l("Eine Stadt oder ein Stadtbezirk, mit allen Teilgebieten."))
    level = SelectField(_l("Ebene"), choices=[SelectChoice(code, _l(label)) for code, label in LEVELS], default="Stadtbezirk")

    def __init__(self, formdata, areas):
        super().__init__(formdata=formdata)
        offers = KINDS["offers"]
        for name, field_name in (("field", "fields"), ("target_group", "target_groups"),
                                 ("language", "languages"), ("weekday", "weekdays")):
            getattr(self, name).choices = [ANY] + [SelectChoice(code, label) for code, label in offers.field(field_name).options()]
        self.area.choices = [SelectChoice("", _l("bitte wählen"))] + [SelectChoice(row["uid"], row["name"]) for row in areas]
