import pytest
from django.core.management import call_command

from accord.activities.models import Activity, ActivityAgreement, ActivityParty, ActivityPerson
from accord.mobility.models import Mobility, Person, Program, ProgramPartner, StudentCohort


def snapshot():
    models = (
        Activity, ActivityParty, ActivityPerson, ActivityAgreement,
        Person, Program, ProgramPartner, Mobility, StudentCohort,
    )
    rows = tuple(m.objects.count() for m in models)
    history = tuple(m.history.count() for m in models)
    return rows, history


@pytest.mark.django_db
def test_the_demo_loads_activities_from_the_seed_facts(capsys):
    call_command("demo")
    award = Activity.objects.get(title="International College Student Innovative Practice Design Award")
    assert (award.university_count, award.country_count, award.submission_count) == (159, 15, 1609)
    assert award.parties.filter(institution__name="Polytechnic University of Milan").exists()
    montargis = Activity.objects.get(city="Montargis")
    assert montargis.people.get().person.title == "Mayor of Montargis"
    assert Activity.objects.filter(kind="outbound_delegation", country="RU").count() == 2
    assert Activity.objects.get(country="MA").kind == "inbound_delegation"
    trip = Activity.objects.get(title="Delegation to Bauman Moscow State Technical University (2018)")
    assert [a.title for a in trip.agreements.all()] == [
        "Student joint-training agreement with Bauman Moscow State Technical University"
    ]


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing(capsys):
    call_command("demo")
    before = snapshot()
    call_command("demo")
    assert snapshot() == before
