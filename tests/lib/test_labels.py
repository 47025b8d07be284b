import math
import random

import pytest

from accord.lib.labels import Box, Point, place_labels, text_width


def _ring(n, radius=250, centre=360):
    return [Point(centre + radius * math.cos(2 * math.pi * i / n), centre + radius * math.sin(2 * math.pi * i / n), 4)
            for i in range(n)]


@pytest.mark.parametrize("n", [5, 40, 300])
def test_no_two_labels_overlap_and_none_covers_a_point(n):
    points = _ring(n)
    rnd = random.Random(n)
    candidates = [(str(i), p, "University " + "x" * rnd.randint(2, 20)) for i, p in enumerate(points[:40])]
    canvas = Box(0, 0, 720, 720)
    placed = place_labels(candidates, points, canvas)
    assert placed
    boxes = [spot.box for spot in placed.values()]
    for i, a in enumerate(boxes):
        assert a.inside(canvas)
        assert not any(a.overlaps(b) for b in boxes[i + 1:])
        assert not any(a.overlaps(p.box()) for p in points)


def test_the_first_candidates_win_when_there_is_room_for_only_one():
    points = [Point(100, 100, 5), Point(100, 100, 5)]
    placed = place_labels([("a", points[0], "First"), ("b", points[1], "Second")], points, Box(0, 0, 150, 200))
    assert "a" in placed
    assert "b" not in placed or not placed["a"].box.overlaps(placed["b"].box)


def test_a_label_that_fits_nowhere_is_left_out():
    point = Point(10, 10, 5)
    assert place_labels([("a", point, "A very long name that cannot fit")], [point], Box(0, 0, 40, 40)) == {}


def test_chinese_characters_are_counted_wider():
    assert text_width("北京理工大学", 10) > text_width("BIT-BMST", 10)
