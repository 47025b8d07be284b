import pytest

from accord.agreements import isced


@pytest.mark.parametrize(
    ("code", "valid"), [("07", True), ("071", True), ("061", True), ("999", True), ("0714", False), ("7", False),
                        ("", False), ("080", False)]
)
def test_codes_are_checked_against_the_isced_f_table(code, valid):
    assert isced.is_valid(code) is valid


def test_every_narrow_field_sits_under_a_broad_field():
    assert all(code[:2] in isced.BROAD for code in isced.NARROW)
