"""The dashboard as rows of (label, value, link to the list behind the value)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from accord.agreements.services import expiring
from accord.insights.services import deadlines
from accord.insights.services.figures import figures, labels, partner_countries
from accord.insights.services.links import list_url
from accord.insights.services.scope import Scope
from accord.registry.models.countries import local_display_name, region_label

TOP_COUNTRIES = 15  # countries in the dashboard's "by country" list
EXPIRING_SHOWN = 10  # agreements in its "expiring soon" panel

EXPIRING_DAYS = 90


@dataclass(frozen=True)
class Figure:
    label: str
    value: int
    url: str
    extra: str = ""


def _rows(items, label_of, url_of):
    return [Figure(str(label_of(key)), value, url_of(key)) for key, value in items if value]


def dashboard(scope: Scope, *, with_trend: bool = False) -> dict:
    data = figures(scope, with_trend=with_trend)
    names = labels()
    partners = lambda **extra: list_url("partners", scope, **extra)  # noqa: E731
    agreements = lambda **extra: list_url("agreements", scope, **extra)  # noqa: E731
    activities = lambda **extra: list_url("activities", scope, **extra)  # noqa: E731
    mobility = lambda **extra: list_url("mobility", scope, **extra)  # noqa: E731
    new_agreements = list_url("agreements", scope.without_period(), signed_year=scope.year) if scope.year else ""
    headline = [
        Figure(_("Partners"), data["partners"], partners()),
        Figure(_("Countries and regions"), data["countries"], partners()),
        Figure(_("Continents"), data["continents"], partners()),
        Figure(_("Agreements in force"), data["agreements"]["total"], agreements()),
        Figure(_("New agreements"), data["agreements"]["signed"], new_agreements),
        Figure(_("Activities"), data["activities"]["total"], activities()),
        Figure(_("Incoming mobility"), data["mobility"]["incoming"]["total"], mobility(direction="incoming")),
        Figure(_("Outgoing mobility"), data["mobility"]["outgoing"]["total"], mobility(direction="outgoing")),
    ]
    mobility_rows = {
        direction: [
            Figure(region_label(row["region"]) or _("Unknown"), row["count"], mobility(direction=direction, region=row["region"]))
            for row in side["by_region"]
        ]
        for direction, side in data["mobility"].items()
    }
    return {
        "data": data,
        "headline": headline,
        "continents": _rows(data["by_continent"].items(), lambda c: names["continent"].get(c, c),
                            lambda c: partners(continent=c)),
        "countries": [Figure(r["name"], r["partners"], partners(country=r["code"])) for r in data["by_country"][:TOP_COUNTRIES]],
        "groups": [
            Figure(g["display_name"], g["partners"], partners(group=g["slug"]), extra=g["countries"])
            for g in data["groups"] if g["partners"]
        ],
        "networks": [
            Figure(local_display_name(n["acronym"] or n["name"], n["name_zh"]), n["partners"], partners(network=n["id"]))
            for n in data["networks"] if n["partners"]
        ],
        "agreement_kinds": _rows(data["agreements"]["by_kind"].items(), lambda k: names["agreement_kind"].get(k, k),
                                 lambda k: agreements(kind=k)),
        "agreement_statuses": _rows(data["agreements"]["by_status"].items(),
                                    lambda k: names["agreement_status"].get(k, k), lambda k: agreements(status=k)),
        "activity_kinds": _rows(data["activities"]["by_kind"].items(), lambda k: names["activity_kind"].get(k, k),
                                lambda k: activities(kind=k)),
        "incoming": mobility_rows.get("incoming", []),
        "outgoing": mobility_rows.get("outgoing", []),
        "expiring": _expiring(scope),
        "deadlines": deadlines.upcoming(scope=scope),
    }


def _expiring(scope: Scope):
    qs = expiring(EXPIRING_DAYS)
    if scope.faculty is not None:
        qs = qs.filter(faculty=scope.faculty)
    return list(qs[:EXPIRING_SHOWN])


def trend_rows(scope: Scope) -> list[dict]:
    """The trend by year with the list behind each figure."""
    from accord.insights.services.figures import trend

    rows = []
    for row in trend(scope):
        year_scope = Scope.for_year(row["year"], faculty=scope.faculty, group=scope.group, kind=scope.kind)
        rows.append({
            **row,
            "partners_url": list_url("partners", year_scope),
            "new_agreements_url": list_url("agreements", year_scope.without_period(), signed_year=row["year"]),
            "activities_url": list_url("activities", year_scope),
        })
    return rows


def country_rows(scope: Scope) -> list[Figure]:
    """Partners per country, most first, each with its list: the world map's table."""
    rows = sorted((r for r in partner_countries(scope) if r["code"]), key=lambda r: (-r["partners"], r["name"]))
    return [Figure(r["name"], r["partners"], list_url("partners", scope, country=r["code"])) for r in rows]
