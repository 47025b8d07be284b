import pytest

from accord.lib.antimeridian import split_ring


def _area(ring):
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))) / 2


def _inside(parts):
    return all(-180 <= lon <= 180 and -90 <= lat <= 90 for part in parts for lon, lat in part)


def test_a_ring_away_from_the_date_line_is_kept_as_it_is():
    ring = [(10, 10), (20, 10), (20, 20), (10, 20)]
    assert split_ring(ring) == [ring]


def test_a_ring_across_the_date_line_is_split_into_two_parts_on_each_side():
    # Chukotka-like: from 170°E across the antimeridian to 170°W
    parts = split_ring([(170, 60), (-170, 60), (-170, 70), (170, 70), (170, 60)])
    assert len(parts) == 2 and _inside(parts)
    east, west = sorted(parts, key=lambda p: -max(lon for lon, _ in p))
    assert {lon for lon, _ in east} == {170, 180} and {lon for lon, _ in west} == {-180, -170}
    assert _area(east) == pytest.approx(100) and _area(west) == pytest.approx(100)


def test_no_part_has_a_step_across_the_map():
    fiji = [(177, -17), (179.9, -16.5), (-179.8, -16.2), (-178, -17), (-179.5, -18), (178, -18.5)]
    parts = split_ring(fiji)
    assert len(parts) == 2
    for part in parts:
        assert all(abs(a[0] - b[0]) <= 180 for a, b in zip(part, part[1:] + part[:1]))


def test_a_ring_round_the_pole_is_closed_along_the_pole_not_across_the_map():
    antarctica = [(-180, -80), (-90, -75), (0, -70), (90, -75), (180, -80)]
    parts = split_ring(antarctica)
    assert _inside(parts)
    assert sum(_area(p) for p in parts) > 350 * 10  # the whole band down to the pole
    assert any(lat == -90 for part in parts for _, lat in part)


def test_a_pole_ring_that_crosses_the_date_line_elsewhere_keeps_all_its_area():
    parts = split_ring([(-170, -80), (-90, -75), (0, -70), (90, -75), (170, -80)])
    assert len(parts) == 2 and _inside(parts)
    strip = sum(_area(p) for p in parts)
    assert strip > 360 * 10
