"""Demo users, one per role. The password is printed by `accord demo --list-users`."""

from django.contrib.auth import get_user_model
from django.db import transaction

from accord.accounts.roles import ADMIN, ROLES
from accord.accounts.users import FLAGS, create_user, faculties, set_access

DEMO_PASSWORD = "accord-demo"
# username, role (or a flag such as "teacher"), full name, faculty
USERS = [
    ("admin", "admin", "Ada Admin", None),
    ("staff", "staff", "Sam Staff", None),
    ("coordinator", "coordinator", "Cora Coordinator", "School of Aerospace Engineering"),
    ("viewer", "viewer", "Victor Viewer", None),
]


@transaction.atomic
def create_demo_users(users) -> dict:
    """Each (username, role or flag, full name, faculty) login once, through the accounts service
    (accord.accounts.users) with DEMO_PASSWORD; a second run only puts its access back as listed."""
    User = get_user_model()
    for username, role, full_name, faculty in users:
        first, last = full_name.split(" ", 1)
        unit = faculties().get(name=faculty) if faculty else None
        access = {"role": role if role in ROLES else "", "faculty": unit,
                  "flags": (role,) if role in FLAGS else ()}
        user = User.objects.filter(username=username).first()
        if user is None:
            user = create_user(username, email=f"{username}@accord.local", first_name=first, last_name=last,
                               password=DEMO_PASSWORD, **access)
        else:
            set_access(user, **access)
        if role == ADMIN and not user.is_superuser:  # the demo's administrator may use Django's admin site too
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
    return {"users": len(users)}


def load() -> dict:
    return create_demo_users(USERS)


# Demo users other apps create in their own demo step (username, role, full name, faculty).
EXTRA_USERS: list[tuple] = []


def register_users(users) -> None:
    """Let `accord demo --list-users` show another app's demo logins too."""
    EXTRA_USERS.extend(u for u in users if u not in EXTRA_USERS)


def describe() -> list[str]:
    return [f"  {username:<12} {DEMO_PASSWORD}   ({role})" for username, role, _, _ in USERS + EXTRA_USERS]
