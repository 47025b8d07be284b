import django_filters
from django_filters.conf import settings as filter_settings
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from accord.registry.scope import ScopeFilterMixin
from accord.lib.normalize import normalize_name
from accord.registry.models import Country, CountryGroup, Institution, InstitutionName, Kind, Network, Status
from accord.registry.models.countries import continent_choices, region_label
from accord.registry.services.lookup import lookup
from accord.registry.widgets import InstitutionPicker


# How many of the lookup's matches the partner list shows first (the suggestions show the first 8).
LIST_MATCHES = 200


class InstitutionChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter by one institution of the registry (a partner, a home or host institution), chosen with
    the registry's picker: `?partner=<record id>`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Institution.objects.all())
        kwargs.setdefault("widget", InstitutionPicker())
        super().__init__(*args, **kwargs)


class YearChoiceFilter(django_filters.TypedChoiceFilter):
    """A year among those on record (`choices`: a callable), a whole number; it opens at "All" like every
    choice filter (Django's typed choice field has no empty choice of its own)."""

    def __init__(self, *args, choices, **kwargs):
        kwargs.setdefault("coerce", int)
        super().__init__(*args, choices=lambda: [("", filter_settings.EMPTY_CHOICE_LABEL), *choices()], **kwargs)


def _subregions():
    values = Country.objects.exclude(subregion="").values_list("subregion", flat=True).distinct()
    return sorted(((v, region_label(v)) for v in set(values)), key=lambda c: c[1])


class InstitutionFilter(ScopeFilterMixin):
    scope_target = "partners"  # ?period=2024&faculty=ID: partners as the dashboard counts them
    scope_aliases = {"group": "group", "kind": "kind"}  # the same meaning: partners in the group, of the kind
    q = django_filters.CharFilter(label=_("Search"), method="search")
    country = django_filters.ModelChoiceFilter(queryset=Country.objects.all(), label=_("Country"))
    continent = django_filters.ChoiceFilter(
        field_name="country__continent", choices=continent_choices, label=_("Continent")
    )
    subregion = django_filters.ChoiceFilter(field_name="country__subregion", choices=_subregions, label=_("UN region"))
    group = django_filters.ModelChoiceFilter(
        queryset=CountryGroup.objects.all(), to_field_name="slug", label=_("Country group"), method="in_group"
    )
    network = django_filters.ModelChoiceFilter(
        field_name="networks", queryset=Network.objects.all(), label=_("Network")
    )
    kind = django_filters.ChoiceFilter(choices=Kind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("Status"))

    class Meta:
        model = Institution
        fields = ["q", "country", "continent", "subregion", "group", "network", "kind", "status"]

    def in_group(self, queryset, name, value):
        # country IN (the codes): no join through the country table, and the planners see how few rows match
        return queryset.filter(country__in=list(value.countries.values_list("code", flat=True)))

    def search(self, queryset, name, value):
        """The partners the lookup service names for `value` (the suggestions under the search box:
        any spelling, local name, acronym, typo), best match first; then those whose names contain it."""
        value = value.strip()
        key = normalize_name(value)
        country = self.form.cleaned_data.get("country")  # the suggestions are asked with it too
        matches = lookup(value, country=getattr(country, "code", None), limit=LIST_MATCHES) if value else []
        ranked = [match.id for match in matches]
        if not key and not ranked:
            return queryset
        selected = Q(pk__in=list(ranked))
        if key:  # no join: each table is scanned once
            other_names = InstitutionName.objects.filter(search_key__contains=key).values("institution_id")
            selected |= Q(search_key__contains=key) | Q(pk__in=other_names)
        rank = Case(  # the lookup's order (score, then its own tie-breaks), then the rest by name
            *(When(pk=pk, then=Value(len(ranked) - i)) for i, pk in enumerate(ranked)), default=Value(0),
            output_field=IntegerField(),
        )
        return queryset.filter(selected).annotate(match_rank=rank).order_by("-match_rank", "-is_home", "name")
