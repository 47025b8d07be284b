from django.db.models import Count
from django.urls import path
from django.views.generic import DetailView, ListView

from accord.accounts.views import ActionRequiredMixin
from accord.registry.models import CountryGroup, Network
from accord.records.history import history


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


urlpatterns = [
    path("groups/", GroupListView.as_view(), name="group-list"),
    path("groups/<slug:slug>/", GroupDetailView.as_view(), name="group-detail"),
    path("networks/", NetworkListView.as_view(), name="network-list"),
    path("networks/<int:pk>/", NetworkDetailView.as_view(), name="network-detail"),
]
