"""A small world whose figures can be counted by hand (see each test for the expected numbers).

For 2024: partners A (France, agreement), B (Germany, forum) and C (Thailand, agreement and forum)
= 3 partners in 3 countries on 2 continents; Thailand is in the Belt and Road group. D (United
States) only had an agreement that expired at the end of 2022; E (France) only a draft and a 2023
visit; the faculty's own unit takes part in a 2024 workshop but is never a partner.
"""

from datetime import date

import pytest

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement, AgreementParty
from accord.mobility.models import Mobility, Person
from accord.registry.models import Country, CountryGroup, Institution, Kind, Network, NetworkMembership


def _agreement(title, parties, **fields):
    agreement = Agreement.objects.create(title=title, **fields)
    for institution in parties:
        AgreementParty.objects.create(agreement=agreement, institution=institution)
    return agreement


def _activity(title, kind, start, parties, **fields):
    activity = Activity.objects.create(title=title, kind=kind, start_date=start, **fields)
    for institution in parties:
        ActivityParty.objects.create(activity=activity, institution=institution)
    return activity


@pytest.fixture
def world(home, faculty):
    c = {code: Country.objects.get(code=code) for code in ("FR", "DE", "TH", "US", "CN")}
    belt = CountryGroup.objects.create(name="Belt and Road", slug="belt-and-road", kind="initiative")
    belt.countries.add(c["TH"])
    a = Institution.objects.create(name="Université de Lorraine", country=c["FR"], latitude=48.69, longitude=6.18)
    b = Institution.objects.create(name="Fraunhofer Institute", kind=Kind.RESEARCH, country=c["DE"])
    cu = Institution.objects.create(name="Chulalongkorn University", local_name="จุฬาลงกรณ์มหาวิทยาลัย", country=c["TH"],
                                    latitude=13.74, longitude=100.53)
    d = Institution.objects.create(name="Purdue University", country=c["US"], latitude=40.42, longitude=-86.92)
    e = Institution.objects.create(name="École Centrale de Lyon", country=c["FR"])
    network = Network.objects.create(name="Sino-French Engineering Alliance", acronym="SFEA")
    NetworkMembership.objects.create(network=network, institution=a)
    NetworkMembership.objects.create(network=network, institution=e)

    _agreement("Framework with Lorraine", [home, a], kind="framework", status="active", faculty=faculty,
               signed_on=date(2022, 11, 2), valid_from=date(2023, 1, 1), valid_until=date(2027, 12, 31))
    _agreement("Student exchange with Chulalongkorn", [home, cu], kind="student_exchange", status="signed",
               signed_on=date(2024, 3, 1), valid_from=date(2024, 3, 1))
    _agreement("Research with Purdue", [home, d], kind="research", status="expired",
               signed_on=date(2019, 1, 10), valid_from=date(2019, 1, 10), valid_until=date(2022, 12, 31))
    _agreement("Draft with Lyon", [home, e], kind="framework", status="draft")

    _activity("Belt and Road forum", "forum", date(2024, 5, 10), [home, b, cu], end_date=date(2024, 5, 12))
    _activity("Visit to Lyon", "visit", date(2023, 6, 1), [e])
    _activity("Aerospace workshop", "workshop", date(2024, 9, 3), [faculty], faculty=faculty)

    student = Person.objects.create(name="Camille Martin", kind="student", nationality=c["FR"])
    teacher = Person.objects.create(name="Li Wei", kind="faculty", nationality=c["CN"])
    Mobility.objects.create(direction="incoming", kind="exchange_student", person=student, home_institution=a,
                            host_institution=home, start_date=date(2024, 9, 1), end_date=date(2025, 1, 31))
    Mobility.objects.create(direction="outgoing", kind="visiting_scholar", person=teacher, home_institution=home,
                            host_institution=d, start_date=date(2023, 9, 1), end_date=date(2024, 2, 28))
    return {"A": a, "B": b, "C": cu, "D": d, "E": e, "group": belt, "network": network, "faculty": faculty}
