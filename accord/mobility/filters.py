import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accord.registry.scope import MobilityScopeFilterMixin
from accord.lib.normalize import normalize_name
from accord.mobility.models import Level, Mobility, Person, Program, academic_year_label
from accord.registry.models import Country, Institution


def _faculties(request=None):
    return Institution.objects.home_units()


def _academic_years():
    years = Mobility.objects.exclude(academic_year=None).values_list("academic_year", flat=True).distinct()
    return [(y, academic_year_label(y)) for y in sorted(set(years), reverse=True)]


def _institution_q(prefixes, value):
    """Records linked to an institution given by record id or by part of its name, alias or acronym."""
    value = value.strip()
    query = Q()
    if value.isdigit():
        for prefix in prefixes:
            query |= Q(**{f"{prefix}_id": int(value)})
        return query
    key = normalize_name(value)
    if not key:
        return None
    for prefix in prefixes:
        query |= Q(**{f"{prefix}__search_key__contains": key}) | Q(**{f"{prefix}__names__search_key": key})
    return query


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(choices=Person.Kind.choices, label=_("Kind"))
    nationality = django_filters.ModelChoiceFilter(
        queryset=lambda request: Country.objects.filter(people__isnull=False).distinct(), label=_("Nationality")
    )
    institution = django_filters.CharFilter(label=_("Institution"), method="by_institution")
    faculty = django_filters.ModelChoiceFilter(queryset=_faculties, label=_("Faculty"))

    class Meta:
        model = Person
        fields = ["q", "kind", "nationality", "institution", "faculty"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(local_name__icontains=value) | Q(title__icontains=value))

    def by_institution(self, queryset, name, value):
        query = _institution_q(["institution"], value)
        return queryset if query is None else queryset.filter(query).distinct()


class MobilityFilter(MobilityScopeFilterMixin):
    # ?period=2024&region=R&group=SLUG&partner_kind=K: stays as the dashboard counts them
    q = django_filters.CharFilter(label=_("Search"), method="search")
    direction = django_filters.ChoiceFilter(choices=Mobility.Direction.choices, label=_("Direction"))
    kind = django_filters.ChoiceFilter(choices=Mobility.Kind.choices, label=_("Kind"))
    academic_year = django_filters.TypedChoiceFilter(choices=_academic_years, coerce=int, label=_("Academic year"))
    level = django_filters.ChoiceFilter(choices=Level.choices, label=_("Level"))
    nationality = django_filters.ModelChoiceFilter(
        field_name="person__nationality",
        queryset=lambda request: Country.objects.filter(people__mobilities__isnull=False).distinct(),
        label=_("Nationality"),
    )
    partner = django_filters.CharFilter(label=_("Home or host institution"), method="by_partner")
    program = django_filters.ModelChoiceFilter(queryset=Program.objects.order_by("name"), label=_("Program"))
    faculty = django_filters.ModelChoiceFilter(queryset=_faculties, label=_("Faculty"))

    class Meta:
        model = Mobility
        fields = ["q", "direction", "kind", "academic_year", "level", "nationality", "partner", "program", "faculty"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(person__name__icontains=value) | Q(scholarship__icontains=value) | Q(notes__icontains=value)
        )

    def by_partner(self, queryset, name, value):
        query = _institution_q(["home_institution", "host_institution"], value)
        return queryset if query is None else queryset.filter(query).distinct()


class ProgramFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(choices=Program.Kind.choices, label=_("Kind"))
    level = django_filters.ChoiceFilter(choices=Level.choices, label=_("Level"))
    country = django_filters.ModelChoiceFilter(
        queryset=lambda request: Country.objects.filter(programs__isnull=False).distinct(), label=_("Country")
    )
    partner = django_filters.CharFilter(label=_("Partner"), method="by_partner")
    faculty = django_filters.ModelChoiceFilter(queryset=_faculties, label=_("Faculty"))

    class Meta:
        model = Program
        fields = ["q", "kind", "level", "country", "partner", "faculty"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value) | Q(city__icontains=value))

    def by_partner(self, queryset, name, value):
        query = _institution_q(["partnerships__institution"], value)
        return queryset if query is None else queryset.filter(query).distinct()
