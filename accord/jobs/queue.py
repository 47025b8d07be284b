"""The queue: one Huey instance (SQLite file in ACCORD_DATA_DIR, or Redis when ACCORD_REDIS_URL is
set), the `job_task` decorator apps use in their tasks.py, and `start()` which records a Job and
queues its parts.

Every task is keyed by its Job row: a part that finds its result already written does nothing, so
a part run twice (a worker killed mid-way, a retry, a stalled job queued again) never writes twice.
"""

from __future__ import annotations

import logging
import time
import traceback
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import OperationalError, close_old_connections, transaction
from django.utils import timezone
from huey import RedisHuey, SqliteHuey
from huey.signals import SIGNAL_INTERRUPTED

from accord.jobs.models import Job
from accord.lib.limits import fit

logger = logging.getLogger("accord.jobs")

# A running job's heartbeat is written at most this often when a part starts (and whenever a part ends)
HEARTBEAT_EVERY = timedelta(seconds=30)

KINDS: dict[str, object] = {}  # kind -> Huey task, filled by @job_task in the apps' tasks.py


def build_huey():
    if settings.ACCORD_REDIS_URL:
        return RedisHuey("accord", url=settings.ACCORD_REDIS_URL, results=False, blocking=True, utc=False)
    path = settings.DATA_DIR / "jobs.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("accord", filename=str(path), results=False, fsync=False, timeout=30, utc=False)


huey = build_huey()
huey.immediate = getattr(settings, "JOBS_IMMEDIATE", False)


@dataclass
class Outcome:
    """What a single-part job returns: a line for the user, a link, and optionally a file (name, bytes)."""

    summary: str = ""
    url: str = ""
    file: tuple[str, bytes] | None = None


class JobError(Exception):
    """A failure to tell the user as is (bad input, a check that found differences); not retried."""


def job_task(kind: str, *, parts: bool = False, retries: int = 2, retry_delay: int = 5):
    """Register `fn` as the work of jobs of this kind.

    Single-part jobs: `fn(job) -> Outcome | None`; the job is finished with the outcome.
    Multi-part jobs (`parts=True`): `fn(job, part)` writes one part and calls `job.count_part()`
    inside the transaction that writes it, and skips a part whose result is already there.
    An exception is retried `retries` times, then recorded on the job for the user who started it.
    """

    def decorate(fn):
        @huey.task(retries=retries, retry_delay=retry_delay, context=True, name=kind)
        def run(job_id, part=None, task=None):
            if not huey.immediate:
                close_old_connections()
            try:
                _execute(fn, parts, job_id, part, final=task is None or not task.retries)
            finally:
                if not huey.immediate:
                    close_old_connections()

        run.kind = kind
        KINDS[kind] = run
        return run

    return decorate


def _execute(fn, parts: bool, job_id: int, part, *, final: bool) -> None:
    # (the list of parts is not read: a job of 5,000 articles would parse it for each of them)
    job = Job.objects.defer("parts").filter(pk=job_id).first()
    if job is None or job.finished:
        return  # its transaction rolled back, it was deleted, or it already ended
    _busy_retry(lambda: mark_running(job))
    try:
        if parts:
            fn(job, part)
            return
        outcome = fn(job) or Outcome()
    except Exception as error:
        if not final and not isinstance(error, JobError):
            raise  # Huey queues it again after retry_delay
        message = str(error) if isinstance(error, JobError) else f"{type(error).__name__}: {error}"
        logger.error("job %s (%s) part %r failed: %s", job_id, job.kind, part, traceback.format_exc())
        with transaction.atomic():
            job.count_part(failed=True, error=message if job.total <= 1 else f"{part}: {message}")
        return
    with transaction.atomic():
        locked = Job.objects.select_for_update().filter(pk=job_id).first()
        if locked is None or locked.finished:
            return
        locked.summary, locked.result_url = fit(Job, "summary", outcome.summary), fit(Job, "result_url", outcome.url)
        if outcome.file:
            from django.core.files.base import ContentFile

            # a folder per job: the file keeps its own name (accord-report-2024.xlsx); what the folder held
            # (this job's earlier try, or a job of a database since reset) is replaced
            name = locked.file.field.generate_filename(locked, f"{locked.pk}/{outcome.file[0]}")
            if locked.file.storage.exists(name):
                locked.file.storage.delete(name)
            locked.file.save(f"{locked.pk}/{outcome.file[0]}", ContentFile(outcome.file[1]), save=False)
        locked.save(update_fields=["summary", "result_url", "file"])
        locked.count_part()


def _busy_retry(write, attempts: int = 5):
    """A bookkeeping write that meets a busy database (SQLite's write lock held by another worker) is tried
    again a moment later, whatever the kind's own retries: a job must not stay queued because its status
    could not be written once."""
    for attempt in range(attempts):
        try:
            return write()
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1 * 2 ** attempt)


def mark_running(job: Job) -> None:
    """Record that a worker took up the job: once its status (the first part), otherwise its heartbeat
    only when the last one is older than HEARTBEAT_EVERY (each part that ends writes one too). Every
    write takes SQLite's one write lock, which the workers of a job of many short parts queue for."""
    now = timezone.now()
    if job.status == Job.Status.QUEUED:
        Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(status=Job.Status.RUNNING, started_at=now,
                                                                       heartbeat_at=now)
    elif job.heartbeat_at is None or now - job.heartbeat_at > HEARTBEAT_EVERY:
        Job.objects.filter(pk=job.pk).update(heartbeat_at=now)


def scheduled(cron, name: str):
    """A periodic task (times in Accord's time zone) run by the worker that runs the schedule."""

    def decorate(fn):
        def run():
            close_old_connections()
            try:
                fn()
            finally:
                close_old_connections()

        run.__name__ = fn.__name__
        return huey.periodic_task(cron, name=name)(run)

    return decorate


def discover_tasks() -> None:
    """Import every app's tasks.py (once per process; the worker does it when it starts)."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("tasks")


def task_for(kind: str, *, missing_ok: bool = False):
    if kind not in KINDS:
        discover_tasks()
    if kind not in KINDS and not missing_ok:
        raise LookupError(f"no task is registered for jobs of kind {kind!r}")
    return KINDS.get(kind)


def start(kind: str, *, by=None, label: str = "", params: dict | None = None, parts: list | None = None,
          key: str = "", url: str = "") -> Job:
    """Record a job and queue it (once the surrounding transaction commits). With `key`, a job of
    this kind and key that already exists is returned instead (a daily run, one article)."""
    task = task_for(kind)
    fields = {"label": fit(Job, "label", label), "params": params or {}, "result_url": fit(Job, "result_url", url),
              "started_by": by if getattr(by, "is_authenticated", False) else None,
              "total": len(parts) if parts is not None else 1, "parts": parts}
    if key:
        job, created = Job.objects.get_or_create(kind=kind, key=key, defaults=fields)
        if not created:
            return job
    else:
        job = Job.objects.create(kind=kind, **fields)
    if parts == []:
        job.count_part()  # nothing to do: finished at once
        job.refresh_from_db()
        return job
    if huey.immediate:
        enqueue(job, task)  # runs here and now (tests)
        job.refresh_from_db()
    else:
        transaction.on_commit(lambda: enqueue(job, task))
    return job


def enqueue(job: Job, task=None) -> None:
    task = task or task_for(job.kind)
    if job.parts is None:
        task(job.pk)
        return
    for part in job.parts:
        task(job.pk, part)


def requeue_stalled(older_than: timedelta | None = None) -> list[int]:
    """Queue again the jobs no worker has touched for a while (a worker killed, a machine lost).
    Their parts are idempotent, so parts already written are skipped. Returns the job ids."""
    if older_than is None:
        older_than = timedelta(minutes=settings.ACCORD_JOB_STALLED_MINUTES)
    now = timezone.now()
    stalled = list(Job.objects.filter(status__in=[Job.Status.QUEUED, Job.Status.RUNNING],
                                      heartbeat_at__lte=now - older_than).order_by("pk"))
    requeued = []
    for job in stalled:
        if task_for(job.kind, missing_ok=True) is None:
            logger.warning("job %s: no task registered for kind %s", job.pk, job.kind)
            continue
        # only one requeuer wins each job, so several schedulers do not queue it twice
        if Job.objects.filter(pk=job.pk, heartbeat_at=job.heartbeat_at).update(heartbeat_at=now):
            enqueue(job)
            requeued.append(job.pk)
    return requeued


@huey.on_shutdown()
def _close_connections():
    """A worker (thread or process) that stops closes its database connections."""
    from django.db import connections

    connections.close_all()


@huey.signal(SIGNAL_INTERRUPTED)
def _requeue_interrupted(signal, task, *args, **kwargs):
    """A worker stopped mid-task (restart, deploy): the task goes back on the queue at once."""
    logger.warning("task %s interrupted; queued again", task.id)
    huey.enqueue(task)


def wait(job: Job, *, poll: float = 0.5, on_progress=None, timeout: float | None = None) -> Job:
    """Block until the job ends (a command that waits for the workers); on_progress(job) on each change."""
    import time

    began, seen = time.monotonic(), None
    while True:
        job.refresh_from_db()
        state = (job.status, job.done, job.failed)
        if state != seen and on_progress:
            on_progress(job)
        seen = state
        if job.finished or (timeout is not None and time.monotonic() - began > timeout):
            return job
        time.sleep(poll)
