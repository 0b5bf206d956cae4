"""The consent texts, versioned, in one place, and the ways consent is given (DSGVO Art. 7).

A text is never changed once used: a new wording is a new version added below, and `CURRENT`
points to it. Registrations and people's consent records store the version (and the registration
the text too), so what someone agreed to can always be shown as they saw it.
"""

# purpose -> version -> the German text as shown (the form shows it in German; its English
# translation is in the catalogue under the same German text)
TEXTS = {
    "registration": {
        "2026-11-v1": ("Ich bin einverstanden, dass die Veranstalter meinen Namen, meine E-Mail-Adresse und "
                       "meine Antworten für diese Veranstaltung speichern und nutzen: für die Liste der "
                       "Teilnehmenden, für Nachrichten zu dieser Veranstaltung und für den Einlass. Ich kann "
                       "mich jederzeit mit meinem persönlichen Link abmelden."),
    },
    "registration_manual": {
        "manual-2026-11-v1": ("Von der Organisation eingetragen; die Person hat der Speicherung für diese "
                              "Veranstaltung zugestimmt."),
    },
    # after the event the organisers may record whom one met there (netzwerk/participants/)
    "network": {
        "2026-11-net-v1": ("Freiwillig: Ich bin einverstanden, dass ich mit anderen Teilnehmenden im Netzwerk "
                           "verbunden werde. Die Veranstalter halten nach der Veranstaltung fest, wen ich dort "
                           "kennengelernt habe; dafür werden mein Name und meine E-Mail-Adresse als Person im "
                           "Netzwerk gespeichert, sichtbar nur für die Koordination des Netzwerks."),
    },
    # a Person of the network entered by a coordinator (the register)
    "person": {
        "person-2026-11-v1": ("Ich bin einverstanden, dass die Koordination des Netzwerks meinen Namen, meine "
                              "Funktion, meine Kontaktdaten und meine Verbindungen im Netzwerk speichert, um mich "
                              "mit passenden Stellen und Menschen in Kontakt zu bringen. Sichtbar sind meine "
                              "Kontaktdaten nur für die Koordination. Ich kann jederzeit widerrufen."),
    },
}
CURRENT = {"registration": "2026-11-v1", "registration_manual": "manual-2026-11-v1",
           "network": "2026-11-net-v1", "person": "person-2026-11-v1"}

# how consent was given, and how it was withdrawn: codes (their labels are in netzwerk/consents/views.py)
HOWS = ("form", "invitation", "manual", "import", "api")
WITHDRAWN_HOWS = ("personal_link", "manual")

def current(purpose):
    """(version, text) of the wording in use for a purpose."""
    version = CURRENT[purpose]
    return version, TEXTS[purpose][version]


def text_of(purpose, version):
    """The text a stored version stands for, or None for an unknown version."""
    return TEXTS.get(purpose, {}).get(version)
