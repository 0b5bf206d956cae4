"""Login, logout, password change, throttling and CSRF, through the real forms."""
import re

import pytest

from netzwerk.auth import service

from ..conftest import PASSWORD, csrf_token


class Clock:
    """The accounts' clock, moved by hand: throttling and session limits without sleeping."""

    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += int(seconds * 1000)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(service.now_millis())
    monkeypatch.setattr(service, "now_millis", clock)
    return clock


def test_start_page_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/anmelden?next=")


def test_login_page_is_german_and_accessible(client):
    html = client.get("/anmelden").get_data(as_text=True)
    assert '<html lang="de">' in html
    assert '<label for="email">E-Mail</label>' in html
    assert 'autocomplete="current-password"' in html
    assert 'href="#inhalt"' in html  # skip link for keyboard users


def test_login_and_see_the_start_page(client, auth, users):
    response = auth.login(users["member"])
    assert response.status_code == 302 and response.headers["Location"] == "/"
    html = client.get("/").get_data(as_text=True)
    assert "Das Netzwerk auf einen Blick" in html
    assert "Test member" in html


def test_login_follows_only_local_next(client, auth, users):
    token = auth.token()
    response = client.post("/anmelden?next=https://evil.example/", data={
        "csrf_token": token, "email": users["member"], "password": PASSWORD})
    assert response.headers["Location"] == "/"


def test_wrong_password_says_so_in_german(client, auth, users):
    response = auth.login(users["member"], password="falsch-falsch-falsch")
    assert response.status_code == 401
    assert "E-Mail oder Passwort ist falsch." in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_unknown_email_gets_the_same_answer(auth):
    response = auth.login("niemand@example.org")
    assert response.status_code == 401
    assert "E-Mail oder Passwort ist falsch." in response.get_data(as_text=True)


def test_invalid_form_input_is_explained(client, auth):
    response = client.post("/anmelden", data={"csrf_token": auth.token(), "email": "kein-at", "password": ""})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein." in html
    assert "Bitte geben Sie Ihr Passwort ein." in html
    assert 'aria-invalid="true"' in html


def test_post_without_csrf_token_is_rejected(client, users):
    response = client.post("/anmelden", data={"email": users["member"], "password": PASSWORD})
    assert response.status_code == 400
    assert "Formular abgelaufen" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302, "no login without a CSRF token"


def test_logout_needs_post_with_csrf(client, auth, users):
    auth.login(users["member"])
    assert client.get("/abmelden").status_code == 405
    assert client.post("/abmelden").status_code == 400
    assert client.get("/").status_code == 200, "still logged in"


def test_logout_really_ends_the_session(app, client, auth, users):
    auth.login(users["member"])
    stolen = client.get_cookie("netzwerk_session").value
    assert auth.logout().headers["Location"] == "/anmelden"
    assert client.get("/").status_code == 302

    replay = app.test_client()
    replay.set_cookie("netzwerk_session", stolen)
    assert replay.get("/").status_code == 302, "an old session cookie is void after logout"


def test_failures_from_other_addresses_do_not_lock_the_owner_out(client, auth, users):
    # five guessers, one failure each: the account is not locked for anybody (issue 7, finding 2)
    for attempt in range(5):
        assert auth.login(users["member"], "falsch-falsch", address=f"10.0.0.{attempt}").status_code == 401
    assert auth.login(users["member"], address="10.9.9.9").status_code == 302


def test_five_failures_from_one_address_delay_only_that_address_and_account(client, auth, users, clock):
    for _ in range(5):
        assert auth.login(users["member"], "falsch-falsch", address="192.0.2.7").status_code == 401
    # the guesser waits, even with the right password: no guess slips through the delay
    response = auth.login(users["member"], address="192.0.2.7")
    assert response.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.get_data(as_text=True)
    # other accounts from that address, and the account from elsewhere, are not affected
    assert auth.login(users["admin"], address="192.0.2.7").status_code == 302
    auth.logout()
    assert auth.login(users["member"], address="192.0.2.8").status_code == 302


def test_throttle_stores_neither_email_nor_address(store, auth, users):
    auth.login(users["member"], "falsch-falsch", address="203.0.113.5")
    keys = {r["label"] for r in store.read("graph/count_nodes_by_label")}
    assert "LoginThrottle" in keys
    from ..conftest import raw_rows
    dump = str(raw_rows(store, "MATCH (t:LoginThrottle) RETURN properties(t) AS t"))
    assert "member@example.org" not in dump and "203.0.113.5" not in dump


def test_change_password_ends_other_sessions(app, client, auth, users):
    auth.login(users["coordinator"])
    other = app.test_client()
    other_auth = type(auth)(other)
    other_auth.login(users["coordinator"])
    assert other.get("/").status_code == 200

    token = csrf_token(client.get("/passwort").get_data(as_text=True))
    response = client.post("/passwort", data={"csrf_token": token, "current": PASSWORD,
                                              "new": "neues-langes-passwort", "confirm": "neues-langes-passwort"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200, "this session goes on"
    assert other.get("/").status_code == 302, "the other session has ended"
    auth.logout()
    assert auth.login(users["coordinator"]).status_code == 401
    assert auth.login(users["coordinator"], "neues-langes-passwort").status_code == 302


def test_change_password_validates(client, auth, users):
    auth.login(users["member"])
    token = csrf_token(client.get("/passwort").get_data(as_text=True))
    response = client.post("/passwort", data={"csrf_token": token, "current": "falsch-falsch",
                                              "new": "kurz", "confirm": "anders"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "mindestens 12 Zeichen" in html
    assert "stimmen nicht überein" in html


def test_deactivated_users_lose_their_session_and_cannot_log_in(client, accounts, auth, users):
    auth.login(users["member"])
    assert accounts.set_active(users["member"], False) is True
    assert client.get("/").status_code == 302
    assert auth.login(users["member"]).status_code == 401
    assert accounts.set_active("niemand@example.org", False) is False


def test_session_cookie_flags(client, auth, users):
    response = auth.login(users["member"])
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("netzwerk_session="))
    assert "HttpOnly" in cookie and re.search(r"SameSite=Lax", cookie)
