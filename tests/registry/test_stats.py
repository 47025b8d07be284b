import json

import pytest
from django.core.management import call_command

from accord.agreements.models import Agreement, AgreementParty
from accord.registry.models import Country, CountryGroup, Institution, Kind, Network, NetworkMembership, Status


def make(name, code, **fields):
    return Institution.objects.create(name=name, country=Country.objects.get(code=code), **fields)


@pytest.fixture
def small_registry(home, faculty):
    make("University of Manchester", "GB")
    make("University of Montpellier", "FR")
    make("Claude Bernard University Lyon 1", "FR")
    make("Bauman Moscow State Technical University", "RU")
    make("Hanyang University", "KR")
    make("Old duplicate of Hanyang", "KR", status=Status.MERGED)
    make("Ministry of Education of Thailand", "TH", kind=Kind.GOVERNMENT)
    make("Universidad de Chile", "CL")  # in the registry, but no agreement or activity: not a partner
    # a partner is a party to an agreement in force (or an activity held) in the period: here one
    # open-ended agreement with every institution but the one in Chile (home units never count)
    agreement = Agreement.objects.create(title="Consortium agreement", status="active", signed_on="2020-01-01")
    for institution in Institution.objects.exclude(country_id="CL"):
        AgreementParty.objects.create(agreement=agreement, institution=institution,
                                      role="home" if institution.is_home else "partner")
    bri = CountryGroup.objects.create(name="Belt and Road", slug="belt-and-road")
    bri.countries.set(Country.objects.filter(code__in=["RU", "TH", "BY"]))
    alliance = Network.objects.create(name="ParisTech")
    for name in ("University of Montpellier", "Claude Bernard University Lyon 1"):
        NetworkMembership.objects.create(network=alliance, institution=Institution.objects.get(name=name))
    return bri


@pytest.mark.django_db
def test_stats_count_partners_countries_and_continents_but_not_home_units_or_merged_records(small_registry, capsys):
    call_command("stats", "--json")
    figures = json.loads(capsys.readouterr().out)
    # 6 partners: GB, FR, FR, RU, KR, TH — home, its faculty, the merged duplicate and the
    # institution with no record are left out
    assert figures["partners"] == 6
    assert figures["countries"] == 5
    assert figures["continents"] == 2  # Europe (GB, FR, RU) and Asia (KR, TH)
    assert figures["by_continent"] == {"Asia": 2, "Europe": 4}
    assert figures["by_kind"] == {"government": 1, "university": 5}
    assert figures["groups"] == {"Belt and Road": {"partners": 2, "countries": 2}}
    assert figures["networks"] == {"ParisTech": 2}


@pytest.mark.django_db
def test_stats_for_one_country_group_count_only_its_partners(small_registry, capsys):
    call_command("stats", "--json", "--group", "belt-and-road")
    figures = json.loads(capsys.readouterr().out)
    assert (figures["partners"], figures["countries"], figures["filters"]["group"]) == (2, 2, "Belt and Road")


@pytest.mark.django_db
def test_stats_for_an_unknown_group_fail_with_its_name(small_registry):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Silk Road"):
        call_command("stats", "--group", "Silk Road")
