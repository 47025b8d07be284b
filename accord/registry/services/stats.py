"""Headline figures of the registry, computed with aggregate queries (no loops over rows).

Other apps add their own figures to `accord stats --json` by registering a section in their
AppConfig.ready(): `hooks.STATS_SECTIONS.register("guidance", fn)`, where fn(year=None, group=None)
returns a JSON-serialisable dict.
"""


from django.db.models import Count, Q

from accord.lib import hooks
from accord.registry.models import CONTINENTS, CountryGroup, Institution, Network, Status


def partners(group: CountryGroup | None = None):
    """Institutions the university works with: everything but the home university, its own units
    and records merged into another."""
    qs = Institution.objects.outside_home().exclude(status=Status.MERGED)
    if group is not None:
        qs = qs.filter(country__groups=group)
    return qs


def headline(group: CountryGroup | None = None) -> dict:
    qs = partners(group)
    totals = qs.aggregate(
        partners=Count("id"),
        countries=Count("country", distinct=True),
        continents=Count("country__continent", distinct=True),
    )
    by_continent = {
        CONTINENTS[row["country__continent"]]: row["n"]
        for row in qs.exclude(country=None).values("country__continent").annotate(n=Count("id")).order_by()
    }
    by_kind = {row["kind"]: row["n"] for row in qs.values("kind").annotate(n=Count("id")).order_by()}
    partner_ids = qs.values("id")
    groups = {
        g.name: {"partners": g.n_partners, "countries": g.n_countries}
        for g in CountryGroup.objects.annotate(
            n_partners=Count("countries__institutions", filter=Q(countries__institutions__in=partner_ids), distinct=True),
            n_countries=Count(
                "countries", filter=Q(countries__institutions__in=partner_ids), distinct=True
            ),
        ).order_by("name")
    }
    networks = {
        n.name: n.n_members
        for n in Network.objects.annotate(
            n_members=Count("memberships", filter=Q(memberships__institution__in=partner_ids))
        ).order_by("name")
    }
    return {
        **totals,
        "by_continent": dict(sorted(by_continent.items())),
        "by_kind": dict(sorted(by_kind.items())),
        "groups": groups,
        "networks": networks,
    }


SECTIONS = hooks.STATS_SECTIONS


def all_figures(*, year: int | None = None, group: CountryGroup | None = None) -> dict:
    """The headline figures plus every registered section, as `accord stats --json` prints them."""
    figures = headline(group)
    for name, fn in SECTIONS.items():
        figures[name] = fn(year=year, group=group)
    return figures
