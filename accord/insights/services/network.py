"""The cooperation network: the home university, its partners and their networks as a graph.

Edges: home–partner, weighted by the agreements valid and the activities held in the period;
partner–network for memberships (partners in the same network are linked through it). The layout
is deterministic and radial: the home university in the centre, networks on an inner ring and
partners on an outer ring in sectors by continent, so the same data always draws the same picture.
"""

import math
from collections import Counter, defaultdict

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext

from accord.activities.models import ActivityParty
from accord.agreements.models import AgreementParty
from accord.insights.services.scope import Scope, activities_in_period, agreements_in_period, home_ids, partners_in_period
from accord.registry.models import CONTINENTS, Institution, NetworkMembership

MAX_PARTNERS = 80
CONTINENT_ORDER = ["AS", "EU", "AF", "NA", "SA", "OC", "AN", ""]


def connections(scope: Scope) -> Counter:
    """Agreements plus activities per partner in the scope (two grouped queries)."""
    partner_ids = partners_in_period(scope).values("pk")
    counts = Counter()
    agreements = AgreementParty.objects.filter(
        agreement__in=agreements_in_period(scope).values("pk"), institution__in=partner_ids
    )
    for row in agreements.values("institution").annotate(n=Count("agreement", distinct=True)).order_by():
        counts[row["institution"]] += row["n"]
    activities = ActivityParty.objects.filter(
        activity__in=activities_in_period(scope).values("pk"), institution__in=partner_ids
    )
    for row in activities.values("institution").annotate(n=Count("activity", distinct=True)).order_by():
        counts[row["institution"]] += row["n"]
    return counts


def most_connected(scope: Scope, limit: int = 20) -> list[dict]:
    counts = connections(scope)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    names = Institution.objects.in_bulk([pk for pk, _ in top])
    return [
        {"id": pk, "name": names[pk].name, "local_name": names[pk].local_name, "connections": n,
         "url": names[pk].get_absolute_url()}
        for pk, n in top if pk in names
    ]


def _ring(items, radius, start=0.0, span=2 * math.pi):
    n = max(len(items), 1)
    return {item: (radius * math.cos(start + span * (i + 0.5) / n), radius * math.sin(start + span * (i + 0.5) / n))
            for i, item in enumerate(items)}


def graph(scope: Scope, max_partners: int = MAX_PARTNERS) -> dict:
    counts = connections(scope)
    top = [pk for pk, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:max_partners]]
    partners = {
        p.pk: p for p in Institution.objects.filter(pk__in=top).select_related("country")
    }
    home = Institution.objects.filter(is_home=True).first()
    memberships = list(
        NetworkMembership.objects.filter(institution__in=top).exclude(institution__in=home_ids())
        .select_related("network").order_by("network__name", "institution_id")
    )
    networks = {m.network_id: m.network for m in memberships}

    by_continent = defaultdict(list)
    for pk in top:
        if pk in partners:
            country = partners[pk].country
            by_continent[country.continent if country else ""].append(pk)
    positions = {}
    ordered = [pk for c in CONTINENT_ORDER for pk in sorted(by_continent.get(c, []), key=lambda p: partners[p].name)]
    positions.update({("partner", pk): xy for pk, xy in _ring(ordered, 1.0).items()})
    positions.update({("network", pk): xy for pk, xy in _ring(sorted(networks), 0.5).items()})

    nodes = []
    if home is not None:
        nodes.append({"id": f"i{home.pk}", "kind": "home", "name": home.name, "local_name": home.local_name,
                      "x": 0.0, "y": 0.0, "size": 24, "url": home.get_absolute_url(), "continent": ""})
    for pk in ordered:
        p = partners[pk]
        continent = p.country.continent if p.country else ""
        x, y = positions[("partner", pk)]
        nodes.append({"id": f"i{pk}", "kind": "partner", "name": p.name, "local_name": p.local_name,
                      "x": round(x, 4), "y": round(y, 4), "size": 8 + min(counts[pk], 20),
                      "connections": counts[pk], "url": p.get_absolute_url(),
                      "continent": gettext(CONTINENTS[continent]) if continent in CONTINENTS else ""})
    for pk in sorted(networks):
        x, y = positions[("network", pk)]
        n = networks[pk]
        nodes.append({"id": f"n{pk}", "kind": "network", "name": n.acronym or n.name, "local_name": "",
                      "x": round(x, 4), "y": round(y, 4), "size": 14, "url": n.get_absolute_url(), "continent": ""})
    edges = []
    if home is not None:
        edges += [{"source": f"i{home.pk}", "target": f"i{pk}", "weight": counts[pk], "kind": "cooperation"}
                  for pk in ordered]
    edges += [{"source": f"i{m.institution_id}", "target": f"n{m.network_id}", "weight": 1, "kind": "membership"}
              for m in memberships if m.institution_id in partners]
    return {"nodes": nodes, "edges": edges, "partners_total": len(counts), "shown": len(ordered),
            "network_url": reverse("registry:network-list")}
