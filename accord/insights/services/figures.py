"""The dashboard's figures for a scope, each one an aggregate query over the records.

`figures(scope)` returns plain JSON-serialisable data; the dashboard, `accord stats` (its top level
and its "insights" section), /api/v1/stats and the reports all read it, so they cannot disagree.
"""

from collections import Counter
from datetime import date

from django.db.models import Case, CharField, Count, F, Q, When
from django.utils import timezone
from django.utils.translation import gettext

from accord.activities.models import Activity
from accord.agreements.models.agreements import Kind as AgreementKind
from accord.agreements.models.agreements import Status as AgreementStatus
from accord.insights.services.scope import (
    Scope,
    activities_in_period,
    agreements_in_period,
    _partner_q,
    activity_period_branches,
    agreements_signed,
    home_ids,
    is_partner,
    mobility_in_period,
    mobility_period_branches,
    partner_count,
    partner_rows,
    partners_in_period,
    rows_repeat,
)
from accord.mobility.models import Mobility
from accord.registry.models import CONTINENTS, Country, CountryGroup, Network, NetworkMembership
from accord.registry.models import Status as InstitutionStatus
from accord.registry.models.countries import local_display_name

UNKNOWN = ""
TREND_YEARS = 6


def partner_countries(scope: Scope) -> list[dict]:
    """Partners per country, and how many of them have coordinates (one grouped query over the
    partner set): the basis of totals, continents, groups and the map."""
    table = partner_rows(scope)
    if table is not None:  # from the index (year, faculty, country, kind, located, institution) alone
        distinct = rows_repeat(scope)
        rows = table.values("country").annotate(
            n=Count("institution", distinct=distinct), located=Count("institution", filter=Q(located=True), distinct=distinct)
        ).order_by()
    else:
        rows = (
            partners_in_period(scope)
            .values("country")  # grouped by the code alone; the ~250 countries' names are read apart
            .annotate(n=Count("pk"), located=Count("pk", filter=Q(latitude__isnull=False, longitude__isnull=False)))
            .order_by()
        )
    known = {c.code: {"alpha3": c.alpha3, "name": c.display_name, "continent": c.continent}
             for c in Country.objects.only("code", "alpha3", "name", "name_zh", "continent")}
    return [
        {
            "code": row["country"] or UNKNOWN,
            "alpha3": known.get(row["country"], {}).get("alpha3") or "",
            "name": known.get(row["country"], {}).get("name") or "",
            "continent": known.get(row["country"], {}).get("continent") or UNKNOWN,
            "partners": row["n"],
            "located": row["located"],
        }
        for row in rows
    ]


def partner_kinds(scope: Scope) -> dict:
    """Partners per kind of institution (university, research institute, ...)."""
    table = partner_rows(scope)
    if table is not None:
        rows = table.values("kind").annotate(n=Count("institution", distinct=rows_repeat(scope))).order_by()
    else:
        rows = partners_in_period(scope).values("kind").annotate(n=Count("pk")).order_by()
    return {row["kind"]: row["n"] for row in sorted(rows, key=lambda row: row["kind"])}


def _by_group(countries: list[dict]) -> list[dict]:
    per_country = {row["code"]: row["partners"] for row in countries}
    members = Counter()
    partners = Counter()
    for group_id, code in CountryGroup.countries.through.objects.values_list("countrygroup_id", "country_id"):
        if code in per_country:
            members[group_id] += 1
            partners[group_id] += per_country[code]
    return [
        {"slug": g.slug, "name": g.name, "name_zh": g.name_zh, "display_name": g.display_name,
         "partners": partners[g.pk], "countries": members[g.pk]}
        for g in CountryGroup.objects.order_by("name")
    ]


def _by_network(scope: Scope) -> list[dict]:
    """Partners per network: each member is probed (is_partner) rather than the whole set computed."""
    members = (
        NetworkMembership.objects.filter(is_partner(scope, "institution_id"))
        .exclude(institution__in=home_ids())
        .exclude(institution__status=InstitutionStatus.MERGED)
        .filter(_partner_q(scope, "institution__"))
        .values("network")
        .annotate(n=Count("institution", distinct=True))
        .order_by()
    )
    partners = {row["network"]: row["n"] for row in members}
    rows = Network.objects.order_by("name").values("pk", "name", "name_zh", "acronym")
    return [{"id": r["pk"], "name": r["name"], "name_zh": r["name_zh"], "display_name": local_display_name(r["name"], r["name_zh"]),
             "acronym": r["acronym"], "partners": partners.get(r["pk"], 0)} for r in rows]


def _counts(qs, *fields) -> list[dict]:
    """Rows grouped by `fields` with their count `n`: one query for several breakdowns. COUNT(*), not
    COUNT(id): PostgreSQL can then answer from an index that holds the fields (SQLite's hold the id)."""
    return list(qs.values(*fields).annotate(n=Count("*")).order_by(*fields))


def activity_counts(scope: Scope) -> tuple[int, dict]:
    """Activities in the period, in total and by kind, per branch of the period. Without conditions on
    the partner: GROUP BY kind over the indexes activity_kind_start and activity_kind_end_start (SQLite
    skip-scans them kind by kind, PostgreSQL reads them alone); with them: one aggregate with a
    filtered count per kind (no GROUP BY, which SQLite would answer by scanning a whole kind index)."""
    kinds = list(Activity.Kind.values)
    total, by_kind = 0, Counter()
    for branch in activity_period_branches(scope):
        records = activities_in_period(scope, branch)
        if not _partner_q(scope, ""):
            for row in records.values("kind").annotate(n=Count("*")).order_by():
                by_kind[row["kind"]] += row["n"]
                total += row["n"]
            continue
        counts = records.aggregate(
            total=Count("pk"), **{f"kind_{i}": Count("pk", filter=Q(kind=kind)) for i, kind in enumerate(kinds)}
        )
        total += counts["total"]
        for i, kind in enumerate(kinds):
            by_kind[kind] += counts[f"kind_{i}"]
    if sum(by_kind.values()) != total:  # a kind outside the choices: count them all the plain way
        return total, _tally(_counts(activities_in_period(scope), "kind"), "kind")
    return total, {kind: by_kind[kind] for kind in sorted(by_kind) if by_kind[kind]}


def _tally(rows, field) -> dict:
    tally = Counter()
    for row in rows:
        tally[row[field]] += row["n"]
    return {key: tally[key] for key in sorted(tally)}


def mobility_by_region(scope: Scope) -> dict:
    """Incoming stays by the region of the home institution, outgoing by that of the host (the
    person's nationality when the institution or its region is not recorded), as scope.mobility_region
    defines it: per branch of the period (mobility_period_branches) one query grouped by the country
    codes, whose ~250 regions are then looked up here rather than joined three times per stay."""
    regions = {code: inter or sub for code, inter, sub in
               Country.objects.values_list("code", "intermediate_region", "subregion")}
    place = Case(When(direction=Mobility.Direction.INCOMING, then=F("home_institution__country")),
                 default=F("host_institution__country"), output_field=CharField())
    counts = Counter()
    for branch in mobility_period_branches(scope):
        rows = mobility_in_period(scope, branch).annotate(place=place).values("direction", "place", "person__nationality")
        for row in rows.annotate(n=Count("*")).order_by():
            where = regions.get(row["place"]) or regions.get(row["person__nationality"]) or UNKNOWN
            counts[row["direction"], where] += row["n"]
    result = {str(d): {"total": 0, "by_region": []} for d in Mobility.Direction.values}
    for (direction, where), n in sorted(counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1])):
        side = result.setdefault(direction, {"total": 0, "by_region": []})
        side["total"] += n
        side["by_region"].append({"region": where, "count": n})
    return result


def trend(scope: Scope, years: int = TREND_YEARS) -> list[dict]:
    """Per calendar year up to the end of the period: partners, new agreements, activities."""
    last = (scope.end or timezone.localdate()).year
    rows = []
    for year in range(last - years + 1, last + 1):
        in_year = Scope(start=date(year, 1, 1), end=date(year, 12, 31), faculty=scope.faculty, group=scope.group, kind=scope.kind)
        rows.append(
            {
                "year": year,
                "partners": partner_count(in_year),
                "new_agreements": agreements_signed(in_year).count(),
                "activities": sum(activities_in_period(in_year, branch).count() for branch in activity_period_branches(in_year)),
            }
        )
    return rows


def figures(scope: Scope, *, with_trend: bool = True) -> dict:
    countries = partner_countries(scope)
    by_continent = Counter()
    for row in countries:
        if row["continent"]:
            by_continent[row["continent"]] += row["partners"]
    agreements = _counts(agreements_in_period(scope), "kind", "status")
    activity_total, activity_kinds = activity_counts(scope)
    return {
        "period": {
            "from": scope.start.isoformat() if scope.start else None,
            "until": scope.end.isoformat() if scope.end else None,
        },
        "partners": sum(row["partners"] for row in countries),
        "countries": sum(1 for row in countries if row["code"]),
        "continents": len(by_continent),
        "by_continent": {code: by_continent[code] for code in sorted(by_continent)},
        "by_kind": partner_kinds(scope),
        "by_country": sorted(
            ({"code": r["code"], "name": r["name"], "partners": r["partners"]} for r in countries if r["code"]),
            key=lambda r: (-r["partners"], r["name"]),
        ),
        "groups": _by_group(countries),
        "networks": _by_network(scope),
        "agreements": {
            "total": sum(row["n"] for row in agreements),
            "by_kind": _tally(agreements, "kind"),
            "by_status": _tally(agreements, "status"),
            "signed": agreements_signed(scope).count(),
        },
        "activities": {
            "total": activity_total,
            "by_kind": activity_kinds,
        },
        "mobility": mobility_by_region(scope),
        "trend": trend(scope) if with_trend else [],
    }


def labels() -> dict:
    """Display names for the codes used in figures."""
    return {
        "continent": {code: gettext(name) for code, name in CONTINENTS.items()},
        "agreement_kind": dict(AgreementKind.choices),
        "agreement_status": dict(AgreementStatus.choices),
        "activity_kind": dict(Activity.Kind.choices),
        "direction": dict(Mobility.Direction.choices),
        "country": {c.code: c.display_name for c in Country.objects.only("code", "name", "name_zh")},
    }
