from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from accord.mobility.services import save_mobility
from accord.records.export import ExportMixin
from accord.mobility.filters import MobilityFilter
from accord.mobility.forms import MobilityForm
from accord.mobility.models import Mobility
from accord.records.views import RecordDetailView, RecordListView, delete_record, edit_record


def _name(institution) -> str:
    return institution.name if institution else ""


class MobilityListView(ExportMixin, RecordListView):
    filterset_class = MobilityFilter
    template_name = "mobility/mobility_list.html"
    results_template = "mobility/_mobility_results.html"
    export_title = _("Mobility")
    # the headings are those of the mobility import (accord/mobility/imports.py): an export imports back
    export_columns = [
        (_("Id"), lambda m: m.pk),
        (_("Direction"), lambda m: m.get_direction_display()),
        (_("Kind"), lambda m: m.get_kind_display()),
        (_("Person"), lambda m: m.person.name),
        (_("Nationality"), lambda m: m.person.nationality.display_name if m.person.nationality else ""),
        (_("Person kind"), lambda m: m.person.get_kind_display()),
        (_("Home institution"), lambda m: _name(m.home_institution)),
        (_("Host institution"), lambda m: _name(m.host_institution)),
        (_("Program"), lambda m: m.program.name if m.program else ""),
        (_("Start date"), lambda m: m.start_date),
        (_("End date"), lambda m: m.end_date),
        (_("Academic year"), lambda m: m.academic_year_label),
        (_("Level"), lambda m: m.get_level_display()),
        (_("Scholarship"), lambda m: m.scholarship),
        (_("Faculty"), lambda m: _name(m.faculty)),
        (_("Notes"), lambda m: m.notes),
    ]

    def get_queryset(self):
        return Mobility.objects.select_related(
            "person__nationality", "home_institution", "host_institution", "program", "faculty"
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
        request, model=Mobility, service=save_mobility, form_class=MobilityForm, template="mobility/mobility_form.html",
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
