"""One definition of "the home university's units": a partner university's faculty is never one of them."""

import pytest

from accord.activities.filters import ActivityFilter
from accord.activities.forms import ActivityForm
from accord.agreements.filters import AgreementFilter
from accord.agreements.forms import AgreementForm
from accord.insights.filters import home_units as insights_units
from accord.mobility.filters import MobilityFilter
from accord.mobility.forms import MobilityForm
from accord.records.tableimport import get_import
from accord.registry.models import Country, Institution, Kind


@pytest.fixture
def robotics(db):
    partner = Institution.objects.create(name="Universidad de Chile", country=Country.objects.get(code="CL"))
    return Institution.objects.create(name="Faculty of Robotics", kind=Kind.FACULTY, parent=partner)


@pytest.fixture
def loose_unit(home):
    """A unit of the home university whose kind was left at the default."""
    return Institution.objects.create(name="School of Optics and Photonics", kind=Kind.RESEARCH, parent=home)


def _choices(queryset):
    return set(queryset.values_list("name", flat=True))


def test_the_home_units_are_the_children_of_the_home_university(faculty, robotics, loose_unit):
    assert _choices(Institution.objects.home_units()) == {faculty.name, loose_unit.name}


@pytest.mark.parametrize("where", [
    "agreement form", "activity form", "mobility form", "agreement filter", "activity filter", "mobility filter",
    "insights filter",
])
def test_a_partner_universitys_faculty_never_appears_among_the_home_faculties(where, faculty, robotics, loose_unit, sam):
    queryset = {
        "agreement form": lambda: AgreementForm().fields["faculty"].queryset,
        "activity form": lambda: ActivityForm(user=sam).fields["faculty"].queryset,
        "mobility form": lambda: MobilityForm(user=sam).fields["faculty"].queryset,
        "agreement filter": lambda: AgreementFilter().filters["faculty"].queryset,
        "activity filter": lambda: ActivityFilter().filters["faculty"].queryset,
        "mobility filter": lambda: MobilityFilter().filters["faculty"].queryset,
        "insights filter": lambda: insights_units(),
    }[where]()
    if callable(queryset):
        queryset = queryset(None)
    names = _choices(queryset)
    assert robotics.name not in names
    assert {faculty.name, loose_unit.name} <= names


@pytest.mark.parametrize("name", ["agreements", "activities", "mobility"])
def test_an_import_refuses_a_partner_universitys_faculty_as_the_owning_faculty(name, faculty, robotics):
    field = get_import(name).form_class.base_fields["faculty"]
    units = field.queryset() if callable(field.queryset) else field.queryset
    assert robotics.pk not in set(units.values_list("pk", flat=True))
    assert faculty.pk in set(units.values_list("pk", flat=True))
