"""Network views: the whole network with filters, and the ego view of any entry (/netzwerk)."""
from .views import bp  # noqa: F401
