"""Flask's signed-cookie session, with its signing serializer built once instead of per request.

Flask builds a URLSafeTimedSerializer for every request (to open the session) and again to save
it, and building one serialises `{}` to learn whether the serializer writes text: about 5 % of
an API request's CPU in the registration bench. The serializer holds only the keys and settings,
so one per key set serves every thread; a changed key set (SECRET_KEY, SECRET_KEY_FALLBACKS)
builds a new one.
"""
from flask.sessions import SecureCookieSessionInterface


class CookieSessionInterface(SecureCookieSessionInterface):
    def __init__(self):
        self._kept = (None, None)  # (keys, serializer), replaced as one tuple: no lock needed

    def get_signing_serializer(self, app):
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        kept_keys, serializer = self._kept
        if kept_keys != keys:
            serializer = super().get_signing_serializer(app)
            self._kept = (keys, serializer)
        return serializer
