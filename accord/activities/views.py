from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from accord.activities.filters import ActivityFilter
from accord.activities.forms import ActivityForm, AgreementFormSet, PartyFormSet, PersonFormSet
from accord.activities.models import Activity, ActivityAgreement, ActivityParty, ActivityPerson
from accord.mobility.views.records import RecordDetailView, RecordListView, delete_record, edit_record, history


class ActivityListView(RecordListView):
    filterset_class = ActivityFilter
    template_name = "activities/activity_list.html"
    results_template = "activities/_activity_results.html"

    def get_queryset(self):
        return Activity.objects.select_related("country", "faculty").order_by("-start_date", "title", "pk")


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
            related=(
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
        request, model=Activity, form_class=ActivityForm, template="activities/activity_form.html",
        formsets=FORMSETS, list_url=reverse("activities:activity-list"),
    )


def activity_update(request, pk):
    return edit_record(
        request, model=Activity, form_class=ActivityForm, template="activities/activity_form.html",
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
