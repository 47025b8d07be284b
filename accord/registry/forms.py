from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from accord.records.concurrency import VersionedForm
from accord.registry.models import CountryGroup, Institution, InstitutionName, Network
from accord.registry.widgets import InstitutionPicker


class InstitutionForm(VersionedForm):
    website = forms.URLField(required=False, max_length=300, assume_scheme="https", label=_("Website"))
    domains = forms.CharField(
        required=False, help_text=_("Comma-separated internet domains, e.g. bit.edu.cn"), label=_("Domains")
    )

    class Meta:
        model = Institution
        fields = [
            "name", "local_name", "local_language", "kind", "country", "city", "region",
            "latitude", "longitude", "website", "domains", "ror_id", "schac", "erasmus_code",
            "established", "parent", "successor", "status", "is_public", "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3}), "parent": InstitutionPicker(),
                   "successor": InstitutionPicker()}
        # labels here rather than as the model's verbose names: translated without a migration
        labels = {
            "name": _("Canonical English name"), "local_name": _("Local name"), "local_language": _("Local language"),
            "kind": _("Kind"), "country": _("Country"), "city": _("City"), "region": _("State or province"),
            "latitude": _("Latitude"), "longitude": _("Longitude"), "ror_id": _("ROR id"), "schac": _("SCHAC code"),
            "erasmus_code": _("Erasmus code"), "established": _("Established"), "parent": _("Parent"),
            "successor": _("Successor"), "status": _("Status"), "is_public": _("Shown on the public partner map"),
            "notes": _("Notes"),
        }
        help_texts = {
            "local_language": _("ISO 639-1 code of the local name"),
            "established": _("Year of foundation"),
            "parent": _("The institution it belongs to (a faculty's university)"),
            "successor": _("The institution that took it over"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk:
            self.initial["domains"] = ", ".join(self.instance.domains or [])
        for name in ("parent", "successor"):
            self.fields[name].queryset = Institution.objects.order_by("name")

    def clean_domains(self):
        raw = self.cleaned_data.get("domains") or ""
        domains = [d.strip().lower() for d in raw.replace(";", ",").split(",") if d.strip()]
        for domain in domains:
            if " " in domain or "." not in domain:
                raise forms.ValidationError(_("%(domain)s is not an internet domain") % {"domain": domain})
        return domains

    def clean_ror_id(self):
        value = (self.cleaned_data.get("ror_id") or "").strip().removeprefix("https://ror.org/")
        if value and (len(value) != 9 or not value.isalnum() or value[0] != "0"):
            raise forms.ValidationError(_("A ROR id has 9 characters and starts with 0, e.g. 01skt4w74"))
        return value or None

    def clean(self):
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            raise forms.ValidationError(_("Give both latitude and longitude, or neither."))
        if lat is not None and not -90 <= lat <= 90:
            self.add_error("latitude", _("Latitude must be between -90 and 90."))
        if lon is not None and not -180 <= lon <= 180:
            self.add_error("longitude", _("Longitude must be between -180 and 180."))
        for name in ("parent", "successor"):
            other = data.get(name)
            if other is not None and self.instance.pk and other.pk == self.instance.pk:
                self.add_error(name, _("An institution cannot be its own %(field)s.") % {"field": name})
        return data


NameFormSet = inlineformset_factory(
    Institution, InstitutionName, fields=["name", "language", "kind"], extra=2, can_delete=True,
    labels={"name": _("Name"), "language": _("Language"), "kind": _("Kind")},
)


class CountryGroupForm(VersionedForm):
    """A group's names and description (its countries are kept in Django's admin)."""

    class Meta:
        model = CountryGroup
        fields = ["name", "name_zh", "kind", "description"]
        labels = {"name": _("Name"), "kind": _("Kind"), "description": _("Description")}


class NetworkForm(VersionedForm):
    """A network's names and facts (its members are kept in Django's admin and by the importers)."""

    website = forms.URLField(required=False, max_length=200, assume_scheme="https", label=_("Website"))

    class Meta:
        model = Network
        fields = ["name", "name_zh", "acronym", "kind", "founded", "website", "description"]
        labels = {"name": _("Name"), "acronym": _("Acronym"), "kind": _("Kind"), "founded": _("Year founded"),
                  "description": _("Description")}
