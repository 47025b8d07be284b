from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accord.notifications import services
from accord.notifications.models import Notification, Preference

NOTIFICATIONS_SHOWN = 200  # the newest notifications listed on the page


class PreferenceForm(forms.Form):
    email = forms.BooleanField(label=gettext_lazy("Also send my notifications by e-mail"), required=False)


def notification_list(request):
    rows = Notification.objects.filter(user=request.user).order_by("-created", "-pk")
    preference = Preference.objects.filter(user=request.user).first()
    return render(request, "notifications/list.html", {
        "notifications": rows[:NOTIFICATIONS_SHOWN],
        "unread_count": services.unread(request.user).count(),
        "form": PreferenceForm(initial={"email": preference.email if preference else True}),
        "has_email": bool(request.user.email),
    })


@require_POST
def notification_open(request, pk):
    """Mark one notification read and go to what it is about."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.mark_read(request.user, [notification.pk])
    url = notification.url
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return redirect(url)
    return redirect("notifications:list")


@require_POST
def notification_read_all(request):
    count = services.mark_read(request.user)
    messages.success(request, _("%(count)d notifications marked read.") % {"count": count})
    return redirect("notifications:list")


@require_POST
def preference_update(request):
    form = PreferenceForm(request.POST)
    form.is_valid()
    on = bool(form.cleaned_data.get("email"))
    services.set_email(request.user, on)
    messages.success(request, _("Notifications are e-mailed to you.") if on else _("Notifications are no longer e-mailed to you."))
    return redirect("notifications:list")
