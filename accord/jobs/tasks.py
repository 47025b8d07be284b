"""The queue's own housekeeping: queue again the jobs a lost worker left unfinished."""

from huey import crontab

from accord.jobs.queue import requeue_stalled, scheduled


@scheduled(crontab(minute="*/5"), name="jobs.requeue-stalled")
def requeue_stalled_jobs():
    requeue_stalled()
