from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from accord.mobility.services import save_person
from accord.accounts.roles import can
from accord.records.export import ExportMixin
from accord.mobility.filters import PersonFilter
from accord.mobility.forms import CONTACT_FIELDS, PersonForm
from accord.mobility.models import Person
from accord.records.views import RecordDetailView, RecordListView, delete_record, edit_record
from accord.records.history import history


class PersonListView(ExportMixin, RecordListView):
    filterset_class = PersonFilter
    template_name = "mobility/person_list.html"
    results_template = "mobility/_person_results.html"
    export_title = _("People")
    export_base_columns = [
        (_("Id"), lambda p: p.pk),
        (_("Name"), lambda p: p.name),
        (_("Local name"), lambda p: p.local_name),
        (_("Title"), lambda p: p.title),
        (_("Kind"), lambda p: p.get_kind_display()),
        (_("Institution"), lambda p: p.institution.name if p.institution else ""),
        (_("Nationality"), lambda p: p.nationality.display_name if p.nationality else ""),
        (_("Faculty"), lambda p: p.faculty.name if p.faculty else ""),
    ]
    contact_columns = [(_("Email"), lambda p: p.email), (_("Phone"), lambda p: p.phone)]

    @property
    def export_columns(self):
        """Contact data only for those who may see it (people.contacts)."""
        if can(self.request.user, "people.contacts"):
            return self.export_base_columns + self.contact_columns
        return self.export_base_columns

    def get_queryset(self):
        return Person.objects.select_related("institution", "nationality", "faculty").order_by("name", "pk")


class PersonDetailView(RecordDetailView):
    model = Person
    template_name = "mobility/person_detail.html"

    def get_queryset(self):
        return Person.objects.select_related("institution__country", "nationality", "faculty")

    def get_context_data(self, **kwargs):
        person = self.object
        return super().get_context_data(
            show_contacts=can(self.request.user, "people.contacts"),
            mobilities=person.mobilities.select_related("home_institution", "host_institution").order_by(
                "-start_date", "pk"
            ),
            activity_roles=person.activity_roles.select_related("activity").order_by("-activity__start_date"),
            **kwargs,
        )

    def get_history(self):
        hidden = () if can(self.request.user, "people.contacts") else CONTACT_FIELDS
        return history(self.object, hidden=hidden)


def person_create(request):
    return edit_record(
        request, model=Person, service=save_person, form_class=PersonForm, template="mobility/person_form.html",
        list_url=reverse("mobility:person-list"),
    )


def person_update(request, pk):
    return edit_record(
        request, model=Person, service=save_person, form_class=PersonForm, template="mobility/person_form.html",
        list_url=reverse("mobility:person-list"), pk=pk,
    )


def person_delete(request, pk):
    return delete_record(request, model=Person, pk=pk, list_url=reverse("mobility:person-list"))


urlpatterns = [
    path("", PersonListView.as_view(), name="person-list"),
    path("new/", person_create, name="person-create"),
    path("<int:pk>/", PersonDetailView.as_view(), name="person-detail"),
    path("<int:pk>/edit/", person_update, name="person-update"),
    path("<int:pk>/delete/", person_delete, name="person-delete"),
]
