"""international_students() against figures computed by hand for a small fixture.

Year 2024 is the academic year 1 September 2024 – 31 August 2025.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.mobility.models import Mobility, Person, StudentCohort
from accord.mobility.services import international_students
from accord.registry.models import Country


def person(name, code=None):
    return Person.objects.create(name=name, kind="student", nationality=Country.objects.get(code=code) if code else None)


def stay(who, kind, start, end=None, direction="incoming", **extra):
    return Mobility.objects.create(person=who, direction=direction, kind=kind, start_date=start, end_date=end, **extra)


def cohort(year, code, count, kind="international"):
    nationality = Country.objects.get(code=code) if code else None
    return StudentCohort.objects.create(kind=kind, academic_year=year, nationality=nationality, count=count)


@pytest.fixture
def students(db):
    somchai = person("Somchai", "TH")
    stay(somchai, "degree_student", date(2023, 9, 1))  # still enrolled
    stay(somchai, "exchange_student", date(2024, 9, 1), date(2025, 1, 31))  # the same person: counted once
    stay(person("Achieng", "KE"), "exchange_student", date(2024, 9, 1), date(2025, 1, 31))
    stay(person("Thabo", "ZA"), "degree_student", date(2020, 9, 1), date(2024, 6, 30))  # graduated before 2024
    stay(person("Anna", "PL"), "visiting_scholar", date(2024, 10, 1))  # not a student
    stay(person("Marta", "PL"), "exchange_student", date(2024, 9, 1), direction="outgoing")  # going abroad
    Mobility.objects.create(person=person("Unnamed"), direction="incoming", kind="degree_student", academic_year=2024)
    cohort(2024, "TH", 10)
    cohort(2024, "KE", 5)
    cohort(2024, "PL", 3)
    cohort(2023, "KE", 7)
    cohort(2024, None, 800, kind="intake")  # a program's intake, not international students


def table(rows):
    return [(r.key, r.label, r.count) for r in rows]


@pytest.mark.django_db
def test_one_academic_year_counts_students_enrolled_that_year_and_that_year_s_cohorts(students):
    figures = international_students(2024)
    assert (figures.total, figures.recorded, figures.from_cohorts) == (21, 3, 18)
    assert table(figures.by_nationality) == [
        ("TH", "Thailand", 11), ("KE", "Kenya", 6), ("PL", "Poland", 3), ("", "Unknown", 1)
    ]
    assert table(figures.by_continent) == [("AS", "Asia", 11), ("AF", "Africa", 6), ("EU", "Europe", 3), ("", "Unknown", 1)]
    assert table(figures.by_subregion) == [
        ("South-eastern Asia", "South-eastern Asia", 11),
        ("Sub-Saharan Africa", "Sub-Saharan Africa", 6),
        ("Eastern Europe", "Eastern Europe", 3),
        ("", "Unknown", 1),
    ]
    assert [(r.label, r.count) for r in figures.by_region] == [
        ("South-eastern Asia", 11), ("Eastern Africa", 6), ("Eastern Europe", 3), ("Unknown", 1)
    ]


@pytest.mark.django_db
def test_without_a_year_every_record_and_cohort_on_file_counts(students):
    figures = international_students()
    assert (figures.total, figures.recorded, figures.from_cohorts) == (29, 4, 25)
    assert table(figures.by_nationality) == [
        ("KE", "Kenya", 13), ("TH", "Thailand", 11), ("PL", "Poland", 3), ("ZA", "South Africa", 1), ("", "Unknown", 1)
    ]
    assert table(figures.by_continent) == [("AF", "Africa", 14), ("AS", "Asia", 11), ("EU", "Europe", 3), ("", "Unknown", 1)]
    assert [(r.label, r.count) for r in figures.by_region] == [
        ("Eastern Africa", 13), ("South-eastern Asia", 11), ("Eastern Europe", 3), ("Southern Africa", 1), ("Unknown", 1)
    ]


@pytest.mark.django_db
def test_the_counts_come_from_a_fixed_number_of_aggregate_queries(students):
    with CaptureQueriesContext(connection) as few:
        international_students(2024)
    for n in range(30):
        stay(person(f"Student {n}", "VN"), "degree_student", date(2024, 9, 1))
        cohort(2024, "ID", n + 1)
    with CaptureQueriesContext(connection) as many:
        figures = international_students(2024)
    assert len(many) == len(few)
    assert figures.total == 21 + 30 + sum(range(1, 31))


@pytest.mark.django_db
def test_the_page_shows_the_counts_by_nationality_continent_and_region(client_for, victor, students):
    page = client_for(victor).get(reverse("mobility:international-students"), {"year": "2024"}).content.decode()
    for text in ("Thailand", "Eastern Africa", "South-eastern Asia", "Africa", "2024–2025"):
        assert text in page
    assert 'class="total">21<' in page
