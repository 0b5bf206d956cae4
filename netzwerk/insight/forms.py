"""The questions of the insight pages: GET forms (a question changes nothing and is a link)."""
from wtforms import HiddenField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, NumberRange, Optional

from ..forms import Form
from ..i18n import lazy_gettext as _l
from .service import MAX_STEPS


class AreaForm(Form):
    class Meta:
        csrf = False

    gebiet = SelectField(_l("Netzwerk"), default="", description=_l(
        "Das ganze Netzwerk oder das einer Stadt oder eines Stadtbezirks: die dort aktiven Akteure, "
        "ihre Leute und ihre Runden Tische."))

    def __init__(self, formdata, areas):
        super().__init__(formdata=formdata)
        self.gebiet.choices = [SelectChoice("", _l("das ganze Netzwerk"))] + [
            SelectChoice(row["uid"], row["name"]) for row in areas]


class PathForm(Form):
    class Meta:
        csrf = False

    von = StringField(_l("Von"), [DataRequired(_l("Bitte eine Person oder einen Akteur wählen."))],
                      description=_l("Name einer Person, eines Akteurs oder eines Runden Tisches."))
    von_uid = HiddenField()
    nach = StringField(_l("Nach"), [DataRequired(_l("Bitte eine Person oder einen Akteur wählen."))],
                       description=_l("Name einer Person, eines Akteurs oder eines Runden Tisches."))
    nach_uid = HiddenField()
    schritte = IntegerField(_l("Höchstens so viele Schritte"), [Optional(), NumberRange(1, 6)], default=MAX_STEPS)

    def __init__(self, formdata, suggest_url):
        super().__init__(formdata=formdata)
        for name in ("von", "nach"):
            self[name].render_kw = {"list": f"{name}-vorschlaege", "autocomplete": "off",
                                    "data-suggest": suggest_url, "data-uid-field": self[f"{name}_uid"].id}
