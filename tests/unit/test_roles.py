"""The access matrix: who may do what."""
import pytest

from netzwerk.auth.roles import PERMISSIONS, ROLES, role_can


def test_admin_holds_every_permission():
    assert all(role_can("admin", p) for p in PERMISSIONS)


@pytest.mark.parametrize("role, permission, allowed", [
    ("member", "register.read", True),
    ("member", "register.edit", False),
    ("member", "contacts.read", False),
    ("coordinator", "register.edit", True),
    ("coordinator", "contacts.read", True),
    ("coordinator", "users.manage", False),
    ("organiser", "events.manage", True),
    ("organiser", "register.edit", False),
])
def test_role_rules(role, permission, allowed):
    assert role_can(role, permission) is allowed


def test_unknown_permission_is_a_programming_error():
    with pytest.raises(KeyError):
        role_can("admin", "register.delete_everything")


def test_every_role_has_a_german_label():
    assert set(ROLES) == {"admin", "coordinator", "organiser", "member"}
