from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from accord.accounts.roles import MENTOR, STAFF, TEACHER
from accord.agreements import isced
from accord.agreements.forms import DocumentForm  # noqa: F401  (the same upload form and checks for call and application files)
from accord.guidance.models import Application, Call, CallStep, Consultation
from accord.mobility.models import Person
from accord.records.concurrency import VersionedForm
from accord.registry.models import Institution
from accord.registry.widgets import InstitutionsPicker

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def guidance_people():
    """Who may mentor or lead a consultation: teachers and the office."""
    roles = [TEACHER, MENTOR, STAFF, "admin"]
    return get_user_model().objects.filter(is_active=True, groups__name__in=roles).distinct().order_by("username")


class CallForm(VersionedForm):
    disciplines = forms.MultipleChoiceField(
        label=_("Disciplines (ISCED-F 2013)"), choices=isced.choices, required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    link = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Call
        fields = [
            "title", "funder", "program_type", "positioning", "requirements", "countries", "country_groups",
            "disciplines", "keywords", "budget_min", "budget_max", "currency", "open_date", "internal_deadline",
            "external_deadline", "link",
        ]
        widgets = {
            "positioning": forms.Textarea(attrs={"rows": 3}), "requirements": forms.Textarea(attrs={"rows": 4}),
            "countries": forms.SelectMultiple(attrs={"size": 8}),
            "open_date": DATE, "internal_deadline": DATE, "external_deadline": DATE,
        }


StepFormSet = inlineformset_factory(
    Call, CallStep, fields=["order", "title", "description", "due_date"], extra=3, can_delete=True,
    widgets={"description": forms.TextInput(), "due_date": DATE},
)


class ApplicationForm(VersionedForm):
    discipline = forms.ChoiceField(label=_("Discipline (ISCED-F 2013)"), required=False,
                                   choices=lambda: [("", "—"), *isced.choices()])

    class Meta:
        model = Application
        fields = ["title", "discipline", "research_direction", "partner_institutions", "partner_researchers", "mentor"]
        widgets = {
            "research_direction": forms.Textarea(attrs={"rows": 3}),
            "partner_institutions": InstitutionsPicker(),
            "partner_researchers": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # any institution of the registry, picked by name (the page carries only the chosen ones)
        self.fields["partner_institutions"].queryset = Institution.objects.exclude(status="merged")
        self.fields["partner_researchers"].queryset = Person.objects.exclude(
            kind=Person.Kind.STUDENT).filter(Q(institution__is_home=False) | Q(institution=None)).order_by("name")
        self.fields["mentor"].queryset = guidance_people()


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["title", "starts_at", "place", "mentor", "call", "capacity", "notes"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = guidance_people()


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)


class StageForm(forms.Form):
    to = forms.ChoiceField(choices=Application._meta.get_field("stage").choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class BookForm(forms.Form):
    application = forms.ModelChoiceField(queryset=Application.objects.none(), required=False,
                                         label=_("About my application"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["application"].queryset = Application.objects.filter(applicant=user).order_by("-created")


class MatchForm(forms.Form):
    q = forms.CharField(label=_("Your research direction (in English)"), max_length=2000,
                        widget=forms.Textarea(attrs={"rows": 3}))
