"""Forms built from the register's model: one form class per kind, one per link.

Each field's form field and its validation come from its type (netzwerk/fields.py), so a
form accepts exactly what the API and the spreadsheet import accept.
"""
from functools import lru_cache

from wtforms import HiddenField, StringField, SubmitField
from wtforms.validators import DataRequired

from ..forms import Form
from ..i18n import lazy_gettext as _l
from .model import FORM_LINKS


@lru_cache(maxsize=None)
def entry_form_class(kind):
    attrs = {spec.name: spec.form_field() for spec in kind.fields}
    for form_link in FORM_LINKS.get(kind.key, ()):  # typed names, picked from suggestions
        attrs[f"link_{form_link.name}"] = StringField(
            _l(form_link.label), description=_l("Namen eingeben und aus den Vorschlägen wählen; "
                                                "weitere Verbindungen auf der Seite des Eintrags."))
        attrs[f"link_{form_link.name}_uid"] = HiddenField()
    attrs["version"] = HiddenField()
    attrs["submit"] = SubmitField(_l("Speichern"))
    return type(f"{kind.label}Form", (Form,), attrs)


def entry_form(kind, entry=None, suggest_url=None, **kwargs):
    """The edit form of a kind, filled from an entry (its version travels along, hidden).
    `suggest_url(kind_key)` gives the type-ahead endpoint of the form links' kinds."""
    data = None
    if entry is not None:
        data = {spec.name: spec.form_value(entry.get(spec.name)) for spec in kind.fields}
        data["version"] = entry.get("version")
    form = entry_form_class(kind)(data=data, **kwargs)
    for spec in kind.fields:  # choices as of this request: admins may have added terms
        spec.bind(form[spec.name])
    for form_link in FORM_LINKS.get(kind.key, ()):
        field, uid_field = form[f"link_{form_link.name}"], form[f"link_{form_link.name}_uid"]
        field.render_kw = {"list": f"{field.id}-vorschlaege", "autocomplete": "off",
                           "data-suggest": suggest_url(form_link.other) if suggest_url else "",
                           "data-uid-field": uid_field.id}
    return form


def form_values(kind, form):
    """The stored values of a validated form (each field parsed by its type)."""
    return {spec.name: spec.parse(form[spec.name].data) for spec in kind.fields}


@lru_cache(maxsize=None)
def link_form_class(link, direction):
    """The entry to link is typed and picked from suggestions (a type-ahead, not a select of
    every entry): `other` is the name as typed, `other_uid` the suggestion the script chose."""
    attrs = {"other": StringField(_l("Eintrag"), [DataRequired(_l("Bitte einen Eintrag wählen."))],
                                  description=_l("Namen eingeben und aus den Vorschlägen wählen.")),
             "other_uid": HiddenField()}
    for spec in link.props:
        attrs[spec.name] = spec.form_field()
    attrs["submit"] = SubmitField(_l("Verbinden"))
    return type(f"Link{link.type.title()}{direction.title()}Form", (Form,), attrs)


def link_form(link, direction, suggest_url, **kwargs):
    form = link_form_class(link, direction)(**kwargs)
    form.other.render_kw = {"list": f"{form.other.id}-vorschlaege", "autocomplete": "off",
                            "data-suggest": suggest_url, "data-uid-field": form.other_uid.id}
    return form


class ConfirmForm(Form):
    """A POST with nothing but the CSRF token: deletions and link removals."""
    submit = SubmitField(_l("Löschen"))
