from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from accord.activities.models import Activity, ActivityAgreement, ActivityParty, ActivityPerson
from accord.records.views import FacultyScopedForm
from accord.registry.widgets import InstitutionPicker


class ActivityForm(FacultyScopedForm):
    source_url = forms.URLField(required=False, max_length=500, assume_scheme="https", label=_("Source article"))

    class Meta:
        model = Activity
        fields = [
            "kind", "title", "description", "start_date", "end_date", "date_precision", "city", "country",
            "faculty", "participant_count", "university_count", "country_count", "submission_count",
            "source_url", "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }


PartyFormSet = inlineformset_factory(
    Activity, ActivityParty, fields=["institution", "role"], extra=2, can_delete=True,
    widgets={"institution": InstitutionPicker()},
)
PersonFormSet = inlineformset_factory(Activity, ActivityPerson, fields=["person", "role"], extra=2, can_delete=True)
AgreementFormSet = inlineformset_factory(
    Activity, ActivityAgreement, fields=["agreement"], extra=1, can_delete=True
)
