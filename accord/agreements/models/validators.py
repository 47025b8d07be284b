import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accord.agreements import isced

ACADEMIC_YEAR = re.compile(r"^(\d{4})/(\d{2})$")


def validate_isced_code(value: str) -> None:
    if value and not isced.is_valid(value):
        raise ValidationError(
            _("%(code)s is not an ISCED-F 2013 broad or narrow field code (e.g. 07, 071)."),
            params={"code": value},
            code="isced",
        )


def validate_isced_codes(values) -> None:
    if not isinstance(values, list):
        raise ValidationError(_("Subject areas must be a list of ISCED-F codes."), code="isced")
    for value in values:
        validate_isced_code(value)


def validate_academic_year(value: str) -> None:
    """'2025/26': a start year and the last two digits of the next year."""
    match = ACADEMIC_YEAR.match(value or "")
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise ValidationError(
            _("%(value)s is not an academic year like 2025/26."), params={"value": value}, code="academic_year"
        )
