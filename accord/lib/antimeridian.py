"""Polygons on a longitude/latitude plane split at the antimeridian (±180°).

A country ring that crosses the date line (Russia, Fiji, …) jumps from +179° to −179°; drawn as is
on a flat map it becomes a band across the whole width. `split_ring` unwraps the ring into one
continuous piece, clips it at ±180° and moves the piece beyond back onto the map, so each part is
drawn where it belongs. A ring round a pole (Antarctica) is closed along the pole's line first.
"""

Point = tuple[float, float]


def unwrap(ring: list[Point]) -> list[Point]:
    """The ring with longitudes shifted by ±360° where needed so that no step exceeds 180°."""
    if not ring:
        return []
    out = [ring[0]]
    for lon, lat in ring[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        out.append((lon, lat))
    return out


def _clip(ring: list[Point], edge: float, keep_below: bool) -> list[Point]:
    """Sutherland–Hodgman clipping of a polygon by the half-plane lon <= edge (or >= edge)."""
    def inside(p: Point) -> bool:
        return p[0] <= edge if keep_below else p[0] >= edge

    def crossing(a: Point, b: Point) -> Point:
        t = (edge - a[0]) / (b[0] - a[0])
        return edge, a[1] + t * (b[1] - a[1])

    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(crossing(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(crossing(previous, current))
    return out


def _area(ring: list[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))) / 2


def split_ring(ring: list[Point]) -> list[list[Point]]:
    """The parts of a ring, each within −180…180° of longitude (one part when it crosses nothing)."""
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring = ring[:-1]
    points = unwrap(ring)
    if len(points) < 3:
        return []
    if abs(points[-1][0] - points[0][0]) > 180:  # the ring goes round a pole: close it along the pole's line
        pole = -90.0 if sum(lat for _, lat in points) < 0 else 90.0
        turn = 360.0 if points[-1][0] > points[0][0] else -360.0
        (lon, lat) = points[0]
        points = points + [(lon + turn, lat), (lon + turn, pole), (lon, pole)]
    lons = [lon for lon, _ in points]
    if min(lons) >= -180 and max(lons) <= 180:
        return [points]
    parts = []
    lo, hi = min(lons), max(lons)
    shift = -360 * ((hi + 180) // 360)
    while lo + shift < 180:
        shifted = [(lon + shift, lat) for lon, lat in points]
        part = _clip(_clip(shifted, 180, True), -180, False)
        if len(part) >= 3 and _area(part) > 1e-9:
            parts.append(part)
        shift += 360
    return parts
