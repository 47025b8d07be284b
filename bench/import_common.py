"""Shared by bench/import_*.py: a fresh Django database (temporary SQLite, or a throwaway
PostgreSQL database on the server of --postgres URL / ACCORD_DATABASE_URL), and peak RSS."""

import argparse
import os
import resource
import sys
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]


def parse_args(description: str, extra=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--postgres", metavar="URL", default=os.environ.get("ACCORD_DATABASE_URL"),
                        help="PostgreSQL server to benchmark on (a throwaway database is created there)")
    if extra:
        extra(parser)
    return parser.parse_args()


def setup_django(postgres_url: str | None):
    """Point Accord at a fresh database, set Django up, migrate. Returns a cleanup callable."""
    sys.path.insert(0, str(ROOT))
    data_dir = tempfile.mkdtemp(prefix="accord-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "accord.settings"
    os.environ["ACCORD_DEBUG"] = "1"
    os.environ["ACCORD_DATA_DIR"] = data_dir
    cleanup = lambda: None  # noqa: E731
    if postgres_url:
        import psycopg

        name = f"accord_bench_{uuid.uuid4().hex[:8]}"
        parts = urlsplit(postgres_url)
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["ACCORD_DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))

        def cleanup():
            from django.db import connections

            connections.close_all()
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    else:
        os.environ.pop("ACCORD_DATABASE_URL", None)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection

    return cleanup, f"{connection.vendor} ({connection.settings_dict['NAME']})"


def cpu_seconds() -> float:
    """User + system CPU time of this process: a fairer figure than wall time on a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
