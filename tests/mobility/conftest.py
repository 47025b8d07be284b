import pytest

from accord.registry.models import Country, Institution, Kind


@pytest.fixture
def other_faculty(home):
    return Institution.objects.create(
        name="School of Mechanical Engineering", kind=Kind.FACULTY, parent=home, country=home.country
    )


@pytest.fixture
def partner(db):
    return Institution.objects.create(
        name="Bauman Moscow State Technical University", country=Country.objects.get(code="RU"), city="Moscow"
    )
