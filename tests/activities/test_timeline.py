from datetime import date

import pytest

from accord.activities.models import Activity, ActivityParty
from accord.registry.timeline import PROVIDERS, timeline


@pytest.mark.django_db
def test_a_partner_s_timeline_lists_the_activities_it_took_part_in_once_each(partner, home):
    trip = Activity.objects.create(
        title="Delegation to Moscow", kind="outbound_delegation", start_date=date(2018, 5, 1), end_date=date(2018, 5, 4)
    )
    forum = Activity.objects.create(title="Forum", kind="forum", start_date=date(2022, 7, 29))
    ActivityParty.objects.create(activity=trip, institution=partner, role="host")
    ActivityParty.objects.create(activity=trip, institution=partner, role="organizer")
    ActivityParty.objects.create(activity=forum, institution=home, role="host")

    entries = [e for e in timeline(partner) if e.kind == "activity"]
    assert [(e.title, e.when, e.alive_until, e.url) for e in entries] == [
        ("Delegation to Moscow", date(2018, 5, 1), date(2018, 5, 4), trip.get_absolute_url())
    ]
    (home_entry,) = [e for e in timeline(home) if e.kind == "activity"]
    assert home_entry.alive_until == date(2022, 7, 29)


def test_the_activities_provider_is_registered():
    assert "activities" in PROVIDERS
