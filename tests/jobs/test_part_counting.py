"""A part of a job touches the job's row as little as it can: every write takes SQLite's one write lock,
which all the workers of a job of many short parts queue for."""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accord.jobs.models import Job
from accord.jobs.queue import HEARTBEAT_EVERY, job_task, mark_running, start

pytestmark = pytest.mark.django_db


@job_task("tests.count-parts", parts=True, retries=0)
def count_a_part(job, part):
    with transaction.atomic():
        job.count_part()


def job_row_updates(queries) -> int:
    return sum(1 for query in queries if query["sql"].startswith('UPDATE "jobs_job"'))


def test_a_job_of_three_parts_is_marked_running_once_and_counted_once_per_part(sam):
    with CaptureQueriesContext(connection) as queries:
        job = start("tests.count-parts", by=sam, parts=["a", "b", "c"])
    assert (job.status, job.done, job.failed, job.total) == (Job.Status.DONE, 3, 0, 3)
    assert job.started_at is not None and job.finished_at >= job.started_at
    assert job_row_updates(queries.captured_queries) == 1 + 3  # running, then one count per part


def test_the_last_part_finishes_the_job_and_a_failed_part_makes_it_failed():
    job = Job.objects.create(kind="tests.count-parts", total=3)
    job.count_part()
    job.count_part(failed=True, error="the second part could not be read")
    job.refresh_from_db()
    assert (job.status, job.done, job.failed, job.finished_at) == (Job.Status.QUEUED, 1, 1, None)
    job.count_part()
    job.refresh_from_db()
    assert (job.status, job.done, job.failed) == (Job.Status.FAILED, 2, 1)
    assert job.finished_at is not None and job.error == "the second part could not be read\n"
    finished = job.finished_at
    job.count_part()  # a part run once more after the end changes neither the outcome nor its time
    job.refresh_from_db()
    assert (job.status, job.finished_at) == (Job.Status.FAILED, finished)


def test_a_job_whose_parts_all_succeed_is_done():
    job = Job.objects.create(kind="tests.count-parts", total=2, status=Job.Status.RUNNING)
    job.count_part()
    job.count_part()
    job.refresh_from_db()
    assert (job.status, job.done, job.failed, job.error) == (Job.Status.DONE, 2, 0, "")


def test_a_running_job_gets_a_new_heartbeat_only_when_its_last_one_is_old():
    recent = timezone.now() - HEARTBEAT_EVERY / 2
    job = Job.objects.create(kind="tests.count-parts", total=5, status=Job.Status.RUNNING, heartbeat_at=recent)
    with CaptureQueriesContext(connection) as queries:
        mark_running(job)
    assert job_row_updates(queries.captured_queries) == 0
    old = timezone.now() - HEARTBEAT_EVERY - timedelta(seconds=1)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=old)
    job.refresh_from_db()
    mark_running(job)
    job.refresh_from_db()
    assert job.heartbeat_at > old + HEARTBEAT_EVERY


def test_a_queued_job_is_marked_running_with_its_start_time():
    job = Job.objects.create(kind="tests.count-parts", total=2)
    mark_running(job)
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING and job.started_at is not None and job.heartbeat_at >= job.started_at
