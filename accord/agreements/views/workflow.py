from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.refusals import refusal
from accord.accounts.roles import can
from accord.agreements.forms import RenewForm
from accord.agreements.models import Agreement
from accord.agreements.services import TransitionNotAllowed, renew, transition


@require_POST
def agreement_transition(request, pk):
    agreement = get_object_or_404(Agreement, pk=pk)
    if not can(request.user, "records.change", agreement):
        raise PermissionDenied(refusal(request.user, "records.change", agreement))
    to = request.POST.get("to", "")
    try:
        transition(agreement, to, by=request.user, note=request.POST.get("note", "")[:80],
                   expected=request.POST.get("from") or None)
    except TransitionNotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Status changed to %(status)s.") % {"status": agreement.get_status_display()})
    return redirect(agreement)


@require_POST
def agreement_renew(request, pk):
    agreement = get_object_or_404(Agreement, pk=pk)
    if not can(request.user, "records.change", agreement):
        raise PermissionDenied(refusal(request.user, "records.change", agreement))
    form = RenewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a valid end date for the renewal."))
        return redirect(agreement)
    try:
        successor = renew(agreement, by=request.user, until=form.cleaned_data["until"], note=form.cleaned_data["note"])
    except TransitionNotAllowed as error:
        messages.error(request, str(error))
        return redirect(agreement)
    messages.success(request, _("Renewed: this is the new agreement."))
    return redirect(successor)


urlpatterns = [
    path("<int:pk>/transition/", agreement_transition, name="agreement-transition"),
    path("<int:pk>/renew/", agreement_renew, name="agreement-renew"),
]
