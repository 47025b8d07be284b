from datetime import date

import pytest

from accord.mobility.models import Mobility, Person, Program, ProgramPartner
from accord.mobility.timeline import program_entries
from accord.registry.timeline import PROVIDERS, timeline


@pytest.mark.django_db
def test_a_partner_s_timeline_lists_mobility_where_it_is_home_or_host(partner, home):
    ivan = Person.objects.create(name="Ivan Petrov", kind="student")
    stay = Mobility.objects.create(person=ivan, direction="incoming", kind="exchange_student", home_institution=partner,
                                   host_institution=home, start_date=date(2024, 9, 1), end_date=date(2025, 1, 31))
    for institution in (partner, home):
        entries = [e for e in timeline(institution) if e.kind == "mobility"]
        assert [(e.when, e.alive_until, e.url) for e in entries] == [
            (date(2024, 9, 1), date(2025, 1, 31), stay.get_absolute_url())
        ]
        assert "Ivan Petrov" in entries[0].title


@pytest.mark.django_db
def test_a_running_program_keeps_its_partner_alive_until_today_and_an_ended_one_until_its_end(partner):
    running = Program.objects.create(name="BIT-BMSTU Joint School", kind="joint_school", established=2021)
    ended = Program.objects.create(name="Summer school 2019", kind="summer_school",
                                   start_date=date(2019, 7, 1), end_date=date(2019, 7, 20))
    ProgramPartner.objects.create(program=running, institution=partner, role="founder")
    ProgramPartner.objects.create(program=ended, institution=partner, role="host")
    today = date(2026, 11, 26)
    entries = sorted(program_entries(partner, today=today), key=lambda e: e.title)
    assert [(e.kind, e.title, e.when, e.alive_until) for e in entries] == [
        ("program", "BIT-BMSTU Joint School", date(2021, 1, 1), today),
        ("program", "Summer school 2019", date(2019, 7, 1), date(2019, 7, 20)),
    ]


@pytest.mark.django_db
def test_an_institution_with_no_mobility_or_program_gets_no_such_entries(partner):
    assert [e for e in timeline(partner) if e.kind in {"mobility", "program"}] == []


def test_the_mobility_and_program_providers_are_registered():
    assert {"mobility", "programs"} <= set(PROVIDERS)
