from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from accord.agreements import isced
from accord.records.files import check_upload
from accord.agreements.models import Agreement, AgreementParty, Quota, Signatory
from accord.records.concurrency import VersionedForm
from accord.registry.models import Institution
from accord.registry.widgets import InstitutionPicker

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgreementForm(VersionedForm):
    subject_areas = forms.MultipleChoiceField(
        label=_("Subject areas (ISCED-F 2013)"), choices=isced.choices, required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Agreement
        fields = [
            "title", "kind", "faculty", "owner", "signed_on", "signed_precision", "signing_mode",
            "valid_from", "valid_until", "auto_renew", "renewal_notice_days", "subject_areas", "is_public", "notes",
        ]
        widgets = {
            "signed_on": DATE, "valid_from": DATE, "valid_until": DATE, "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, fixed_faculty=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["faculty"].queryset = Institution.objects.home_units()
        self.fields["owner"].queryset = self.fields["owner"].queryset.filter(is_active=True).order_by("username")
        if fixed_faculty is not None:
            self.fields["faculty"].disabled = True
            self.fields["faculty"].initial = fixed_faculty
            self.fields["faculty"].help_text = _("Agreements you create or edit belong to your faculty.")


class PartyForm(forms.ModelForm):
    class Meta:
        model = AgreementParty
        fields = ["institution", "role"]
        widgets = {"institution": InstitutionPicker()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.exclude(status="merged").order_by("name")


class QuotaForm(forms.ModelForm):
    isced_code = forms.ChoiceField(label=_("ISCED-F"), choices=lambda: [("", "—"), *isced.choices()], required=False)

    class Meta:
        model = Quota
        fields = [
            "academic_year", "direction", "mobility_type", "count", "duration", "isced_code", "eqf_level",
            "language", "cefr_level",
        ]
        widgets = {"academic_year": forms.TextInput(attrs={"placeholder": "2025/26", "size": 7})}


class SignatoryForm(forms.ModelForm):
    class Meta:
        model = Signatory
        fields = ["person", "institution", "title", "signed_on"]
        widgets = {"signed_on": DATE, "institution": InstitutionPicker()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.exclude(status="merged").order_by("name")


class _RequireParties(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        institutions = [f.cleaned_data["institution"].pk for f in kept if f.cleaned_data.get("institution")]
        if len(institutions) != len(set(institutions)):
            raise forms.ValidationError(_("An institution can be a party only once."))


PartyFormSet = inlineformset_factory(
    Agreement, AgreementParty, form=PartyForm, formset=_RequireParties, extra=2, can_delete=True
)
QuotaFormSet = inlineformset_factory(Agreement, Quota, form=QuotaForm, extra=1, can_delete=True)
SignatoryFormSet = inlineformset_factory(Agreement, Signatory, form=SignatoryForm, extra=1, can_delete=True)


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, PNG or JPEG)"))
    description = forms.CharField(label=_("Description"), max_length=200, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = check_upload(upload)
        return upload


class RenewForm(forms.Form):
    until = forms.DateField(label=_("Renewal valid until"), widget=DATE, required=False,
                            help_text=_("Empty: open-ended."))
    note = forms.CharField(label=_("Note"), max_length=80, required=False)


class ExpiringForm(forms.Form):
    days = forms.IntegerField(label=_("Within days"), min_value=1, max_value=3650, initial=90, required=False)
