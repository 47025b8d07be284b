"""The world map tells the truth: integer classes, darker for more partners, no wrap-around."""

import re

from django.urls import reverse

from accord.insights.reports.svgmap import HEIGHT, WIDTH, choropleth_svg
from accord.lib.scales import luminance


def _segments(d):
    for ring in re.findall(r"M([^Z]+)Z", d):
        points = [tuple(map(float, p.split(","))) for p in ring.split("L")]
        yield from zip(points, points[1:] + points[:1])


def test_no_country_of_the_pdf_map_wraps_across_the_map():
    svg = choropleth_svg({"RUS": 3, "FJI": 1, "ATA": 1})
    paths = {iso3: d for d, iso3 in re.findall(r'<path d="([^"]+)"[^>]*data-iso3="([A-Z0-9-]+)"', svg)}
    for iso3 in ("RUS", "FJI", "ATA", "USA"):
        # (the edge along the south pole is the bottom line of the map, not a line across it)
        widest = max(abs(a[0] - b[0]) for a, b in _segments(paths[iso3]) if not a[1] == b[1] == HEIGHT)
        assert widest < WIDTH / 4, (iso3, widest)


def test_the_pdf_map_shades_more_partners_darker_and_labels_whole_numbers():
    svg = choropleth_svg({"FRA": 5, "DEU": 2, "THA": 1})
    fill = {iso3: f for f, iso3 in re.findall(r'fill="(#[0-9a-f]{6})"[^>]*data-iso3="([A-Z]{3})"', svg)}
    assert luminance(fill["FRA"]) < luminance(fill["DEU"]) < luminance(fill["THA"]) < luminance(fill["ITA"])
    labels = re.findall(r'class="legend-class"/><text[^>]*>([^<]+)</text>', svg)
    assert labels == ["0", "1", "2", "3", "4", "5"]


def test_the_map_data_puts_countries_in_integer_classes(world, victor, client_for):
    data = client_for(victor).get(reverse("insights:map-data"), {"year": 2024}).json()
    assert [c["label"] for c in data["classes"]] == ["1"]
    assert {row["iso3"]: row["class"] for row in data["countries"]} == {"FRA": 0, "DEU": 0, "THA": 0}


def test_the_map_data_escapes_names_for_plotlys_hover_labels(world, victor, client_for):
    world["A"].name = "<b>Lorraine</b>"
    world["A"].save()
    data = client_for(victor).get(reverse("insights:map-data"), {"year": 2024}).json()
    names = [m["name"] for m in data["markers"]]
    assert "&lt;b&gt;Lorraine&lt;/b&gt;" in names and "<b>Lorraine</b>" not in names


def test_the_map_page_keeps_a_table_of_the_countries_for_screen_readers(world, victor, client_for):
    page = client_for(victor).get(reverse("insights:map"), {"year": 2024})
    rows = [(f.label, f.value) for f in page.context["countries"]]
    assert sorted(rows) == [("France", 1), ("Germany", 1), ("Thailand", 1)]
    listed = client_for(victor).get(page.context["countries"][0].url).context["filter"].qs.count()
    assert listed == 1
    assert 'id="map-table"' in page.content.decode()
