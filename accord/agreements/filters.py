from django import forms
import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accord.agreements.models import Agreement, AgreementParty
from accord.agreements.models.agreements import Kind, Status
from accord.registry.filters import InstitutionChoiceFilter
from accord.registry.scope import ScopeFilterMixin
from accord.registry.models import Country, Institution


class YearFilter(django_filters.NumberFilter):
    """A calendar year: a whole number from 1 to 9999 (a year outside that crashes date lookups)."""

    field_class = forms.IntegerField


class AgreementFilter(ScopeFilterMixin):
    scope_target = "agreements"  # ?period=2024&group=SLUG&partner_kind=K: agreements as the dashboard counts them
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(choices=Kind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("Status"))
    faculty = django_filters.ModelChoiceFilter(
        queryset=Institution.objects.home_units(), label=_("Faculty")
    )
    country = django_filters.ModelChoiceFilter(
        field_name="parties__institution__country", queryset=Country.objects.all(), label=_("Partner country"),
        distinct=True,
    )
    partner = InstitutionChoiceFilter(label=_("Partner"), method="by_partner")
    signed_year = YearFilter(
        field_name="signed_on", lookup_expr="year", label=_("Signed in year"), min_value=1, max_value=9999
    )

    class Meta:
        model = Agreement
        fields = ["q", "kind", "status", "faculty", "country", "partner", "signed_year"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        match = (
            Q(title__icontains=value)
            | Q(notes__icontains=value)
            | Q(parties__institution__name__icontains=value)
            | Q(parties__institution__names__name__iexact=value)
        )
        return queryset.filter(pk__in=Agreement.objects.filter(match).values("pk"))

    def by_partner(self, queryset, name, value):
        return queryset.filter(pk__in=AgreementParty.objects.filter(institution=value).values("agreement_id"))
