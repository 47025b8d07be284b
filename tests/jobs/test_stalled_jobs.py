"""A job no worker has touched for a while is queued again, once per scheduler round."""

from datetime import timedelta

from django.utils import timezone

from accord.jobs.models import Job
from accord.jobs.queue import requeue_stalled
from accord.newsroom.services.ingest import queue_articles


def test_a_stalled_job_is_queued_again_once_and_a_fresh_one_is_left_alone(queue, sam):
    job, articles, created = queue_articles([{"text": f"Story number {n} about a forum."} for n in range(3)], by=sam)
    assert queue.pending_count() == 3
    assert requeue_stalled() == []  # touched just now

    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
    assert requeue_stalled() == [job.pk]
    assert queue.pending_count() == 6  # its parts again; reading them twice writes once
    assert requeue_stalled() == []  # the requeue counts as a sign of life


def test_a_finished_job_is_never_queued_again(queue, sam):
    job, articles, created = queue_articles([{"text": "A story about a forum."}], by=sam)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE, heartbeat_at=timezone.now() - timedelta(days=1))
    assert requeue_stalled(timedelta(0)) == []
