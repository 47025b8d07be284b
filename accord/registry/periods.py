"""Periods as the lists and figures take them: "2024", "2020..2024", "2024-03-01..2024-06-30" or "all"."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def parse_period(value: str) -> tuple[date | None, date | None]:
    """"2024", "2020..2024", "2024-03-01..2024-06-30" or "all" into (start, end)."""
    value = (value or "").strip()
    if value in ("", "all"):
        return None, None
    first, sep, last = value.partition("..")
    try:
        start = _day(first, start=True)
        end = _day(last if sep else first, start=False)
    except ValueError as error:
        raise ValidationError(_("A period is a year (2024), a range of years (2020..2024) or of dates "
                                "(2024-03-01..2024-06-30); %(value)r is not.") % {"value": value}) from error
    if start and end and end < start:
        raise ValidationError(_("The period ends before it starts."))
    return start, end


def _day(text: str, *, start: bool) -> date | None:
    text = text.strip()
    if not text:
        return None
    if text.isdigit() and len(text) == 4:
        return date(int(text), 1, 1) if start else date(int(text), 12, 31)
    return date.fromisoformat(text)


def format_period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "all"
    if start and end and start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return str(start.year)
    return f"{start.isoformat() if start else ''}..{end.isoformat() if end else ''}"


class PeriodField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value:
            parse_period(value)
        return value
