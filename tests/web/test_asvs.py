"""OWASP ASVS 5.0 level 2 items that were not yet proven elsewhere (docs/security.md lists every
item with its test): session renewal at login, cookie flags in production, headers on every kind
of answer, no internals in error pages, long passwords and their hashes, spreadsheet formulas."""
import re

import pytest

from netzwerk.config import Config
from netzwerk.register.exports import csv_bytes, xlsx_bytes

from ..conftest import PASSWORD, csrf_token, raw_rows


def _session_cookie(response):
    return next((h for h in response.headers.getlist("Set-Cookie") if h.startswith("netzwerk_session=")), None)


def test_signing_in_starts_a_new_session(client, auth, users):
    """V7.2.4: a new session at sign-in; nothing of the anonymous one is carried over."""
    before = csrf_token(client.get("/anmelden").get_data(as_text=True))
    anonymous = client.get_cookie("netzwerk_session").value
    response = auth.login(users["member"])
    assert _session_cookie(response) is not None
    assert client.get_cookie("netzwerk_session").value != anonymous
    after = csrf_token(client.get("/passwort").get_data(as_text=True))
    assert after != before, "the CSRF token of the anonymous session lives on after sign-in"


def test_production_cookies_are_secure_http_only_and_same_site(monkeypatch):
    """V3.3.1, V3.3.2, V3.3.4: Secure, HttpOnly, SameSite in production; Lax keeps links from
    e-mails working."""
    monkeypatch.setenv("NETZWERK_ENV", "production")
    monkeypatch.delenv("NETZWERK_SECURE_COOKIES", raising=False)
    config = Config()
    assert config.SESSION_COOKIE_SECURE and config.REMEMBER_COOKIE_SECURE
    assert config.SESSION_COOKIE_HTTPONLY and config.REMEMBER_COOKIE_HTTPONLY
    assert config.SESSION_COOKIE_SAMESITE == "Lax"


@pytest.mark.parametrize("path", ["/anmelden", "/api/v1/openapi.json", "/api/v1/actors", "/gibt-es-nicht",
                                  "/veranstaltungen/feed.ics", "/healthz"])
def test_every_kind_of_answer_carries_the_security_headers(client, path):
    """V3.4.3-V3.4.6, V14.3.2: CSP without inline script, nosniff, framing, referrer, no caching."""
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cache-Control"] == "no-store"


def test_an_unexpected_error_shows_no_internals(app, client, auth, users):
    """V16.5.1, V13.4.2: a failure logs the details and shows the user a generic page."""
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/kaputt-fuer-den-test")
    def broken():
        raise RuntimeError("geheimer Pfad /srv/netzwerk/secret_key")

    response = client.get("/kaputt-fuer-den-test")
    assert response.status_code == 500
    text = response.get_data(as_text=True)
    assert "Etwas ist schiefgegangen" in text
    assert "Traceback" not in text and "geheimer Pfad" not in text and "RuntimeError" not in text


def test_long_passphrases_work_and_only_their_hash_is_stored(accounts, store, client, auth):
    """V6.2.1, V6.2.9, V11.4.2: at least 12 characters, 64 and more allowed, any characters; a
    slow salted hash (werkzeug's scrypt) in the graph, never the password."""
    passphrase = "Ein langer Satz mit Leerzeichen, Umlauten (äöü) und Zeichen! " * 2
    accounts.create_user("lang@example.org", "Lang", "member", passphrase)
    assert auth.login("lang@example.org", password=passphrase).status_code == 302
    rows = raw_rows(store, "MATCH (u:User {email: 'lang@example.org'}) RETURN u.password_hash AS hash")
    assert rows[0]["hash"].startswith("scrypt:") and passphrase not in rows[0]["hash"]
    with pytest.raises(ValueError):
        accounts.create_user("kurz@example.org", "Kurz", "member", "elf-zeichen")


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://evil.example\")", "+1+1", "-2+3", "@SUM(A1)"])
def test_exports_defuse_spreadsheet_formulas(value):
    """V1.2.10 (CSV and formula injection; level 3, done anyway): a cell that starts like a
    formula is exported as text."""
    text = csv_bytes(["name"], [[value]]).decode("utf-8-sig")
    assert f"'{value}" in text.replace('""', '"')
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes(["name"], [[value]], "t"))) as archive:
        cells = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/"))
    assert "<f>" not in cells and re.search(r"'(=|\+|-|@)", cells.replace("&quot;", '"'))


def test_the_password_is_not_in_the_login_page_after_a_failure(client, auth, users):
    """V6.2.6 masks the field; a refused form does not send the password back either."""
    response = auth.login(users["member"], password="falsches-geheimes-wort")
    assert "falsches-geheimes-wort" not in response.get_data(as_text=True)
    assert PASSWORD not in response.get_data(as_text=True)


# --- V16.3: security events -------------------------------------------------------------------
def _events(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "netzwerk.security"]


def test_security_events_are_logged_without_secrets(app, client, auth, users, accounts, caplog):
    """V16.2.1, V16.3.1, V16.3.3: who (uid), from where, which route; never the password, the
    key or the e-mail address."""
    import logging
    caplog.set_level(logging.INFO, logger="netzwerk.security")
    member = next(u["uid"] for u in accounts.list_users() if u["email"] == users["member"])
    admin = next(u["uid"] for u in accounts.list_users() if u["email"] == users["admin"])

    auth.login(users["member"], password="falsch-falsch-falsch", address="192.0.2.9")
    auth.login("niemand@example.org", address="192.0.2.9")
    auth.login(users["member"], address="192.0.2.9")
    from .test_hardening_accounts import create_key, shown_key
    key = shown_key(create_key(client))
    auth.logout()

    auth.login(users["admin"])
    page = client.get("/benutzer").get_data(as_text=True)
    prefix = re.search(rf'action="/benutzer/{member}".*?name="(u\d+)-role"', page, re.S).group(1)
    from ..conftest import post_form
    post_form(client, f"/benutzer/{member}", {f"{prefix}-role": "organiser", f"{prefix}-active": "0"})

    lines = _events(caplog)
    text = "\n".join(lines)
    failures = [line for line in lines if line.startswith("event=login.failure")]
    assert len(failures) == 2 and all("address=192.0.2.9" in line and "account=account:" in line
                                      for line in failures)
    assert any(line.startswith("event=login.success") and f"user={member}" in line for line in lines)
    assert any(line.startswith("event=apikey.created") and f"user={member}" in line for line in lines)
    assert any(line.startswith("event=logout") and f"user={member}" in line for line in lines)
    assert any(line.startswith("event=user.role_changed") and f"user={admin}" in line
               and f"target={member}" in line and "role=organiser" in line for line in lines)
    assert any(line.startswith("event=user.deactivated") and f"target={member}" in line for line in lines)
    for secret in (PASSWORD, "falsch-falsch-falsch", key, users["member"], "niemand@example.org"):
        assert secret not in text, f"{secret!r} in the security log"


def test_refused_requests_are_logged(client, auth, users, accounts, caplog):
    """V16.3.2: 403 for a role, 401 for the API, a refused CSRF token; by endpoint, not by URL
    (a URL can carry a personal link's secret)."""
    import logging
    caplog.set_level(logging.INFO, logger="netzwerk.security")
    auth.login(users["member"])
    assert client.get("/benutzer").status_code == 403
    assert client.get("/api/v1/actors", headers={"Authorization": "Bearer nw_falsch"}).status_code == 401
    assert client.post("/passwort", data={}).status_code == 400
    lines = _events(caplog)
    member = next(u["uid"] for u in accounts.list_users() if u["email"] == users["member"])
    assert any(line.startswith("event=access.denied") and "status=403" in line and f"user={member}" in line
               and "endpoint=users.index" in line for line in lines), lines
    assert any(line.startswith("event=access.denied") and "status=401" in line
               and "endpoint=api.list_entries" in line for line in lines), lines
    assert any(line.startswith("event=csrf.refused") and "endpoint=auth.change_password" in line
               for line in lines), lines
    assert "nw_falsch" not in "\n".join(lines)


def test_uploaded_spreadsheets_are_parsed_with_defusedxml():
    """V1.5.1: XML parsers without entity expansion or external entities (XLSX is XML in a zip)."""
    import openpyxl.xml
    assert openpyxl.xml.DEFUSEDXML, "defusedxml is missing: openpyxl would parse XLSX with the plain parser"
