"""Field types: one rule per type, the same from a form, the API and a spreadsheet cell."""
import pytest

from netzwerk.fields import MAX_TAGS, TYPES, Field, FieldError

STATUS = Field("status", "Status", "choice", (("active", "aktiv"), ("ended", "beendet")), required=True)
DAYS = Field("weekdays", "Wochentage", "multi", (("Montag", "Montag"), ("Dienstag", "Dienstag")))
TAGS = Field("languages", "Sprachen", "tags")
NUMBER = Field("capacity", "Plätze", "int")
EMAIL = Field("email", "E-Mail", "email")
URL = Field("website", "Website", "url")
TIME = Field("time_from", "von", "time")
DAY = Field("reported_at", "Gemeldet am", "date")
WHEN = Field("starts_at", "Beginn", "datetime")
YES = Field("listed", "darf genannt werden", "bool")
NAME = Field("name", "Name", required=True, max_length=20)


def refused(field, value, text=False):
    with pytest.raises(FieldError) as error:
        field.parse_text(value) if text else field.parse(value)
    return str(error.value)


def test_text_is_stripped_capped_and_free_of_control_characters():
    assert NAME.parse("  Horizont ") == "Horizont"
    assert "fehlt" in refused(NAME, "   ")
    assert "länger als 20 Zeichen" in refused(NAME, "x" * 21)
    assert "Steuerzeichen" in refused(NAME, "a\x00b")
    assert "ungültige Zeichen" in refused(NAME, "a\ud800")
    assert "muss ein Text sein" in refused(NAME, ["a", "b"]), "a list is not turned into \"['a', 'b']\""
    assert Field("notes", "Notizen", "textarea").parse("Zeile 1\nZeile 2") == "Zeile 1\nZeile 2"


def test_choices_are_codes_matched_by_code_or_label_case_insensitively():
    assert STATUS.parse("active") == "active"
    assert STATUS.parse_text("AKTIV") == "active"
    assert STATUS.text("ended") == "beendet"
    assert "kein gültiger Wert für „Status“ (erlaubt: aktiv, beendet)" in refused(STATUS, "sometimes")
    assert "kein gültiger Wert" in refused(STATUS, True)
    numeric = Field("strength", "Wie gut", "choice", ((1, "flüchtig"), (2, "gut")))
    assert numeric.parse("2") == 2 and numeric.parse(2) == 2 and numeric.parse_text("gut") == 2


def test_lists_from_json_form_and_cell():
    assert DAYS.parse(["Montag", "dienstag"]) == ["Montag", "Dienstag"]
    assert DAYS.parse_text("Montag; Dienstag") == ["Montag", "Dienstag"]
    assert DAYS.text(["Montag", "Dienstag"]) == "Montag; Dienstag"
    assert str(DAYS.html(["Montag", "Dienstag"])) == "Montag, Dienstag"
    assert "muss eine Liste sein" in refused(DAYS, 5)
    assert TAGS.parse_text("Deutsch; Arabisch") == ["Deutsch", "Arabisch"]
    assert "nur einmal" in refused(TAGS, ["Arabisch", "arabisch"])
    assert f"höchstens {MAX_TAGS} Einträge" in refused(TAGS, [f"s{i}" for i in range(MAX_TAGS + 1)])
    assert "höchstens 80 Zeichen" in refused(TAGS, ["x" * 81])
    assert TAGS.parse([]) is None and TAGS.parse("") is None


def test_numbers_are_whole_and_not_booleans():
    assert NUMBER.parse(50) == 50 and NUMBER.parse("50") == 50 and NUMBER.parse_text("9.700") == 9700
    assert "ganze Zahl" in refused(NUMBER, True), "JSON true is not 1"
    assert "nicht „viele“" in refused(NUMBER, "viele")
    assert "zwischen 0 und" in refused(NUMBER, -1)
    assert NUMBER.schema()["type"] == "integer"


def test_email_and_web_addresses():
    assert EMAIL.parse("info@caritas-dortmund.de") == "info@caritas-dortmund.de"
    assert "keine gültige E-Mail-Adresse" in refused(EMAIL, "kein-at")
    assert URL.parse("caritas-dortmund.de") == "https://caritas-dortmund.de", "completed, not refused"
    assert URL.parse("http://example.org/x?y=1") == "http://example.org/x?y=1"
    assert "keine gültige Web-Adresse" in refused(URL, "javascript://evil.example/%0Aalert(1)")
    assert "keine gültige Web-Adresse" in refused(URL, "keine adresse")
    assert str(URL.html('https://x.de/"><script>')).count("<script>") == 0, "escaped"


def test_times_dates_and_yes_no():
    assert TIME.parse("8:30") == "08:30" and TIME.parse("8.30") == "08:30"
    assert "Uhrzeit wie 08:30" in refused(TIME, "25:00")
    assert DAY.parse("16.06.2016") == "2016-06-16" and DAY.text("2016-06-16") == "16.06.2016"
    assert "Datum wie 16.06.2016" in refused(DAY, "gestern")
    assert WHEN.parse("16.06.2016 10:30") == "2016-06-16T10:30"
    assert WHEN.text("2016-06-16T10:30") == "16.06.2016 10:30"
    assert YES.parse(True) is True and YES.parse_text("ja") is True and YES.parse_text("") is False
    assert "ja oder nein" in refused(YES, "vielleicht")
    assert "ja oder nein" in refused(YES, 1)


def test_every_type_describes_itself_and_builds_a_form_field():
    for key in TYPES:
        choices = (("a", "A"),) if key in ("choice", "multi") else ()
        spec = Field("x", "X", key, choices)
        assert spec.schema()["title"] == "X"
        assert spec.form_field() is not None
        assert spec.text(None) in ("", "nein")
    with pytest.raises(ValueError):
        Field("x", "X", "colour")
