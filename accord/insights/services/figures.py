"""The dashboard's figures for a scope, each one an aggregate query over the records.

`figures(scope)` returns plain JSON-serialisable data; the dashboard, `accord stats --json` (the
"insights" section) and the reports all read it, so they cannot disagree.
"""

from collections import Counter
from datetime import date

from django.db.models import Count, Q

from accord.activities.models import Activity
from accord.agreements.models.agreements import Kind as AgreementKind
from accord.agreements.models.agreements import Status as AgreementStatus
from accord.insights.services.scope import (
    Scope,
    activities_in_period,
    agreements_in_period,
    agreements_signed,
    mobility_in_period,
    mobility_region,
    partners_in_period,
)
from accord.mobility.models import Mobility
from accord.registry.models import CONTINENTS, Country, CountryGroup, Network

UNKNOWN = ""
TREND_YEARS = 6


def partner_countries(scope: Scope) -> list[dict]:
    """Partners per country (one grouped query): the basis of totals, continents, groups and the map."""
    rows = (
        partners_in_period(scope)
        .values("country", "country__continent", "country__alpha3", "country__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        {
            "code": row["country"] or UNKNOWN,
            "alpha3": row["country__alpha3"] or "",
            "name": row["country__name"] or "",
            "continent": row["country__continent"] or UNKNOWN,
            "partners": row["n"],
        }
        for row in rows
    ]


def _by_group(countries: list[dict]) -> list[dict]:
    per_country = {row["code"]: row["partners"] for row in countries}
    members = Counter()
    partners = Counter()
    for group_id, code in CountryGroup.countries.through.objects.values_list("countrygroup_id", "country_id"):
        if code in per_country:
            members[group_id] += 1
            partners[group_id] += per_country[code]
    return [
        {"slug": g.slug, "name": g.name, "partners": partners[g.pk], "countries": members[g.pk]}
        for g in CountryGroup.objects.order_by("name")
    ]


def _by_network(scope: Scope) -> list[dict]:
    partner_ids = partners_in_period(scope).values("pk")
    rows = Network.objects.annotate(
        n=Count("memberships", filter=Q(memberships__institution__in=partner_ids))
    ).order_by("name").values("pk", "name", "acronym", "n")
    return [{"id": r["pk"], "name": r["name"], "acronym": r["acronym"], "partners": r["n"]} for r in rows]


def _counts(qs, field) -> dict:
    return {row[field]: row["n"] for row in qs.values(field).annotate(n=Count("pk")).order_by(field)}


def mobility_by_region(scope: Scope) -> dict:
    """Incoming stays by the region of the home institution, outgoing by that of the host (the
    person's nationality when the institution is not recorded): one grouped query."""
    rows = (
        mobility_in_period(scope)
        .annotate(where=mobility_region())
        .values("direction", "where")
        .annotate(n=Count("pk"))
        .order_by("direction", "-n", "where")
    )
    result = {str(d): {"total": 0, "by_region": []} for d in Mobility.Direction.values}
    for row in rows:
        side = result.setdefault(row["direction"], {"total": 0, "by_region": []})
        side["total"] += row["n"]
        side["by_region"].append({"region": row["where"] or UNKNOWN, "count": row["n"]})
    return result


def trend(scope: Scope, years: int = TREND_YEARS) -> list[dict]:
    """Per calendar year up to the end of the period: partners, new agreements, activities."""
    last = (scope.end or date.today()).year
    rows = []
    for year in range(last - years + 1, last + 1):
        in_year = Scope(start=date(year, 1, 1), end=date(year, 12, 31), faculty=scope.faculty, group=scope.group, kind=scope.kind)
        rows.append(
            {
                "year": year,
                "partners": partners_in_period(in_year).count(),
                "new_agreements": agreements_signed(in_year).count(),
                "activities": activities_in_period(in_year).count(),
            }
        )
    return rows


def figures(scope: Scope, *, with_trend: bool = True) -> dict:
    countries = partner_countries(scope)
    by_continent = Counter()
    for row in countries:
        if row["continent"]:
            by_continent[row["continent"]] += row["partners"]
    agreements = agreements_in_period(scope)
    return {
        "period": {
            "from": scope.start.isoformat() if scope.start else None,
            "until": scope.end.isoformat() if scope.end else None,
        },
        "partners": sum(row["partners"] for row in countries),
        "countries": sum(1 for row in countries if row["code"]),
        "continents": len(by_continent),
        "by_continent": {code: by_continent[code] for code in sorted(by_continent)},
        "by_country": sorted(
            ({"code": r["code"], "name": r["name"], "partners": r["partners"]} for r in countries if r["code"]),
            key=lambda r: (-r["partners"], r["name"]),
        ),
        "groups": _by_group(countries),
        "networks": _by_network(scope),
        "agreements": {
            "total": agreements.count(),
            "by_kind": _counts(agreements, "kind"),
            "by_status": _counts(agreements, "status"),
            "signed": agreements_signed(scope).count(),
        },
        "activities": {
            "total": activities_in_period(scope).count(),
            "by_kind": _counts(activities_in_period(scope), "kind"),
        },
        "mobility": mobility_by_region(scope),
        "trend": trend(scope) if with_trend else [],
    }


def labels() -> dict:
    """Display names for the codes used in figures."""
    return {
        "continent": dict(CONTINENTS),
        "agreement_kind": dict(AgreementKind.choices),
        "agreement_status": dict(AgreementStatus.choices),
        "activity_kind": dict(Activity.Kind.choices),
        "direction": dict(Mobility.Direction.choices),
        "country": dict(Country.objects.values_list("code", "name")),
    }
