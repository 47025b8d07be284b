"""The dashboard's scope filters (period, faculty, country group, partner kind, region) on the record
lists, so that a list shows exactly what a figure counts.

The fields are declared here, below the record apps; what they select is asked of the SCOPE_FILTER
hook (accord.lib.hooks), which insights fills: no lower layer imports insights.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from accord.lib import hooks
from accord.registry.models import CountryGroup, Institution, Kind
from accord.registry.periods import PeriodField


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


class ScopeFilterMixin(django_filters.FilterSet):
    """Set `scope_target` ("partners", "agreements", "activities", "mobility") in the filterset that
    mixes this in."""

    scope_target = "partners"
    # The list's own filters that select what a scope field would (Scope field -> filter name), e.g.
    # the partner list's own country group: given with a period, they narrow the partner set itself.
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
        apply = hooks.first(hooks.SCOPE_FILTER)
        return queryset if apply is None else apply(self, queryset, mine)


class MobilityScopeFilterMixin(ScopeFilterMixin):
    scope_target = "mobility"
    region = ScopeCharFilter(label=_("Region (dashboard)"))
