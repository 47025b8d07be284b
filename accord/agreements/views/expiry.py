from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.views.generic import TemplateView

from accord.accounts.views import ActionRequiredMixin
from accord.agreements import ical
from accord.agreements.forms import ExpiringForm
from accord.agreements.services import expiring

DEFAULT_DAYS = 90


class ExpiringView(ActionRequiredMixin, TemplateView):
    action = "records.view"
    template_name = "agreements/expiring.html"

    def get_context_data(self, **kwargs):
        form = ExpiringForm(self.request.GET or None)
        days = (form.cleaned_data.get("days") if form.is_valid() else None) or DEFAULT_DAYS
        feed = reverse("agreements:calendar", args=[ical.token_for(self.request.user)])
        return super().get_context_data(
            form=form,
            days=days,
            agreements=expiring(days),
            calendar_url=self.request.build_absolute_uri(feed),
            **kwargs,
        )


@login_not_required
def calendar_feed(request, token):
    user = ical.user_for(token)
    if user is None:
        raise Http404("No such calendar.")
    base = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(ical.feed(user, base_url=base, host=request.get_host().split(":")[0]),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="accord-agreements.ics"'
    response["Cache-Control"] = "private, max-age=3600"
    return response


urlpatterns = [
    path("expiring/", ExpiringView.as_view(), name="expiring"),
    path("calendar/<str:token>.ics", calendar_feed, name="calendar"),
]
