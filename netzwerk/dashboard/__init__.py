"""The manager's dashboard: key figures with their trend by month, recomputed from the graph."""
from .views import bp  # noqa: F401
