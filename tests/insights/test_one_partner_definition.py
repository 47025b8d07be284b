"""One definition of a partner behind `accord stats`, its "insights" section, the dashboard, the
reports and /api/v1/stats; an agreement without dates counts in no year it cannot be placed in."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accord.agreements.models import Agreement, AgreementParty
from accord.insights.reports.data import report_data
from accord.insights.services.figures import figures
from accord.insights.services.scope import Scope, partners_in_period
from accord.registry.models import Institution


def stats(*args):
    out = StringIO()
    call_command("stats", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def undated(world):
    """An active agreement with no date at all, with a partner that has no other record."""
    pucp = Institution.objects.create(name="Pontificia Universidad Católica de Chile", country_id="CL")
    agreement = Agreement.objects.create(title="Memorandum with no dates", kind="framework", status="active")
    AgreementParty.objects.create(agreement=agreement, institution=pucp)
    return pucp


TOP_LEVEL = ("partners", "countries", "continents")


@pytest.mark.parametrize("args", [
    ["--year", "2024"],
    ["--year", "2023"],
    ["--year", "2024", "--group", "belt-and-road"],
    ["--year", "2024", "--kind", "research"],
    [],
])
def test_the_top_level_figures_of_stats_equal_its_insights_section(world, undated, args):
    data = stats(*args)
    assert {k: data[k] for k in TOP_LEVEL} == {k: data["insights"][k] for k in TOP_LEVEL}
    assert sum(data["by_continent"].values()) == sum(data["insights"]["by_continent"].values())
    for group in data["insights"]["groups"]:
        assert data["groups"][group["name"]] == {"partners": group["partners"], "countries": group["countries"]}


@pytest.mark.parametrize("query, args", [
    ({"year": 2024}, ["--year", "2024"]),
    ({"year": 2023}, ["--year", "2023"]),
    ({"year": 2024, "group": "belt-and-road"}, ["--year", "2024", "--group", "belt-and-road"]),
    ({"year": 2024, "kind": "university"}, ["--year", "2024", "--kind", "university"]),
    ({"year": 2024, "faculty": "FACULTY"}, ["--year", "2024", "--faculty", "FACULTY"]),
    ({"year": "all"}, []),
])
def test_stats_gives_the_dashboards_numbers_for_the_same_filters(world, undated, victor, client_for, query, args):
    faculty = str(world["faculty"].pk)
    query = {k: faculty if v == "FACULTY" else v for k, v in query.items()}
    args = [faculty if a == "FACULTY" else a for a in args]
    page = client_for(victor).get(reverse("insights:dashboard"), query).context["data"]
    cli = stats(*args)
    assert {k: cli[k] for k in TOP_LEVEL} == {k: page[k] for k in TOP_LEVEL}
    cli["insights"].pop("trend"), page.pop("trend")
    assert cli["insights"] == page


def test_the_faculty_filter_counts_only_that_facultys_records(world):
    assert stats("--year", "2024", "--faculty", world["faculty"].name)["partners"] == 1  # Lorraine's framework


def test_stats_states_the_period_it_means(world):
    out = StringIO()
    call_command("stats", stdout=out)
    assert out.getvalue().startswith("Period: all years")
    out = StringIO()
    call_command("stats", "--year", "2024", stdout=out)
    assert out.getvalue().startswith("Period: 2024")
    assert stats()["period"]["label"] == "all" and stats("--year", "2024")["period"]["label"] == "2024"


@pytest.mark.parametrize("args, message", [
    (["--kind", "planet"], "planet"),
    (["--faculty", "Faculty of Nowhere"], "Nowhere"),
    (["--group", "Nowhere"], "Nowhere"),
    (["--year", "2024", "--from", "2024-01-01"], "either"),
])
def test_stats_refuses_unknown_filters_by_name(world, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("stats", *args, stdout=StringIO())


def test_a_partner_known_only_by_an_undated_agreement_counts_in_no_year(world, undated):
    for year in (2013, 2021, 2024):
        assert undated not in partners_in_period(Scope.for_year(year))
        assert stats("--year", str(year))["partners"] == figures(Scope.for_year(year))["partners"]
    assert undated not in partners_in_period(Scope(start=date(2024, 3, 1), end=date(2024, 6, 30)))  # computed live
    assert undated in partners_in_period(Scope())


def test_an_undated_agreement_is_not_in_a_years_report(world, undated):
    data = report_data(Scope.for_year(2024))
    assert data["figures"]["partners"] == 3
    assert "Memorandum with no dates" not in {a["title"] for a in data["new_agreements"]}
    assert data["figures"]["agreements"]["total"] == 2


def test_an_agreement_known_only_by_its_end_counts_in_that_year_alone(world):
    ending = Agreement.objects.create(title="Ends 2021", kind="framework", status="expired", valid_until=date(2021, 6, 30))
    AgreementParty.objects.create(agreement=ending, institution=world["E"])
    assert world["E"] in partners_in_period(Scope.for_year(2021))
    assert world["E"] in partners_in_period(Scope(start=date(2021, 6, 1), end=date(2021, 7, 1)))
    assert world["E"] not in partners_in_period(Scope(start=date(2021, 7, 1), end=date(2021, 12, 1)))
    assert world["E"] not in partners_in_period(Scope.for_year(2020))
