"""Country groups and networks that have a Chinese name show it wherever Accord speaks Chinese (pages,
filters, the dashboard, the network graph, reports), and their English name otherwise; the ones
without one keep their English name in Chinese too. Machine output (`accord stats --json`) keys on
the English name in every language."""

import io
import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from accord.registry.models import Network

CHINESE = "zh-hans"


@pytest.fixture
def named(world):
    world["group"].name_zh = "一带一路"
    world["group"].save()
    world["network"].name_zh = "中法工程联盟"
    world["network"].save()
    return world


def chinese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = CHINESE
    return client


def test_a_group_and_a_network_are_named_in_the_active_language(named):
    group, network = named["group"], named["network"]
    with translation.override("en"):
        assert (str(group), group.display_name, str(network)) == ("Belt and Road", "Belt and Road", "Sino-French Engineering Alliance")
    with translation.override(CHINESE):
        assert (str(group), group.display_name, str(network)) == ("一带一路", "一带一路", "中法工程联盟")


def test_one_without_a_chinese_name_keeps_its_english_name_in_chinese(db):
    network = Network.objects.create(name="ParisTech")
    with translation.override(CHINESE):
        assert network.display_name == str(network) == "ParisTech"


def test_the_group_and_network_pages_show_the_chinese_names(named, victor, client_for):
    client = chinese(client_for(victor))
    pages = [
        reverse("registry:group-list"), named["group"].get_absolute_url(),
        reverse("registry:network-list"), named["network"].get_absolute_url(),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert ("一带一路" in html) or ("中法工程联盟" in html), url
        assert "Belt and Road" not in html.replace("belt-and-road", ""), url
    partner = client.get(named["A"].get_absolute_url()).content.decode()
    assert "中法工程联盟" in partner


def test_the_partner_filters_offer_the_chinese_names(named, victor, client_for):
    html = chinese(client_for(victor)).get(reverse("registry:institution-list")).content.decode()
    assert ">一带一路<" in html and ">中法工程联盟<" in html


def test_the_dashboard_names_groups_and_networks_in_chinese(named, victor, client_for):
    client = chinese(client_for(victor))
    html = client.get(reverse("insights:dashboard"), {"year": 2024, "group": "belt-and-road"}).content.decode()
    assert "一带一路" in html
    html = client.get(reverse("insights:dashboard"), {"year": 2023}).content.decode()
    assert "中法工程联盟" in html and "SFEA" not in html


def test_the_english_dashboard_keeps_the_network_s_acronym(named, victor, client_for):
    html = client_for(victor).get(reverse("insights:dashboard"), {"year": 2023}).content.decode()
    assert "SFEA" in html and "中法工程联盟" not in html


def test_the_network_graph_labels_networks_in_chinese(named, victor, client_for):
    data = chinese(client_for(victor)).get(reverse("insights:network-data")).json()
    network = next(n for n in data["nodes"] if n["kind"] == "network")
    assert network["name"] == "中法工程联盟"


def test_the_chinese_xlsx_report_names_the_groups_in_chinese(named, tmp_path):
    out = tmp_path / "report.xlsx"
    call_command("report", "--year", "2024", "--format", "xlsx", "--output", str(out), "--language", CHINESE)
    values = [cell.value for sheet in load_workbook(out) for row in sheet.iter_rows() for cell in row]
    assert "一带一路" in values and "Belt and Road" not in values


def test_stats_json_keys_on_the_english_names_in_every_language(named):
    out = io.StringIO()
    with translation.override(CHINESE):
        call_command("stats", "--json", "--year", "2024", stdout=out)
    data = json.loads(out.getvalue())
    assert data["groups"]["Belt and Road"]["partners"] == 1
    assert "Sino-French Engineering Alliance" in data["networks"]


def test_an_administrator_sets_the_chinese_name_in_django_s_admin(named, ada, client_for):
    ada.is_staff = ada.is_superuser = True  # Django's admin site: what `accord demo`'s admin is
    ada.save()
    network = named["network"]
    client = client_for(ada)
    url = reverse("admin:registry_network_change", args=[network.pk])
    form = client.get(url)
    assert form.status_code == 200 and 'name="name_zh"' in form.content.decode()
    response = client.post(url, {"name": network.name, "name_zh": "中法卓越工程师联盟", "acronym": "SFEA",
                                 "kind": "alliance", "founded": "", "website": "", "description": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    network.refresh_from_db()
    assert network.name_zh == "中法卓越工程师联盟"


def test_office_staff_set_a_network_s_chinese_name_on_its_edit_page(named, sam, client_for):
    network = named["network"]
    client = client_for(sam)
    page = client.get(network.get_absolute_url()).content.decode()
    url = reverse("registry:network-update", args=[network.pk])
    assert url in page
    form = client.get(url).content.decode()
    assert 'name="name_zh"' in form and 'value="中法工程联盟"' in form
    response = client.post(url, {"name": network.name, "name_zh": "中法卓越工程师联盟", "acronym": "SFEA",
                                 "kind": "alliance", "founded": "", "website": "", "description": ""})
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.name_zh == "中法卓越工程师联盟" and network.history.first().history_user == sam


def test_office_staff_set_a_group_s_chinese_name_and_a_coordinator_may_not(named, sam, cora, client_for):
    group = named["group"]
    url = reverse("registry:group-update", args=[group.slug])
    assert client_for(cora).get(url).status_code == 403
    assert url not in client_for(cora).get(group.get_absolute_url()).content.decode()
    response = client_for(sam).post(url, {"name": group.name, "name_zh": "“一带一路”", "kind": "initiative",
                                          "description": ""})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name_zh == "“一带一路”" and group.slug == "belt-and-road"


def test_stats_finds_a_group_by_its_chinese_name_too(named):
    out = io.StringIO()
    call_command("stats", "--json", "--year", "2024", "--group", "一带一路", stdout=out)
    data = json.loads(out.getvalue())
    assert data["filters"]["group"] == "Belt and Road" and data["partners"] == 1
