"""The dashboard, the world map and the network in Chromium, with every request outside the
live server blocked: plotly and the world TopoJSON must come from Accord itself."""

import pytest

from tests.browser.conftest import screenshot
from tests.conftest import make_user
from tests.insights.conftest import world  # noqa: F401  (the small world of tests/insights)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def viewer(db):
    return make_user("victor", "viewer")


def landed(page):
    """After login the dashboard loads its trend; wait for it so leaving does not abort the request."""
    page.wait_for_selector("#trend table")
    return page


def test_the_dashboard_is_the_landing_page_and_shows_the_figures(world, viewer, login, live_server):  # noqa: F811
    page = landed(login(viewer))
    assert page.url.startswith(f"{live_server.url}/insights/")
    page.goto(f"{live_server.url}/insights/?year=2024")
    page.wait_for_selector("#trend table")
    tiles = page.locator(".headline .tile .value").all_inner_texts()
    assert tiles[:3] == ["3", "3", "2"]
    screenshot(page, "insights-dashboard")
    assert page.accord_failures == []


def test_the_world_map_draws_partner_countries_offline(world, viewer, login, live_server):  # noqa: F811
    page = landed(login(viewer))
    page.goto(f"{live_server.url}/insights/map/?year=2024")
    page.wait_for_selector("#insights-map[data-drawn]", timeout=20000)
    page.wait_for_selector("path.choroplethlocation")
    locations = page.evaluate("document.getElementById('insights-map').data[0].locations")
    assert sorted(locations) == ["DEU", "FRA", "THA"]
    assert page.locator("path.choroplethlocation").count() == 3
    markers = page.evaluate("document.getElementById('insights-map').data[1].text")
    assert "Chulalongkorn University · จุฬาลงกรณ์มหาวิทยาลัย" in markers
    # plotly's own rules apply (its <style> is allowed by hash): the mode bar floats over the map
    assert page.evaluate("getComputedStyle(document.querySelector('.modebar')).position") == "absolute"
    screenshot(page, "insights-map")
    assert page.accord_failures == []


def test_the_network_draws_the_home_university_and_partners(world, viewer, login, live_server):  # noqa: F811
    page = landed(login(viewer))
    page.goto(f"{live_server.url}/insights/network/?year=2024")
    page.wait_for_selector("#insights-network[data-drawn]", timeout=20000)
    assert page.get_attribute("#insights-network", "data-drawn") == "5"
    assert "Chulalongkorn University" in page.inner_text("#most-connected")
    screenshot(page, "insights-network")
    assert page.accord_failures == []


def test_names_are_shown_as_text_not_markup_on_the_network_and_the_map(world, viewer, login, live_server):  # noqa: F811
    from accord.registry.models import Institution, Network

    Network.objects.filter(name="Sino-French Engineering Alliance").update(
        name='<a href="https://evil.test/">Alliance</a> <b>bold</b>')
    chula = Institution.objects.get(name="Chulalongkorn University")
    chula.name = '<a href="https://evil.test/">Chula</a>'
    chula.save()
    page = landed(login(viewer))
    page.goto(f"{live_server.url}/insights/network/?year=2024")
    page.wait_for_selector("#insights-network[data-drawn]", timeout=20000)
    assert page.locator("#insights-network svg a").count() == 0
    labels = page.evaluate("[].concat(...document.getElementById('insights-network').data.map(t => t.text || []))")
    assert any(text.startswith("&lt;a href=") for text in labels)
    page.goto(f"{live_server.url}/insights/map/?year=2024")
    page.wait_for_selector("#insights-map[data-drawn]", timeout=20000)
    markers = page.evaluate("document.getElementById('insights-map').data[1].text")
    assert any(text.startswith("&lt;a href=") for text in markers)
    assert page.locator("#insights-map svg a").count() == 0
    assert page.accord_failures == []
