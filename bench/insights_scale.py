"""Dashboard, filtered partner list and map data at scale: p50/p95 in milliseconds.

    .venv/bin/python bench/insights_scale.py [--scale 0.1] [--postgres URL] [--runs 20]

Generates a synthetic dataset (at scale 1: 100,000 institutions, 50,000 agreements, 1,000,000
activities) with bulk_create in batches, then times the pages through Django's test client.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
BATCH = 5000


def setup(postgres):
    os.environ["DJANGO_SETTINGS_MODULE"] = "accord.settings"
    os.environ["ACCORD_DEBUG"] = "1"
    os.environ["ACCORD_DATA_DIR"] = tempfile.mkdtemp(prefix="accord-bench-")
    if postgres:
        os.environ["ACCORD_DATABASE_URL"] = postgres
    else:
        os.environ.pop("ACCORD_DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    if postgres:
        from django.db import connection

        with connection.cursor() as cursor:  # a clean schema in the throwaway database
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)


def generate(scale, seed=5):
    from django.db import transaction

    from accord.activities.models import Activity, ActivityParty
    from accord.agreements.models import Agreement, AgreementParty
    from accord.mobility.models import Mobility, Person
    from accord.registry.models import Country, CountryGroup, Institution, Kind, Network, NetworkMembership

    rng = random.Random(seed)
    n_inst, n_agr, n_act = int(100_000 * scale), int(50_000 * scale), int(1_000_000 * scale)
    countries = list(Country.objects.values_list("code", flat=True))
    kinds = [k for k in Kind.values if k != Kind.FACULTY]
    started = time.perf_counter()
    with transaction.atomic():
        home = Institution.objects.create(name="Beijing Institute of Technology", local_name="北京理工大学",
                                          country_id="CN", is_home=True)
        faculties = Institution.objects.bulk_create(
            [Institution(name=f"School {i}", kind=Kind.FACULTY, parent=home, country_id="CN") for i in range(20)]
        )
        Institution.objects.bulk_create(
            (
                Institution(
                    name=f"Partner {i}", search_key=f"partner {i}", kind=rng.choice(kinds), country_id=rng.choice(countries),
                    latitude=rng.uniform(-60, 70) if i % 2 else None, longitude=rng.uniform(-180, 180) if i % 2 else None,
                )
                for i in range(n_inst)
            ),
            batch_size=BATCH,
        )
        ids = list(Institution.objects.filter(name__startswith="Partner ").values_list("pk", flat=True))
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
        agreements = []
        for i in range(n_agr):
            start = date(2008, 1, 1) + timedelta(days=rng.randrange(18 * 365))
            agreements.append(Agreement(
                title=f"Agreement {i}", kind=rng.choice(agreement_kinds), status=rng.choice(statuses),
                signed_on=start, valid_from=start, valid_until=start + timedelta(days=rng.choice([1095, 1826, 3652])),
                faculty=rng.choice(faculties) if i % 3 else None,
            ))
        Agreement.objects.bulk_create(agreements, batch_size=BATCH)
        agreement_ids = list(Agreement.objects.values_list("pk", flat=True))
        AgreementParty.objects.bulk_create(
            (AgreementParty(agreement_id=a, institution_id=rng.choice(ids)) for a in agreement_ids), batch_size=BATCH
        )
        activity_kinds = [k for k, _ in Activity.Kind.choices]
        Activity.objects.bulk_create(
            (
                Activity(title=f"Activity {i}", kind=rng.choice(activity_kinds),
                         start_date=date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365)),
                         faculty=rng.choice(faculties) if i % 4 == 0 else None)
                for i in range(n_act)
            ),
            batch_size=BATCH,
        )
        first = Activity.objects.order_by("pk").values_list("pk", flat=True).first()
        ActivityParty.objects.bulk_create(
            (
                ActivityParty(activity_id=first + i, institution_id=inst, role="participant")
                for i in range(n_act)
                for inst in set(rng.sample(ids, 1 + (i % 2)))
            ),
            batch_size=BATCH,
        )
        people = Person.objects.bulk_create(
            [Person(name=f"Person {i}", kind="student", nationality_id=rng.choice(countries)) for i in range(int(20_000 * scale))],
            batch_size=BATCH,
        )
        Mobility.objects.bulk_create(
            (
                Mobility(direction=rng.choice(["incoming", "outgoing"]), kind="exchange_student", person=p,
                         home_institution_id=rng.choice(ids), host_institution=home,
                         start_date=date(2015, 9, 1) + timedelta(days=rng.randrange(10 * 365)), academic_year=2020)
                for p in people
            ),
            batch_size=BATCH,
        )
    return time.perf_counter() - started, n_inst, n_agr, n_act


def measure(runs):
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    user = User.objects.create_superuser("bench", "bench@accord.test", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    endpoints = {
        "dashboard": "/insights/?year=2024",
        "dashboard trend (htmx)": "/insights/trend/?year=2024",
        "partner list (period+group)": "/partners/?period=2024&group=group-1",
        "map data": "/insights/map/data.json?year=2024",
    }
    results = {}
    for name, url in endpoints.items():
        times = []
        for i in range(runs + 2):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (url, response.status_code)
            if i >= 2:
                times.append(elapsed)
        times.sort()
        results[name] = (statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)])
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--postgres", help="postgresql://… of a throwaway database (its public schema is dropped)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    setup(args.postgres)
    from django.db import connection

    seconds, n_inst, n_agr, n_act = generate(args.scale)
    print(f"{connection.vendor}: generated {n_inst:,} institutions, {n_agr:,} agreements, {n_act:,} activities "
          f"in {seconds:.1f} s (scale {args.scale})")
    for name, (p50, p95) in measure(args.runs).items():
        print(f"{name:32} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
