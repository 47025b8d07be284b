from accord.accounts.roles import ACTIONS, ROLE_LABELS, TEACHER, can, group_names, role_of


class _Permissions:
    """Template access: {% if perms_accord.registry_change %} asks can(user, "registry.change")."""

    def __init__(self, user):
        self._user = user

    def __getattr__(self, name):
        action = name.replace("_", ".", 1)
        if action not in ACTIONS:
            raise AttributeError(name)
        return can(self._user, action)


def roles(request):
    user = getattr(request, "user", None)
    role = role_of(user) if user is not None else None
    label = ROLE_LABELS.get(role, "")
    if role is None and user is not None and user.is_authenticated and TEACHER in group_names(user):
        label = ROLE_LABELS[TEACHER]
    return {
        "accord_role": role,
        "accord_role_label": label,
        "perms_accord": _Permissions(user),
    }
