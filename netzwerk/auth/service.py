"""Accounts: password checks, login throttling, sessions that really end."""
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from ..clock import now_iso, now_millis, today
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


class Accounts:
    def __init__(self, store, *, secret_key, max_failures=5, window_seconds=900):
        self.store = store
        self.secret_key = secret_key
        self.max_failures = max_failures
        self.window_seconds = window_seconds

    # --- users ------------------------------------------------------------------------
    def load_session_user(self, session_id):
        """The user of a session cookie id "uid:token", or None when it is void."""
        uid, _, token = (session_id or "").partition(":")
        row = self.store.read_one("auth/get_user_by_uid", uid=uid)
        if row is None or not token or not hmac.compare_digest(row["session_token"] or "", token):
            return None
        return _user(row)

    def create_user(self, email, name, role, password, created_by="cli"):
        if role not in ROLES:
            raise ValueError(f"Unbekannte Rolle {role!r}; erlaubt: {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein.")
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

    def change_password(self, user, current, new):
        """Returns the user with a new session token, or None if `current` is wrong."""
        row = self.store.read_one("auth/get_login_by_email", email=user.email)
        if row is None or not check_password_hash(row["password_hash"], current):
            return None
        token = secrets.token_urlsafe(16)
        self.store.write("auth/set_user_password", uid=user.uid,
                         password_hash=generate_password_hash(new), session_token=token,
                         now=now_iso())
        user.session_token, user.demo = token, False
        return user

    def set_active(self, email, active):
        """Activates or deactivates an account; True if it exists. Ends its sessions either way."""
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
    def create_token(self, user, name):
        """A new API token for the user; returned once, only its hash is kept."""
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
        rows = self.store.write("auth/use_api_token", hash=_token_hash(token),
                                today=today())
        return _user(rows[0]) if rows else None

    def end_sessions(self, user):
        self.store.write("auth/rotate_session_token", uid=user.uid,
                         session_token=secrets.token_urlsafe(16))

    # --- login with throttling ---------------------------------------------------------
    def _throttle_keys(self, email, address):
        # keyed hashes: the throttle stores neither e-mail addresses nor IP addresses
        def key(kind, value):
            digest = hmac.new(self.secret_key.encode(), f"{kind}:{value}".encode(), hashlib.sha256)
            return f"{kind}:{digest.hexdigest()[:32]}"
        return key("account", normalise_email(email)), key("address", address or "unknown")

    def is_throttled(self, email, address):
        since = now_millis() - self.window_seconds * 1000
        rows = self.store.read("auth/count_login_failures",
                               keys=list(self._throttle_keys(email, address)), since=since)
        return any(row["failures"] >= self.max_failures for row in rows)

    def authenticate(self, email, password, address):
        """Returns (user, None) on success, or (None, reason) with reason "throttled" or "invalid"."""
        if self.is_throttled(email, address):
            return None, "throttled"
        row = self.store.read_one("auth/get_login_by_email", email=normalise_email(email))
        valid = check_password_hash(row["password_hash"] if row else _DUMMY_HASH, password or "")
        account_key, address_key = self._throttle_keys(email, address)
        if not (row and valid and row["active"]):
            now = now_millis()
            self.store.write("auth/record_login_failure", keys=[account_key, address_key],
                             now=now, since=now - self.window_seconds * 1000)
            return None, "invalid"
        self.store.write("auth/clear_login_failures", key=account_key)
        return _user(row), None
