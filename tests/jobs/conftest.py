"""A real queue and a real consumer for the job tests: Huey's SQLite storage in a temporary file, or
Redis when the test run provides one (scripts/test.sh starts redis-server and sets
ACCORD_TEST_REDIS_URL), with Huey's consumer running worker threads in this process."""

import os
import signal
import time
import uuid

import pytest
from django.db import OperationalError, connection
from huey.storage import RedisStorage, SqliteStorage

from accord.jobs.queue import discover_tasks, huey

BACKENDS = ["sqlite", "redis"]


def redis_url():
    return os.environ.get("ACCORD_TEST_REDIS_URL", "")


@pytest.fixture(params=BACKENDS)
def queue(request, tmp_path, transactional_db):
    """The queue on a real storage (no consumer yet); jobs started in the test wait on it."""
    if request.param == "redis":
        if not redis_url():
            pytest.skip("no Redis in this test run (scripts/test.sh starts one)")
        storage = RedisStorage(f"accord-test-{uuid.uuid4().hex[:8]}", url=redis_url())
    else:
        storage = SqliteStorage("accord", filename=str(tmp_path / "jobs.sqlite3"))
    discover_tasks()
    saved = huey._immediate, huey.storage
    huey._immediate, huey.storage = False, storage
    try:
        yield huey
    finally:
        storage.flush_all()
        huey._immediate, huey.storage = saved


@pytest.fixture
def worker(queue):
    """A running consumer with worker threads; stopped (gracefully) when the test ends."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    # SQLite's in-memory test database shares one cache between threads, where a second writer fails
    # at once instead of waiting ("table is locked"): one worker thread there, two on PostgreSQL.
    workers = 1 if connection.vendor == "sqlite" else 2
    consumer = queue.create_consumer(workers=workers, worker_type="thread", periodic=False, initial_delay=0.02,
                                     backoff=1.1, max_delay=0.2, check_worker_health=False)
    consumer.start()
    try:
        yield consumer
    finally:
        consumer.stop(graceful=True)
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def wait_until(predicate, timeout=60.0, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except OperationalError:  # the worker is writing (SQLite's shared in-memory test database)
            value = None
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout}s waiting for {what}")
