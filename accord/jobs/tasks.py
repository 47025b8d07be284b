"""The queue's own housekeeping: queue again the jobs a lost worker left unfinished."""

from django.db import close_old_connections
from huey import crontab

from accord.jobs.queue import huey, requeue_stalled


@huey.periodic_task(crontab(minute="*/5"), name="jobs.requeue-stalled")
def requeue_stalled_jobs():
    close_old_connections()
    try:
        requeue_stalled()
    finally:
        close_old_connections()
