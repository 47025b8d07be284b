import logging

from django.core.management.base import BaseCommand
from django.db import connections


class Command(BaseCommand):
    help = "Run background jobs: a queue consumer (start one per machine; they share the queue)."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=1, help="jobs run at once (processes; default 1)")
        parser.add_argument("--threads", action="store_true", help="run the workers as threads, not processes")
        parser.add_argument("--no-periodic", action="store_true",
                            help="leave the daily runs to another worker (run them on one machine only)")

    def handle(self, *args, workers=1, threads=False, no_periodic=False, **options):
        from accord.jobs.queue import discover_tasks, huey

        discover_tasks()  # every app's tasks.py registers its work
        logger = logging.getLogger("huey")
        if not logger.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            logger.addHandler(handler)
            logger.setLevel(logging.INFO if options["verbosity"] > 1 else logging.WARNING)
        backend = "Redis" if type(huey).__name__.startswith("Redis") else "SQLite"
        self.stdout.write(f"accord worker: {workers} {'thread' if threads else 'process'}"
                          f"{'es' if workers != 1 and not threads else 's' if workers != 1 else ''} "
                          f"on the {backend} queue; Ctrl-C stops after the running jobs", ending="\n")
        self.stdout.flush()
        connections.close_all()  # forked workers open their own connections
        consumer = huey.create_consumer(
            workers=max(1, workers), worker_type="thread" if threads else "process",
            periodic=not no_periodic, initial_delay=0.05, backoff=1.3, max_delay=1.0,
        )
        consumer.run()
