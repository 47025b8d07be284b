"""The demo office has the shape the seeds describe, counted by Accord from the demo's records."""

import json

import pytest
from django.core.management import call_command

from accord.mobility.models import Mobility
from accord.registry.demo_office import fixture_partners


@pytest.fixture
def demo(db):
    call_command("demo", stdout=open("/dev/null", "w"))


def stats(*args) -> dict:
    from io import StringIO

    out = StringIO()
    call_command("stats", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_the_fixture_names_real_universities_once_each():
    partners = fixture_partners()
    assert len({p["name"] for p in partners}) == len(partners)
    assert all(p["domain"] and len(p["country"]) == 2 for p in partners)


def test_in_2022_the_demo_office_has_the_seed_partner_figures(demo):
    figures = stats("--year", "2022", "--kind", "university")
    assert figures["partners"] == 362
    assert figures["countries"] == 77
    assert figures["continents"] == 6
    belt_and_road = figures["groups"]["Belt and Road"]
    assert (belt_and_road["partners"], belt_and_road["countries"]) == (65, 29)
    assert sum(1 for partners in figures["networks"].values() if partners) >= 11


def test_the_demo_office_has_a_decade_of_activities_and_mobility_both_ways(demo):
    for year in (2013, 2018, 2024):
        assert stats("--year", str(year))["insights"]["activities"]["total"] >= 15
    directions = set(Mobility.objects.values_list("direction", flat=True))
    assert directions == {Mobility.Direction.INCOMING, Mobility.Direction.OUTGOING}
