import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accord.activities.models import Activity, ActivityParty
from accord.registry.filters import InstitutionChoiceFilter, YearChoiceFilter
from accord.registry.scope import ScopeFilterMixin
from accord.registry.models import Country, Institution


def _years():
    return [(d.year, d.year) for d in Activity.objects.dates("start_date", "year", order="DESC")]


def _countries(request=None):
    return Country.objects.filter(activities__isnull=False).distinct().order_by("name")


def _faculties(request=None):
    return Institution.objects.home_units()


class ActivityFilter(ScopeFilterMixin):
    scope_target = "activities"  # ?period=2024&group=SLUG&partner_kind=K: activities as the dashboard counts them
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(choices=Activity.Kind.choices, label=_("Kind"))
    year = YearChoiceFilter(field_name="start_date__year", choices=_years, label=_("Year"))
    country = django_filters.ModelChoiceFilter(queryset=_countries, label=_("Country"))
    partner = InstitutionChoiceFilter(label=_("Partner"), method="by_partner")
    faculty = django_filters.ModelChoiceFilter(queryset=_faculties, label=_("Faculty"))

    class Meta:
        model = Activity
        fields = ["q", "kind", "year", "country", "partner", "faculty"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value) | Q(city__icontains=value))

    def by_partner(self, queryset, name, value):
        return queryset.filter(pk__in=ActivityParty.objects.filter(institution=value).values("activity_id"))
