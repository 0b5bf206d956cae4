"""Vocabularies extendable by admins (issue 7): a term added on /begriffe is a choice in forms,
the API and the import, a filter value, shown in the UI's language; built-in terms stay."""
import json

import pytest

from netzwerk.store import ConstraintViolation

from ..conftest import Browserless, post_form
from .test_import import check, empty_instance, import_file  # noqa: F401 (a fixture)
from .test_register import create, uid_from


def add_term(client, **data):
    return post_form(client, "/begriffe", {"vocabulary": "languages", "code": "", "en": "",
                                           "aliases": "", **data}, token_from="/begriffe")


@pytest.fixture
def admin(client, auth, users):
    auth.login(users["admin"])
    return client


def test_an_added_language_works_in_form_import_filter_api_and_english(admin, auth, users, client):
    response = add_term(admin, de="Tamilisch", en="Tamil", code="ta", aliases="tamil; tamizh")
    assert response.status_code == 302, response.get_data(as_text=True)
    page = admin.get("/begriffe").get_data(as_text=True)
    assert "Tamilisch" in page and "<code>ta</code>" in page

    auth.logout()
    auth.login(users["coordinator"])
    form = client.get("/angebote/neu").get_data(as_text=True)
    assert 'value="ta"' in form and "Tamilisch" in form, "a choice in the offer form"
    district = create(client, "stadtteile", name="Düsternort", type="Stadtteil")
    offer = create(client, "angebote", name="Sprachcafé Tamilisch", status="active", languages=["de", "ta"],
                   link_districts="Düsternort", link_districts_uid=district)
    assert "Deutsch, Tamilisch" in client.get(f"/angebote/{offer}").get_data(as_text=True)

    # the import knows the label, the alias, and suggests it for a near miss
    import_file(client, "offers", "name;languages;status;districts\n"
                                  "Kochtreff;Tamizh;aktiv;Düsternort\n".encode())
    checked = check(client, "offers", "name;languages;status;districts\n"
                                      "Lesekreis;Tamilish;aktiv;Düsternort\n".encode()).get_data(as_text=True)
    assert "meinten Sie „Tamilisch“" in checked

    listed = client.get("/angebote?language=ta").get_data(as_text=True)
    assert "Sprachcafé Tamilisch" in listed and "Kochtreff" in listed
    assert '<option value="ta" selected>Tamilisch</option>' in listed, "offered as a filter value"
    assert "Kochtreff" in client.get("/angebote?language=Tamilisch").get_data(as_text=True)
    export = client.get("/angebote?format=csv&language=ta").get_data(as_text=True)
    assert "Deutsch; Tamilisch" in export

    post_form(client, "/sprache", {"lang": "en", "next": "/"})
    english = client.get(f"/angebote/{offer}").get_data(as_text=True)
    assert "German, Tamil" in english, "an added term's English label in the English UI"


def test_the_api_and_openapi_take_an_added_term(admin, accounts, users, client):
    add_term(admin, de="Tamilisch", en="Tamil", code="ta")
    user, _ = accounts.authenticate(users["coordinator"], "ein-sicheres-passwort", "127.0.0.1")
    headers = {"Authorization": f"Bearer {accounts.create_token(user, 'Test')}"}
    response = client.post("/api/v1/needs", json={"name": "Dolmetschen", "status": "open", "language": "ta"},
                           headers=headers)
    assert response.status_code == 201, response.get_json()
    refused = client.post("/api/v1/needs", json={"name": "X", "status": "open", "language": "xx"}, headers=headers)
    assert refused.status_code == 400
    enum = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["Need"]["properties"]["language"]
    assert "ta" in enum["enum"] and "ar" in enum["enum"]


def test_a_code_is_made_from_the_label_and_duplicates_are_refused(admin):
    assert add_term(admin, vocabulary="target_groups", de="Studierende aus Übersee").status_code == 302
    assert "studierende-aus-ubersee" in admin.get("/begriffe").get_data(as_text=True)
    again = add_term(admin, vocabulary="target_groups", de="Studierende", code="studierende-aus-ubersee")
    assert again.status_code == 409 and "gibt es in „Zielgruppen“ schon" in again.get_data(as_text=True)
    builtin = add_term(admin, de="Arabisch (neu)", code="ar")
    assert builtin.status_code == 409, "a built-in code stays the built-in term's"
    label = add_term(admin, de="arabisch", code="ar-x")
    assert label.status_code == 409 and "schon für „Arabisch“" in label.get_data(as_text=True)


def test_a_term_in_use_cannot_be_deleted_but_renamed(admin, store):
    add_term(admin, vocabulary="fields", de="Digitale Teilhabe", en="Digital inclusion", code="digital")
    actor = create(admin, "akteure", name="Digitalwerkstatt", kind="initiative", fields=["digital"])
    refused = post_form(admin, "/begriffe/fields/digital/loeschen", {}, token_from="/begriffe")
    assert refused.status_code == 302
    page = admin.get("/begriffe").get_data(as_text=True)
    assert "wird von 1 Eintrag verwendet und kann nicht gelöscht werden" in page
    renamed = admin.post("/begriffe/fields/digital", data={
        "csrf_token": _token(admin), "fields-digital-de": "Digitale Teilhabe und Medien",
        "fields-digital-en": "Digital inclusion and media", "fields-digital-aliases": "digital"})
    assert renamed.status_code == 302
    assert "Digitale Teilhabe und Medien" in admin.get(f"/akteure/{actor}").get_data(as_text=True)
    assert store.read("vocabularies/list_terms")[0]["code"] == "digital", "the code stays"

    add_term(admin, vocabulary="weekdays", de="Feiertag", code="holiday")
    post_form(admin, "/begriffe/weekdays/holiday/loeschen", {}, token_from="/begriffe")
    assert [t["code"] for t in store.read("vocabularies/list_terms")] == ["digital"]
    post_form(admin, "/begriffe/weekdays/mon/loeschen", {}, token_from="/begriffe")
    assert "Eingebaute Begriffe bleiben" in admin.get("/begriffe").get_data(as_text=True)


def _token(client):
    from ..conftest import csrf_token
    return csrf_token(client.get("/begriffe").get_data(as_text=True))


def test_only_admins_change_vocabularies(client, auth, users):
    auth.login(users["member"])
    assert client.get("/begriffe").status_code == 403
    assert add_term(client, de="Tamilisch").status_code == 403
    auth.logout()
    auth.login(users["coordinator"])
    page = client.get("/begriffe")
    assert page.status_code == 200 and "Begriff hinzufügen" not in page.get_data(as_text=True)
    assert add_term(client, de="Tamilisch").status_code == 403
    assert "Tamilisch" not in client.get("/begriffe").get_data(as_text=True)


def test_the_page_reads_in_english(admin):
    add_term(admin, de="Tamilisch", en="Tamil", code="ta")
    post_form(admin, "/sprache", {"lang": "en", "next": "/begriffe"})
    page = admin.get("/begriffe").get_data(as_text=True)
    assert "Terms" in page and "Add term" in page and "Languages" in page


def test_the_store_refuses_a_second_term_with_the_same_code(store):
    params = dict(vocabulary="languages", code="ta", de="Tamilisch", en="Tamil", aliases=[], now="2026-01-01", by="t")
    store.write("vocabularies/create_term", **params)
    with pytest.raises(ConstraintViolation):
        store.write("vocabularies/create_term", **{**params, "de": "Tamil"})
    store.write("vocabularies/create_term", **{**params, "vocabulary": "fields"})  # another list: fine
    assert len(store.read("vocabularies/list_terms")) == 2


def _export_with_a_term(admin):
    add_term(admin, de="Tamilisch", en="Tamil", code="ta", aliases="tamil")
    district = create(admin, "stadtteile", name="Düsternort", type="Stadtteil")
    create(admin, "angebote", link_districts="Düsternort", link_districts_uid=district,
           name="Sprachcafé Tamil", status="active", languages=["ta"])
    exported = admin.get("/export/netzwerk.json").data
    document = json.loads(exported)
    assert [(t["vocabulary"], t["code"], t["de"], t["en"], t["aliases"]) for t in document["terms"]] == \
        [("languages", "ta", "Tamilisch", "Tamil", ["tamil"])], "added terms travel with the export"
    return exported, document


def test_an_export_with_its_own_terms_loads_into_an_empty_instance(admin, empty_instance):
    exported, document = _export_with_a_term(admin)
    client, _ = empty_instance()
    page = check(client, "graph", exported, "netzwerk.json").get_data(as_text=True)
    assert "Dazu 1 Begriff, den es hier noch nicht gibt" in page, page
    import_file(client, "graph", exported, "netzwerk.json")
    assert json.loads(client.get("/export/netzwerk.json").data) == document
    assert "Tamilisch" in client.get("/angebote?language=ta").get_data(as_text=True)

    broken = dict(document, terms=[{"vocabulary": "languages", "code": "Tamil!", "de": "Tamilisch"}])
    refused = check(client, "graph", json.dumps(broken).encode(), "netzwerk.json")
    assert refused.status_code == 400 and "Begriff „Tamil!“: der Code ist ungültig" in refused.get_data(as_text=True)
