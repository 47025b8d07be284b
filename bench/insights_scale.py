"""Dashboard, filtered partner list and map data at scale: p50/p95 in milliseconds, uncached.

    .venv/bin/python bench/insights_scale.py [--scale 1] [--seed 5] [--postgres URL] [--runs 20] [--keep]

Generates a synthetic dataset (at scale 1: 100,000 institutions, 50,000 agreements, 1,000,000
activities with 1,500,000 parties) with plain INSERTs in large batches inside one transaction
(SQLite: executemany on a connection with synchronous=OFF; PostgreSQL: COPY), rebuilds the
partners-per-year table (`accord rollup`: the rows were written past the signals that keep it) and
prints how long that took, then times the pages through Django's test client. Django's cache is
cleared before every measured request.

--keep reuses (or builds and keeps) the generated database: a SQLite file under
$TMPDIR/accord-bench-insights/scale-S-seed-N/, or, with --postgres, the database itself (marked
with the scale and seed in a table bench_insights_dataset). Without --keep the data is built afresh.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
BATCH = 20_000
MARKER = "bench_insights_dataset"
ENDPOINTS = {
    "dashboard": "/insights/?year=2024",
    "dashboard trend (htmx)": "/insights/trend/?year=2024",
    "partner list (period+group)": "/partners/?period=2024&group=group-1",
    "map data": "/insights/map/data.json?year=2024",
}


def setup(args) -> Path | None:
    """Point Django at the database; return the cache directory when a SQLite file is kept."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "accord.settings"
    os.environ["ACCORD_DEBUG"] = "1"
    cache_dir = None
    if args.postgres:
        os.environ["ACCORD_DATA_DIR"] = tempfile.mkdtemp(prefix="accord-bench-")
        os.environ["ACCORD_DATABASE_URL"] = args.postgres
    else:
        os.environ.pop("ACCORD_DATABASE_URL", None)
        if args.keep:
            cache_dir = Path(tempfile.gettempdir()) / "accord-bench-insights" / f"scale-{args.scale:g}-seed-{args.seed}"
            cache_dir.mkdir(parents=True, exist_ok=True)
            os.environ["ACCORD_DATA_DIR"] = str(cache_dir)
        else:
            os.environ["ACCORD_DATA_DIR"] = tempfile.mkdtemp(prefix="accord-bench-")
    import django

    django.setup()
    return cache_dir


def prepared(args) -> bool:
    """Migrate; True when the database already holds the dataset for this scale and seed."""
    from django.core.management import call_command
    from django.db import connection

    key = json.dumps({"scale": args.scale, "seed": args.seed})
    if args.keep and MARKER in connection.introspection.table_names():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT dataset FROM {MARKER}")
            row = cursor.fetchone()
        if row and row[0] == key:
            call_command("migrate", verbosity=0)  # indexes added since the data was built
            return True
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # a clean schema in the throwaway database
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    else:
        connection.close()
        Path(connection.settings_dict["NAME"]).unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    return False


def mark(args):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {MARKER} (dataset varchar(200) NOT NULL)")
        cursor.execute(f"INSERT INTO {MARKER} (dataset) VALUES (%s)", [json.dumps({"scale": args.scale, "seed": args.seed})])


class Writer:
    """Appends rows to tables: executemany on SQLite, COPY on PostgreSQL. Columns a table needs
    that the caller does not give get the model field's default."""

    def __init__(self, connection):
        from django.utils import timezone

        self.connection = connection
        self.sqlite = connection.vendor == "sqlite"
        self.now = timezone.now()

    def _defaults(self, model, given):
        from django.db import models

        columns, values = [], []
        for field in model._meta.concrete_fields:
            if field.column in given or field.primary_key or field.null:
                continue
            if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
                value = self.now
            elif isinstance(field, models.JSONField):
                value = json.dumps(field.get_default())
            else:
                value = field.get_default()
            if self.sqlite and isinstance(value, bool):
                value = int(value)
            elif self.sqlite and hasattr(value, "isoformat"):
                value = self.connection.ops.adapt_datetimefield_value(value)
            columns.append(field.column)
            values.append(value)
        return columns, tuple(values)

    def write(self, model, columns, rows):
        """`rows` yields tuples for `columns` (dates as ISO strings); returns the number written."""
        extra, constants = self._defaults(model, set(columns))
        names = ", ".join(columns + extra)
        table = model._meta.db_table
        raw = self.connection.connection
        count = 0
        if self.sqlite:
            sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * (len(columns) + len(extra)))})"
            batch = []
            for row in rows:
                batch.append(row + constants)
                if len(batch) >= BATCH:
                    raw.executemany(sql, batch)
                    count += len(batch)
                    batch = []
            raw.executemany(sql, batch)
            return count + len(batch)
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row + constants)
                count += 1
        return count

    def reset_sequences(self, *models):
        if self.sqlite:
            return
        from django.core.management.color import no_style

        with self.connection.cursor() as cursor:
            for sql in self.connection.ops.sequence_reset_sql(no_style(), list(models)):
                cursor.execute(sql)


def generate(scale, seed):
    from django.db import connection, transaction

    from accord.activities.models import Activity, ActivityParty
    from accord.agreements.models import Agreement, AgreementParty
    from accord.mobility.models import Mobility, Person
    from accord.registry.models import Country, CountryGroup, Institution, Kind, Network, NetworkMembership

    rng = random.Random(seed)
    n_inst, n_agr, n_act = int(100_000 * scale), int(50_000 * scale), int(1_000_000 * scale)
    n_people = int(20_000 * scale)
    countries = list(Country.objects.order_by("code").values_list("code", flat=True))
    kinds = [k for k in Kind.values if k != Kind.FACULTY]
    day = [(date(2008, 1, 1) + timedelta(days=d)).isoformat() for d in range(30 * 366)]
    started = time.perf_counter()
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # this connection only: the file is rebuilt if a run fails
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA journal_mode=MEMORY")
    writer = Writer(connection)
    counts = {}
    with transaction.atomic():
        home = Institution.objects.create(name="Beijing Institute of Technology", local_name="北京理工大学",
                                          country_id="CN", is_home=True)
        faculties = [
            Institution.objects.create(name=f"School {i}", kind=Kind.FACULTY, parent=home, country_id="CN").pk
            for i in range(20)
        ]
        first = faculties[-1] + 1
        ids = range(first, first + n_inst)
        counts["institutions"] = writer.write(
            Institution, ["id", "name", "search_key", "kind", "country_id", "latitude", "longitude", "status"],
            (
                (pk, f"Partner {pk:07d}", f"partner {pk:07d}", rng.choice(kinds), rng.choice(countries),
                 rng.uniform(-60, 70) if pk % 2 else None, rng.uniform(-180, 180) if pk % 2 else None,
                 "merged" if pk % 500 == 0 else "active")
                for pk in ids
            ),
        )
        writer.reset_sequences(Institution)
        for g in range(4):
            group = CountryGroup.objects.create(name=f"Group {g}", slug=f"group-{g}")
            group.countries.set(rng.sample(countries, 30))
        for n in range(20):
            network = Network.objects.create(name=f"Network {n}")
            NetworkMembership.objects.bulk_create(
                [NetworkMembership(network=network, institution_id=i) for i in rng.sample(ids, 15)]
            )
        statuses = ["signed", "active", "expiring", "expired", "renewed", "draft", "terminated"]
        agreement_kinds = ["framework", "student_exchange", "staff_exchange", "research", "joint_training"]

        def agreements():
            for pk in range(1, n_agr + 1):
                start = rng.randrange(18 * 365)
                yield (pk, f"Agreement {pk}", rng.choice(agreement_kinds), rng.choice(statuses), day[start], day[start],
                       day[start + rng.choice([1095, 1826, 3652])], rng.choice(faculties) if pk % 3 else None)

        counts["agreements"] = writer.write(
            Agreement, ["id", "title", "kind", "status", "signed_on", "valid_from", "valid_until", "faculty_id"],
            agreements(),
        )
        counts["agreement parties"] = writer.write(
            AgreementParty, ["agreement_id", "institution_id", "role"],
            ((a, inst, "partner") for a in range(1, n_agr + 1) for inst in {rng.choice(ids) for _ in range(1 + a % 2)}),
        )
        activity_kinds = [k for k, _ in Activity.Kind.choices]

        def activities():
            for pk in range(1, n_act + 1):
                start = rng.randrange(16 * 365) + 2 * 365
                end = day[start + rng.randrange(1, 30)] if pk % 3 == 0 else None
                yield (pk, f"Activity {pk}", rng.choice(activity_kinds), day[start], end,
                       rng.choice(faculties) if pk % 4 == 0 else None)

        counts["activities"] = writer.write(
            Activity, ["id", "title", "kind", "start_date", "end_date", "faculty_id"], activities()
        )
        counts["activity parties"] = writer.write(
            ActivityParty, ["activity_id", "institution_id", "role"],
            ((a, inst, "participant") for a in range(1, n_act + 1) for inst in set(rng.sample(ids, 1 + a % 2))),
        )
        counts["people"] = writer.write(
            Person, ["id", "name", "kind", "nationality_id"],
            ((pk, f"Person {pk}", "student", rng.choice(countries)) for pk in range(1, n_people + 1)),
        )

        def stays():
            for pk in range(1, n_people + 1):
                start = rng.randrange(10 * 365) + 7 * 365 + 250
                yield (rng.choice(["incoming", "outgoing"]), "exchange_student", pk, rng.choice(ids), home.pk, day[start],
                       int(day[start][:4]))

        counts["stays"] = writer.write(
            Mobility, ["direction", "kind", "person_id", "home_institution_id", "host_institution_id", "start_date",
                       "academic_year"], stays(),
        )
        writer.reset_sequences(Agreement, AgreementParty, Activity, ActivityParty, Person, Mobility)
    return time.perf_counter() - started, counts


def measure(runs):
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    with connection.cursor() as cursor:  # what autovacuum would have done since (PostgreSQL's visibility map too)
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    user = User.objects.filter(username="bench").first() or User.objects.create_superuser("bench", "bench@accord.test", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    results = {}
    for name, url in ENDPOINTS.items():
        times = []
        for i in range(runs + 2):
            cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (url, response.status_code)
            if i >= 2:  # two warm-up requests
                times.append(elapsed)
        times.sort()
        results[name] = (statistics.median(times), times[max(0, -(-len(times) * 95 // 100) - 1)])
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--postgres", help="postgresql://… of a throwaway database (its public schema is dropped)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="reuse the generated database (build and keep it if absent)")
    args = parser.parse_args()
    cache_dir = setup(args)
    from django.db import connection

    if prepared(args):
        print(f"{connection.vendor}: reusing the dataset of scale {args.scale:g}, seed {args.seed}")
    else:
        seconds, counts = generate(args.scale, args.seed)
        from accord.insights.services import rollup

        started = time.perf_counter()
        rows = rollup.rebuild()  # the rows were written with SQL, past the signals that keep the table
        print(f"{connection.vendor}: partners per year rebuilt ({rows:,} rows) in {time.perf_counter() - started:.1f} s")
        if args.keep:
            mark(args)
        print(f"{connection.vendor}: generated {', '.join(f'{n:,} {what}' for what, n in counts.items())} "
              f"in {seconds:.1f} s (scale {args.scale:g}, seed {args.seed})")
    for name, (p50, p95) in measure(args.runs).items():
        print(f"{name:32} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   (uncached, {args.runs} runs)")
    if cache_dir is None and not args.postgres:
        connection.close()
        shutil.rmtree(os.environ["ACCORD_DATA_DIR"], ignore_errors=True)


if __name__ == "__main__":
    main()
