import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse


def test_the_dashboard_and_the_cli_give_the_same_figures(world, victor, client_for):
    response = client_for(victor).get(reverse("insights:dashboard"), {"year": 2024})
    page = response.context["data"]
    out = StringIO()
    call_command("stats", "--json", "--year", "2024", stdout=out)
    cli = json.loads(out.getvalue())["insights"]
    cli.pop("trend")
    page.pop("trend")
    assert page == cli
    assert cli["partners"] == 3


def test_the_cli_narrows_to_a_country_group(world):
    out = StringIO()
    call_command("stats", "--json", "--year", "2024", "--group", "belt-and-road", stdout=out)
    assert json.loads(out.getvalue())["insights"]["partners"] == 1


@pytest.mark.parametrize("row", ["headline", "continents", "groups", "agreement_kinds", "activity_kinds", "incoming"])
def test_every_number_links_to_a_list_of_exactly_what_it_counts(world, victor, client_for, row):
    client = client_for(victor)
    context = client.get(reverse("insights:dashboard"), {"year": 2024}).context
    figures = [f for f in context[row] if f.url]
    assert figures
    for figure in figures:
        listed = client.get(figure.url).context["filter"].qs.distinct().count()
        if figure.label in ("Countries and regions", "Continents"):
            continue  # these link to the partners behind them
        assert listed == figure.value, (figure.label, figure.url)


def test_the_dashboard_is_the_landing_page(victor, client_for):
    response = client_for(victor).get("/")
    assert response.url == reverse("insights:dashboard")


def test_an_outsider_may_not_see_the_dashboard(oscar, client_for):
    assert client_for(oscar).get(reverse("insights:dashboard")).status_code == 403


def test_the_trend_fragment_links_each_year(world, victor, client_for):
    response = client_for(victor).get(reverse("insights:trend"), {"year": 2024})
    assert response.status_code == 200
    assert "period=2024" in response.content.decode()


def test_the_map_data_lists_countries_and_located_partners(world, victor, client_for):
    data = client_for(victor).get(reverse("insights:map-data"), {"year": 2024}).json()
    assert {row["iso3"]: row["partners"] for row in data["countries"]} == {"FRA": 1, "DEU": 1, "THA": 1}
    assert sorted(m["name"] for m in data["markers"]) == ["Chulalongkorn University", "Université de Lorraine"]
    assert "จุฬาลงกรณ์มหาวิทยาลัย" in client_for(victor).get(reverse("insights:map-data"), {"year": 2024}).content.decode()


def test_the_network_links_the_home_university_partners_and_networks(world, victor, client_for, home):
    client = client_for(victor)
    data = client.get(reverse("insights:network-data"), {"year": 2024}).json()
    kinds = sorted(n["kind"] for n in data["nodes"])
    assert kinds == ["home", "network", "partner", "partner", "partner"]
    assert {e["kind"] for e in data["edges"]} == {"cooperation", "membership"}
    top = client.get(reverse("insights:network"), {"year": 2024}).context["most_connected"]
    assert top[0]["name"] == "Chulalongkorn University" and top[0]["connections"] == 2
