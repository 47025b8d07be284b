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
    page.wait_for_selector("#trend table", state="attached")
    return page


def click_mark(page, mark):
    """Click a plotly mark as a person would: plotly finds the mark under the pointer itself."""
    mark.scroll_into_view_if_needed()
    box = None
    for _ in range(30):  # plotly redraws when the page settles (fonts, scripts, resize): wait for the mark to stay put
        settled = mark.bounding_box()
        if settled == box:
            break
        box = settled
        page.wait_for_timeout(100)
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    with page.expect_navigation():
        page.mouse.click(x, y)


def drawn(page, chart):
    return page.wait_for_selector(f'[data-chart="{chart}"][data-drawn]', timeout=20000)


def test_the_dashboard_is_the_landing_page_and_shows_the_figures(world, viewer, login, live_server):  # noqa: F811
    page = landed(login(viewer))
    assert page.url.startswith(f"{live_server.url}/insights/")
    page.goto(f"{live_server.url}/insights/?year=2024")
    page.wait_for_selector("#trend table", state="attached")
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
    ticks = page.locator("#insights-map .colorbar .cbaxis text").all_text_contents()
    assert ticks and all(t.isdigit() or "–" in t for t in ticks), ticks  # whole numbers: 1, 2, 3–4, …
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
    assert int(page.get_attribute("#insights-network", "data-labels")) >= 3  # home, network, partners
    assert page.locator("#insights-network .annotation-text").count() >= 3
    screenshot(page, "insights-network")
    assert page.accord_failures == []


@pytest.mark.parametrize("chart", ["trend", "continents", "agreement-kinds", "agreement-statuses", "mobility"])
def test_the_dashboard_draws_its_charts_with_a_table_behind_each(world, viewer, login, live_server, chart):  # noqa: F811
    page = landed(login(viewer))
    page.goto(f"{live_server.url}/insights/?year=2024")
    drawn(page, chart)
    marks = page.locator(f'[data-chart="{chart}"] svg .point path, [data-chart="{chart}"] svg .scatterlayer .trace path')
    assert marks.count() >= 1
    card = page.locator(f'[data-chart="{chart}"]').locator("xpath=..")
    details = card.locator("details")
    assert not details.get_attribute("open")
    details.locator("summary").click()
    assert card.locator("details table a").count() >= 1
    assert page.accord_failures == []


def test_the_charts_read_without_colour(world, viewer, login, live_server):  # noqa: F811
    page = landed(login(viewer))
    page.goto(f"{live_server.url}/insights/?year=2024")
    drawn(page, "agreement-kinds")
    drawn(page, "trend")
    # every bar says its value, and each line of the trend has its own symbol and dash
    values = page.locator('[data-chart="agreement-kinds"] svg .point text').all_text_contents()
    assert values == ["1", "1"]  # framework and student exchange in force in 2024
    lines = page.evaluate("document.querySelector('[data-chart=trend]').data.map(t => [t.marker.symbol, t.line.dash])")
    assert len({tuple(line) for line in lines}) == 3 == len({s for s, _ in lines}) == len({d for _, d in lines})
    patterns = page.evaluate("document.querySelector('[data-chart=mobility]').data.map(t => t.marker.pattern.shape)")
    assert len(set(patterns)) == 2


def test_a_bar_of_the_dashboard_opens_the_list_behind_it(world, viewer, login, live_server):  # noqa: F811
    page = landed(login(viewer))
    page.goto(f"{live_server.url}/insights/?year=2024")
    drawn(page, "continents")
    click_mark(page, page.locator('[data-chart="continents"] svg .point path').first)
    assert "/partners/" in page.url
    assert "period=2024" in page.url and "continent=" in page.url
    listed = page.locator("table tbody tr").count()
    assert listed in (1, 2)  # Asia: Chulalongkorn; Europe: Lorraine and Fraunhofer
    assert page.accord_failures == []


def test_a_point_of_the_trend_opens_the_list_of_that_year(world, viewer, login, live_server):  # noqa: F811
    page = landed(login(viewer))
    page.goto(f"{live_server.url}/insights/?year=2024")
    drawn(page, "trend")
    click_mark(page, page.locator('[data-chart="trend"] svg .scatterlayer .trace').first.locator(".point").last)
    assert "period=2024" in page.url
    assert page.accord_failures == []
