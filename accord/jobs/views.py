"""A job's page, the partial its page polls until the job ends, the list of one's jobs, its file."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from accord.accounts.roles import can
from accord.jobs.models import Job

PAGE_SIZE = 50


def visible_jobs(user):
    jobs = Job.objects.select_related("started_by")
    return jobs if can(user, "jobs.view_all") else jobs.filter(started_by=user)


class JobListView(ListView):
    template_name = "jobs/job_list.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return visible_jobs(self.request.user)


class JobDetailView(DetailView):
    template_name = "jobs/job_detail.html"

    def get_queryset(self):
        return visible_jobs(self.request.user)

    def get_template_names(self):
        return ["jobs/_job_status.html"] if self.request.htmx else [self.template_name]


def job_file(request, pk):
    job = get_object_or_404(visible_jobs(request.user), pk=pk)
    if not job.file:
        raise Http404("This job wrote no file.")
    if not job.finished:
        raise PermissionDenied("The job has not finished.")
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file.name.rsplit("/", 1)[-1])
