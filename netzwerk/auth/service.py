"""Accounts: password checks, login throttling, sessions that really end."""
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from ..clock import now_iso, now_millis, today
from ..fields import email_syntax_valid
from ..i18n import gettext
from ..text import new_uid
from .roles import ROLES, role_can

MIN_PASSWORD_LENGTH = 12
DEMO_PASSWORD = "netzwerk-demo-2016"
DEMO_USERS = (
    ("admin@netzwerk.demo", "Demo Administration", "admin"),
    ("koordination@netzwerk.demo", "Demo Koordination", "coordinator"),
    ("veranstaltung@netzwerk.demo", "Demo Veranstaltungsorganisation", "organiser"),
    ("mitglied@netzwerk.demo", "Demo Mitglied", "member"),
)
# checked when the e-mail is unknown, so a wrong address takes as long as a wrong password
_DUMMY_HASH = generate_password_hash("not-a-real-password")
# per user: the addresses of the latest sign-ins pass the per-address and per-account limits
KNOWN_ADDRESSES = 10


@dataclass(frozen=True)
class LoginRefused:
    """Why a password was not taken: "invalid", or "throttled" with the seconds to wait."""
    reason: str
    retry_after: int = 0


@dataclass
class User(UserMixin):
    uid: str
    email: str
    name: str
    role: str
    active: bool
    session_token: str
    demo: bool = False

    @property
    def is_active(self):
        return bool(self.active)

    def get_id(self):
        # the token changes on logout and password change, which voids every older cookie
        return f"{self.uid}:{self.session_token}"

    def can(self, permission):
        return role_can(self.role, permission)

    @property
    def role_label(self):
        return ROLES.get(self.role, self.role)


def _user(row):
    fields = {k: row[k] for k in ("uid", "email", "name", "role", "active", "session_token")}
    return User(**fields, demo=bool(row.get("demo")))


def _token_hash(token):
    # tokens carry 256 random bits: a plain SHA-256 cannot be reversed or guessed
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_email(email):
    return (email or "").strip().lower()


def is_valid_email(email):
    """The check of the login form (WTForms' Email runs email-validator the same way): an
    account whose address the login form refuses could never sign in."""
    return email_syntax_valid(email or "")


class Accounts:
    def __init__(self, store, *, secret_key, max_failures=5, window_seconds=900,
                 address_max_failures=20, account_max_failures=20, account_max_delay_seconds=60,
                 idle_seconds=30 * 60, absolute_seconds=12 * 60 * 60):
        self.store = store
        self.secret_key = secret_key
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self.address_max_failures = address_max_failures
        self.account_max_failures = account_max_failures
        self.account_max_delay_seconds = account_max_delay_seconds
        self.idle_seconds = idle_seconds
        self.absolute_seconds = absolute_seconds

    # --- users ------------------------------------------------------------------------
    def load_session_user(self, session_id):
        """The user of a session cookie id "uid:token", or None when it is void."""
        uid, _, token = (session_id or "").partition(":")
        row = self.store.read_one("auth/get_user_by_uid", uid=uid)
        if row is None or not token or not hmac.compare_digest(row["session_token"] or "", token):
            return None
        return _user(row)

    def create_user(self, email, name, role, password, created_by="cli"):
        if not is_valid_email(email):
            raise ValueError(gettext("„{email}“ ist keine gültige E-Mail-Adresse; die Anmeldung würde sie ablehnen.",
                                     email=email))
        if role not in ROLES:
            raise ValueError(gettext("Unbekannte Rolle „{role}“; erlaubt: {allowed}", role=role,
                                     allowed=", ".join(ROLES)))
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError(gettext("Das Passwort muss mindestens {count} Zeichen lang sein.",
                                     count=MIN_PASSWORD_LENGTH))
        rows = self.store.write(
            "auth/create_user", uid=new_uid(), email=normalise_email(email), name=name.strip(),
            role=role, password_hash=generate_password_hash(password),
            session_token=secrets.token_urlsafe(16), demo=False, now=now_iso(),
            created_by=created_by)
        return rows[0]["uid"]

    def ensure_demo_users(self):
        """Creates one demo account per role unless it exists; returns (email, role) pairs."""
        password_hash = generate_password_hash(DEMO_PASSWORD)
        for email, name, role in DEMO_USERS:
            self.store.write("auth/merge_demo_user", uid=new_uid(), email=email, name=name,
                             role=role, password_hash=password_hash,
                             session_token=secrets.token_urlsafe(16), now=now_iso())
        return [(email, role) for email, _, role in DEMO_USERS]

    def demo_users(self):
        return self.store.read("auth/list_demo_users")

    def change_password(self, user, current, new, address=None):
        """Sets a new password once `current` is right (throttled like a login). Ends the user's
        other sessions and revokes their API keys: whoever knew the old password may have made
        one. Returns (API keys revoked, None), or (None, LoginRefused)."""
        refusal = self.reauthenticate(user, current, address)
        if refusal is not None:
            return None, refusal
        token = secrets.token_urlsafe(16)
        rows = self.store.write("auth/set_user_password", uid=user.uid,
                                password_hash=generate_password_hash(new), session_token=token,
                                now=now_iso())
        user.session_token, user.demo = token, False  # this session goes on with the new token
        return (rows[0]["revoked"] if rows else 0), None

    def set_active(self, email, active):
        """Activates or deactivates an account; True if it exists. Ends its sessions either way;
        deactivating also revokes its API keys, so a later reactivation revives none."""
        return bool(self.store.write("auth/set_user_active", email=normalise_email(email),
                                     active=bool(active), session_token=secrets.token_urlsafe(16),
                                     now=now_iso()))

    def list_users(self):
        return self.store.read("auth/list_users")

    def set_role(self, uid, role):
        if role not in ROLES:
            raise ValueError(f"Unbekannte Rolle {role!r}")
        return bool(self.store.write("auth/set_user_role", uid=uid, role=role,
                                     session_token=secrets.token_urlsafe(16), now=now_iso()))

    # --- API tokens ---------------------------------------------------------------------
    # Keys are not sessions: logout keeps them (a nightly export must not stop because its
    # owner signed out); a password change and deactivation revoke them.
    def create_token(self, user, name):
        """A new API token for the user; returned once, only its hash is kept. The web form
        calls `reauthenticate` first: a borrowed session must not mint a lasting key."""
        token = "nw_" + secrets.token_urlsafe(32)
        self.store.write("auth/create_api_token", uid=new_uid(), user=user.uid,
                         hash=_token_hash(token), name=name.strip(), prefix=token[:7], now=now_iso())
        return token

    def tokens(self, user):
        return self.store.read("auth/list_api_tokens", user=user.uid)

    def revoke_token(self, user, uid):
        rows = self.store.write("auth/delete_api_token", uid=uid, user=user.uid)
        return bool(rows and rows[0]["revoked"])

    def user_for_token(self, token):
        if not token or not token.startswith("nw_"):
            return None
        # a read the cache keeps across registrations; the day of last use is written only
        # when it changes (once a day per token), so an API request costs no extra write
        digest = _token_hash(token)
        row = self.store.read_one("auth/get_api_token_user", hash=digest)
        if row is None:
            return None
        day = today()
        if row["last_used_at"] != day:
            self.store.write("auth/touch_api_token", hash=digest, today=day)
        return _user(row)

    def end_sessions(self, user):
        self.store.write("auth/rotate_session_token", uid=user.uid,
                         session_token=secrets.token_urlsafe(16))

    # --- sessions --------------------------------------------------------------------------
    def start_session(self, session):
        """Notes the sign-in time in a fresh session: the absolute lifetime counts from it."""
        session["login_at"] = session["seen_at"] = now_millis() // 1000

    def keep_session(self, session):
        """False when a signed-in session has passed the idle limit or its absolute lifetime
        (or lacks the sign-in time); otherwise notes this request as its latest activity."""
        now = now_millis() // 1000
        login_at, seen_at = session.get("login_at"), session.get("seen_at")
        if not login_at or not seen_at or now - login_at > self.absolute_seconds \
                or now - seen_at > self.idle_seconds:
            return False
        # noted when it moved by a tenth of the idle limit (at most a minute): the session cookie
        # is then re-signed and sent only now and then, not with every page
        if now - seen_at >= min(60, self.idle_seconds / 10):
            session["seen_at"] = now
        return True

    # --- login with throttling ---------------------------------------------------------
    # Throttling delays, it never locks, and an attacker can delay only what he shares:
    #  - per (account, address) pair: LOGIN_MAX_FAILURES free failures, then each one doubles
    #    the wait (1 s, 2 s, 4 s, ... up to the window). The guesser waits; the account's owner
    #    elsewhere does not.
    #  - per address over all accounts and per account over all addresses, much higher limits
    #    (password spraying, guessing from many addresses). The per-account wait stays short
    #    (at most a minute), and both skip the addresses the account signed in from lately,
    #    which an attacker cannot add without the password.
    # An attempt inside a wait is refused unchecked and not counted, so hammering does not
    # lengthen the wait; only failures count, a success clears its pair only.
    def _throttle_keys(self, email, address):
        # keyed hashes: the throttle stores neither e-mail addresses nor IP addresses
        def key(kind, value):
            digest = hmac.new(self.secret_key.encode(), f"{kind}:{value}".encode(), hashlib.sha256)
            return f"{kind}:{digest.hexdigest()[:32]}"
        email, address = normalise_email(email), address or "unknown"
        return {"pair": key("pair", f"{email} {address}"), "address": key("address", address),
                "account": key("account", email)}

    def account_key(self, email):
        """The keyed hash that names an account in the throttle and the security log, whether
        it exists or not (the log must not tell which e-mail addresses have accounts)."""
        return self._throttle_keys(email, None)["account"]

    def _wait_seconds(self, keys, known, now):
        """Seconds until the next attempt is checked, 0 if now."""
        window = self.window_seconds * 1000
        rows = self.store.read("auth/list_login_failures", keys=list(keys.values()), since=now - window)
        failures = {row["key"]: row["failures"] for row in rows}
        limits = [(keys["pair"], self.max_failures, window)]
        if not known:
            limits += [(keys["address"], self.address_max_failures, window),
                       (keys["account"], self.account_max_failures, self.account_max_delay_seconds * 1000)]
        wait = 0
        for key, free, longest in limits:
            times = failures.get(key) or []
            if len(times) >= free:
                delay = min(longest, 1000 * 2 ** min(len(times) - free, 30))
                wait = max(wait, max(times) + delay - now)
        return math.ceil(wait / 1000) if wait > 0 else 0

    def _check_password(self, email, password, address):
        """(row, None) when the password is right and the account active; else (None, LoginRefused)."""
        email = normalise_email(email)
        keys = self._throttle_keys(email, address)
        row = self.store.read_one("auth/get_login_by_email", email=email)
        now = now_millis()
        known = row is not None and keys["address"] in row["known_address_keys"]
        wait = self._wait_seconds(keys, known, now)
        if wait:
            return None, LoginRefused("throttled", wait)
        valid = check_password_hash(row["password_hash"] if row else _DUMMY_HASH, password or "")
        if not (row and valid and row["active"]):
            self.store.write("auth/record_login_failure", keys=list(keys.values()),
                             now=now, since=now - self.window_seconds * 1000)
            return None, LoginRefused("invalid")
        self.store.write("auth/clear_login_failures", key=keys["pair"])
        if not known:
            self.store.write("auth/remember_login_address", uid=row["uid"], key=keys["address"],
                             keep=KNOWN_ADDRESSES)
        return row, None

    def authenticate(self, email, password, address):
        """Returns (user, None) on success, or (None, LoginRefused)."""
        row, refusal = self._check_password(email, password, address)
        return (_user(row), None) if row else (None, refusal)

    def reauthenticate(self, user, password, address):
        """None when `password` is the signed-in user's own, else LoginRefused: before changing
        the password or creating an API key. Counted and throttled like a login."""
        return self._check_password(user.email, password, address)[1]
