"""A worker stopped mid-batch — killed outright, or told to stop — and started again finishes the
batch, and no article gets its proposals twice. `accord ingest` and `accord worker` run as separate
processes on their own SQLite database, on the SQLite queue and on Redis when the run provides it."""

import json
import os
import signal
import sqlite3
import subprocess
import time
import uuid

import pytest

from tests.api.processes import ACCORD, ROOT, copy_database, environment, migrated_template

from .conftest import redis_url

ARTICLES = 40
PLACES = ["Beijing", "Moscow", "Bangkok", "Nairobi", "Lima"]


def articles(path):
    with path.open("w", encoding="utf-8") as out:
        for n in range(ARTICLES):
            text = (f"Harbour University signs agreement with Ridge Institute {n}\n\n"
                    f"Harbour University signed a memorandum of understanding with Ridge Institute {n} in "
                    f"{PLACES[n % len(PLACES)]} on May {n % 28 + 1}, 2024. The two will exchange students.\n")
            out.write(json.dumps({"id": str(n), "text": text, "published": "2024-06-01"}) + "\n")
    return path


def job_state(data_dir):
    with sqlite3.connect(data_dir / "accord.sqlite3", timeout=30) as db:
        return db.execute("SELECT status, done, failed, total FROM jobs_job ORDER BY id DESC LIMIT 1").fetchone()


def wait_for(data_dir, test, what, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = job_state(data_dir)
        if state and test(*state):
            return state
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}; job is {job_state(data_dir)}")


@pytest.fixture(params=["sqlite", "redis"])
def setup(request, tmp_path, tmp_path_factory):
    if os.environ.get("ACCORD_DATABASE_URL"):
        pytest.skip("these processes use a SQLite database of their own: the SQLite pass runs them")
    extra = {}
    if request.param == "redis":
        if not redis_url():
            pytest.skip("no Redis in this test run (scripts/test.sh starts one)")
        extra["ACCORD_REDIS_URL"] = redis_url()
    data_dir = copy_database(migrated_template(tmp_path_factory), tmp_path / "data")
    env = environment(data_dir, **extra)
    if extra:  # a queue of its own on the shared Redis
        env["ACCORD_REDIS_URL"] = redis_url().rsplit("/", 1)[0] + f"/{int(uuid.uuid4()) % 15 + 1}"
    return data_dir, env


def run(env, *args):
    result = subprocess.run([*ACCORD, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def start_worker(env):
    return subprocess.Popen([*ACCORD, "worker", "--no-periodic"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["killed", "stopped"])
def test_a_batch_survives_a_worker_restart_and_no_article_is_read_twice(setup, tmp_path, how):
    data_dir, env = setup
    if how == signal.SIGTERM and "ACCORD_REDIS_URL" in env:
        pytest.skip("a stopped worker is shown on the SQLite queue; the killed one on both")
    if "ACCORD_REDIS_URL" in env:
        run(env, "shell", "--no-imports", "-c", "from accord.jobs.queue import huey; huey.flush()")
    assert "40 articles added" in run(env, "ingest", "--no-wait", str(articles(tmp_path / "batch.jsonl")))
    worker = start_worker(env)
    try:
        wait_for(data_dir, lambda status, done, failed, total: done >= 1, "the first article")
    finally:
        os.killpg(worker.pid, how)
        worker.wait(timeout=60)
    status, done, failed, total = job_state(data_dir)
    assert status == "running" and done < total, "the worker finished before it was stopped"

    if how == signal.SIGKILL:  # its task is lost: the stalled job is queued again
        requeued = run(env, "shell", "--no-imports", "-c", "from datetime import timedelta; from accord.jobs.queue import "
                                           "requeue_stalled; print(requeue_stalled(timedelta(0)))")
        assert requeued.strip().startswith("[") and requeued.strip() != "[]"
    worker = start_worker(env)
    try:
        assert wait_for(data_dir, lambda status, *rest: status in ("done", "failed"), "the batch") == (
            "done", ARTICLES, 0, ARTICLES)
    finally:
        os.killpg(worker.pid, signal.SIGINT)
        worker.wait(timeout=60)
    with sqlite3.connect(data_dir / "accord.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM newsroom_article WHERE status = 'processing'").fetchone() == (0,)
        signings = db.execute("SELECT article_id, count(*) FROM newsroom_proposal WHERE event_type = "
                              "'agreement_signing' GROUP BY article_id").fetchall()
    assert len(signings) == ARTICLES and {count for _, count in signings} == {1}
