from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.insights.filters import home_units
from accord.insights.services.scope import Scope
from accord.registry.models import CountryGroup, Kind

ALL_YEARS = "all"


def year_choices():
    this = timezone.localdate().year
    return [("", _("Choose dates below")), (ALL_YEARS, _("All years"))] + [
        (str(y), str(y)) for y in range(this + 1, this - 15, -1)
    ]


class ScopeForm(forms.Form):
    """The dashboard's filters: a year (or a range of dates), a faculty, a country group, a partner kind."""

    year = forms.ChoiceField(label=_("Year"), choices=year_choices, required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    # "All" as in every list's filters (one label: settings.FILTERS_EMPTY_CHOICE_LABEL)
    faculty = forms.ModelChoiceField(
        label=_("Faculty"), queryset=home_units(), required=False, empty_label=settings.FILTERS_EMPTY_CHOICE_LABEL
    )
    group = forms.ModelChoiceField(
        label=_("Country group"), queryset=CountryGroup.objects.order_by("name"), to_field_name="slug", required=False,
        empty_label=settings.FILTERS_EMPTY_CHOICE_LABEL,
    )
    kind = forms.ChoiceField(label=_("Partner kind"), choices=[("", settings.FILTERS_EMPTY_CHOICE_LABEL)] + Kind.choices, required=False)

    def __init__(self, data=None, **kwargs):
        if data is not None and not any(data.get(k) for k in ("year", "date_from", "date_until")):
            data = data.copy()
            data["year"] = str(timezone.localdate().year)
        super().__init__(data, **kwargs)
        self.fields["faculty"].queryset = home_units()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_until")
        if start and end and end < start:
            raise forms.ValidationError(_("The period ends before it starts."))
        return cleaned

    def scope(self) -> Scope:
        """The scope the valid form describes (this year when nothing is chosen)."""
        data = self.cleaned_data if self.is_valid() else {}
        common = {"faculty": data.get("faculty"), "group": data.get("group"), "kind": data.get("kind") or ""}
        year = data.get("year") or ""
        if year == ALL_YEARS:
            return Scope(**common)
        if year:
            return Scope.for_year(int(year), **common)
        if data.get("date_from") or data.get("date_until"):
            return Scope(start=data.get("date_from"), end=data.get("date_until"), **common)
        return Scope.for_year(timezone.localdate().year, **common)
