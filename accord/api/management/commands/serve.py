"""`accord serve`: the production server (gunicorn running accord.wsgi), static files by whitenoise."""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Collect static files, then run Accord under gunicorn (production server)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to listen on (default 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
        parser.add_argument("--threads", type=int, default=1,
                            help="threads per worker (default 1; more uses gunicorn's gthread worker)")
        parser.add_argument("--no-collectstatic", action="store_true", help="skip collectstatic (already done)")

    def handle(self, *args, bind, workers, threads, no_collectstatic, **options):
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
        argv = [gunicorn, "accord.wsgi:application", "--bind", bind, "--workers", str(workers),
                "--threads", str(max(threads, 1)), "--timeout", "60", "--forwarded-allow-ips", "127.0.0.1"]
        self.stdout.write(f"Accord is serving at http://{bind}/ with {workers} workers")
        sys.stdout.flush()
        os.execv(gunicorn, argv)
