"""`accord serve`: the production server (gunicorn running accord.wsgi), static files by whitenoise.

Static files are collected first (only what pages use; compressed only when changed; nothing at all
when no file changed since the last collection, see accord/operations/staticfiles.py). gunicorn then
runs inside this process with the application loaded once before its workers fork, so Django starts
once, not once more per worker.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from gunicorn.app.base import BaseApplication

from accord.operations.database import never_migrated, not_set_up_message
from accord.operations.staticfiles import collect_static

WORKERS = 2
# Threads per worker. 1 runs gunicorn's sync worker: the least CPU per request for Accord's short,
# CPU-bound requests (bench/api_load.py: ~20-50% less than the threaded worker, whose threads contend
# for the interpreter lock), and gunicorn's advice behind a buffering proxy such as nginx. More than
# one runs the gthread worker, which keeps client connections alive and overlaps slow database waits.
THREADS = 1


class Gunicorn(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from accord.wsgi import application

        connections.close_all()  # loaded before the workers fork: none may share a connection of this process
        return application


class Command(BaseCommand):
    help = "Collect static files (when they changed), then run Accord under gunicorn (production server)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to listen on (default 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int, default=WORKERS,
                            help=f"worker processes (default {WORKERS}; about one per CPU core)")
        parser.add_argument("--threads", type=int, default=THREADS,
                            help=f"threads per worker (default {THREADS}: gunicorn's sync worker; more runs its "
                                 "threaded worker, which keeps connections alive)")
        parser.add_argument("--no-collectstatic", action="store_true", help="skip collectstatic (already done)")

    def handle(self, *args, bind, workers, threads, no_collectstatic, **options):
        if never_migrated():
            raise CommandError(not_set_up_message())
        if not no_collectstatic:
            collect_static()
        threads = max(threads, 1)
        self.stdout.write(f"Accord is serving at http://{bind}/ with {workers} workers x {threads} threads")
        self.stdout.flush()
        Gunicorn({"bind": bind, "workers": workers, "threads": threads, "timeout": 60, "preload_app": True,
                  "forwarded_allow_ips": "127.0.0.1"}).run()
