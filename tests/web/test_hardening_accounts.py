"""Issue 7, findings 11 and 12 and create-user: API keys end with the password and the account,
creating one needs the password again; HSTS in production; one e-mail check for all."""
import re

import pytest
from click.testing import CliRunner

from netzwerk import create_app
from netzwerk.cli import main

from ..conftest import PASSWORD, Browserless, csrf_token, post_form
from .test_auth import clock  # noqa: F401  (fixture)

KEYS = "/konto/api-schluessel"


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def create_key(client, password=PASSWORD, name="Auswertung"):
    return post_form(client, KEYS, {"name": name, "password": password}, token_from=KEYS)


def shown_key(response):
    match = re.search(r'<code class="token">(nw_[^<]+)</code>', response.get_data(as_text=True))
    return match and match.group(1)


# --- finding 11: API keys ---------------------------------------------------------------------

def test_creating_a_key_needs_the_password_again(client, auth, users, accounts):
    auth.login(users["coordinator"])
    missing = post_form(client, KEYS, {"name": "Auswertung"}, token_from=KEYS)
    assert missing.status_code == 400 and shown_key(missing) is None
    assert "Bitte geben Sie Ihr Passwort ein." in missing.get_data(as_text=True)
    wrong = create_key(client, password="falsch-falsch")
    assert wrong.status_code == 400 and shown_key(wrong) is None
    assert "Das Passwort ist falsch." in wrong.get_data(as_text=True)
    assert client.get(KEYS).get_data(as_text=True).count('autocomplete="current-password"') == 1

    created = create_key(client)
    assert created.status_code == 200
    assert client.get("/api/v1/actors", headers=bearer(shown_key(created))).status_code == 200


def test_guessing_the_password_in_the_key_form_is_throttled(client, auth, users, clock):
    auth.login(users["coordinator"])
    for _ in range(5):
        assert "Das Passwort ist falsch." in create_key(client, password="falsch-falsch").get_data(as_text=True)
    refused = create_key(client)  # even the right password waits now
    assert shown_key(refused) is None
    assert "Bitte versuchen Sie es in einer Sekunde erneut." in refused.get_data(as_text=True)
    clock.advance(1)
    assert shown_key(create_key(client))


def test_logout_keeps_api_keys(client, auth, users):
    # keys are not sessions: a nightly export must not stop because its owner signed out
    auth.login(users["coordinator"])
    key = shown_key(create_key(client))
    auth.logout()
    assert client.get("/api/v1/actors", headers=bearer(key)).status_code == 200


def test_a_password_change_revokes_api_keys(client, auth, users, accounts):
    auth.login(users["coordinator"])
    key = shown_key(create_key(client))
    token = csrf_token(client.get("/passwort").get_data(as_text=True))
    response = client.post("/passwort", data={"csrf_token": token, "current": PASSWORD,
                                              "new": "neues-langes-passwort", "confirm": "neues-langes-passwort"},
                           follow_redirects=True)
    assert "Andere Sitzungen sind beendet, Ihre API-Schlüssel wurden widerrufen." in response.get_data(as_text=True)
    assert client.get("/api/v1/actors", headers=bearer(key)).status_code == 401
    assert "Sie haben noch keine Schlüssel." in client.get(KEYS).get_data(as_text=True)

    # without keys, the message does not speak of them
    token = csrf_token(client.get("/passwort").get_data(as_text=True))
    again = client.post("/passwort", data={"csrf_token": token, "current": "neues-langes-passwort",
                                           "new": "noch-ein-passwort-1", "confirm": "noch-ein-passwort-1"},
                        follow_redirects=True).get_data(as_text=True)
    assert "Andere Sitzungen sind beendet." in again and "API-Schlüssel wurden" not in again


def test_deactivating_ends_sessions_and_api_keys_at_once(app, client, auth, users, accounts):
    member = app.test_client()
    member_auth = Browserless(member)
    member_auth.login(users["member"])
    key = shown_key(create_key(member))
    assert member.get("/").status_code == 200

    auth.login(users["admin"])
    page = client.get("/benutzer").get_data(as_text=True)
    uid = next(u["uid"] for u in accounts.list_users() if u["email"] == users["member"])
    prefix = re.search(rf'action="/benutzer/{uid}".*?name="(u\d+)-role"', page, re.S).group(1)
    response = post_form(client, f"/benutzer/{uid}", {f"{prefix}-role": "member", f"{prefix}-active": "0"})
    assert response.status_code == 302
    assert "seine Sitzungen und API-Schlüssel sind beendet" in client.get("/benutzer").get_data(as_text=True)

    assert member.get("/").status_code == 302
    assert member.get("/api/v1/actors", headers=bearer(key)).status_code == 401
    # reactivation brings back neither: the key is gone, not just paused
    accounts.set_active(users["member"], True)
    assert member.get("/api/v1/actors", headers=bearer(key)).status_code == 401
    user, _ = accounts.authenticate(users["member"], PASSWORD, "127.0.0.1")
    assert accounts.tokens(user) == []


# --- finding 12: HSTS -------------------------------------------------------------------------

def test_hsts_in_production_only(app, store, tmp_path):
    from .test_production_guard import production_config
    production = create_app(production_config(tmp_path), store=store).test_client()
    for path in ("/anmelden", "/healthz", "/static/netzwerk.css"):
        assert production.get(path).headers["Strict-Transport-Security"] == \
            "max-age=31536000; includeSubDomains", path
    assert "Strict-Transport-Security" not in app.test_client().get("/anmelden").headers


# --- create-user and the login form agree on e-mail addresses ---------------------------------

@pytest.fixture
def cli_env(store, database, tmp_path):
    return {**database.environment(store), "NETZWERK_DATA_DIR": str(tmp_path)}


def test_create_user_refuses_an_address_the_login_form_refuses(cli_env, accounts):
    result = CliRunner().invoke(main, ["create-user", "--email", "koord@perf.test", "--name", "K",
                                       "--role", "coordinator", "--password", "lang-genug-passwort"],
                                env=cli_env, catch_exceptions=False)
    assert result.exit_code == 1
    assert "„koord@perf.test“ ist keine gültige E-Mail-Adresse" in result.output
    assert not [u for u in accounts.list_users() if u["email"] == "koord@perf.test"]


@pytest.mark.parametrize("email", ["koord@perf.test", "a@localhost", "kein-at", "a b@example.org",
                                   "person@example.org", "admin@netzwerk.demo", "Jürgen@beispiel.de"])
def test_create_user_and_the_login_form_agree(client, auth, accounts, email):
    try:
        accounts.create_user(email, "Jemand", "member", PASSWORD)
        created = True
    except ValueError:
        created = False
    login = client.post("/anmelden", data={"csrf_token": auth.token(), "email": email, "password": PASSWORD})
    assert login.status_code == (302 if created else 400), email
