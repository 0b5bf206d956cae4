"""Account administration: admins manage users, nobody else does."""
import re

from ..conftest import post_form


def test_only_admins_manage_users(client, auth, users):
    for role in ("coordinator", "organiser", "member"):
        auth.login(users[role])
        assert client.get("/benutzer").status_code == 403, role
        assert post_form(client, "/benutzer", {"email": "x@example.org", "name": "X", "role": "admin",
                                               "password": "ein-langes-passwort"}).status_code == 403
        auth.logout()


def test_admin_creates_changes_and_locks_an_account(client, auth, users, accounts):
    auth.login(users["admin"])
    assert "Zugänge" in client.get("/").get_data(as_text=True)
    response = post_form(client, "/benutzer", {"email": "neu@example.org", "name": "Neue Person",
                                               "role": "member", "password": "ein-langes-passwort"})
    assert response.status_code == 302
    page = client.get("/benutzer").get_data(as_text=True)
    assert "neu@example.org" in page
    again = post_form(client, "/benutzer", {"email": "neu@example.org", "name": "Doppelt",
                                            "role": "member", "password": "ein-langes-passwort"})
    assert again.status_code == 400 and "bereits einen Zugang" in again.get_data(as_text=True)

    user = next(u for u in accounts.list_users() if u["email"] == "neu@example.org")
    prefix = re.search(rf'action="/benutzer/{user["uid"]}".*?name="(u\d+)-role"', page, re.S).group(1)
    response = post_form(client, f"/benutzer/{user['uid']}", {f"{prefix}-role": "coordinator", f"{prefix}-active": "0"})
    assert response.status_code == 302
    user = next(u for u in accounts.list_users() if u["email"] == "neu@example.org")
    assert user["role"] == "coordinator" and user["active"] is False
    assert accounts.authenticate("neu@example.org", "ein-langes-passwort", "127.0.0.2")[0] is None


def test_an_admin_cannot_lock_themselves_out(client, auth, users, accounts):
    auth.login(users["admin"])
    page = client.get("/benutzer").get_data(as_text=True)
    me = next(u for u in accounts.list_users() if u["email"] == users["admin"])
    prefix = re.search(rf'action="/benutzer/{me["uid"]}".*?name="(u\d+)-role"', page, re.S).group(1)
    response = post_form(client, f"/benutzer/{me['uid']}", {f"{prefix}-role": "member", f"{prefix}-active": "1"})
    assert response.status_code == 400
    assert next(u for u in accounts.list_users() if u["email"] == users["admin"])["role"] == "admin"
