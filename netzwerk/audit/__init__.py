"""The audit log of access to personal data, and its admin page (/verwaltung/protokoll)."""
from .views import bp  # noqa: F401
