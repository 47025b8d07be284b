"""Demo users, one per role. The password is printed by `accord demo --list-users`."""

from django.contrib.auth.models import Group, User
from django.db import transaction

from accord.accounts.models import Profile
from accord.registry.models import Institution

DEMO_PASSWORD = "accord-demo"
# username, role, full name, faculty
USERS = [
    ("admin", "admin", "Ada Admin", None),
    ("staff", "staff", "Sam Staff", None),
    ("coordinator", "coordinator", "Cora Coordinator", "School of Aerospace Engineering"),
    ("viewer", "viewer", "Victor Viewer", None),
]


@transaction.atomic
def load() -> dict:
    for username, role, full_name, faculty in USERS:
        first, last = full_name.split(" ", 1)
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@accord.local"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
        user.is_staff = role == "admin"
        user.is_superuser = role == "admin"
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        unit = Institution.objects.get(name=faculty) if faculty else None
        Profile.objects.update_or_create(user=user, defaults={"faculty": unit})
    return {"users": len(USERS)}


# Demo users other apps create in their own demo step (username, role, full name, faculty).
EXTRA_USERS: list[tuple] = []


def register_users(users) -> None:
    """Let `accord demo --list-users` show another app's demo logins too."""
    EXTRA_USERS.extend(u for u in users if u not in EXTRA_USERS)


def describe() -> list[str]:
    return [f"  {username:<12} {DEMO_PASSWORD}   ({role})" for username, role, _, _ in USERS + EXTRA_USERS]
