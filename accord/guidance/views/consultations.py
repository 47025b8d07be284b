from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.roles import can
from accord.guidance import services
from accord.guidance.forms import BookForm, ConsultationForm
from accord.guidance.models import Consultation
from accord.guidance.views.common import require

PAST_SHOWN = 50  # the most recent past consultations listed


def consultation_list(request):
    require(request.user, "guidance.browse")
    now = timezone.now()
    sessions = Consultation.objects.select_related("mentor", "call")
    return render(request, "guidance/consultation_list.html", {
        "upcoming": sessions.filter(starts_at__gte=now).order_by("starts_at", "pk"),
        "past": sessions.filter(starts_at__lt=now).order_by("-starts_at", "-pk")[:PAST_SHOWN],
        "can_manage": can(request.user, "guidance.manage"),
    })


def consultation_detail(request, pk):
    require(request.user, "guidance.browse")
    consultation = get_object_or_404(Consultation.objects.select_related("mentor", "call"), pk=pk)
    user = request.user
    can_manage = can(user, "guidance.manage")
    # who comes is shown to the office and the mentor; a teacher sees only their own booking
    sees_all = can_manage or consultation.mentor_id == user.pk
    return render(request, "guidance/consultation_detail.html", {
        "object": consultation,
        "booked": consultation.applicants.filter(pk=user.pk).exists(),
        "applicants": consultation.applicants.order_by("username") if sees_all else None,
        "applications": consultation.applications.select_related("applicant").order_by("pk") if sees_all else None,
        "can_manage": can_manage,
        "can_book": can(user, "guidance.apply") and not consultation.is_past,
        "book_form": BookForm(user=user),
    })


def _edit(request, consultation=None):
    require(request.user, "guidance.manage")
    form = ConsultationForm(request.POST or None, instance=consultation)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Saved."))
        return redirect(saved)
    cancel = consultation.get_absolute_url() if consultation else reverse("guidance:consultation-list")
    return render(request, "guidance/consultation_form.html",
                  {"form": form, "object": consultation, "cancel_url": cancel},
                  status=400 if form.errors else 200)


def consultation_create(request):
    return _edit(request)


def consultation_update(request, pk):
    return _edit(request, get_object_or_404(Consultation, pk=pk))


@require_POST
def consultation_book(request, pk):
    require(request.user, "guidance.apply")
    consultation = get_object_or_404(Consultation, pk=pk)
    form = BookForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose one of your applications, or none."))
        return redirect(consultation)
    try:
        services.book(consultation, request.user, application=form.cleaned_data["application"])
    except (services.ConsultationFull, services.StageNotAllowed) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You are booked for %(title)s.") % {"title": consultation.title})
    return redirect(consultation)


urlpatterns = [
    path("consultations/", consultation_list, name="consultation-list"),
    path("consultations/new/", consultation_create, name="consultation-create"),
    path("consultations/<int:pk>/", consultation_detail, name="consultation-detail"),
    path("consultations/<int:pk>/edit/", consultation_update, name="consultation-update"),
    path("consultations/<int:pk>/book/", consultation_book, name="consultation-book"),
]
