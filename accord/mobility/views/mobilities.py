from django.urls import path, reverse

from accord.mobility.filters import MobilityFilter
from accord.mobility.forms import MobilityForm
from accord.mobility.models import Mobility
from accord.mobility.views.records import RecordDetailView, RecordListView, delete_record, edit_record


class MobilityListView(RecordListView):
    filterset_class = MobilityFilter
    template_name = "mobility/mobility_list.html"
    results_template = "mobility/_mobility_results.html"

    def get_queryset(self):
        return Mobility.objects.select_related(
            "person__nationality", "home_institution", "host_institution", "program"
        ).order_by("-start_date", "person__name", "pk")


class MobilityDetailView(RecordDetailView):
    model = Mobility
    template_name = "mobility/mobility_detail.html"

    def get_queryset(self):
        return Mobility.objects.select_related(
            "person__nationality", "home_institution__country", "host_institution__country", "program", "faculty"
        )


def _edit(request, pk=None):
    return edit_record(
        request, model=Mobility, form_class=MobilityForm, template="mobility/mobility_form.html",
        list_url=reverse("mobility:mobility-list"), pk=pk,
    )


def mobility_create(request):
    return _edit(request)


def mobility_update(request, pk):
    return _edit(request, pk)


def mobility_delete(request, pk):
    return delete_record(request, model=Mobility, pk=pk, list_url=reverse("mobility:mobility-list"))


urlpatterns = [
    path("mobility/", MobilityListView.as_view(), name="mobility-list"),
    path("mobility/new/", mobility_create, name="mobility-create"),
    path("mobility/<int:pk>/", MobilityDetailView.as_view(), name="mobility-detail"),
    path("mobility/<int:pk>/edit/", mobility_update, name="mobility-update"),
    path("mobility/<int:pk>/delete/", mobility_delete, name="mobility-delete"),
]
