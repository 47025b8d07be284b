"""Roles and the one permission layer that web views (and later the API) consult.

A role is a Django group. Roles are ordered: each one can do what the ones before it can.
An action needs a minimum role; a few actions also look at the object (a coordinator may
change what belongs to their faculty).
"""


from django.contrib.auth import get_user_model
from django.db import connection
from django.utils.translation import gettext_lazy as _

VIEWER, COORDINATOR, STAFF, ADMIN = "viewer", "coordinator", "staff", "admin"
ROLES = (VIEWER, COORDINATOR, STAFF, ADMIN)
ROLE_LABELS = {
    VIEWER: _("Viewer"),
    COORDINATOR: _("Faculty coordinator"),
    STAFF: _("Office staff"),
    ADMIN: _("Administrator"),
    "teacher": _("Teacher"),
    "mentor": _("Mentor"),
}

# action -> the least role that may do it
ACTIONS = {
    "registry.view": VIEWER,
    "registry.add": COORDINATOR,
    "registry.change": STAFF,
    "registry.delete": ADMIN,
    "registry.merge": STAFF,
    "registry.import": STAFF,
    "registry.export": VIEWER,
    # cooperation records: agreements, activities, people, mobility, programs
    "records.view": VIEWER,
    "records.add": COORDINATOR,
    "records.change": STAFF,
    "records.delete": ADMIN,
    "records.import": STAFF,
    "records.export": VIEWER,
    "people.contacts": STAFF,
    # newsroom: articles and the records proposed from them
    "newsroom.view": VIEWER,
    "newsroom.ingest": STAFF,
    "newsroom.review": STAFF,
    "insights.view": VIEWER,
    "insights.report": VIEWER,
    "accounts.manage": ADMIN,
    "jobs.view_all": STAFF,  # background jobs others (or the schedule) started
    # the guidance center: calls, applications, consultations (teachers also: see GROUP_ACTIONS)
    "guidance.browse": VIEWER,
    "guidance.apply": STAFF,
    "guidance.manage": STAFF,
}

# Groups outside the role order that grant a few actions: a teacher applies for calls but does not
# see the office's records.
TEACHER = "teacher"
MENTOR = "mentor"  # may be chosen as the mentor of an application
GROUP_ACTIONS = {TEACHER: {"guidance.browse", "guidance.apply"}, MENTOR: {"guidance.browse"}}

# Actions a coordinator may also do on what belongs to their faculty.
FACULTY_SCOPED = {"registry.change", "records.change"}


def role_of(user) -> str | None:
    """The highest role a user holds, or None for anonymous users and users without a role."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_superuser:
        return ADMIN
    names = group_names(user)
    for role in reversed(ROLES):
        if role in names:
            return role
    return None


def group_names(user) -> set[str]:
    """The names of an authenticated, active user's groups, read once per user object: a request
    loads its user afresh, so a role change applies from the next request and never leaks between users."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    names = getattr(user, "_accord_group_names", None)
    if names is None:
        with connection.cursor() as cursor:
            cursor.execute(_groups_sql(), [user.pk])
            names = {name for (name,) in cursor.fetchall()}
        user._accord_group_names = names
    return names


_GROUPS_SQL = {}


def _groups_sql() -> str:
    """The names of a user's groups in plain SQL (every page and API call asks; the ORM query costs ~0.4 ms)."""
    if connection.vendor not in _GROUPS_SQL:
        q = connection.ops.quote_name
        groups = get_user_model()._meta.get_field("groups")
        through, group = groups.remote_field.through._meta, groups.related_model._meta
        user_column = next(f.column for f in through.fields if f.is_relation and f.related_model is get_user_model())
        group_column = next(f.column for f in through.fields if f.is_relation and f.related_model._meta is group)
        _GROUPS_SQL[connection.vendor] = (
            f"SELECT g.{q(group.get_field('name').column)} FROM {q(group.db_table)} g "
            f"INNER JOIN {q(through.db_table)} m ON m.{q(group_column)} = g.{q(group.pk.column)} "
            f"WHERE m.{q(user_column)} = %s"
        )
    return _GROUPS_SQL[connection.vendor]


def has_role(user, minimum: str) -> bool:
    role = role_of(user)
    return role is not None and ROLES.index(role) >= ROLES.index(minimum)


def faculty_of(user):
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    return profile.faculty if profile else None


def belongs_to_faculty(obj, faculty) -> bool:
    """A record belongs to a faculty when its `faculty` is that faculty; an institution belongs to
    it when it is the faculty itself or one of its units."""
    if obj is None or faculty is None:
        return False
    if hasattr(obj, "faculty_id"):
        return obj.faculty_id == faculty.pk
    return obj.pk == faculty.pk or getattr(obj, "parent_id", None) == faculty.pk


def can(user, action: str, obj=None) -> bool:
    """May `user` do `action` (on `obj`)? The single answer used by every view."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}")
    if has_role(user, ACTIONS[action]):
        return True
    if action in FACULTY_SCOPED and role_of(user) == COORDINATOR:
        return belongs_to_faculty(obj, faculty_of(user))
    return any(action in GROUP_ACTIONS.get(name, ()) for name in group_names(user))
