from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accord.mobility.models import Mobility, Person, Program, academic_year_of


@pytest.fixture
def student(db):
    return Person.objects.create(name="Zhang Wei", kind="student")


@pytest.mark.django_db
def test_a_mobility_that_ends_before_it_starts_is_refused(student):
    stay = Mobility(person=student, direction="outgoing", kind="exchange_student",
                    start_date=date(2024, 9, 1), end_date=date(2024, 8, 1))
    with pytest.raises(ValidationError) as error:
        stay.full_clean()
    assert "end_date" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        stay.save()


@pytest.mark.django_db
def test_a_program_that_ends_before_it_starts_is_refused():
    program = Program(name="Summer school", kind="summer_school", start_date=date(2024, 7, 1), end_date=date(2024, 6, 1))
    with pytest.raises(ValidationError):
        program.full_clean()


@pytest.mark.parametrize("day, year", [(date(2024, 9, 1), 2024), (date(2025, 8, 31), 2024), (date(2024, 3, 1), 2023)])
def test_a_date_falls_in_the_academic_year_that_starts_in_september(day, year):
    assert academic_year_of(day) == year


@pytest.mark.django_db
def test_the_academic_year_is_filled_from_the_start_date_when_left_empty(student):
    stay = Mobility.objects.create(person=student, direction="outgoing", kind="io_internship", start_date=date(2022, 6, 1))
    assert stay.academic_year == 2021 and stay.academic_year_label == "2021–2022"


@pytest.mark.django_db
def test_a_program_began_on_its_start_date_or_else_in_the_year_it_was_established():
    assert Program(name="a", start_date=date(2017, 9, 13), established=2016).began == date(2017, 9, 13)
    assert Program(name="b", established=2021).began == date(2021, 1, 1)
    assert Program(name="c").began is None
