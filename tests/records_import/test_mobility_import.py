"""Mobility from a table: people matched by name and nationality or created, institutions resolved."""

import pytest

from accord.records.tableimport import get_import
from accord.mobility.models import Mobility, Person, Program
from accord.registry.importers.base import ImportFailed
from accord.registry.models import Country

HEADER = ["direction", "kind", "person", "nationality", "home_institution", "host_institution", "program",
          "start_date", "end_date", "academic_year", "level", "scholarship"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["mobility.csv", "mobility.xlsx"])
def test_people_are_matched_by_name_and_nationality_or_created_once(table_file, partners, home, sam, name):
    known = Person.objects.create(name="Somchai Wongsa", nationality=Country.objects.get(code="TH"), kind="student")
    Program.objects.create(name="BIT-BMSTU Joint School", kind="joint_school")
    path = table_file(name, HEADER, [
        ["incoming", "Degree student", "Somchai Wongsa", "TH", "", "", "", "2024-09-01", "", "", "master",
         "Chinese Government Scholarship"],
        ["incoming", "exchange_student", "Ivan Petrov", "Russian Federation", "Bauman Moscow State Technical University", "",
         "BIT-BMSTU Joint School", "", "", "2024–2025", "bachelor", ""],
        ["outgoing", "io_internship", "Ivan Petrov", "RU", "", "Hanyang University", "", "", "", "2025", "", ""],
    ])
    assert get_import("mobility").commit(path, sam) == 3
    somchai = Mobility.objects.get(person=known)
    assert (somchai.host_institution, somchai.level, somchai.academic_year) == (home, "master", 2024)
    assert somchai.scholarship == "Chinese Government Scholarship"
    ivan = Person.objects.get(name="Ivan Petrov")
    assert (ivan.nationality_id, ivan.kind) == ("RU", "student")
    incoming, outgoing = ivan.mobilities.order_by("academic_year")
    assert (incoming.home_institution, incoming.host_institution) == (partners["bauman"], home)
    assert incoming.program.name == "BIT-BMSTU Joint School"
    assert (outgoing.home_institution, outgoing.host_institution, outgoing.kind) == (home, partners["hanyang"], "io_internship")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "column, value, message",
    [
        ("home_institution", "Univ of Nowhere", "no registry institution matches 'Univ of Nowhere'"),
        ("end_date", "2024-02-30", "expected a date like 2024-05-31"),
        ("kind", "tourist", "unknown value 'tourist'"),
        ("direction", "sideways", "unknown value 'sideways'"),
        ("academic_year", "next year", "academic year"),
        ("program", "No Such School", "no program is called"),
    ],
)
def test_a_bad_row_is_reported_and_nobody_is_created(table_file, partners, sam, column, value, message):
    good = ["incoming", "exchange_student", "Ivan Petrov", "RU", "Bauman Moscow State Technical University", "", "",
            "2024-09-01", "", "", "", ""]
    bad = list(good)
    bad[HEADER.index(column)] = value
    path = table_file("mobility.csv", HEADER, [good, bad])
    [error] = get_import("mobility").validate(path).errors
    assert (error.where, error.field) == ("line 3", column) and message in error.message
    before = (Mobility.objects.count(), Person.objects.count())
    with pytest.raises(ImportFailed):
        get_import("mobility").commit(path, sam)
    assert (Mobility.objects.count(), Person.objects.count()) == before
