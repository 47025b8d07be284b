from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from accord.mobility.services import save_program
from accord.records.export import ExportMixin
from accord.mobility.filters import ProgramFilter
from accord.mobility.forms import PartnerFormSet, ProgramForm
from accord.mobility.models import Program, ProgramPartner
from accord.records.views import RecordDetailView, RecordListView, delete_record, edit_record
from accord.records.history import history


def _partners(program) -> str:
    return "; ".join(f"{p.institution.name} ({p.get_role_display()})" for p in program.partnerships.all())


class ProgramListView(ExportMixin, RecordListView):
    filterset_class = ProgramFilter
    template_name = "mobility/program_list.html"
    results_template = "mobility/_program_results.html"
    export_title = _("Programs")
    export_columns = [
        (_("Id"), lambda p: p.pk),
        (_("Name"), lambda p: p.name),
        (_("Kind"), lambda p: p.get_kind_display()),
        (_("Level"), lambda p: p.get_level_display()),
        (_("Partners"), _partners),
        (_("Start date"), lambda p: p.start_date),
        (_("End date"), lambda p: p.end_date),
        (_("Year established"), lambda p: p.established),
        (_("Students per intake"), lambda p: p.intake),
        (_("City"), lambda p: p.city),
        (_("Country"), lambda p: p.country.display_name if p.country else ""),
        (_("Faculty"), lambda p: p.faculty.name if p.faculty else ""),
        (_("Website"), lambda p: p.website),
    ]

    def get_queryset(self):
        partners = ProgramPartner.objects.select_related("institution").order_by("role", "institution__name", "pk")
        return (
            Program.objects.select_related("country", "faculty")
            .prefetch_related(Prefetch("partnerships", queryset=partners))
            .order_by("name", "pk")
        )


class ProgramDetailView(RecordDetailView):
    model = Program
    template_name = "mobility/program_detail.html"

    def get_queryset(self):
        return Program.objects.select_related("country", "faculty")

    def get_context_data(self, **kwargs):
        program = self.object
        return super().get_context_data(
            partnerships=program.partnerships.select_related("institution__country").order_by(
                "role", "institution__name"
            ),
            cohorts=program.cohorts.select_related("nationality").order_by("-academic_year", "pk"),
            mobility_count=program.mobilities.count(),
            **kwargs,
        )

    def get_history(self):
        partners = ProgramPartner.history.filter(program_id=self.object.pk)
        return history(self.object, parts=((partners, "partner"),))


FORMSETS = (("partners", PartnerFormSet, _("Partner institutions")),)


def _edit(request, pk=None):
    return edit_record(
        request, model=Program, service=save_program, form_class=ProgramForm, template="mobility/program_form.html", formsets=FORMSETS,
        list_url=reverse("mobility:program-list"), pk=pk,
    )


def program_create(request):
    return _edit(request)


def program_update(request, pk):
    return _edit(request, pk)


def program_delete(request, pk):
    return delete_record(request, model=Program, pk=pk, list_url=reverse("mobility:program-list"))


urlpatterns = [
    path("programs/", ProgramListView.as_view(), name="program-list"),
    path("programs/new/", program_create, name="program-create"),
    path("programs/<int:pk>/", ProgramDetailView.as_view(), name="program-detail"),
    path("programs/<int:pk>/edit/", program_update, name="program-update"),
    path("programs/<int:pk>/delete/", program_delete, name="program-delete"),
]
