"""Benchmark `accord import csv` on a large generated file: duration, peak memory, write-lock time.

    .venv/bin/python bench/import_csv.py [--rows 1000000] [--postgres URL]

Writes a CSV of ROWS new institutions (name, country, city, kind, website, domains, acronyms),
imports it into a fresh temporary SQLite database (or a throwaway PostgreSQL database) and prints
the duration, the process's peak RSS (the goal: at most 500 MB for 1,000,000 rows) and how long
the import held the database's write lock (the one transaction that writes), which is how long
the web and the API may have to wait for a write of their own.
"""

import csv
import random
import tempfile
import time
from pathlib import Path

from import_common import cpu_seconds, parse_args, peak_rss_mb, setup_django

COUNTRIES = ["GB", "FR", "DE", "US", "CN", "RU", "BR", "IN", "JP", "KE", "AU", "MX", "IT", "ES", "TR"]
WORDS = ["Northern", "Southern", "Polytechnic", "Medical", "Agrarian", "Pedagogical", "Technical", "State",
         "Maritime", "Mining", "Forestry", "Linguistic", "Economic", "Open", "Federal", "Royal", "Capital"]


def write_file(path: Path, rows: int) -> None:
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "country", "city", "kind", "website", "domains", "acronyms"])
        for i in range(rows):
            a, b = rng.sample(WORDS, 2)
            name = f"{a} {b} University No. {i}"
            host = f"u{i}.example.edu"
            writer.writerow([name, rng.choice(COUNTRIES), f"City {i % 5000}", "university", f"https://{host}/",
                             host, f"{a[0]}{b[0]}U{i}"])


def main():
    args = parse_args(__doc__, lambda p: p.add_argument("--rows", type=int, default=1_000_000))
    cleanup, database = setup_django(args.postgres)
    try:
        from accord.registry.importers import get_importer
        from accord.registry.models import Institution

        with tempfile.TemporaryDirectory(prefix="accord-bench-csv-") as folder:
            path = Path(folder) / "institutions.csv"
            started = time.perf_counter()
            write_file(path, args.rows)
            print(f"file: {args.rows:,} rows, {path.stat().st_size / 2**20:.0f} MB, written in "
                  f"{time.perf_counter() - started:.1f} s")
            importer = get_importer("csv")(path, progress=False)
            started, cpu = time.perf_counter(), cpu_seconds()
            run = importer.run()
            seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        print(f"database: {database}")
        print(f"csv import: {run.records:,} rows, {run.created:,} created in {seconds:.1f} s ({cpu:.1f} s CPU)")
        lock = getattr(importer, "write_seconds", None)
        print(f"write lock held: {lock:.1f} s" if lock is not None else "write lock held: the whole import")
        print(f"institutions: {Institution.objects.count():,}; peak RSS {peak_rss_mb():.0f} MB")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
