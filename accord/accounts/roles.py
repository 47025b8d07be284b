"""Roles and the one permission layer that web views (and later the API) consult.

A role is a Django group. Roles are ordered: each one can do what the ones before it can.
An action needs a minimum role; a few actions also look at the object (a coordinator may
change what belongs to their faculty).
"""

from dataclasses import dataclass

VIEWER, COORDINATOR, STAFF, ADMIN = "viewer", "coordinator", "staff", "admin"
ROLES = (VIEWER, COORDINATOR, STAFF, ADMIN)
ROLE_LABELS = {VIEWER: "Viewer", COORDINATOR: "Faculty coordinator", STAFF: "Office staff", ADMIN: "Administrator"}

# action -> the least role that may do it
ACTIONS = {
    "registry.view": VIEWER,
    "registry.add": COORDINATOR,
    "registry.change": STAFF,
    "registry.delete": ADMIN,
    "registry.merge": STAFF,
    "registry.import": STAFF,
    "registry.export": VIEWER,
    "accounts.manage": ADMIN,
}


def role_of(user) -> str | None:
    """The highest role a user holds, or None for anonymous users and users without a role."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_superuser:
        return ADMIN
    names = getattr(user, "_accord_group_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._accord_group_names = names
    for role in reversed(ROLES):
        if role in names:
            return role
    return None


def has_role(user, minimum: str) -> bool:
    role = role_of(user)
    return role is not None and ROLES.index(role) >= ROLES.index(minimum)


@dataclass(frozen=True)
class Denied:
    action: str
    reason: str


def faculty_of(user):
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    return profile.faculty if profile else None


def can(user, action: str, obj=None) -> bool:
    """May `user` do `action` (on `obj`)? The single answer used by every view."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}")
    if has_role(user, ACTIONS[action]):
        return True
    if action == "registry.change" and obj is not None and role_of(user) == COORDINATOR:
        faculty = faculty_of(user)
        return faculty is not None and (obj.pk == faculty.pk or obj.parent_id == faculty.pk)
    return False
