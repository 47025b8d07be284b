"""Filters that let the record lists show exactly what a dashboard figure counts.

`ScopeFilterMixin` is mixed into the partner, agreement, activity and mobility filtersets. Its
filters (period, faculty, group, partner_kind, region) restrict the list to the records
`accord.insights.services.scope` counts for that scope; a filter the list already declares
itself (e.g. the partner list's own `group` and `kind`) keeps its own meaning.
"""

from dataclasses import replace
from datetime import date

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accord.insights.services import scope as scopes
from accord.registry.models import CountryGroup, Institution, Kind


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


class _ScopeFilter:
    """A filter that only collects its value; ScopeFilterMixin applies them together."""

    def filter(self, qs, value):
        return qs


class PeriodFilter(_ScopeFilter, django_filters.CharFilter):
    field_class = PeriodField


class ScopeCharFilter(_ScopeFilter, django_filters.CharFilter):
    pass


class ScopeChoiceFilter(_ScopeFilter, django_filters.ChoiceFilter):
    pass


class ScopeModelFilter(_ScopeFilter, django_filters.ModelChoiceFilter):
    pass


def home_units(request=None):
    return Institution.objects.home_units()


TARGETS = {
    "partners": scopes.partners_in_period,
    "agreements": scopes.agreements_in_period,
    "activities": scopes.activities_in_period,
    "mobility": scopes.mobility_in_period,
}
# the ids of a target's records as a subquery, where there is a shorter way than TARGETS[...].values("pk")
IDS = {"partners": scopes.partner_pks}


class ScopeFilterMixin(django_filters.FilterSet):
    """Set `scope_target` to a key of TARGETS in the filterset that mixes this in."""

    scope_target = "partners"
    # The list's own filters that select what a scope field would (Scope field -> filter name), e.g.
    # the partner list's own country group: given with a period, they narrow the partner set itself
    # (PartnerYear holds each partner's country and kind) before the list applies them again.
    scope_aliases: dict[str, str] = {}
    period = PeriodFilter(label=_("Period (dashboard)"), help_text=_("2024, 2020..2024 or all"))
    faculty = ScopeModelFilter(queryset=home_units, label=_("Faculty"))
    group = ScopeModelFilter(queryset=CountryGroup.objects.all(), to_field_name="slug", label=_("Country group"))
    partner_kind = ScopeChoiceFilter(choices=Kind.choices, label=_("Partner kind"))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        mine = {name: self.form.cleaned_data.get(name) for name, f in self.filters.items() if isinstance(f, _ScopeFilter)}
        if not any(value not in (None, "") for value in mine.values()):
            return queryset
        start, end = parse_period(mine.get("period") or "")
        scope = scopes.Scope(
            start=start, end=end, faculty=mine.get("faculty"), group=mine.get("group"), kind=mine.get("partner_kind") or ""
        )
        for field, name in self.scope_aliases.items():
            value = self.form.cleaned_data.get(name)
            if value not in (None, "") and not getattr(scope, field):
                scope = replace(scope, **{field: value})
        if self.scope_target in IDS:
            return queryset.filter(pk__in=IDS[self.scope_target](scope))
        selected = TARGETS[self.scope_target](scope)
        if mine.get("region") and self.scope_target == "mobility":
            selected = selected.annotate(partner_region=scopes.mobility_region()).filter(partner_region=mine["region"])
        return queryset.filter(pk__in=selected.values("pk"))


class MobilityScopeFilterMixin(ScopeFilterMixin):
    scope_target = "mobility"
    region = ScopeCharFilter(label=_("Region (dashboard)"))
