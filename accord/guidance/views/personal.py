from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse

from accord.guidance import calendar, matching
from accord.guidance.deadlines import deadlines_for, next_steps
from accord.guidance.figures import figures
from accord.guidance.forms import MatchForm
from accord.guidance.models import Stage
from accord.guidance.views.common import require


def my_deadlines(request):
    require(request.user, "guidance.browse")
    feed = reverse("guidance:calendar", args=[calendar.token_for(request.user)])
    return render(request, "guidance/deadlines.html", {
        "deadlines": deadlines_for(request.user),
        "next_steps": next_steps(request.user),
        "calendar_url": request.build_absolute_uri(feed),
    })


@login_not_required
def calendar_feed(request, token):
    user = calendar.user_for(token)
    if user is None:
        raise Http404("No such calendar.")
    base = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(calendar.feed(user, base_url=base, host=request.get_host().split(":")[0]),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="accord-guidance.ics"'
    response["Cache-Control"] = "private, max-age=3600"
    return response


def match(request):
    require(request.user, "guidance.browse")
    form = MatchForm(request.GET or None)
    calls = partners = None
    if form.is_valid():
        calls = matching.match_calls(form.cleaned_data["q"])
        partners = matching.match_partners(form.cleaned_data["q"])
    return render(request, "guidance/match.html", {"form": form, "calls": calls, "partners": partners})


def center(request):
    require(request.user, "guidance.browse")
    data = figures()
    stage_labels = dict(Stage.choices)
    return render(request, "guidance/center.html", {
        "figures": data,
        "by_stage": [(stage_labels[s], n) for s, n in data["by_stage"].items()],
    })


urlpatterns = [
    path("deadlines/", my_deadlines, name="deadlines"),
    path("calendar/<str:token>.ics", calendar_feed, name="calendar"),
    path("match/", match, name="match"),
    path("center/", center, name="center"),
]
