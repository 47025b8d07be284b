"""Benchmark `accord import hipo` on the shared world-universities file (10,251 records).

    .venv/bin/python bench/import_hipo.py [--postgres URL] [--file PATH]

Imports into a fresh temporary SQLite database (or a throwaway PostgreSQL database), then
imports the same file again (the idempotent update path) and prints both durations.
"""

import time
from pathlib import Path

from import_common import ROOT, cpu_seconds, parse_args, peak_rss_mb, setup_django

SHARED = ROOT.parent / "shared" / "data" / "world_universities_and_domains.json"


def main():
    args = parse_args(__doc__, lambda p: p.add_argument("--file", type=Path, default=SHARED))
    cleanup, database = setup_django(args.postgres)
    try:
        from accord.registry.importers import get_importer
        from accord.registry.models import Institution

        hipo = get_importer("hipo")
        started, cpu = time.perf_counter(), cpu_seconds()
        run = hipo(args.file, progress=False).run()
        first, first_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        started = time.perf_counter()
        again = hipo(args.file, progress=False).run()
        second = time.perf_counter() - started
        print(f"database: {database}")
        print(f"hipo import: {run.records} records, {run.created} created in {first:.2f} s ({first_cpu:.2f} s CPU)")
        print(f"re-import:   {again.unchanged} unchanged, {again.updated} updated in {second:.2f} s")
        print(f"institutions: {Institution.objects.count()}; peak RSS {peak_rss_mb():.0f} MB")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
