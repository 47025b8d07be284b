from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from accord.accounts.roles import can
from accord.accounts.views import ActionRequiredMixin
from accord.guidance import services
from accord.guidance.filters import CallFilter
from accord.guidance.forms import BookForm, CallForm, DocumentForm, StepFormSet
from accord.guidance.models import Call, CallDocument
from accord.guidance.views.common import require
from accord.records.files import download
from accord.records.files import max_mb as upload_limit
from accord.records.views import FilteredListView, save_edit


class CallListView(ActionRequiredMixin, FilteredListView):
    action = "guidance.browse"
    filterset_class = CallFilter
    results_template = "guidance/_call_results.html"
    template_name = "guidance/call_list.html"

    def get_queryset(self):
        return Call.objects.prefetch_related("countries", "country_groups").order_by("external_deadline", "title", "pk")



class CallDetailView(ActionRequiredMixin, DetailView):
    action = "guidance.browse"
    model = Call
    template_name = "guidance/call_detail.html"

    def get_context_data(self, **kwargs):
        call, user = self.object, self.request.user
        return super().get_context_data(
            steps=call.steps.order_by("order", "pk"),
            documents=call.documents.order_by("-uploaded_at", "-pk"),
            countries=call.countries.order_by("name"),
            groups=call.country_groups.order_by("name"),
            consultations=call.consultations.filter(starts_at__gte=timezone.now()).order_by("starts_at", "pk"),
            my_applications=call.applications.filter(applicant=user).order_by("-created"),
            following=call.followers.filter(pk=user.pk).exists(),
            is_open=call.is_open(),
            can_apply=can(user, "guidance.apply"),
            can_manage=can(user, "guidance.manage"),
            book_form=BookForm(user=user),
            **kwargs,
        )


def _edit(request, call=None):
    require(request.user, "guidance.manage")
    data = request.POST if request.method == "POST" else None
    form = CallForm(data, instance=call)
    steps = StepFormSet(data, instance=call or Call(), prefix="steps")
    conflict = None
    if data is not None and form.is_valid() and steps.is_valid():
        saved, conflict = save_edit(request, form, [steps], service=services.save_call)
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect(saved)
    return render(request, "guidance/call_form.html", {
        "form": form, "steps": steps, "object": call, "conflict": conflict,
        "edit_current_url": request.path if conflict else "",
        "cancel_url": call.get_absolute_url() if call else reverse("guidance:call-list"),
    }, status=409 if conflict else 400 if data is not None else 200)


def call_create(request):
    return _edit(request)


def call_update(request, pk):
    return _edit(request, get_object_or_404(Call, pk=pk))


@require_POST
def call_follow(request, pk):
    require(request.user, "guidance.browse")
    call = get_object_or_404(Call, pk=pk)
    on = request.POST.get("follow") != "0"
    services.follow(call, request.user, on=on)
    messages.success(request, _("You follow this call: its deadlines are in your calendar.") if on
                     else _("You no longer follow this call."))
    return redirect(call)


def call_document_upload(request, pk):
    require(request.user, "guidance.manage")
    call = get_object_or_404(Call, pk=pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attach_call_document(call, form.cleaned_data["file"], by=request.user,
                                          description=form.cleaned_data["description"])
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("Document uploaded."))
            return redirect(call)
    return render(request, "guidance/upload_form.html", {"form": form, "object": call, "max_mb": upload_limit()},
                  status=400 if form.errors else 200)


def call_document_download(request, pk):
    require(request.user, "guidance.browse")
    return download(get_object_or_404(CallDocument, pk=pk))


urlpatterns = [
    path("", CallListView.as_view(), name="call-list"),
    path("calls/new/", call_create, name="call-create"),
    path("calls/<int:pk>/", CallDetailView.as_view(), name="call-detail"),
    path("calls/<int:pk>/edit/", call_update, name="call-update"),
    path("calls/<int:pk>/follow/", call_follow, name="call-follow"),
    path("calls/<int:pk>/documents/new/", call_document_upload, name="call-document-upload"),
    path("calls/documents/<int:pk>/", call_document_download, name="call-document-download"),
]
