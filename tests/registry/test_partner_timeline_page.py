from datetime import date

import pytest

from accord.registry import timeline
from accord.registry.models import Country, Institution
from accord.registry.timeline import TimelineEntry


@pytest.fixture
def fake_provider():
    """A provider standing in for an app that records cooperation, removed after the test."""
    recorded = {}

    def provider(institution):
        return recorded.get(institution.pk, [])

    timeline.PROVIDERS.register("test-provider", provider)
    yield recorded
    timeline.PROVIDERS.pop("test-provider")


@pytest.mark.django_db
def test_the_partner_page_lists_the_timeline_newest_first_and_the_partner_status(client_for, victor, fake_provider):
    hanyang = Institution.objects.create(name="Hanyang University", country=Country.objects.get(code="KR"))
    fake_provider[hanyang.pk] = [
        TimelineEntry(date(2013, 5, 1), "agreement", "Exchange agreement", alive_until=date(2016, 5, 1)),
        TimelineEntry(date.today(), "activity", "Delegation from Hanyang University"),
    ]
    page = client_for(victor).get(hanyang.get_absolute_url()).content.decode()
    assert page.index("Delegation from Hanyang University") < page.index("Exchange agreement")
    assert "active partner" in page


@pytest.mark.django_db
def test_a_partner_with_no_records_is_shown_as_a_prospect(client_for, victor, fake_provider):
    inst = Institution.objects.create(name="University of Montreal", country=Country.objects.get(code="CA"))
    page = client_for(victor).get(inst.get_absolute_url()).content.decode()
    assert "prospect" in page and "No agreement, activity" in page
