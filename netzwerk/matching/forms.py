"""The coordinator's decisions on a need: met by an offer, dropped, open again (POST with CSRF)."""
from wtforms import HiddenField, SubmitField
from wtforms.validators import AnyOf, DataRequired

from ..forms import Form
from ..i18n import lazy_gettext as _l


class MarkMetForm(Form):
    """The need is met by this offer; `version` is the need's version the page was read at."""
    offer = HiddenField(validators=[DataRequired()])
    version = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("Bedarf damit gedeckt"))


class NeedStatusForm(Form):
    status = HiddenField(validators=[AnyOf(("dropped", "open"))])
    version = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("Status ändern"))
