"""A worker whose bookkeeping write meets a busy database tries it again instead of leaving the job queued."""

import pytest
from django.db import OperationalError

from accord.jobs import queue


def test_a_write_that_meets_a_locked_table_is_tried_again_until_it_succeeds(monkeypatch):
    monkeypatch.setattr(queue.time, "sleep", lambda seconds: None)
    calls = []

    def write():
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("database table is locked: jobs_job")
        return "written"

    assert queue._busy_retry(write) == "written"
    assert len(calls) == 3


def test_a_database_that_stays_busy_raises_after_the_last_attempt(monkeypatch):
    waits = []
    monkeypatch.setattr(queue.time, "sleep", waits.append)

    def write():
        raise OperationalError("database is locked")

    with pytest.raises(OperationalError):
        queue._busy_retry(write, attempts=4)
    assert waits == [0.1, 0.2, 0.4]  # no wait after the last attempt
