"""An outbox message as an e-mail: subject and plain text in the recipient's language.

Messages store what they are about (kind, event, name, the personal link), not their text:
a message written inside a Cypher statement (a move-up) has no Python to render it, and the
text reads the same whichever way the message was made.
"""
from datetime import datetime

from ..i18n import gettext_in
from ..i18n import lazy_gettext as _l  # marks the texts for extraction; rendered with gettext_in

SUBJECTS = {
    "confirmed": _l("Anmeldung bestätigt: {event}"),
    "waitlisted": _l("Warteliste: {event}"),
    "existing": _l("Ihre Anmeldung: {event}"),
    "promoted": _l("Sie haben einen Platz: {event}"),
    "cancelled": _l("Abmeldung bestätigt: {event}"),
    "invitation": _l("Einladung: {event}"),
    "organiser": _l("{subject} – {event}"),
}
BODIES = {
    "confirmed": _l("Guten Tag {name},\n\nSie sind angemeldet für „{event}“ ({when}). Ihr Platz ist "
                  "bestätigt.\n\nMit Ihrem persönlichen Link sehen Sie Ihre Anmeldung, ändern Ihre "
                  "Angaben oder melden sich ab:\n{link}\n\nBitte geben Sie den Link nicht weiter."),
    "waitlisted": _l("Guten Tag {name},\n\n„{event}“ ({when}) ist ausgebucht. Sie stehen auf der "
                   "Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine "
                   "E-Mail.\n\nMit Ihrem persönlichen Link sehen Sie Ihren Platz auf der Warteliste, "
                   "ändern Ihre Angaben oder melden sich ab:\n{link}\n\nBitte geben Sie den Link nicht weiter."),
    "existing": _l("Guten Tag {name},\n\nmit Ihrer E-Mail-Adresse gibt es schon eine Anmeldung für "
                 "„{event}“ ({when}). Jemand hat sich gerade noch einmal damit angemeldet; es bleibt "
                 "bei der einen Anmeldung.\n\nIhr persönlicher Link zu dieser Anmeldung:\n{link}\n\n"
                 "Wenn Sie das nicht waren, können Sie diese E-Mail einfach löschen."),
    "promoted": _l("Guten Tag {name},\n\nein Platz ist frei geworden: Ihre Anmeldung für „{event}“ "
                 "({when}) ist jetzt bestätigt. Sie sind von der Warteliste nachgerückt.\n\n"
                 "Ihre Angaben ändern oder sich abmelden können Sie mit dem persönlichen Link aus "
                 "Ihrer ersten E-Mail."),
    "cancelled": _l("Guten Tag {name},\n\nSie sind von „{event}“ ({when}) abgemeldet. Wenn das ein "
                  "Versehen war, melden Sie sich bitte noch einmal an."),
    "invitation": _l("Guten Tag {name},\n\nSie sind eingeladen zu „{event}“ ({when}). Mit diesem "
                   "persönlichen Link können Sie sich anmelden oder absagen:\n{link}\n\n"
                   "Die Einladung gilt nur für Sie. Bitte geben Sie den Link nicht weiter."),
    # an organiser's own words (netzwerk/participants/), framed in the recipient's language
    "organiser": _l("Guten Tag {name},\n\ndie Organisation von „{event}“ ({when}) schreibt Ihnen:\n\n"
                    "{text}\n\nSie bekommen diese Nachricht, weil Sie für diese Veranstaltung angemeldet sind."),
}
SIGNATURE = "\n\n-- \nnetzwerk – lokale Integrationsnetzwerke"
_WHEN = {"de": "%d.%m.%Y, %H:%M Uhr", "en": "%d %B %Y, %H:%M"}


def _when(text, language):
    try:
        return datetime.fromisoformat(str(text)).strftime(_WHEN.get(language, _WHEN["de"]))
    except (TypeError, ValueError):
        return str(text or "")


def render(message):
    """(subject, body) of a stored message, in its recipient's language (German by default)."""
    language = message.get("language") if message.get("language") in ("de", "en") else "de"
    kind = message["kind"]

    def text(german, **values):
        german = str.__str__(german)  # the German text itself, whatever the request's language
        translated = german if language == "de" else gettext_in(language, german)
        return translated.format(**values)

    values = {"event": message.get("event_name") or "", "name": message.get("to_name") or "",
              "when": _when(message.get("event_starts_at"), language),
              "link": message.get("secret_link") or text(_l("(Link bereits zugestellt)")),
              "subject": message.get("subject") or "", "text": message.get("body") or ""}
    return text(SUBJECTS[kind], **values), text(BODIES[kind], **values) + SIGNATURE
