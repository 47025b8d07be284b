"""Labels beside the points of a chart that overlap neither each other nor any point.

Greedy placement in priority order: each label tries the positions around its point (right, left,
above, below and the corners; those pointing away from the centre first) and takes the first whose box is inside the canvas and clear of
every point and every label placed before it; a label with no free position is left out (the
chart's table or hover still names it). Sizes are in pixels, y growing upwards.
"""

import math
import unicodedata
from dataclasses import dataclass

GAP = 3  # pixels between a point and its label
# (name, box offset from the point as multiples of (width, height), plotly anchors)
POSITIONS = (
    ("right", (0, -0.5), ("left", "middle")),
    ("left", (-1, -0.5), ("right", "middle")),
    ("top", (-0.5, 0), ("center", "bottom")),
    ("bottom", (-0.5, -1), ("center", "top")),
    ("top right", (0, 0), ("left", "bottom")),
    ("bottom right", (0, -1), ("left", "top")),
    ("top left", (-1, 0), ("right", "bottom")),
    ("bottom left", (-1, -1), ("right", "top")),
)


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box") -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, other: "Box") -> bool:
        return other.x0 <= self.x0 and self.x1 <= other.x1 and other.y0 <= self.y0 and self.y1 <= other.y1


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    r: float  # the radius of its marker

    def box(self) -> Box:
        return Box(self.x - self.r, self.y - self.r, self.x + self.r, self.y + self.r)


@dataclass(frozen=True)
class Placed:
    text: str
    position: str
    box: Box
    xanchor: str
    yanchor: str
    xshift: float
    yshift: float


def text_width(text: str, font_px: float) -> float:
    """An estimate of the width of `text`: wide (CJK) characters a full em, others about 0.6 em."""
    return sum(font_px if unicodedata.east_asian_width(ch) in "WF" else 0.6 * font_px for ch in text)


def _outward_first(dx: float, dy: float):
    """POSITIONS, those pointing away from the centre of the canvas first (where there is room)."""
    def away(position):
        name = position[0]
        x = 1 if "right" in name else -1 if "left" in name else 0
        y = 1 if "top" in name else -1 if "bottom" in name else 0
        return -(x * dx + y * dy) / (math.hypot(x, y) or 1)

    return sorted(POSITIONS, key=away)


def place_labels(candidates: list[tuple[str, Point, str | tuple[str, ...]]], points: list[Point], canvas: Box,
                 font_px: float = 11) -> dict[str, Placed]:
    """{key: Placed} for the candidates (key, point, text), in priority order, that found room; a
    candidate may offer several texts (e.g. a name, then a shorter form), tried in turn."""
    height = font_px * 1.25
    taken = [p.box() for p in points]
    placed: dict[str, Placed] = {}
    cx, cy = (canvas.x0 + canvas.x1) / 2, (canvas.y0 + canvas.y1) / 2
    for key, point, texts in candidates:
        for text in (texts,) if isinstance(texts, str) else texts:
            spot = _place(point, text, text_width(text, font_px) + 2, height, taken, canvas, (cx, cy))
            if spot is not None:
                taken.append(spot.box)
                placed[key] = spot
                break
    return placed


def _place(point: Point, text: str, width: float, height: float, taken: list[Box], canvas: Box, centre):
    for name, (fx, fy), (xanchor, yanchor) in _outward_first(point.x - centre[0], point.y - centre[1]):
        dx = GAP + point.r if "right" in name else -(GAP + point.r) if "left" in name else 0
        dy = GAP + point.r if "top" in name else -(GAP + point.r) if "bottom" in name else 0
        x0, y0 = point.x + dx + fx * width, point.y + dy + fy * height
        box = Box(x0, y0, x0 + width, y0 + height)
        if box.inside(canvas) and not any(box.overlaps(other) for other in taken):
            return Placed(text, name, box, xanchor, yanchor, dx, dy)
    return None
