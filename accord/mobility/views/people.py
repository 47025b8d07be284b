from django.urls import path, reverse

from accord.accounts.roles import can
from accord.mobility.filters import PersonFilter
from accord.mobility.forms import CONTACT_FIELDS, PersonForm
from accord.mobility.models import Person
from accord.mobility.views.records import RecordDetailView, RecordListView, delete_record, edit_record, history


class PersonListView(RecordListView):
    filterset_class = PersonFilter
    template_name = "mobility/person_list.html"
    results_template = "mobility/_person_results.html"

    def get_queryset(self):
        return Person.objects.select_related("institution", "nationality").order_by("name", "pk")


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
        request, model=Person, form_class=PersonForm, template="mobility/person_form.html",
        list_url=reverse("mobility:person-list"),
    )


def person_update(request, pk):
    return edit_record(
        request, model=Person, form_class=PersonForm, template="mobility/person_form.html",
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
