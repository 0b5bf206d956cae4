"""Backup and restore of the whole graph (netzwerk backup / netzwerk restore)."""
