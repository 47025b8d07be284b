"""Why `can()` said no, in words the user can act on: a coordinator refused on another faculty's
record is told which faculty owns it."""

from django.utils.translation import gettext as _

from accord.accounts.roles import ACTIONS, COORDINATOR, FACULTY_SCOPED, GROUP_ACTIONS, ROLE_LABELS, faculty_of, role_of


def owning_faculty(obj):
    """The faculty a record belongs to (an institution that is a unit belongs to its parent's unit: itself)."""
    if obj is None:
        return None
    if hasattr(obj, "faculty_id"):
        return obj.faculty
    return obj if getattr(obj, "is_home_unit", False) else None


def refusal(user, action: str, obj=None) -> str:
    role = role_of(user)
    if role == COORDINATOR and action in FACULTY_SCOPED and obj is not None:
        mine, owner = faculty_of(user), owning_faculty(obj)
        if owner is None:
            return _("“%(record)s” belongs to no faculty: only the international office may change it. "
                     "You coordinate %(mine)s.") % {"record": obj, "mine": mine or _("no faculty")}
        return _("“%(record)s” belongs to %(owner)s; you coordinate %(mine)s. Ask %(owner)s’s coordinator "
                 "or the international office to change it.") % {"record": obj, "owner": owner,
                                                                   "mine": mine or _("no faculty")}
    needed = [str(ROLE_LABELS[ACTIONS[action]])] if action in ACTIONS else []
    needed += [str(ROLE_LABELS.get(group, group.title())) for group, actions in GROUP_ACTIONS.items() if action in actions]
    return _("Your role (%(role)s) does not allow this; it needs %(needed)s.") % {
        "role": ROLE_LABELS.get(role, _("none")), "needed": _(" or ").join(needed) or _("another role")}
