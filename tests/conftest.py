"""Personas shared by every test: one per role, plus an outsider with no role.

- Ada, the office administrator (admin)
- Sam, international-office staff (staff)
- Cora, the coordinator of the School of Aerospace Engineering (coordinator)
- Victor, a leader who only looks (viewer)
- Oscar, who has an account but no role (outsider)
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from accord.accounts.models import Profile
from accord.registry.models import Country, Institution, Kind

SHARED = Path(os.environ.get("ACCORD_SHARED") or Path(__file__).resolve().parents[2] / "shared")
PASSWORD = "correct horse battery staple"


def shared_file(*parts) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"shared file {path} is missing: tests read ../shared beside the project")
    return path


def make_user(username, role=None, *, faculty=None):
    user = User.objects.create_user(username, f"{username}@accord.test", PASSWORD, first_name=username.title())
    if role:
        user.groups.add(Group.objects.get(name=role))
    Profile.objects.create(user=user, faculty=faculty)
    return user


def ensure_reference_data():
    """Countries and role groups come from data migrations; a transactional test (browser tests)
    truncates every table when it ends, so the next one puts them back first."""
    from accord.registry.services.countries import sync_countries

    if not Country.objects.exists():
        sync_countries(Country)
    for role in ("viewer", "coordinator", "staff", "admin", "teacher"):
        Group.objects.get_or_create(name=role)


@pytest.fixture(autouse=True)
def site_language_between_tests():
    """A request in Chinese leaves Chinese active in the thread (LocaleMiddleware activates and never
    deactivates): every test starts in the site's language, whatever ran before it."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def reference_data(request):
    """Every test that uses the database starts with the countries and role groups in place."""
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(names)
    )
    if not (marker or "db" in names or transactional):
        return
    request.getfixturevalue("transactional_db" if transactional else "db")
    ensure_reference_data()


@pytest.fixture
def home(db):
    return Institution.objects.create(
        name="Beijing Institute of Technology",
        local_name="北京理工大学",
        local_language="zh",
        country=Country.objects.get(code="CN"),
        city="Beijing",
        is_home=True,
    )


@pytest.fixture
def faculty(home):
    return Institution.objects.create(
        name="School of Aerospace Engineering", kind=Kind.FACULTY, parent=home, country=home.country, city="Beijing"
    )


@pytest.fixture
def ada(db):
    return make_user("ada", "admin")


@pytest.fixture
def sam(db):
    return make_user("sam", "staff")


@pytest.fixture
def cora(faculty):
    return make_user("cora", "coordinator", faculty=faculty)


@pytest.fixture
def victor(db):
    return make_user("victor", "viewer")


@pytest.fixture
def oscar(db):
    return make_user("oscar")


@pytest.fixture
def client_for(client):
    """client_for(user) logs the test client in as that persona."""

    def login(user):
        client.force_login(user)
        return client

    return login
