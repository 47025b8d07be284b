from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from accord.lib.limits import PAGE_SIZE
from accord.accounts.roles import can
from accord.accounts.views import ActionRequiredMixin
from accord.guidance import access, notices, services
from accord.guidance.forms import ApplicationForm, DocumentForm, NoteForm, StageForm
from accord.guidance.models import Application, ApplicationFile, ApplicationStep, Call
from accord.guidance.views.common import require, require_that
from accord.records.files import download
from accord.records.files import max_mb as upload_limit
from accord.records.history import history
from accord.records.views import save_edit


class ApplicationListView(ActionRequiredMixin, ListView):
    """One list, three scopes: my applications, those I mentor, all I may see."""

    action = "guidance.browse"
    template_name = "guidance/application_list.html"
    paginate_by = PAGE_SIZE
    scope = "mine"
    SCOPES = {
        "mine": (gettext_lazy("My applications"), lambda qs, user: qs.filter(applicant=user)),
        "mentoring": (gettext_lazy("Applications I mentor"), lambda qs, user: qs.filter(mentor=user)),
        "all": (gettext_lazy("Applications"), lambda qs, user: qs),
    }

    def get_queryset(self):
        user = self.request.user
        visible = access.visible_applications(user).select_related("call", "applicant", "mentor", "faculty")
        return self.SCOPES[self.scope][1](visible, user).order_by("-created", "-pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.SCOPES[self.scope][0], scope=self.scope, **kwargs)


def application_create(request):
    require(request.user, "guidance.apply")
    call = get_object_or_404(Call, pk=request.GET.get("call") or request.POST.get("call") or 0)
    if not call.is_open():
        messages.error(request, _("This call is not open for applications."))
        return redirect(call)
    form = ApplicationForm(request.POST or None, initial={"title": "", "discipline": (call.disciplines or [""])[0]})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        application = services.start_application(
            applicant=request.user, call=call, title=data["title"], discipline=data["discipline"],
            research_direction=data["research_direction"], mentor=data["mentor"],
            partners=data["partner_institutions"], researchers=data["partner_researchers"],
        )
        messages.success(request, _("Your application is recorded at the idea stage."))
        return redirect(application)
    return render(request, "guidance/application_form.html", {"form": form, "call": call, "object": None},
                  status=400 if form.errors else 200)


def application_update(request, pk):
    application = get_object_or_404(Application, pk=pk)
    require_that(access.can_edit(request.user, application))
    form = ApplicationForm(request.POST or None, instance=application)
    conflict = None
    if request.method == "POST" and form.is_valid():
        require_that(access.can_change(request.user, Application.objects.get(pk=pk), form.changed_data))
        saved, conflict = save_edit(request, form, service=services.save_application)
        if saved is not None:
            notices.mentor_assigned(saved, by=request.user)  # told once per mentor: only a new one hears
            messages.success(request, _("Saved."))
            return redirect(saved)
    return render(request, "guidance/application_form.html",
                  {"form": form, "call": application.call, "object": application, "conflict": conflict,
                   "edit_current_url": request.path if conflict else ""},
                  status=409 if conflict else 400 if form.errors else 200)


def application_detail(request, pk):
    application = get_object_or_404(Application.objects.select_related("call", "applicant", "mentor", "faculty"), pk=pk)
    require_that(can(request.user, "guidance.browse") and access.can_view(request.user, application))
    user = request.user
    stages = [(to, services.ACTION_LABELS[to]) for to in services.allowed_stages(application)
              if access.can_move(user, application, to)]
    return render(request, "guidance/application_detail.html", {
        "object": application,
        "can_edit": access.can_edit(user, application),
        "stages": stages,
        "steps": application.steps.order_by("order", "pk"),
        "notes": application.notes.select_related("author").order_by("-written", "-pk"),
        "files": application.files.order_by("-uploaded_at", "-pk"),
        "partners": application.partner_institutions.select_related("country").order_by("name"),
        "researchers": application.partner_researchers.select_related("institution").order_by("name"),
        "consultations": application.consultations.order_by("starts_at"),
        "note_form": NoteForm(),
        "file_form": DocumentForm(),
        "max_mb": upload_limit(),
        "history": history(application, parts=(
            (ApplicationStep.history.filter(application_id=application.pk), "step"),
            (ApplicationFile.history.filter(application_id=application.pk), "file"),
        )),
    })


def _editable(request, pk):
    application = get_object_or_404(Application, pk=pk)
    require_that(access.can_edit(request.user, application))
    return application


@require_POST
def application_advance(request, pk):
    application = get_object_or_404(Application, pk=pk)
    form = StageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a stage."))
        return redirect(application)
    to = form.cleaned_data["to"]
    require_that(access.can_move(request.user, application, to))
    try:
        services.advance(application, to, by=request.user, note=form.cleaned_data["note"])
    except services.StageNotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Stage: %(stage)s.") % {"stage": application.get_stage_display()})
    return redirect(application)


@require_POST
def application_note(request, pk):
    application = _editable(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.add_note(application, form.cleaned_data["text"], by=request.user)
        messages.success(request, _("Note added."))
    else:
        messages.error(request, _("A note cannot be empty."))
    return redirect(application)


@require_POST
def application_step(request, pk, step):
    application = _editable(request, pk)
    row = get_object_or_404(ApplicationStep, pk=step, application=application)
    services.mark_step(row, done=request.POST.get("done") == "1", by=request.user)
    return redirect(application)


@require_POST
def application_file(request, pk):
    application = _editable(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_file(application, form.cleaned_data["file"], by=request.user,
                                 description=form.cleaned_data["description"])
        except ValidationError as error:
            form.add_error("file", error)
    if form.errors:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        messages.success(request, _("File uploaded."))
    return redirect(application)


def application_file_download(request, pk):
    record = get_object_or_404(ApplicationFile.objects.select_related("application"), pk=pk)
    require_that(access.can_view(request.user, record.application))
    return download(record)


urlpatterns = [
    path("applications/", ApplicationListView.as_view(scope="all"), name="application-list"),
    path("applications/mine/", ApplicationListView.as_view(scope="mine"), name="my-applications"),
    path("applications/mentoring/", ApplicationListView.as_view(scope="mentoring"), name="mentoring"),
    path("applications/new/", application_create, name="application-create"),
    path("applications/<int:pk>/", application_detail, name="application-detail"),
    path("applications/<int:pk>/edit/", application_update, name="application-update"),
    path("applications/<int:pk>/stage/", application_advance, name="application-advance"),
    path("applications/<int:pk>/notes/", application_note, name="application-note"),
    path("applications/<int:pk>/steps/<int:step>/", application_step, name="application-step"),
    path("applications/<int:pk>/files/", application_file, name="application-file"),
    path("applications/files/<int:pk>/", application_file_download, name="application-file-download"),
]
