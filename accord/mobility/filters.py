import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accord.registry.scope import MobilityScopeFilterMixin
from accord.mobility.models import Level, Mobility, Person, Program, ProgramPartner, academic_year_label
from accord.registry.filters import InstitutionChoiceFilter, YearChoiceFilter
from accord.registry.models import Country, Institution


def _faculties(request=None):
    return Institution.objects.home_units()


def _academic_years():
    years = Mobility.objects.exclude(academic_year=None).values_list("academic_year", flat=True).distinct()
    return [(y, academic_year_label(y)) for y in sorted(set(years), reverse=True)]


def _linked_to(prefixes, institution):
    """Records linked to `institution` through any of the `prefixes` (foreign keys to Institution)."""
    query = Q()
    for prefix in prefixes:
        query |= Q(**{prefix: institution})
    return query


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(choices=Person.Kind.choices, label=_("Kind"))
    nationality = django_filters.ModelChoiceFilter(
        queryset=lambda request: Country.objects.filter(people__isnull=False).distinct(), label=_("Nationality")
    )
    institution = InstitutionChoiceFilter(label=_("Institution"), field_name="institution")
    faculty = django_filters.ModelChoiceFilter(queryset=_faculties, label=_("Faculty"))

    class Meta:
        model = Person
        fields = ["q", "kind", "nationality", "institution", "faculty"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(local_name__icontains=value) | Q(title__icontains=value))


class MobilityFilter(MobilityScopeFilterMixin):
    # ?period=2024&region=R&group=SLUG&partner_kind=K: stays as the dashboard counts them
    q = django_filters.CharFilter(label=_("Search"), method="search")
    direction = django_filters.ChoiceFilter(choices=Mobility.Direction.choices, label=_("Direction"))
    kind = django_filters.ChoiceFilter(choices=Mobility.Kind.choices, label=_("Kind"))
    academic_year = YearChoiceFilter(choices=_academic_years, label=_("Academic year"))
    level = django_filters.ChoiceFilter(choices=Level.choices, label=_("Level"))
    nationality = django_filters.ModelChoiceFilter(
        field_name="person__nationality",
        queryset=lambda request: Country.objects.filter(people__mobilities__isnull=False).distinct(),
        label=_("Nationality"),
    )
    partner = InstitutionChoiceFilter(label=_("Home or host institution"), method="by_partner")
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
        return queryset.filter(_linked_to(["home_institution", "host_institution"], value))


class ProgramFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(choices=Program.Kind.choices, label=_("Kind"))
    level = django_filters.ChoiceFilter(choices=Level.choices, label=_("Level"))
    country = django_filters.ModelChoiceFilter(
        queryset=lambda request: Country.objects.filter(programs__isnull=False).distinct(), label=_("Country")
    )
    partner = InstitutionChoiceFilter(label=_("Partner"), method="by_partner")
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
        return queryset.filter(pk__in=ProgramPartner.objects.filter(institution=value).values("program_id"))
