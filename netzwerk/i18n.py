"""German first, English available: a small catalogue keyed by the German text.

The German text is the key, so templates read naturally and a missing English entry
falls back to German instead of showing a code.
"""
from flask import has_request_context, session

LANGUAGES = {"de": "Deutsch", "en": "English"}

EN = {
    # navigation and layout
    "Start": "Home",
    "Akteure": "Actors",
    "Personen": "People",
    "Angebote": "Offers",
    "Stadtteile": "Districts",
    "Runde Tische": "Round tables",
    "Veranstaltungen": "Events",
    "Bedarfe": "Needs",
    "Anmelden": "Log in",
    "Abmelden": "Log out",
    "Passwort ändern": "Change password",
    "Angemeldet als": "Logged in as",
    "Sprache": "Language",
    "Zum Inhalt springen": "Skip to content",
    "Hauptnavigation": "Main navigation",
    "netzwerk – lokale Integrationsnetzwerke": "netzwerk – local integration networks",
    # start page
    "Überblick": "Overview",
    "Das Netzwerk auf einen Blick": "The network at a glance",
    "Personen (Ansprechpersonen)": "People (contacts)",
    "Stadtteile und Quartiere": "Districts and neighbourhoods",
    "kommende Veranstaltungen": "upcoming events",
    "Nächste Veranstaltungen": "Next events",
    "Keine kommenden Veranstaltungen.": "No upcoming events.",
    "Veranstalter": "Organiser",
    # roles
    "Administration": "Administration",
    "Koordination": "Coordination",
    "Veranstaltungsorganisation": "Event organisation",
    "Mitglied": "Member",
    "Rolle": "Role",
    # login and password
    "E-Mail": "E-mail",
    "Passwort": "Password",
    "Bitte geben Sie Ihre E-Mail-Adresse ein.": "Please enter your e-mail address.",
    "Bitte geben Sie Ihr Passwort ein.": "Please enter your password.",
    "Bitte geben Sie eine gültige E-Mail-Adresse ein.": "Please enter a valid e-mail address.",
    "E-Mail oder Passwort ist falsch.": "E-mail or password is wrong.",
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in 15 Minuten erneut.":
        "Too many failed login attempts. Please try again in 15 minutes.",
    "Sie sind angemeldet.": "You are logged in.",
    "Sie sind abgemeldet.": "You are logged out.",
    "Bitte melden Sie sich an, um diese Seite zu sehen.": "Please log in to see this page.",
    "Aktuelles Passwort": "Current password",
    "Neues Passwort": "New password",
    "Neues Passwort wiederholen": "Repeat new password",
    "Mindestens 12 Zeichen.": "At least 12 characters.",
    "Das Passwort muss mindestens 12 Zeichen lang sein.": "The password must be at least 12 characters long.",
    "Die Passwörter stimmen nicht überein.": "The passwords do not match.",
    "Das aktuelle Passwort ist falsch.": "The current password is wrong.",
    "Das Passwort wurde geändert. Andere Sitzungen sind beendet.":
        "Your password has been changed. Other sessions have ended.",
    "Speichern": "Save",
    # errors
    "Ungültige Anfrage": "Bad request",
    "Nicht gefunden": "Not found",
    "Keine Berechtigung": "Forbidden",
    "Konflikt": "Conflict",
    "Ausgebucht": "Fully booked",
    "Geschlossen": "Closed",
    "Datenbank nicht erreichbar": "Database unavailable",
    "Die Datenbank antwortet gerade nicht. Es wurde nichts gespeichert. Bitte versuchen Sie es in einer Minute erneut.":
        "The database is not answering right now. Nothing was saved. Please try again in a minute.",
    "Ein Eintrag mit diesem Schlüssel existiert bereits. Es wurde nichts gespeichert.":
        "An entry with this key already exists. Nothing was saved.",
    "Formular abgelaufen": "Form expired",
    "Das Formular ist abgelaufen oder unvollständig. Bitte laden Sie die Seite neu und senden Sie es noch einmal.":
        "The form has expired or is incomplete. Please reload the page and submit it again.",
    "Für diese Seite fehlt Ihnen die nötige Rolle.": "You lack the role this page needs.",
    "Diese Seite gibt es nicht.": "This page does not exist.",
    "Nicht erlaubt": "Not allowed",
    "Diese Aktion ist hier nicht erlaubt.": "This action is not allowed here.",
    "Datei zu groß": "File too large",
    "Die gesendeten Daten sind zu groß.": "The data sent is too large.",
    "Interner Fehler": "Internal error",
    "Etwas ist schiefgegangen. Der Fehler wurde protokolliert.": "Something went wrong. The error has been logged.",

    # register
    "Akteur": "Actor", "Person": "Person", "Angebot": "Offer", "Stadtteil": "District",
    "Runder Tisch": "Round table", "Bedarf": "Need", "Import": "Import", "Zugänge": "Accounts",
    "API-Schlüssel": "API keys", "Neu anlegen": "Create new", "Suche": "Search",
    "Name oder Beschreibung": "Name or description", "Suchen und filtern": "Search and filter",
    "alle": "all", "Sortierung": "Sort", "Name A–Z": "Name A–Z", "Name Z–A": "Name Z–A",
    "zuletzt geändert": "last changed", "Anwenden": "Apply", "Diese Liste herunterladen:": "Download this list:",
    "Keine Einträge gefunden.": "No entries found.", "Seiten": "Pages", "zurück": "previous", "weiter": "next",
    "Seite {page} von {pages}": "Page {page} of {pages}",
    "Auf dieser Seite gibt es keine Einträge.": "There are no entries on this page.",
    "Zur ersten Seite": "Go to the first page",
    "Bearbeiten": "Edit", "Löschen": "Delete", "Verbindungen": "Links", "Noch keine.": "None yet.",
    "Verbindung hinzufügen": "Add a link", "Verbinden": "Link", "entfernen": "remove",
    "Eintrag": "Entry", "– bitte wählen –": "– please choose –",
    "Weitere Verbindungen": "Other links", "Änderungsverlauf": "Change history", "Angelegt": "Created",
    "von": "by", "Version": "Version", "Wann": "When", "Wer": "Who", "Was": "What",
    "angelegt": "created", "geändert": "changed", "unverändert": "unchanged", "abgelehnt": "rejected",
    "verbunden": "linked", "Verbindung entfernt": "link removed", "Pflichtfeld": "required",
    "Abbrechen": "Cancel", "Endgültig löschen": "Delete for good",
    "Die verbundenen Einträge selbst bleiben erhalten.": "The linked entries themselves remain.",
    "Der Eintrag wird endgültig gelöscht. Mit ihm gehen:": "The entry will be deleted for good. With it go:",
    "Die Änderungen wurden gespeichert.": "Your changes have been saved.",
    "Die Verbindung wurde gespeichert.": "The link has been saved.",
    "Die Verbindung wurde entfernt.": "The link has been removed.",
    "Kontaktdaten von Personen sehen nur Koordination und Administration.":
        "Only coordinators and administrators see people's contact details.",
    "Bitte prüfen Sie die markierten Felder.": "Please check the marked fields.",
    "Bitte ausfüllen.": "Please fill in.",
    "Name": "Name", "Art": "Kind", "Beschreibung": "Description", "Adresse": "Address", "Website": "Website",
    "Telefon": "Phone", "Handlungsfelder": "Fields of action", "Handlungsfeld": "Field of action",
    "Funktion": "Function", "Einwilligung": "Consent", "Zielgruppen": "Target groups", "Zielgruppe": "Target group",
    "Sprachen": "Languages", "Ort / Adresse": "Place / address", "Wochentage": "Weekdays",
    "von (Uhrzeit)": "from (time)", "bis (Uhrzeit)": "until (time)", "Rhythmus": "Frequency", "Plätze": "Places",
    "Kosten": "Cost", "Zugang": "Access", "Status": "Status", "Kontakt": "Contact", "Typ": "Type",
    "Einwohner*innen": "Population", "Notizen": "Notes", "Zweck": "Purpose", "Treffen": "Meetings",
    "Gemeldet am": "Reported on", "Anbieter": "Providers", "gehört zu": "part of", "Mitglieder": "Members",
    "Kommunale Stelle": "City office", "Wohlfahrtsverband": "Welfare association", "Verein / Verband": "Association",
    "Wohnungsunternehmen": "Housing company", "Schule": "School", "Jugendeinrichtung": "Youth centre",
    "Migrant*innenorganisation": "Migrant organisation", "Initiative": "Initiative", "Sonstige": "Other",
    "aktiv": "active", "pausiert": "paused", "beendet": "ended", "offen": "open", "gedeckt": "met",
    "verworfen": "dropped", "wöchentlich": "weekly", "14-täglich": "every two weeks", "monatlich": "monthly",
    "einmalig": "once", "nach Vereinbarung": "on request", "unregelmäßig": "irregular", "kostenlos": "free",
    "kostenpflichtig": "fee", "barrierefrei": "barrier-free", "Kinderbetreuung": "childcare",
    "Sprachmittlung": "interpreting", "Stadt": "City",
    "aktiv in": "active in", "kooperiert mit": "cooperates with", "Mitglied in": "member of",
    "bietet an": "offers", "arbeitet bei": "works at", "Ansprechpersonen": "Contacts", "kennt": "knows",
    "bekannt mit": "known to", "im Stadtteil": "in district", "Angebote hier": "Offers here",
    "Akteure hier": "Actors here", "umfasst": "contains", "grenzt an": "borders on",
    "Runde Tische hier": "Round tables here", "Ansprechperson": "Contact person",
    "Ansprechperson für": "Contact person for", "Bedarfe hier": "Needs here", "gemeldet von": "reported by",
    "meldete Bedarf": "reported need", "gedeckt durch": "met by", "deckt Bedarf": "meets need",
    "Rolle": "Role", "seit": "since", "Kontext": "Context", "Wie gut": "How well", "flüchtig": "slightly",
    "gut": "well", "eng": "closely",
    "Import und Export": "Import and export", "Vorlagen": "Templates", "Datei prüfen": "Check a file",
    "Ergebnis der Prüfung": "Result of the check", "Zeile": "Row", "Ergebnis": "Result", "Details": "Details",
    "Jetzt importieren": "Import now", "Export": "Export", "Datei": "File", "Spalten": "Columns",
    "Vorlage": "Template", "Was wird importiert?": "What are you importing?",
    "Prüfen (es wird noch nichts gespeichert)": "Check (nothing is saved yet)",
    "Kontakte (wer kennt wen)": "Contacts (who knows whom)", "Ganzes Netzwerk (JSON-Export)": "Whole network (JSON export)",
    "Neuer Zugang": "New account", "Zugang anlegen": "Create account", "Übernehmen": "Apply",
    "gesperrt": "locked", "Neuer Schlüssel": "New key", "Schlüssel erzeugen": "Create key", "widerrufen": "revoke",
    "Zur Startseite": "Go to the start page",
    "Fehler": "Error",
}

CATALOGUES = {"en": EN}


def current_language():
    if not has_request_context():
        return "de"
    # German unless the user chose otherwise: the staff's browsers are often set to English
    chosen = session.get("lang")
    return chosen if chosen in LANGUAGES else "de"


def gettext(text, **values):
    translated = CATALOGUES.get(current_language(), {}).get(text, text)
    return translated.format(**values) if values else translated


def lazy_gettext(text):
    """For form labels defined at import time: translated when rendered."""
    return _LazyText(text)


class _LazyText(str):
    __slots__ = ()

    def __str__(self):
        return gettext(str.__str__(self))

    def __mod__(self, values):
        return str(self) % values

    def __html__(self):
        from markupsafe import escape
        return str(escape(str(self)))
