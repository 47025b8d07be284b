"""The guidance center's call deadlines appear among the dashboard's upcoming deadlines."""

from django.utils import timezone

from accord.insights.services import deadlines


def test_a_call_closing_soon_is_on_the_dashboards_deadlines(make_call):
    call = make_call("Sino-Chilean astronomy fund", external=20)
    far = make_call("Call closing next year", external=400)
    upcoming = deadlines.upcoming(within_days=90, today=timezone.localdate())
    titles = {(d.title, d.what) for d in upcoming}
    assert (call.title, "Call closes") in titles
    assert far.title not in {d.title for d in upcoming}
