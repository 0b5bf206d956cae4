"""Consent records of the network's people, shown and kept on the person's page (coordinators)."""
from .views import bp  # noqa: F401
