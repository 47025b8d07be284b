"""Table imports confirmed on the web run on the queue (the upload → preview → confirm flow of
accord.records.tableimport_views)."""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from accord.records.tableimport import describe, get_import
from accord.jobs.models import Job
from accord.jobs.queue import JobError, job_task
from accord.registry.importers.base import ImportFailed


@job_task("records.import", parts=True, retries=1)
def import_table(job, part):
    """All or nothing, and once: the rows and the job's count commit in one transaction."""
    params = job.params
    stored = Path(params["path"])
    if not stored.is_file():
        raise JobError(_("The uploaded file is gone (uploads are kept a day): upload it again."))
    try:
        with transaction.atomic():
            locked = Job.objects.select_for_update().filter(pk=job.pk).first()
            if locked is None or locked.finished or locked.done:
                return
            count = get_import(params["kind"]).commit(stored, job.started_by, file_name=params["name"])
            Job.objects.filter(pk=job.pk).update(
                summary=_("%(count)s records imported from %(name)s.") % {"count": count, "name": params["name"]})
            job.count_part()
    except ImportFailed as failed:
        raise JobError("\n".join(describe(e) if hasattr(e, "where") else str(e) for e in failed.errors)) from None
    stored.unlink(missing_ok=True)
