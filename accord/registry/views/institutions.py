from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import DetailView

from accord.accounts.refusals import refusal
from accord.accounts.roles import can
from accord.accounts.views import ActionRequiredMixin
from accord.records.export import ExportMixin
from accord.records.history import history
from accord.records.views import FilteredListView, save_edit
from accord.registry.filters import InstitutionFilter
from accord.registry.forms import InstitutionForm, NameFormSet
from accord.registry.models import ExternalId, Institution, InstitutionName, NetworkMembership
from accord.registry.timeline import partner_status, timeline


class InstitutionListView(ActionRequiredMixin, ExportMixin, FilteredListView):
    action = "registry.view"
    export_action = "registry.export"
    export_title = _lazy("Partners")
    export_columns = [
        (_lazy("Id"), lambda i: i.pk),
        (_lazy("Name"), lambda i: i.name),
        (_lazy("Local name"), lambda i: i.local_name),
        (_lazy("Kind"), lambda i: i.get_kind_display()),
        (_lazy("Country"), lambda i: i.country.display_name if i.country else ""),
        (_lazy("Continent"), lambda i: i.country.continent_name if i.country else ""),
        (_lazy("UN region"), lambda i: i.country.subregion_name if i.country else ""),
        (_lazy("City"), lambda i: i.city),
        (_lazy("Website"), lambda i: i.website),
        (_lazy("ROR id"), lambda i: i.ror_id or ""),
        (_lazy("Status"), lambda i: i.get_status_display()),
    ]
    filterset_class = InstitutionFilter
    results_template = "registry/_institution_results.html"
    template_name = "registry/institution_list.html"

    def get_queryset(self):
        return Institution.objects.select_related("country").order_by("-is_home", "name")



class InstitutionDetailView(ActionRequiredMixin, DetailView):
    action = "registry.view"
    model = Institution
    template_name = "registry/institution_detail.html"

    def get_queryset(self):
        return Institution.objects.select_related("country", "parent", "successor")

    def get_context_data(self, **kwargs):
        inst = self.object
        entries = timeline(inst)
        return super().get_context_data(
            timeline=entries,
            partner_status=None if inst.is_home else partner_status(entries),
            names=inst.names.all(),
            external_ids=inst.external_ids.all(),
            memberships=inst.memberships.select_related("network"),
            units=inst.units.order_by("name"),
            predecessors=inst.predecessors.order_by("name"),
            history=history(inst, parts=[
                (model.history.filter(institution_id=inst.pk), label)
                for model, label in ((InstitutionName, "name"), (ExternalId, "identifier"), (NetworkMembership, "membership"))
            ]),
            can_change=can(self.request.user, "registry.change", inst),
            can_merge=can(self.request.user, "registry.merge"),
            **kwargs,
        )


def _edit(request, instance=None):
    form = InstitutionForm(request.POST or None, instance=instance)
    names = NameFormSet(request.POST or None, instance=instance or Institution(), prefix="names")
    conflict = None
    if request.method == "POST" and form.is_valid() and names.is_valid():
        inst, conflict = save_edit(request, form, [names])
        if inst is not None:
            return redirect(inst)
    return render(
        request,
        "registry/institution_form.html",
        {"form": form, "names": names, "object": instance, "title": _("Edit") if instance else _("New partner"),
         "conflict": conflict, "edit_current_url": request.path if conflict else ""},
        status=409 if conflict else 200,
    )


def institution_create(request):
    if not can(request.user, "registry.add"):
        raise PermissionDenied
    return _edit(request)


def institution_update(request, pk):
    inst = get_object_or_404(Institution, pk=pk)
    if not can(request.user, "registry.change", inst):
        raise PermissionDenied(refusal(request.user, "registry.change", inst))
    return _edit(request, inst)



urlpatterns = [
    path("", InstitutionListView.as_view(), name="institution-list"),
    path("new/", institution_create, name="institution-create"),
    path("<int:pk>/", InstitutionDetailView.as_view(), name="institution-detail"),
    path("<int:pk>/edit/", institution_update, name="institution-update"),
]
