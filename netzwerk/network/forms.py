"""The network view's settings as a GET form: its values are the URL, so a view is a link."""
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

from ..fields import CheckboxesField
from ..forms import Form
from ..i18n import lazy_gettext as _l
from ..register.model import ACTOR_KINDS, KINDS
from .graph import AGGREGATES, COLOURS, DEFAULT_TYPES, EGO_DEPTHS, NETWORK_KINDS, SIZES

ANY = SelectChoice("", _l("alle"))


class NetworkForm(Form):
    class Meta:
        csrf = False  # a view changes nothing, and its link must work without a session

    types = CheckboxesField(_l("Was zeigen"), choices=[SelectChoice(key, _l(KINDS[key].plural)) for key in NETWORK_KINDS],
                            default=list(DEFAULT_TYPES))
    district = SelectField(_l("Stadtteil"), default="", description=_l("Mit allen Teilgebieten."))
    actor_kind = SelectField(_l("Art des Akteurs"), default="",
                             choices=[ANY] + [SelectChoice(code, _l(label)) for code, label in ACTOR_KINDS])
    field = SelectField(_l("Handlungsfeld"), default="")
    round_table = SelectField(_l("Runder Tisch"), default="")
    depth = SelectField(_l("Tiefe"), coerce=int, default=1,
                        choices=[SelectChoice(d, str(d)) for d in EGO_DEPTHS],
                        description=_l("Wie viele Schritte vom Mittelpunkt aus."))
    colour = SelectField(_l("Farbe nach"), default="type",
                         choices=[SelectChoice(code, label) for code, label in COLOURS])
    size = SelectField(_l("Größe nach"), default="degree",
                       choices=[SelectChoice(code, label) for code, label in SIZES])
    aggregate = SelectField(_l("Große Netze zeigen"), default="districts",
                            choices=[SelectChoice(code, label) for code, label in AGGREGATES],
                            description=_l("Über der Grenze wird das Netz zusammengefasst."))

    def __init__(self, formdata, choices, ego=False):
        super().__init__(formdata=formdata)
        if ego and formdata is None:
            self.types.data = list(NETWORK_KINDS)
        self.district.choices = [ANY] + [SelectChoice(row["uid"], row["name"]) for row in choices["districts"]]
        self.round_table.choices = [ANY] + [SelectChoice(row["uid"], row["name"]) for row in choices["round_tables"]]
        self.field.choices = [ANY] + [SelectChoice(code, label)
                                      for code, label in KINDS["actors"].field("fields").options()]
