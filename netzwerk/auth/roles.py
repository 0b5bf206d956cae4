"""Roles and what each may do: the access matrix, in one place."""
ROLES = {
    "admin": "Administration",
    "coordinator": "Koordination",
    "organiser": "Veranstaltungsorganisation",
    "member": "Mitglied",
}

# permission -> roles that hold it; admin holds every permission
PERMISSIONS = {
    "register.read": {"coordinator", "organiser", "member"},
    "register.edit": {"coordinator"},
    "contacts.read": {"coordinator"},
    "events.manage": {"organiser", "coordinator"},
    # every event's participants, and who organises which event; organisers without it see
    # only the events they are linked to, (User)-[:ORGANISES]->(Event)
    "events.all": {"coordinator"},
    "users.manage": set(),
    "vocabularies.read": {"coordinator"},
    "vocabularies.manage": set(),  # adding, renaming and removing terms: admins only
    "dashboard.read": {"coordinator"},  # the manager's key figures (/kennzahlen)
    "audit.read": set(),  # the audit log of access to personal data (/verwaltung/protokoll): admins only
    "privacy.manage": set(),  # access and erasure requests (DSGVO Art. 15, 17): admins only
}


def role_can(role, permission):
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    return role == "admin" or role in PERMISSIONS[permission]
