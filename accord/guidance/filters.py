import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accord.agreements import isced
from accord.guidance.matching import partner_institution_ids
from accord.guidance.models import Application, Call, ProgramType
from accord.registry.models import Country, Institution


def fits(code: str, disciplines) -> bool:
    """A broad field matches its narrow fields and the other way round: 07 fits 071."""
    return any(d.startswith(code) or code.startswith(d) for d in disciplines)


def my_disciplines(user) -> set[str]:
    return set(Application.objects.filter(applicant=user).exclude(discipline="").values_list("discipline", flat=True))


def my_partner_countries(user):
    """Countries of the institutions in the user's applications, and of the university's partners."""
    mine = Institution.objects.filter(guidance_applications__applicant=user).values("country_id")
    ours = Institution.objects.filter(pk__in=partner_institution_ids()).values("country_id")
    return Country.objects.filter(Q(code__in=mine) | Q(code__in=ours)).order_by("name")


class CallFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    open = django_filters.BooleanFilter(label=_("Open now"), method="open_now", widget=forms.CheckboxInput)
    program_type = django_filters.ChoiceFilter(choices=ProgramType.choices, label=_("Program type"))
    discipline = django_filters.ChoiceFilter(label=_("Discipline"), method="by_discipline", choices=isced.choices)
    mine = django_filters.BooleanFilter(label=_("My disciplines"), method="by_my_disciplines",
                                        widget=forms.CheckboxInput)
    country = django_filters.ModelChoiceFilter(label=_("My partners' country"), method="by_country",
                                               queryset=Country.objects.none())

    class Meta:
        model = Call
        fields = ["q", "open", "program_type", "discipline", "mine", "country"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["country"].queryset = my_partner_countries(request.user)
            self.form.fields["country"].queryset = self.filters["country"].queryset

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value) | Q(funder__icontains=value) | Q(positioning__icontains=value)
            | Q(requirements__icontains=value) | Q(keywords__icontains=value)
        )

    def open_now(self, queryset, name, value):
        return queryset.filter(Call.open_q()) if value else queryset

    def _with_disciplines(self, queryset, codes):
        return queryset.filter(pk__in=[c.pk for c in queryset if any(fits(code, c.disciplines) for code in codes)])

    def by_discipline(self, queryset, name, value):
        return self._with_disciplines(queryset, {value}) if value else queryset

    def by_my_disciplines(self, queryset, name, value):
        return self._with_disciplines(queryset, my_disciplines(self.request.user)) if value else queryset

    def by_country(self, queryset, name, value):
        if value is None:
            return queryset
        unrestricted = Q(countries=None) & Q(country_groups=None)
        return queryset.filter(Q(countries=value) | Q(country_groups__countries=value) | unrestricted).distinct()
