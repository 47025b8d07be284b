"""Many records written at once (the demo office, large imports) keep the rules of one: each is
checked before anything is written, each leaves its history, and the partners-per-year table
follows, although no model signal fires per row."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from accord.activities.models import Activity, ActivityParty
from accord.activities.services import create_activities, save_activity
from accord.insights.services import rollup
from accord.mobility.models import Mobility, Person
from accord.mobility.services import create_stays
from accord.records.services import create_records, upsert
from accord.records.signals import records_created
from accord.registry.models import Country, Institution


@pytest.fixture
def milan(db):
    return Institution.objects.create(name="Polytechnic University of Milan", country=Country.objects.get(code="IT"))


def _forum(title, start, end=None):
    return Activity(title=title, kind=Activity.Kind.FORUM, start_date=start, end_date=end)


def test_one_bad_record_among_many_writes_none_and_is_named(home, milan, sam):
    good, bad = _forum("Forum 2023", date(2023, 5, 1)), _forum("Forum 2024", date(2024, 5, 2), date(2024, 5, 1))
    with pytest.raises(ValidationError) as refused:
        create_activities([(good, [(home, "host"), (milan, "guest")]), (bad, [(home, "host")])], by=sam)
    assert "Forum 2024" in str(refused.value)
    assert not Activity.objects.exists() and not ActivityParty.objects.exists()


def test_records_written_at_once_keep_who_and_why_in_their_history(home, milan, sam):
    sent = []
    records_created.connect(lambda sender, instances, **kw: sent.append((sender, len(instances))), weak=False,
                            dispatch_uid="test-bulk")
    try:
        create_activities([(_forum(f"Forum {year}", date(year, 5, 1)), [(home, "host"), (milan, "guest")])
                           for year in (2022, 2023)], by=sam, reason="spring forums")
    finally:
        records_created.disconnect(dispatch_uid="test-bulk")
    assert sent == [(Activity, 2), (ActivityParty, 4)]
    for activity in Activity.objects.all():
        (entry,) = activity.history.all()
        assert (entry.history_user, entry.history_change_reason, entry.history_type) == (sam, "spring forums", "+")


def test_the_partners_of_each_year_follow_parties_written_in_bulk(home, milan, sam):
    rollup.rebuild()
    create_activities([(_forum("Forum 2023", date(2023, 5, 1)), [(home, "host"), (milan, "guest")])], by=sam)
    assert rollup.differences() == {}
    assert rollup.coverage() is not None


def test_new_people_are_written_before_their_stays(home, milan, sam):
    person = Person(name="Exchange student 2023-001", kind=Person.Kind.STUDENT)
    stays = [Mobility(direction=d, kind=Mobility.Kind.EXCHANGE, person=person, home_institution=milan,
                      host_institution=home, start_date=date(2023, 9, 1)) for d in ("incoming", "outgoing")]
    create_stays(stays, by=sam)
    assert Person.objects.count() == 1
    assert set(Mobility.objects.values_list("person__name", flat=True)) == {"Exchange student 2023-001"}


def test_a_record_that_is_not_audited_is_written_too(db):
    (country,) = create_records([Country(code="XX", name="Nowhere", continent="EU")], by=None)
    assert Country.objects.get(code="XX") == country


def test_loading_the_same_record_twice_writes_its_history_once(home, sam):
    values = {"kind": Activity.Kind.FORUM, "start_date": date(2024, 5, 1)}
    first = upsert(Activity, {"title": "Forum 2024"}, values, by=sam, save=save_activity)
    again = upsert(Activity, {"title": "Forum 2024"}, values, by=sam, save=save_activity)
    assert again.pk == first.pk and again.history.count() == 1
    moved = upsert(Activity, {"title": "Forum 2024"}, {**values, "start_date": date(2024, 5, 2)}, by=sam,
                   save=save_activity)
    assert moved.history.count() == 2 and Activity.objects.get().start_date == date(2024, 5, 2)
