from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from accord.accounts.refusals import refusal
from accord.accounts.roles import can
from accord.accounts.views import ActionRequiredMixin
from accord.records.history import history
from accord.records.views import save_edit
from accord.registry.forms import CountryGroupForm, NetworkForm
from accord.registry.models import CountryGroup, Network


class GroupListView(ActionRequiredMixin, ListView):
    action = "registry.view"
    template_name = "registry/group_list.html"

    def get_queryset(self):
        return CountryGroup.objects.annotate(
            n_countries=Count("countries", distinct=True),
            n_partners=Count("countries__institutions", distinct=True),
        )


class GroupDetailView(ActionRequiredMixin, DetailView):
    action = "registry.view"
    model = CountryGroup
    template_name = "registry/group_detail.html"

    def get_context_data(self, **kwargs):
        countries = self.object.countries.annotate(n_partners=Count("institutions")).order_by("name")
        return super().get_context_data(countries=countries, history=history(self.object), **kwargs)


class NetworkListView(ActionRequiredMixin, ListView):
    action = "registry.view"
    template_name = "registry/network_list.html"

    def get_queryset(self):
        return Network.objects.annotate(n_members=Count("memberships"))


class NetworkDetailView(ActionRequiredMixin, DetailView):
    action = "registry.view"
    model = Network
    template_name = "registry/network_detail.html"

    def get_context_data(self, **kwargs):
        members = self.object.memberships.select_related("institution__country").order_by("institution__name")
        return super().get_context_data(members=members, history=history(self.object), **kwargs)


def _edit(request, record, form_class):
    """Edit a group's or a network's names and facts under its version lock: office staff, not a
    coordinator (groups and networks belong to no faculty, so `can` is asked without the record)."""
    if not can(request.user, "registry.change"):
        raise PermissionDenied(refusal(request.user, "registry.change"))
    form = form_class(request.POST or None, instance=record)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(request, form)
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect(saved)
    return render(request, "records/record_form.html", {
        "form": form, "formsets": [], "object": record, "title": _("Edit"), "conflict": conflict,
        "edit_current_url": request.path if conflict else "", "cancel_url": record.get_absolute_url(),
    }, status=409 if conflict else 200)


def group_update(request, slug):
    return _edit(request, get_object_or_404(CountryGroup, slug=slug), CountryGroupForm)


def network_update(request, pk):
    return _edit(request, get_object_or_404(Network, pk=pk), NetworkForm)


urlpatterns = [
    path("groups/", GroupListView.as_view(), name="group-list"),
    path("groups/<slug:slug>/", GroupDetailView.as_view(), name="group-detail"),
    path("groups/<slug:slug>/edit/", group_update, name="group-update"),
    path("networks/", NetworkListView.as_view(), name="network-list"),
    path("networks/<int:pk>/", NetworkDetailView.as_view(), name="network-detail"),
    path("networks/<int:pk>/edit/", network_update, name="network-update"),
]
