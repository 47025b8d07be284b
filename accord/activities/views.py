from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from accord.activities.services import save_activity
from accord.records.export import ExportMixin
from accord.activities.filters import ActivityFilter
from accord.activities.forms import ActivityForm, AgreementFormSet, PartyFormSet, PersonFormSet
from accord.activities.models import Activity, ActivityAgreement, ActivityParty, ActivityPerson
from accord.records.views import RecordDetailView, RecordListView, delete_record, edit_record
from accord.records.history import history


def _parties(activity) -> str:
    """As the activities import reads them: "Name (Role); …"."""
    return "; ".join(f"{p.institution.name} ({p.get_role_display()})" for p in activity.parties.all())


class ActivityListView(ExportMixin, RecordListView):
    filterset_class = ActivityFilter
    template_name = "activities/activity_list.html"
    results_template = "activities/_activity_results.html"
    export_title = _("Activities")
    # the headings are those of the activities import (accord/activities/imports.py): an export imports back
    export_columns = [
        (_("Id"), lambda a: a.pk),
        (_("Title"), lambda a: a.title),
        (_("Kind"), lambda a: a.get_kind_display()),
        (_("Start date"), lambda a: a.start_date),
        (_("End date"), lambda a: a.end_date),
        (_("Date precision"), lambda a: a.get_date_precision_display()),
        (_("City"), lambda a: a.city),
        (_("Country"), lambda a: a.country.display_name if a.country else ""),
        (_("Parties"), _parties),
        (_("Faculty"), lambda a: a.faculty.name if a.faculty else ""),
        (_("Participants"), lambda a: a.participant_count),
        (_("Universities"), lambda a: a.university_count),
        (_("Countries"), lambda a: a.country_count),
        (_("Submissions"), lambda a: a.submission_count),
        (_("Source"), lambda a: a.source_url),
        (_("Description"), lambda a: a.description),
    ]

    def get_queryset(self):
        parties = ActivityParty.objects.select_related("institution").order_by("role", "institution__name", "pk")
        return (
            Activity.objects.select_related("country", "faculty")
            .prefetch_related(Prefetch("parties", queryset=parties))
            .order_by("-start_date", "title", "pk")
        )


class ActivityDetailView(RecordDetailView):
    model = Activity
    template_name = "activities/activity_detail.html"

    def get_queryset(self):
        return Activity.objects.select_related("country", "faculty")

    def get_context_data(self, **kwargs):
        activity = self.object
        return super().get_context_data(
            parties=activity.parties.select_related("institution__country").order_by("role", "institution__name"),
            people=activity.people.select_related("person__institution").order_by("person__name"),
            agreements=activity.agreements.order_by("title"),
            **kwargs,
        )

    def get_history(self):
        activity = self.object
        return history(
            activity,
            parts=(
                (ActivityParty.history.filter(activity_id=activity.pk), "party"),
                (ActivityPerson.history.filter(activity_id=activity.pk), "person"),
                (ActivityAgreement.history.filter(activity_id=activity.pk), "agreement"),
            ),
        )


FORMSETS = (
    ("parties", PartyFormSet, _("Parties")),
    ("people", PersonFormSet, _("People")),
    ("agreements", AgreementFormSet, _("Linked agreements")),
)


def activity_create(request):
    return edit_record(
        request, model=Activity, service=save_activity, form_class=ActivityForm, template="activities/activity_form.html",
        formsets=FORMSETS, list_url=reverse("activities:activity-list"),
    )


def activity_update(request, pk):
    return edit_record(
        request, model=Activity, service=save_activity, form_class=ActivityForm, template="activities/activity_form.html",
        formsets=FORMSETS, list_url=reverse("activities:activity-list"), pk=pk,
    )


def activity_delete(request, pk):
    return delete_record(request, model=Activity, pk=pk, list_url=reverse("activities:activity-list"))


urlpatterns = [
    path("", ActivityListView.as_view(), name="activity-list"),
    path("new/", activity_create, name="activity-create"),
    path("<int:pk>/", ActivityDetailView.as_view(), name="activity-detail"),
    path("<int:pk>/edit/", activity_update, name="activity-update"),
    path("<int:pk>/delete/", activity_delete, name="activity-delete"),
]
