"""Activities from a table: kind, dates, place, and partners with their roles."""

from datetime import date

import pytest

from accord.records.tableimport import get_import
from accord.activities.models import Activity, ActivityParty
from accord.registry.importers.base import ImportFailed

HEADER = ["title", "kind", "start_date", "end_date", "city", "country", "parties", "participants", "universities"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["activities.csv", "activities.xlsx"])
def test_activities_are_created_with_their_place_counts_and_parties(table_file, partners, home, sam, name):
    path = table_file(name, HEADER, [
        ["Hanyang delegation visits BIT", "Inbound delegation", "2024-06-03", "2024-06-04", "Beijing", "KR",
         "Hanyang University (guest); Beijing Institute of Technology (host)", "12", ""],
        ["Design award ceremony", "competition", "2023-11-20", "", "Beijing", "China", "", "", "159"],
    ])
    assert get_import("activities").commit(path, sam) == 2
    visit = Activity.objects.get(title="Hanyang delegation visits BIT")
    assert (visit.kind, visit.start_date, visit.end_date) == ("inbound_delegation", date(2024, 6, 3), date(2024, 6, 4))
    assert (visit.city, visit.country_id, visit.participant_count) == ("Beijing", "KR", 12)
    assert {(p.institution, p.role) for p in visit.parties.all()} == {(partners["hanyang"], "guest"), (home, "host")}
    award = Activity.objects.get(title="Design award ceremony")
    assert (award.country_id, award.university_count, award.parties.count()) == ("CN", 159, 0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "column, value, message",
    [
        ("parties", "Hanyang University (guest); Univ of Nowhere", "no registry institution matches 'Univ of Nowhere'"),
        ("start_date", "03/06/2024", "expected a date like 2024-05-31"),
        ("kind", "party", "unknown value 'party'"),
        ("country", "Atlantis", "unknown country 'Atlantis'"),
        ("participants", "many", "whole number"),
    ],
)
def test_a_bad_row_stops_the_whole_file(table_file, partners, sam, column, value, message):
    good = ["Forum", "forum", "2024-06-03", "", "Beijing", "CN", "Hanyang University", "", ""]
    bad = list(good)
    bad[HEADER.index(column)] = value
    path = table_file("activities.csv", HEADER, [good, good, bad])
    [error] = get_import("activities").validate(path).errors
    assert (error.where, error.field) == ("line 4", column) and message in error.message
    before = (Activity.objects.count(), ActivityParty.objects.count())
    with pytest.raises(ImportFailed):
        get_import("activities").commit(path, sam)
    assert (Activity.objects.count(), ActivityParty.objects.count()) == before
