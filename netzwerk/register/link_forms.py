"""The add-link forms of an entry's page, rendered once per kind, link and language.

An empty add-link form renders the same for every entry but for its URL and CSRF token, and
WTForms took half of a detail page's time to render the ten of them: the HTML is kept with two
placeholders, which are filled in per page.
"""
from urllib.parse import quote

from flask import render_template
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from ..i18n import current_language
from . import suggest_url
from .forms import link_form

_UID, _TOKEN = "uid-placeholder", "csrf-placeholder"
_rendered = {}  # (kind, link index, direction, language) -> the empty form's HTML, with placeholders


def link_form_html(kind, uid, section):
    """The add-link form of one section of an entry's page (the entry to link is typed and
    picked from a type-ahead, not chosen from a select of every entry)."""
    key = (kind.key, section["index"], section["direction"], current_language())
    html = _rendered.get(key)
    if html is None:
        form = link_form(section["link"], section["direction"], suggest_url(section["other"]),
                         prefix=f"l{section['index']}{section['direction']}")
        html = render_template("register/_link_form.html", form=form, section=section, kind=kind, uid=_UID)
        html = _rendered[key] = html.replace(generate_csrf(), _TOKEN)
    return Markup(html.replace(_UID, str(escape(quote(uid, safe="")))).replace(_TOKEN, generate_csrf()))
