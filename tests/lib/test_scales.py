import pytest

from accord.lib.scales import BLUES, NONE, class_of, count_classes, luminance


@pytest.mark.parametrize("top", [1, 2, 3, 5, 7, 8, 12, 30, 77, 362, 5000])
def test_more_partners_is_always_darker(top):
    classes = count_classes(top)
    shades = [luminance(NONE)] + [luminance(c.colour) for c in classes]
    assert all(a > b for a, b in zip(shades, shades[1:])), shades
    values = range(1, top + 1) if top < 400 else [1, 2, 3, 10, 100, 1000, top]
    darkness = [shades[1 + class_of(v, classes)] for v in values]
    assert darkness == sorted(darkness, reverse=True)


@pytest.mark.parametrize("top", [1, 2, 4, 7, 8, 30, 362, 5000])
def test_the_classes_cover_every_count_once_with_whole_number_labels(top):
    classes = count_classes(top)
    assert classes[0].low == 1 and classes[-1].high == top
    assert all(b.low == a.high + 1 for a, b in zip(classes, classes[1:]))
    assert len(classes) <= len(BLUES)
    for c in classes:
        assert all(part.isdigit() for part in c.label.split("–")), c.label


def test_small_counts_get_one_class_each():
    assert [c.label for c in count_classes(5)] == ["1", "2", "3", "4", "5"]


def test_two_partners_are_darker_than_one():
    one, two = (count_classes(2)[i].colour for i in (0, 1))
    assert luminance(two) < luminance(one)


def test_no_partner_has_no_class():
    assert count_classes(0) == []
    assert class_of(0, count_classes(9)) is None
