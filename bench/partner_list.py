"""Benchmark the partner list's search on a 150,000-institution registry (not a test).

    .venv/bin/python bench/partner_list.py [--institutions 150000] [--queries 200] [--seed 7]

Builds the same throwaway SQLite registry as bench/lookup.py, then asks the partner list's filter
(`InstitutionFilter`, the lookup service's matches first, then names containing the words) for
varied queries as the page does: the count of matches and the first page, ordered by match score.
Prints p50/p95/max per query and how often the list's first row is the lookup's first suggestion.
"""

import argparse
import importlib.util
import random
import statistics
import time
from pathlib import Path

_spec = importlib.util.spec_from_file_location("bench_lookup", Path(__file__).with_name("lookup.py"))
bench_lookup = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_lookup)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--institutions", type=int, default=150_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", help="a data folder this benchmark built before: its registry is reused")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    data_dir = bench_lookup.setup(args.data_dir)

    from accord.lib.limits import PAGE_SIZE
    from accord.registry.filters import InstitutionFilter
    from accord.registry.models import Institution
    from accord.registry.services.lookup import get_index, lookup

    if args.data_dir:
        from accord.registry.models import InstitutionName

        n_inst, n_names, seconds = Institution.objects.count(), InstitutionName.objects.count(), 0.0
    else:
        n_inst, n_names, seconds = bench_lookup.build_registry(args.institutions, rng)
    print(f"registry: {n_inst:,} institutions, {n_names:,} other names (generated in {seconds:.1f}s) in {data_dir}")
    queries = [q for _kind, q, _country, _pk in bench_lookup.make_queries(args.queries, rng)]
    queries += ["University", "Technology", "Manchester Univ", "北京理工", "Moscow"]
    t0 = time.perf_counter()
    get_index()
    print(f"lookup index built in {time.perf_counter() - t0:.1f}s")
    base = Institution.objects.select_related("country").order_by("-is_home", "name")
    timings, agree, counts = [], 0, []
    for q in queries:
        t0 = time.perf_counter()
        qs = InstitutionFilter({"q": q}, queryset=base).qs
        total = qs.count()
        page = list(qs[:PAGE_SIZE])
        timings.append((time.perf_counter() - t0) * 1000)
        counts.append(total)
        suggestions = lookup(q, limit=8)
        agree += not suggestions or (bool(page) and page[0].pk == suggestions[0].id)

    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

    print(f"list searches: {len(timings)}  p50 {pct(timings, 50):.1f} ms  p95 {pct(timings, 95):.1f} ms  "
          f"max {max(timings):.1f} ms  mean {statistics.mean(timings):.1f} ms  (count + first page of {PAGE_SIZE})")
    print(f"first row is the first suggestion: {agree}/{len(queries)}; median matches {statistics.median(counts):,.0f}")


if __name__ == "__main__":
    main()
