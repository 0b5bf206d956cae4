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
    "(lässt sich hier wieder importieren).": "(can be imported here again).",
    "Aktion": "Action",
    "Anschrift der Einrichtung, keine Privatadressen.": "The organisation's address, no private addresses.",
    "Beginnt mit": "Starts with",
    "Beschreibung der Schnittstelle (OpenAPI)": "API description (OpenAPI)",
    "Bitte als Uhrzeit im Format 08:30 eingeben.": "Please enter a time such as 08:30.",
    "Bitte eine Datei wählen.": "Please choose a file.",
    "Bitte eine Zahl ab 0 eingeben.": "Please enter a number from 0.",
    "Bitte eine gültige E-Mail-Adresse eingeben.": "Please enter a valid e-mail address.",
    "Bitte eine vollständige Adresse mit https:// eingeben.": "Please enter a full address starting with https://.",
    "Bitte einen Eintrag wählen.": "Please choose an entry.",
    "Bitte einen Namen angeben, z. B. „Auswertung Sozialamt“.": "Please give it a name, e.g. \"Social office report\".",
    "Das ganze Netzwerk als JSON herunterladen": "Download the whole network as JSON",
    "Datei (CSV, XLSX oder JSON)": "File (CSV, XLSX or JSON)",
    "Datum, z. B. 2026-11-22.": "Date, e.g. 2026-11-22.",
    "Demo-Passwort": "demo password",
    "Der Schlüssel hat die Rechte Ihrer Rolle. Er wird nur einmal angezeigt.":
        "The key has your role's rights. It is shown only once.",
    "Der Schlüssel wurde widerrufen.": "The key has been revoked.",
    "Der Zugang für {email} wurde angelegt.": "The account for {email} has been created.",
    "Der Zugang {email} wurde geändert.": "The account {email} has been changed.",
    "Die Datei enthält abgelehnte Zeilen. Es wird nichts importiert, bis sie korrigiert sind.":
        "The file has rejected rows. Nothing is imported until they are corrected.",
    "Die geprüfte Datei ist nicht mehr vorhanden. Bitte erneut hochladen.":
        "The checked file is no longer there. Please upload it again.",
    "Erst prüfen, dann importieren: Die Prüfung zeigt Zeile für Zeile, was angelegt, geändert oder abgelehnt wird. Importiert wird nur eine Datei ohne abgelehnte Zeilen, und dann ganz.":
        "Check first, then import: the check shows row by row what will be created, changed or rejected. "
        "Only a file without rejected rows is imported, and then as a whole.",
    "Erstes Passwort": "First password",
    "Erzeugt": "Created",
    "Es gibt bereits einen Zugang mit dieser E-Mail.": "An account with this e-mail already exists.",
    "Funktionsadresse der Einrichtung.": "The organisation's shared address.",
    "Funktionsadresse oder Telefon des Angebots.": "The offer's shared address or phone.",
    "Höchstens %(max)d Zeichen.": "At most %(max)d characters.",
    "Höchstens 20 MB. CSV mit Semikolon oder Komma, UTF-8 oder Windows-1252.":
        "At most 20 MB. CSV with semicolons or commas, UTF-8 or Windows-1252.",
    "Ihr neuer Schlüssel – er wird nur jetzt angezeigt:": "Your new key – it is shown only now:",
    "Import abgeschlossen: {nodes} Knoten und {relationships} Beziehungen geladen.":
        "Import finished: {nodes} nodes and {relationships} relationships loaded.",
    "Import abgeschlossen: {written} Zeilen gespeichert, {unchanged} unverändert.":
        "Import finished: {written} rows saved, {unchanged} unchanged.",
    "Jede Liste lässt sich auf ihrer Seite als CSV oder XLSX herunterladen.":
        "Every list can be downloaded as CSV or XLSX from its page.",
    "Mehrere Werte in einer Zelle werden mit Semikolon getrennt. Auswahlfelder nehmen den gespeicherten Wert oder die deutsche Bezeichnung. Verbindungen werden über den Namen gefunden; vorhandene Verbindungen werden nie entfernt.":
        "Several values in one cell are separated by semicolons. Choice columns take the stored value or "
        "the German label. Links are found by name; existing links are never removed.",
    "Mehrere durch Semikolon trennen.": "Separate several with semicolons.",
    "Mindestens 12 Zeichen. Bitte sicher übermitteln; die Person kann es danach ändern.":
        "At least 12 characters. Please pass it on safely; the person can change it afterwards.",
    "Mit einem Schlüssel können andere Programme die JSON-Schnittstelle unter /api/v1/ nutzen, mit den Rechten Ihrer Rolle.":
        "With a key, other programs can use the JSON interface under /api/v1/, with your role's rights.",
    "Netzwerkansicht": "Network view",
    "Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Änderungen wurden nicht gespeichert: Bitte laden Sie den Eintrag neu und tragen Sie sie erneut ein.":
        "Someone else has changed this entry in the meantime. Your changes were not saved: please reload "
        "the entry and enter them again.",
    "Ein Eintrag kann nicht mit sich selbst verbunden werden.": "An entry cannot be linked to itself.",
    "Rolle und Status": "Role and state",
    "Schlüssel {name} widerrufen": "Revoke key {name}",
    "Senden Sie ihn als Kopfzeile: Authorization: Bearer …": "Send it as a header: Authorization: Bearer …",
    "Sie haben noch keine Schlüssel.": "You have no keys yet.",
    "Verbindung zu {name} entfernen": "Remove the link to {name}",
    "Wann und wie die Person der Speicherung ihrer Kontaktdaten zugestimmt hat.":
        "When and how the person agreed to their contact details being stored.",
    "Wofür ist der Schlüssel?": "What is the key for?",
    "Z. B. halbjährlich.": "E.g. every six months.",
    "Z. B. „Soziale Stadt“-Gebiet.": "E.g. a \"Soziale Stadt\" area.",
    "Zuletzt genutzt": "Last used",
    "der Änderungsverlauf ({count} Einträge)": "the change history ({count} entries)",
    "neu": "new",
    "weitere Verbindungen": "other links",
    "{create} neu, {update} geändert, {unchanged} unverändert, {rejected} abgelehnt.":
        "{create} new, {update} changed, {unchanged} unchanged, {rejected} rejected.",
    "{kind} anlegen": "Create {kind}",
    "{kind} bearbeiten": "Edit {kind}",
    "{name} löschen?": "Delete {name}?",
    "{name} wurde angelegt.": "{name} has been created.",
    "{name} wurde gelöscht.": "{name} has been deleted.",
    "{nodes} Knoten und {relationships} Beziehungen werden geladen (vorhandene bleiben unverändert).":
        "{nodes} nodes and {relationships} relationships will be loaded (existing ones stay unchanged).",
    "Zur Startseite": "Go to the start page",
    "Fehler": "Error",
    # phone layout
    "Menü": "Menu",
    # login throttling, sessions, API keys (hardening)
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in einer Sekunde erneut.":
        "Too many failed login attempts. Please try again in one second.",
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in {seconds} Sekunden erneut.":
        "Too many failed login attempts. Please try again in {seconds} seconds.",
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in einer Minute erneut.":
        "Too many failed login attempts. Please try again in one minute.",
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in {minutes} Minuten erneut.":
        "Too many failed login attempts. Please try again in {minutes} minutes.",
    "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.":
        "Your session has expired. Please log in again.",
    "Das Passwort wurde geändert. Andere Sitzungen sind beendet, Ihre API-Schlüssel wurden widerrufen.":
        "Your password has been changed. Other sessions have ended and your API keys have been revoked.",
    "Ihr Passwort": "Your password",
    "Zur Sicherheit fragen wir vor jedem neuen Schlüssel nach Ihrem Passwort.":
        "For your security, we ask for your password before every new key.",
    "Das Passwort ist falsch.": "The password is wrong.",
    "Der Zugang {email} ist gesperrt; seine Sitzungen und API-Schlüssel sind beendet.":
        "The account {email} is locked; its sessions and API keys have ended.",
    # field types, input guard, uncertain writes
    'Die Datenbank hat nicht rechtzeitig geantwortet. Ob Ihre Änderung gespeichert wurde, ist nicht sicher: Bitte prüfen Sie es in einer Minute, bevor Sie sie noch einmal senden.': 'The database did not answer in time. Whether your change was saved is not certain: please check in a minute before you send it again.',
    'Die Anfrage enthält unzulässige Zeichen (z. B. ein Nullbyte).': 'The request contains characters that are not allowed (e.g. a NUL byte).',
    'Ungültige Eingabe': 'Invalid input',
    'Der Inhalt ist kein UTF-8-Text.': 'The content is not UTF-8 text.',
    'Das JSON ist zu tief verschachtelt (höchstens {max} Ebenen).': 'The JSON is nested too deeply (at most {max} levels).',
    'Der Inhalt ist kein gültiges JSON ({reason}).': 'The content is not valid JSON ({reason}).',
    'Das JSON enthält unzulässige Zeichen (ein Nullbyte oder ein einzelnes Surrogat).': 'The JSON contains characters that are not allowed (a NUL byte or a lone surrogate).',
    'Bitte JSON senden (Content-Type: application/json).': 'Please send JSON (Content-Type: application/json).',
    'Unbekannte Felder: {fields}': 'Unknown fields: {fields}',
    '„{label}“ muss ein Text sein.': '“{label}” must be text.',
    'Der Text enthält ungültige Zeichen.': 'The text contains invalid characters.',
    '„{label}“ enthält Steuerzeichen.': '“{label}” contains control characters.',
    '„{label}“ ist länger als {max} Zeichen.': '“{label}” is longer than {max} characters.',
    '„{value}“ ist kein gültiger Wert für „{label}“ (erlaubt: {allowed}).': '“{value}” is not a valid value for “{label}” (allowed: {allowed}).',
    '„{label}“ muss eine Liste sein.': '“{label}” must be a list.',
    '„{label}“: höchstens {max} Einträge.': '“{label}”: at most {max} entries.',
    '„{label}“ muss eine Liste von Texten sein.': '“{label}” must be a list of texts.',
    '„{label}“: jeder Eintrag höchstens {max} Zeichen.': '“{label}”: each entry at most {max} characters.',
    '„{label}“: bitte jeden Wert nur einmal angeben.': '“{label}”: please give each value only once.',
    '„{label}“ muss eine ganze Zahl sein.': '“{label}” must be a whole number.',
    '„{label}“ muss eine ganze Zahl sein, nicht „{value}“.': '“{label}” must be a whole number, not “{value}”.',
    '„{label}“ muss zwischen 0 und {max} liegen.': '“{label}” must be between 0 and {max}.',
    '„{value}“ ist keine gültige E-Mail-Adresse.': '“{value}” is not a valid e-mail address.',
    '„{value}“ ist keine gültige Web-Adresse (z. B. https://beispiel.de).': '“{value}” is not a valid web address (e.g. https://example.org).',
    '„{label}“ muss eine Uhrzeit wie 08:30 sein.': '“{label}” must be a time such as 08:30.',
    '„{label}“ muss ein Datum wie 16.06.2016 sein.': '“{label}” must be a date such as 16.06.2016.',
    '„{label}“ muss Datum und Uhrzeit sein, z. B. 16.06.2016 10:30.': '“{label}” must be a date and time, e.g. 16.06.2016 10:30.',
    '„{label}“ muss ja oder nein sein.': '“{label}” must be yes or no.',
    '„{label}“ fehlt.': '“{label}” is missing.',
    'ja': 'yes',
    'nein': 'no',
    # vocabularies (netzwerk/vocabularies.py)
    'Soziale Aktivitäten und soziale Infrastruktur': 'Social activities and social infrastructure',
    'Stadtteilkultur': 'Neighbourhood culture',
    'Zusammenleben unterschiedlicher sozialer und ethnischer Gruppen': 'Living together of different social and ethnic groups',
    'Beratung': 'Counselling',
    'Wohnen': 'Housing',
    'Arbeit': 'Work',
    'Gesundheit': 'Health',
    'Kinder und Jugend': 'Children and youth',
    'Freizeit und Sport': 'Leisure and sport',
    'Bildung': 'Education',
    'Alle Anwohner*innen': 'All residents',
    'Menschen mit Zuwanderungsgeschichte': 'People with a migration background',
    'Menschen mit Fluchterfahrung': 'People with refugee experience',
    'Neuzugewanderte': 'Newcomers',
    'Kinder': 'Children',
    'Jugendliche': 'Young people',
    'Kinder und Jugendliche': 'Children and young people',
    'Eltern': 'Parents',
    'Familien': 'Families',
    'Frauen': 'Women',
    'Männer': 'Men',
    'Senior*innen': 'Older people',
    'Mieter*innen': 'Tenants',
    'Ehrenamtliche': 'Volunteers',
    'Hauptamtliche': 'Professional staff',
    'Menschen mit Behinderung': 'People with disabilities',
    'Deutsch': 'German',
    'Arabisch': 'Arabic',
    'Türkisch': 'Turkish',
    'Ukrainisch': 'Ukrainian',
    'Russisch': 'Russian',
    'Persisch (Farsi)': 'Persian (Farsi)',
    'Dari': 'Dari',
    'Paschtu': 'Pashto',
    'Kurdisch': 'Kurdish',
    'Tigrinya': 'Tigrinya',
    'Somali': 'Somali',
    'Englisch': 'English',
    'Französisch': 'French',
    'Polnisch': 'Polish',
    'Rumänisch': 'Romanian',
    'Bulgarisch': 'Bulgarian',
    'Albanisch': 'Albanian',
    'Serbisch': 'Serbian',
    'Spanisch': 'Spanish',
    'Italienisch': 'Italian',
    'Griechisch': 'Greek',
    'Vietnamesisch': 'Vietnamese',
    'Urdu': 'Urdu',
    'Deutsche Gebärdensprache': 'German Sign Language',
    'Leichte Sprache': 'Easy-to-read German',
    'Montag': 'Monday',
    'Dienstag': 'Tuesday',
    'Mittwoch': 'Wednesday',
    'Donnerstag': 'Thursday',
    'Freitag': 'Friday',
    'Samstag': 'Saturday',
    'Sonntag': 'Sunday',
    '„{value}“ ist kein gültiger Wert für „{label}“ – meinten Sie „{suggestion}“?': '“{value}” is not a valid value for “{label}” – did you mean “{suggestion}”?',
    '„{value}“ ist kein gültiger Wert für „{label}“.': '“{value}” is not a valid value for “{label}”.',
    # demo additions in the seed (templates/register/detail.html, register/model.py)
    'Demo-Ergänzung': 'Demo addition',
    'Plausible Ergänzung für die Demo, nicht aus den Quelldokumenten.': 'A plausible addition for the demo, not from the source documents.',
    'Demo-Ergänzung – nicht aus den Quelldokumenten': 'Demo addition – not from the source documents',
    'geplant': 'planned',
    # spreadsheet import: limits checked before reading, rows that do not fit, suggestions
    "Datei nicht lesbar": "File not readable",
    "Die Datei ist leer.": "The file is empty.",
    "Die Datei enthält keine Zeilen.": "The file has no rows.",
    "Die Datei ist keine Textdatei. Bitte eine CSV- oder XLSX-Datei hochladen.":
        "The file is not a text file. Please upload a CSV or XLSX file.",
    "Die Zeichenkodierung der Datei ist unbekannt. Bitte als „CSV UTF-8“ speichern.":
        "The file's character encoding is unknown. Please save it as “CSV UTF-8”.",
    "Die Datei ist keine lesbare Excel-Datei (.xlsx). Bitte als .xlsx oder .csv speichern.":
        "The file is not a readable Excel file (.xlsx). Please save it as .xlsx or .csv.",
    "Diese Art von Einträgen kann nicht importiert werden.": "This kind of entry cannot be imported.",
    "Die Spalte „name“ fehlt. Bitte die Vorlage verwenden: die erste Zeile enthält die Spaltennamen.":
        "The column “name” is missing. Please use the template: the first row holds the column names.",
    "Die Spalte „{column}“ fehlt. Bitte die Vorlage verwenden.":
        "The column “{column}” is missing. Please use the template.",
    "Die Spalte „{column}“ kommt mehrfach vor.": "The column “{column}” appears more than once.",
    "Die Spalte „{column}“ ist unbekannt und wird ignoriert.": "The column “{column}” is unknown and is ignored.",
    "Die Datei hat mehr als {max} Zeilen. Bitte teilen Sie sie auf.":
        "The file has more than {max} rows. Please split it up.",
    "Die Datei hat mehr als {max} Zeilen. Bitte teilen Sie sie auf, oder löschen Sie die Zeilen unter den Daten, auch leere mit Formatierung.":
        "The file has more than {max} rows. Please split it up, or delete the rows below the data, "
        "including empty ones with formatting.",
    "Die Tabelle enthält mehr als {max} Zeichen Text. Bitte teilen Sie sie auf.":
        "The table holds more than {max} characters of text. Please split it up.",
    "Zeile {line}, Spalte {column}: Die Zelle hat mehr als {max} Zeichen. Bitte kürzen Sie den Text.":
        "Row {line}, column {column}: the cell has more than {max} characters. Please shorten the text.",
    "Zeile {line}: Eine Zelle hat mehr als {max} Zeichen. Bitte kürzen Sie den Text.":
        "Row {line}: a cell has more than {max} characters. Please shorten the text.",
    "Zeile {line} hat {cells} Zellen; höchstens {max} Spalten sind möglich. Stimmt das Trennzeichen? Bitte prüfen Sie die Datei oder teilen Sie sie auf.":
        "Row {line} has {cells} cells; at most {max} columns are possible. Is the separator right? "
        "Please check the file or split it up.",
    "Zeile {line} hat Werte in mehr als {max} Spalten; höchstens {max} sind möglich. Bitte entfernen Sie überflüssige Spalten oder teilen Sie die Datei auf.":
        "Row {line} has values in more than {max} columns; at most {max} are possible. Please remove "
        "surplus columns or split the file up.",
    "Zeile {line} ist länger als {max} Zeichen: zu viele Spalten oder zu lange Zellen. Bitte prüfen Sie die Datei.":
        "Row {line} is longer than {max} characters: too many columns or cells that are too long. "
        "Please check the file.",
    "Die CSV-Datei ist in Zeile {line} fehlerhaft. Bitte prüfen Sie die Anführungszeichen.":
        "The CSV file is broken in row {line}. Please check the quotation marks.",
    "Die Excel-Datei ist entpackt zu groß (höchstens {max} MB je Teil, {total} MB insgesamt). Bitte teilen Sie die Tabelle auf oder speichern Sie sie als CSV.":
        "The Excel file is too large when unpacked (at most {max} MB per part, {total} MB in all). "
        "Please split the table up or save it as CSV.",
    "Die Excel-Datei ist ungewöhnlich stark gepackt (mehr als {ratio}-fach) und wird deshalb nicht geöffnet. Bitte speichern Sie die Tabelle als CSV und laden Sie diese hoch.":
        "The Excel file is packed unusually tightly (more than {ratio} to one) and is therefore not "
        "opened. Please save the table as CSV and upload that.",
    "Die Excel-Datei hat mehr als {max} Zellen (z. B. {rows} Zeilen mal {columns} Spalten). Bitte teilen Sie die Datei auf, löschen Sie weitere Tabellenblätter und formatierte leere Bereiche, oder speichern Sie die Tabelle als CSV.":
        "The Excel file has more than {max} cells (e.g. {rows} rows by {columns} columns). Please split "
        "the file up, delete other sheets and formatted empty areas, or save the table as CSV.",
    "Die Tabelle reicht bis Spalte {column} ({count} Spalten); höchstens {max} sind möglich. Bitte löschen Sie die Spalten rechts neben den Daten, auch leere mit Formatierung, oder speichern Sie die Tabelle als CSV.":
        "The table reaches column {column} ({count} columns); at most {max} are possible. Please delete "
        "the columns to the right of the data, including empty ones with formatting, or save the table as CSV.",
    "Die Tabelle reicht bis Zeile {row}; höchstens {max} Zeilen unter der Kopfzeile sind möglich. Bitte teilen Sie die Datei auf, oder löschen Sie die Zeilen unter den Daten, auch leere mit Formatierung.":
        "The table reaches row {row}; at most {max} rows below the header are possible. Please split the "
        "file up, or delete the rows below the data, including empty ones with formatting.",
    'mehr Zellen als Spalten ({cells} statt {columns}) – stehen mehrere Werte ohne Anführungszeichen in einer Zelle? Bitte die Zelle in Anführungszeichen setzen ("Beratung; Sprache") oder die Datei mit Komma trennen':
        'more cells than columns ({cells} instead of {columns}) – are there several values in one cell '
        'without quotation marks? Please put the cell in quotation marks ("Beratung; Sprache") or separate '
        'the file with commas',
    "und {count} weitere": "and {count} more",
    "{kind} „{name}“ ist nicht bekannt": "{kind} “{name}” is not known",
    "{kind} „{name}“ ist nicht bekannt – meinten Sie „{first}“?": "{kind} “{name}” is not known – did you mean “{first}”?",
    "{kind} „{name}“ ist nicht bekannt – meinten Sie „{first}“ oder „{second}“?":
        "{kind} “{name}” is not known – did you mean “{first}” or “{second}”?",
    "{kind} „{name}“ ist mehrdeutig ({count} Einträge)": "{kind} “{name}” is ambiguous ({count} entries)",
    "„{column}“: höchstens {max} Namen in einer Zelle": "“{column}”: at most {max} names in one cell",
    "doppelte Zeile (wie Zeile {line})": "duplicate row (like row {line})",
    "es gibt mehrere Einträge „{name}“; bitte im Register zusammenführen":
        "there are several entries “{name}”; please merge them in the register",
    "eine Person kann sich nicht selbst kennen": "a person cannot know themselves",
    'Mehrere Werte in einer Zelle werden mit Semikolon getrennt, z. B. Beratung; Sprache. In einer CSV-Datei, deren Spalten ebenfalls mit Semikolon getrennt sind, muss eine solche Zelle in Anführungszeichen stehen: "Beratung; Sprache" (Excel setzt sie beim Speichern als CSV selbst). Sonst verrutschen die Spalten, und die Zeile wird abgelehnt. In XLSX-Dateien gibt es dieses Problem nicht.':
        'Several values in one cell are separated by semicolons, e.g. Beratung; Sprache. In a CSV file whose '
        'columns are separated by semicolons too, such a cell must be in quotation marks: "Beratung; Sprache" '
        '(Excel adds them itself when saving as CSV). Otherwise the columns shift and the row is rejected. '
        'XLSX files do not have this problem.',
    "Auswahlfelder nehmen den gespeicherten Wert oder die deutsche Bezeichnung. Verbindungen werden über den Namen gefunden; ist ein Name unbekannt, schlägt die Prüfung ähnliche vor. Vorhandene Verbindungen werden nie entfernt.":
        "Choice columns take the stored value or the German label. Links are found by name; when a name is "
        "unknown, the check suggests similar ones. Existing links are never removed.",
    "Höchstens {rows} Zeilen, {columns} Spalten und {chars} Zeichen je Zelle; eine XLSX-Datei höchstens {cells} Zellen.":
        "At most {rows} rows, {columns} columns and {chars} characters per cell; an XLSX file at most {cells} cells.",
    "Die Excel-Datei besteht aus mehr als {max} Teilen. Bitte speichern Sie die Tabelle als CSV und laden Sie diese hoch.":
        "The Excel file consists of more than {max} parts. Please save the table as CSV and upload that.",
    # type-ahead linking, link removal, edit conflicts
    '„{name}“ ist kein Eintrag unter „{kind}“. Bitte aus den Vorschlägen wählen.': '“{name}” is not an entry under “{kind}”. Please choose from the suggestions.',
    'Es gibt mehrere Einträge „{name}“ unter „{kind}“. Bitte aus den Vorschlägen wählen.': 'There are several entries “{name}” under “{kind}”. Please choose from the suggestions.',
    'Namen eingeben und aus den Vorschlägen wählen.': 'Type a name and choose from the suggestions.',
    'Verbindung entfernen': 'Remove link',
    'Verbindung entfernen?': 'Remove link?',
    '{source} – „{link}“ – {target}: diese Verbindung wird entfernt. Die Einträge selbst bleiben.': '{source} – “{link}” – {target}: this link will be removed. The entries themselves stay.',
    'Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Änderungen sind noch nicht gespeichert: Vergleichen Sie sie mit dem aktuellen Stand und speichern Sie bewusst noch einmal.': 'Someone else has changed this entry in the meantime. Your changes are not saved yet: compare them with the current state and save again deliberately.',
    'Inzwischen gespeichert (Ihre Eingaben stehen unten im Formular):': 'Saved in the meantime (your input is in the form below):',
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


def gettext_in(language, text):
    """The text in a given language, whatever the request's: e.g. to match English input."""
    return CATALOGUES.get(language, {}).get(text, text)


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
