"""Issue 7, findings 1, 2 and 10: throttling that delays guessers without locking anybody out,
ProxyFix for the production proxy, and sessions with an idle limit and an absolute lifetime."""
import pytest

from netzwerk import create_app
from netzwerk.config import Config, TestConfig

from ..conftest import PASSWORD, Browserless, raw_rows
from .test_auth import clock  # noqa: F401  (fixture)


def retry_after(response):
    assert response.status_code == 429, response.status_code
    return int(response.headers["Retry-After"])


# --- finding 1: failures from one address ------------------------------------------------

def test_five_failures_with_random_emails_lock_nobody_out(auth, users, clock):
    for n in range(5):
        assert auth.login(f"zufall{n}@example.org", "falsch-falsch", address="192.0.2.7").status_code == 401
    # the admin never signed in from there before, and still gets in at once
    assert auth.login(users["admin"], address="192.0.2.7").status_code == 302


def test_spraying_from_one_address_delays_briefly_and_spares_known_users(auth, users, clock):
    assert auth.login(users["admin"], address="192.0.2.7").status_code == 302  # a known address
    auth.logout()
    for n in range(25):  # past the per-address limit (20)
        auth.login(f"zufall{n}@example.org", "falsch-falsch", address="192.0.2.7")

    # an account that never signed in from this address waits, told for how long in German
    response = auth.login(users["coordinator"], address="192.0.2.7")
    assert retry_after(response) <= 60
    assert "Bitte versuchen Sie es in" in response.get_data(as_text=True)
    # the admin, who signed in from here before, is not held up by the spraying
    assert auth.login(users["admin"], address="192.0.2.7").status_code == 302
    auth.logout()
    # and the delay passes: it is not a lock
    clock.advance(retry_after(response))
    assert auth.login(users["coordinator"], address="192.0.2.7").status_code == 302


# --- finding 2: failures against one account -----------------------------------------------

def test_many_wrong_passwords_from_one_address_do_not_lock_the_owner(auth, users, clock):
    statuses = [auth.login(users["admin"], f"falsch-{n}-falsch", address="198.51.100.66").status_code
                for n in range(40)]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    # the guesser cannot slip the right password through the delay either
    assert auth.login(users["admin"], address="198.51.100.66").status_code == 429
    # the admin, from any other address (even one never used before), signs in at once
    assert auth.login(users["admin"], address="203.0.113.10").status_code == 302


def test_the_delay_grows_with_each_failure_and_hammering_does_not_extend_it(auth, users, clock):
    for _ in range(5):
        assert auth.login(users["member"], "falsch-falsch", address="198.51.100.1").status_code == 401
    waits = []
    for _ in range(8):
        response = auth.login(users["member"], "falsch-falsch", address="198.51.100.1")
        waits.append(retry_after(response))
        for _ in range(5):  # attempts inside the wait are refused unchecked and not counted
            assert retry_after(auth.login(users["member"], "falsch-falsch", address="198.51.100.1")) == waits[-1]
        clock.advance(waits[-1])
        assert auth.login(users["member"], "falsch-falsch", address="198.51.100.1").status_code == 401
    response = auth.login(users["member"], address="198.51.100.1")
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128]
    assert retry_after(response) == 256
    assert "Bitte versuchen Sie es in 5 Minuten erneut." in response.get_data(as_text=True)
    # the owner, elsewhere, never waited
    assert auth.login(users["member"], address="198.51.100.2").status_code == 302


def test_the_wait_is_told_in_english_too(client, auth, users, clock):
    with client.session_transaction() as session:
        session["lang"] = "en"
    for _ in range(5):
        auth.login(users["member"], "falsch-falsch", address="198.51.100.1")
    html = auth.login(users["member"], address="198.51.100.1").get_data(as_text=True)
    assert "Too many failed login attempts. Please try again in one second." in html


def test_guessing_from_many_addresses_gives_short_waits_and_spares_known_addresses(auth, users, clock):
    assert auth.login(users["admin"], address="10.1.1.1").status_code == 302  # the admin's office
    auth.logout()
    for n in range(20):  # one failure each from 20 addresses: the per-account limit
        assert auth.login(users["admin"], "falsch-falsch", address=f"10.66.0.{n}").status_code == 401
    waits = []
    for n in range(8):
        response = auth.login(users["admin"], address="10.2.2.2")  # a new address, right password
        waits.append(retry_after(response))
        clock.advance(waits[-1])
        assert auth.login(users["admin"], "falsch-falsch", address=f"10.77.0.{n}").status_code == 401
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60], "short waits, at most a minute"
    # the admin's own office address is not held up at all
    assert auth.login(users["admin"], address="10.1.1.1").status_code == 302
    auth.logout()
    clock.advance(60)
    assert auth.login(users["admin"], address="10.2.2.2").status_code == 302


def test_known_addresses_are_keyed_hashes(store, auth, users):
    assert auth.login(users["member"], address="203.0.113.5").status_code == 302
    dump = str(raw_rows(store, "MATCH (u:User) RETURN properties(u) AS u"))
    assert "known_address_keys" in dump and "203.0.113.5" not in dump


# --- ProxyFix ---------------------------------------------------------------------------------

def proxied(auth, email, password, client_address):
    """A login through the reverse proxy at 10.0.0.1, which names the client in X-Forwarded-For."""
    return auth.client.post("/anmelden", data={
        "csrf_token": auth.token(), "email": email, "password": password},
        environ_base={"REMOTE_ADDR": "10.0.0.1"}, headers={"X-Forwarded-For": client_address})


def app_behind_proxy(store, tmp_path, proxies):
    config = TestConfig(tmp_path)
    config.PROXY_FIX = proxies
    return create_app(config, store=store)


@pytest.mark.parametrize("proxies, owner_status", [(0, 429), (1, 302)])
def test_proxy_fix_makes_the_throttle_see_clients_not_the_proxy(store, tmp_path, users, clock,
                                                                 proxies, owner_status):
    auth = Browserless(app_behind_proxy(store, tmp_path, proxies).test_client())
    for _ in range(5):
        assert proxied(auth, users["admin"], "falsch-falsch", "198.51.100.7").status_code == 401
    # without ProxyFix everybody is the proxy: the owner shares the guesser's delay (and a
    # client could not forge its address either); with it, the owner is another client
    assert proxied(auth, users["admin"], PASSWORD, "203.0.113.9").status_code == owner_status


def test_proxy_fix_setting(monkeypatch):
    for value, expected in ((None, 0), ("0", 0), ("off", 0), ("true", 1), ("1", 1), ("2", 2)):
        if value is None:
            monkeypatch.delenv("NETZWERK_PROXY_FIX", raising=False)
        else:
            monkeypatch.setenv("NETZWERK_PROXY_FIX", value)
        assert Config().PROXY_FIX == expected, value


# --- finding 10: session lifetime -----------------------------------------------------------

def test_session_limits_default_to_asvs_level_2(monkeypatch):
    for name in ("SESSION_IDLE_MINUTES", "SESSION_ABSOLUTE_HOURS"):
        monkeypatch.delenv(f"NETZWERK_{name}", raising=False)
    config = Config()
    assert (config.SESSION_IDLE_MINUTES, config.SESSION_ABSOLUTE_HOURS) == (30, 12)
    assert config.PERMANENT_SESSION_LIFETIME == 12 * 60 * 60


def test_an_idle_session_ends(client, auth, users, clock):
    auth.login(users["member"])
    clock.advance(29 * 60)
    assert client.get("/").status_code == 200
    clock.advance(29 * 60)
    assert client.get("/").status_code == 200, "each request counts as activity"
    clock.advance(31 * 60)
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/anmelden")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an." in page
    clock.advance(-60 * 60)
    assert client.get("/").status_code == 302, "the session is gone, not just paused"


def test_an_active_session_ends_after_its_absolute_lifetime(client, auth, users, clock):
    with client.session_transaction() as session:
        session["lang"] = "en"
    auth.login(users["member"])
    for _ in range(12 * 3 - 1):  # busy all day: a request every 20 minutes
        clock.advance(20 * 60)
        assert client.get("/").status_code == 200
    clock.advance(20 * 60 + 1)  # 12 hours and a second after signing in
    assert client.get("/").status_code == 302
    with client.session_transaction() as session:
        assert session.get("lang") == "en", "the language choice outlives the session"
    assert auth.login(users["member"]).status_code == 302, "signing in again starts afresh"
    assert client.get("/").status_code == 200


def test_the_idle_limit_is_configurable(store, tmp_path, users, clock, monkeypatch):
    monkeypatch.setenv("NETZWERK_SESSION_IDLE_MINUTES", "5")
    client = create_app(TestConfig(tmp_path), store=store).test_client()
    Browserless(client).login(users["member"])
    clock.advance(4 * 60)
    assert client.get("/").status_code == 200
    clock.advance(6 * 60)
    assert client.get("/").status_code == 302


def test_a_session_without_a_sign_in_time_is_refused(client, auth, users):
    auth.login(users["member"])
    with client.session_transaction() as session:
        del session["login_at"]  # as a cookie made before the lifetime existed
    assert client.get("/").status_code == 302
