from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accord.accounts.roles import can
from accord.mobility.models import Mobility, Person, Program, ProgramPartner
from accord.records.views import FacultyScopedForm
from accord.registry.widgets import InstitutionPicker

DATE = forms.DateInput(attrs={"type": "date"})
CONTACT_FIELDS = ("email", "phone")


class PersonForm(FacultyScopedForm):
    class Meta:
        model = Person
        fields = ["name", "local_name", "title", "kind", "institution", "nationality", "faculty", "email", "phone",
                  "notes"]
        widgets = {"institution": InstitutionPicker(), "notes": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "name": _("Name"), "local_name": _("Local name"), "title": pgettext_lazy("person", "Title"), "kind": _("Kind"),
            "institution": _("Institution"), "nationality": _("Nationality"), "email": _("E-mail"),
            "phone": _("Phone"), "notes": _("Notes"),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if user is None or not can(user, "people.contacts"):
            # contact data is neither shown nor changed by those who may not see it
            for name in CONTACT_FIELDS:
                del self.fields[name]


class MobilityForm(FacultyScopedForm):
    class Meta:
        model = Mobility
        fields = [
            "direction", "kind", "person", "home_institution", "host_institution", "program", "start_date",
            "end_date", "academic_year", "level", "scholarship", "faculty", "notes",
        ]
        widgets = {
            "home_institution": InstitutionPicker(),
            "host_institution": InstitutionPicker(),
            "start_date": DATE,
            "end_date": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class ProgramForm(FacultyScopedForm):
    website = forms.URLField(required=False, max_length=300, assume_scheme="https", label=_("Website"))

    class Meta:
        model = Program
        fields = [
            "kind", "name", "level", "start_date", "end_date", "established", "intake", "city", "country", "faculty",
            "description", "website",
        ]
        widgets = {"start_date": DATE, "end_date": DATE, "description": forms.Textarea(attrs={"rows": 4})}


PartnerFormSet = inlineformset_factory(
    Program, ProgramPartner, fields=["institution", "role"], extra=2, can_delete=True,
    widgets={"institution": InstitutionPicker()},
)
