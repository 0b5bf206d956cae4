"""Access ends at once: an admin's change on the users page applies on the very next request of
the user's signed-in browser and of their API key (issue 11). Deactivation itself is proven in
test_hardening_accounts.py::test_deactivating_ends_sessions_and_api_keys_at_once."""
import re

from ..conftest import Browserless, post_form
from .test_hardening_accounts import bearer, create_key, shown_key


def _change(client, accounts, email, role, active="1"):
    """As the signed-in admin, through the users page's own form."""
    page = client.get("/benutzer").get_data(as_text=True)
    uid = next(u["uid"] for u in accounts.list_users() if u["email"] == email)
    prefix = re.search(rf'action="/benutzer/{uid}".*?name="(u\d+)-role"', page, re.S).group(1)
    return post_form(client, f"/benutzer/{uid}", {f"{prefix}-role": role, f"{prefix}-active": active})


def test_a_new_role_ends_the_sessions_and_the_api_key_acts_with_it_at_once(app, client, auth, users, accounts):
    coordinator = app.test_client()
    Browserless(coordinator).login(users["coordinator"])
    key = shown_key(create_key(coordinator))
    # both warm: the cached answers of the user's reads must not outlive the change
    assert coordinator.get("/kennzahlen").status_code == 200
    assert coordinator.get("/api/v1/network/suggestions", headers=bearer(key)).status_code == 200

    auth.login(users["admin"])
    assert _change(client, accounts, users["coordinator"], "member").status_code == 302

    assert coordinator.get("/kennzahlen").status_code == 302, "the session outlived the role change"
    assert coordinator.get("/").status_code == 302
    # the key stays (it is the user's), but acts with the new role from the next request on
    assert coordinator.get("/api/v1/network/suggestions", headers=bearer(key)).status_code == 403
    assert coordinator.get("/api/v1/actors", headers=bearer(key)).status_code == 200


def test_deactivation_on_the_users_page_ends_a_busy_session_and_every_key(app, client, auth, users, accounts):
    organiser = app.test_client()
    Browserless(organiser).login(users["organiser"])
    keys = [shown_key(create_key(organiser, name=f"Schlüssel {n}")) for n in range(2)]
    for key in keys:
        assert organiser.get("/api/v1/events", headers=bearer(key)).status_code == 200
    assert organiser.get("/anmeldungen").status_code == 200

    auth.login(users["admin"])
    assert _change(client, accounts, users["organiser"], "organiser", active="0").status_code == 302

    assert organiser.get("/anmeldungen").status_code == 302
    for key in keys:
        assert organiser.get("/api/v1/events", headers=bearer(key)).status_code == 401
    # and signing in again is refused like a wrong password
    assert Browserless(app.test_client()).login(users["organiser"]).status_code == 401
