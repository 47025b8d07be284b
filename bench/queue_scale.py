"""Scale of the job queue: `accord ingest` puts N generated news articles on the queue, then 1 and then
2 `accord worker` processes (as on two machines) read them, on the SQLite queue and on Redis.

    .venv/bin/python bench/queue_scale.py [--articles 5000] [--backends sqlite,redis] [--workers 1,2]
                                          [--redis-url redis://127.0.0.1:6379/0] [--keep DIR]

Each run starts from a copy of one migrated database with the demo registry (SQLite, WAL), so every
run reads the same articles. Without --redis-url a throwaway `redis-server` is started on a free
loopback port. The articles are written here from templates (no corpus text): signings, visits,
forums, exchange programmes and funds between generated institutions, 80-200 words each.

Prints, per backend and worker count: articles/s from the workers' start until the job is done
(worker start-up, i.e. loading spaCy, included) and in the steady part (between 5% and 100% done),
then the ratio 2 workers ÷ 1 (goal >= 1.7 on 2 cores). The load average is printed beside each figure:
the workers share the machine's cores with whatever else runs. So are figures load disturbs less: the CPU
seconds the workers spent per article (the same with two workers as with one when a second worker adds
no work, e.g. no retries on a locked database; spaCy is loaded once per worker) and the share of the time
the workers were running (below 100 % they waited: for a core the load took, or for the database).
"""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from procstat import group_cpu, load

ROOT = Path(__file__).resolve().parents[1]
ACCORD = [sys.executable, "-m", "accord.cli"]

CITIES = ["Harbin", "Kazan", "Lyon", "Porto", "Dakar", "Quito", "Perth", "Tartu", "Brno", "Hue", "Oulu", "Izmir",
          "Cork", "Leon", "Bergen", "Cusco", "Mysore", "Kobe", "Tomsk", "Graz", "Ghent", "Pune", "Tunis", "Split"]
FORMS = ["{c} University", "University of {c}", "{c} Institute of Technology", "{c} Polytechnic University",
         "{c} Normal University", "{c} University of Science and Technology"]
PEOPLE = ["Li Wei", "Anna Petrova", "Jean Martin", "Maria Silva", "Amadou Diallo", "Sara Lund", "Kenji Sato"]
TITLES = ["President", "Vice President", "Rector", "Dean", "Vice-Rector for International Affairs"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TEMPLATES = [
    "{home} signs cooperation agreement with {p1}\n\n{month} {day}, {year}\n\n"
    "On {month} {day}, {home} and {p1} signed a memorandum of understanding in {city}. {title} {person} "
    "of {p1} and the {home} delegation attended the signing ceremony. The two universities agreed to "
    "exchange students and staff, to open joint laboratories and to hold a yearly forum on {topic}.\n",
    "Delegation from {p1} visits {home}\n\n{month} {day}, {year}\n\n"
    "A delegation led by {title} {person} of {p1} visited {home} on {month} {day}. The guests met the "
    "leaders of the international office, toured the laboratories of {topic} and discussed joint "
    "degree programmes. Both sides hope to sign an agreement on student exchange next year.\n",
    "{home} hosts forum on {topic}\n\n{month} {day}, {year}\n\n"
    "The International Forum on {topic} was held at {home} from {month} {day} to {day2}. More than "
    "{n} scholars from {p1}, {p2} and other universities in {k} countries took part online and in "
    "person. {title} {person} of {p2} gave the opening keynote.\n",
    "Students of {home} join exchange programme at {p1}\n\n{month} {day}, {year}\n\n"
    "Twenty students of {home} left for {city} on {month} {day} to study for one semester at {p1} under "
    "the exchange agreement signed by the two universities. The programme covers {topic} and includes "
    "an internship. {p2} will join the programme next year.\n",
    "Joint fund with {p1} supports {n} projects\n\n{month} {day}, {year}\n\n"
    "{home} and {p1} announced on {month} {day} that their joint research fund will support {n} new "
    "projects in {topic}. The fund was established three years ago and has supported researchers from "
    "{p2} as well.\n",
]
TOPICS = ["aerospace engineering", "materials science", "artificial intelligence", "clean energy", "robotics",
          "global governance", "optoelectronics", "chemical engineering"]


def generate(n: int, path: Path, seed: int = 15) -> Path:
    rng = random.Random(seed)
    institutions = [form.format(c=city) for city in CITIES for form in FORMS]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            p1, p2 = rng.sample(institutions, 2)
            month, day, year = rng.choice(MONTHS), rng.randint(1, 25), rng.choice([2022, 2023, 2024])
            text = rng.choice(TEMPLATES).format(
                home="Beijing Institute of Technology", p1=p1, p2=p2, month=month, day=day, day2=day + 2,
                year=year, city=p1.split()[0] if p1.split()[0] != "University" else p1.split()[-1],
                title=rng.choice(TITLES), person=rng.choice(PEOPLE), topic=rng.choice(TOPICS),
                n=rng.randint(12, 300), k=rng.randint(3, 30))
            text += f"\n(Bulletin {i + 1}.)\n"  # each article unique
            out.write(json.dumps({"id": str(i), "text": text, "published": f"{year}-12-31"}) + "\n")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(data_dir: Path, redis_url: str = "") -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_") and k != "DJANGO_SETTINGS_MODULE"}
    env.update(ACCORD_DATA_DIR=str(data_dir), ACCORD_DEBUG="1", DJANGO_SETTINGS_MODULE="accord.settings",
               PYTHONPATH=str(ROOT))
    if redis_url:
        env["ACCORD_REDIS_URL"] = redis_url
    return env


def accord(env, *args):
    return subprocess.run([*ACCORD, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)


def job_state(data_dir: Path):
    with sqlite3.connect(data_dir / "accord.sqlite3", timeout=30) as db:
        return db.execute("SELECT status, done, failed, total FROM jobs_job ORDER BY id DESC LIMIT 1").fetchone()


def one_run(template: Path, work: Path, articles: Path, backend: str, workers: int, redis_url: str) -> dict:
    data_dir = work / f"{backend}-{workers}"
    shutil.rmtree(data_dir, ignore_errors=True)
    shutil.copytree(template, data_dir)
    env = environment(data_dir, redis_url if backend == "redis" else "")
    if backend == "redis":
        accord(env, "shell", "--no-imports", "-c", "from accord.jobs.queue import huey; huey.flush()")
    began = time.perf_counter()
    accord(env, "ingest", "--no-wait", str(articles))
    queued = time.perf_counter() - began
    status, done, failed, total = job_state(data_dir)
    procs = [subprocess.Popen([*ACCORD, "worker", "--no-periodic"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True) for _ in range(workers)]
    started = time.perf_counter()
    steady_from = steady_done = None
    try:
        while True:
            status, done, failed, total = job_state(data_dir)
            if steady_from is None and done >= total * 0.05:
                steady_from, steady_done = time.perf_counter(), done
            if status in ("done", "failed"):
                break
            if any(p.poll() is not None for p in procs):
                raise SystemExit(f"a worker exited early ({backend}, {workers} workers)")
            time.sleep(0.2)
        ended = time.perf_counter()
        cpu = sum(group_cpu(p.pid) for p in procs)  # the consumers and their worker processes
    finally:
        for p in procs:
            os.killpg(p.pid, signal.SIGINT)
        for p in procs:
            p.wait(timeout=60)
    return {"backend": backend, "workers": workers, "articles": total, "failed": failed, "queue_s": queued,
            "seconds": ended - started, "rate": total / (ended - started),
            "steady": (total - steady_done) / (ended - steady_from), "cpu": cpu,
            "busy": cpu / ((ended - started) * workers)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--backends", default="sqlite,redis")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--keep", help="keep the databases in this folder")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="accord-queue-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    redis = None
    redis_url = args.redis_url
    backends = args.backends.split(",")
    if "redis" in backends and not redis_url:
        port = free_port()
        redis = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no", "--dir", str(work)], stdout=subprocess.DEVNULL)
        redis_url = f"redis://127.0.0.1:{port}/0"
        time.sleep(0.5)
    try:
        template = work / "template"
        if not (template / "accord.sqlite3").exists():
            template.mkdir(exist_ok=True)
            env = environment(template)
            accord(env, "migrate", "--noinput", "-v", "0")
            accord(env, "demo")
        articles = generate(args.articles, work / "articles.jsonl")
        print(f"load average {load()} on {os.cpu_count()} cores; {args.articles} articles")
        results = []
        for backend in backends:
            for workers in map(int, args.workers.split(",")):
                r = one_run(template, work, articles, backend, workers, redis_url)
                results.append(r)
                print(f"{backend:6} {workers} worker{'s' if workers > 1 else ' '}: {r['rate']:6.1f} articles/s "
                      f"({r['seconds']:.1f} s; steady {r['steady']:.1f}/s; queued in {r['queue_s']:.1f} s; "
                      f"{r['failed']} failed); CPU {1000 * r['cpu'] / r['articles']:.1f} ms per article, workers busy "
                      f"{100 * r['busy']:.0f} % of the time; load {load()}", flush=True)
        for backend in backends:
            by = {r["workers"]: r for r in results if r["backend"] == backend}
            if 1 in by and 2 in by:
                print(f"{backend:6} 2 workers / 1: {by[2]['rate'] / by[1]['rate']:.2f} "
                      f"(steady {by[2]['steady'] / by[1]['steady']:.2f}; goal >= 1.7); CPU per article "
                      f"2 workers / 1: {by[2]['cpu'] / by[1]['cpu']:.2f} (1.00: a second worker adds no work), "
                      f"so two cores of our own would give at most x{2 * by[1]['cpu'] / by[2]['cpu']:.2f}")
    finally:
        if redis:
            redis.terminate()
            redis.wait()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
