"""Classed colour scales for counts (the world map, on screen and in the PDF report).

Counts are put into a few integer classes that grow geometrically (1, 2, 3–4, 5–8, …), so a
country with one partner and one with 300 are both readable, every class is labelled with whole
numbers, and each class is darker than the one before: more partners, darker colour.
"""

import math
from dataclasses import dataclass

# Sequential blues, light to dark (ColorBrewer "Blues", without its near-white first steps so that
# the lightest class stays apart from the colour of "no partner").
BLUES = ("#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
NONE = "#eef2f6"  # no partner
MAX_CLASSES = len(BLUES)


@dataclass(frozen=True)
class CountClass:
    low: int
    high: int
    colour: str

    @property
    def label(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"

    def as_dict(self) -> dict:
        return {"low": self.low, "high": self.high, "label": self.label, "colour": self.colour}


def count_classes(top: int, most: int = MAX_CLASSES) -> list[CountClass]:
    """Classes covering 1…top: one per value while they fit, else `most` classes whose upper
    bounds grow geometrically from 1 to top."""
    if top < 1:
        return []
    most = max(1, min(most, MAX_CLASSES))
    if top <= most:
        highs = list(range(1, top + 1))
    else:
        highs = [1]
        for i in range(1, most):
            high = max(highs[-1] + 1, round(top ** (i / (most - 1))))
            highs.append(min(high, top))
        highs = sorted(set(highs))
        highs[-1] = top
    colours = spread(len(highs))
    classes, low = [], 1
    for high, colour in zip(highs, colours):
        classes.append(CountClass(low, high, colour))
        low = high + 1
    return classes


def spread(n: int) -> list[str]:
    """n colours of BLUES, spread from light to dark (the darkest always included)."""
    if n <= 0:
        return []
    if n == 1:
        return [BLUES[-1]]
    return [BLUES[round(i * (len(BLUES) - 1) / (n - 1))] for i in range(n)]


def class_of(value: int, classes: list[CountClass]) -> int | None:
    """The index of the class holding `value` (None for 0 or a value outside them)."""
    for i, c in enumerate(classes):
        if c.low <= value <= c.high:
            return i
    return None


def luminance(colour: str) -> float:
    """Relative luminance (WCAG) of a #rrggbb colour: 0 black … 1 white."""
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else math.pow((c + 0.055) / 1.055, 2.4)

    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
