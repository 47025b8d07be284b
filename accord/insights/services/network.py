"""The cooperation network: the home university, its partners and their networks as a graph.

Edges: home–partner, weighted by the agreements valid and the activities held in the period;
partner–network for memberships (partners in the same network are linked through it). The layout
is deterministic and radial: the home university in the centre, networks on an inner ring and up to
300 partners on outer rings in sectors by continent, so the same data always draws the same picture.
The home university, the networks and the most connected partners are labelled where a label
overlaps no other label and no node (accord.lib.labels).
"""

import math
from collections import Counter, defaultdict

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext

from accord.activities.models import ActivityParty
from accord.agreements.models import AgreementParty
from accord.insights.services.scope import Scope, activities_in_period, agreements_in_period, home_ids, partners_in_period
from accord.lib.labels import Box, Point, place_labels
from accord.lib.plottext import plot_text
from accord.registry.models import CONTINENTS, Institution, NetworkMembership
from accord.registry.models.countries import local_display_name

MAX_PARTNERS = 300
CONTINENT_ORDER = ["AS", "EU", "AF", "NA", "SA", "OC", "AN", ""]
NETWORK_RADIUS = 0.4
PARTNER_RADIUS, RING_STEP, PER_RING, MAX_RINGS = 0.72, 0.14, 100, 3
CROWDED = 100  # more partners than this: smaller markers
EXTENT = 1.4  # the axes run from -EXTENT to EXTENT
CANVAS = 720  # pixels of the square the page draws (labels are placed for it)
LABELLED = 15  # the most connected partners that get a label (networks always try to)
LABEL_CHARS, SHORT_LABEL_CHARS = 24, 14  # a label is shortened to fit where the longer one does not
LABEL_FONT = 11


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


def _rings(items, outer=(), first=PARTNER_RADIUS, step=RING_STEP, per_ring=PER_RING):
    """Positions round the centre in the items' order, spread over as many rings as they need:
    the `outer` items (those to be labelled) on the outermost ring, where their labels have room
    outside, the others alternating between the inner rings so that neighbours stand apart."""
    rings = min(MAX_RINGS, max(1, math.ceil(len(items) / per_ring)))
    n = max(len(items), 1)
    positions, inner = {}, 0
    for i, item in enumerate(items):
        if rings == 1:
            ring = 0
        elif item in outer:
            ring = rings - 1
        else:
            ring, inner = inner % (rings - 1), inner + 1
        radius = first + step * ring
        positions[item] = (radius * math.cos(2 * math.pi * (i + 0.5) / n), radius * math.sin(2 * math.pi * (i + 0.5) / n))
    return positions


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label_texts(name: str) -> tuple[str, ...]:
    """The forms a label may take, longest first: the name when it is short, the part after its
    last colon ("Regional cooperation platform: Africa" -> "Africa"), the name shortened."""
    texts = [name] if len(name) <= LABEL_CHARS else []
    _, colon, tail = name.rpartition(":")
    if colon and tail.strip():
        texts += [_short(tail.strip()), _short(tail.strip(), SHORT_LABEL_CHARS)]
    texts += [_short(name), _short(name, SHORT_LABEL_CHARS)]
    return tuple(dict.fromkeys(texts))


def _pixels(x: float, y: float) -> tuple[float, float]:
    scale = CANVAS / (2 * EXTENT)
    return (x + EXTENT) * scale, (y + EXTENT) * scale


def _labels(nodes: list[dict], wanted: list[str]) -> None:
    """Give the nodes named in `wanted` (ids, most important first) a label that overlaps no other
    label and no node (accord.lib.labels), on the canvas the page draws (CANVAS pixels square)."""
    points = {n["id"]: Point(*_pixels(n["x"], n["y"]), n["size"] / 2) for n in nodes}
    texts = {n["id"]: _label_texts(n["label_text"]) for n in nodes}
    placed = place_labels([(key, points[key], texts[key]) for key in wanted if key in points],
                          list(points.values()), Box(0, 0, CANVAS, CANVAS), font_px=LABEL_FONT)
    for rank, node in enumerate(sorted(nodes, key=lambda n: wanted.index(n["id"]) if n["id"] in wanted else len(wanted))):
        spot = placed.get(node["id"])
        node["label"] = None if spot is None else {
            "text": plot_text(spot.text), "xanchor": spot.xanchor, "yanchor": spot.yanchor,
            "xshift": round(spot.xshift, 1), "yshift": round(spot.yshift, 1), "rank": rank,
        }
    for node in nodes:
        del node["label_text"]


def graph(scope: Scope, max_partners: int = MAX_PARTNERS, labelled: int = LABELLED) -> dict:
    """Nodes (with positions, sizes and, for the most connected, labels) and edges. Names are
    HTML-escaped: plotly renders hover text and annotations as HTML."""
    counts = connections(scope)
    top = [pk for pk, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:max_partners]]
    partners = {
        p.pk: p for p in Institution.objects.filter(pk__in=top).select_related("country")
        .prefetch_related("names")
    }
    home = Institution.objects.filter(is_home=True).first()
    memberships = list(
        NetworkMembership.objects.filter(institution__in=top).exclude(institution__in=home_ids())
        .select_related("network").order_by("network__name", "institution_id")
    )
    networks = {m.network_id: m.network for m in memberships}
    members = Counter(m.network_id for m in memberships)

    by_continent = defaultdict(list)
    for pk in top:
        if pk in partners:
            country = partners[pk].country
            by_continent[country.continent if country else ""].append(pk)
    ordered = [pk for c in CONTINENT_ORDER for pk in sorted(by_continent.get(c, []), key=lambda p: partners[p].name)]
    positions = {("partner", pk): xy for pk, xy in _rings(ordered, outer=set(top[:labelled])).items()}
    positions.update({("network", pk): xy for pk, xy in _ring(sorted(networks), NETWORK_RADIUS).items()})
    crowded = len(ordered) > CROWDED

    nodes = []
    if home is not None:
        nodes.append({"id": f"i{home.pk}", "kind": "home", "name": plot_text(home.name), "local_name": plot_text(home.local_name),
                      "x": 0.0, "y": 0.0, "size": 22, "url": home.get_absolute_url(), "continent": "",
                      "label_text": _acronym(home) or home.name})
    for pk in ordered:
        p = partners[pk]
        continent = p.country.continent if p.country else ""
        x, y = positions[("partner", pk)]
        size = (4 + min(counts[pk], 8)) if crowded else (7 + min(counts[pk], 14))
        nodes.append({"id": f"i{pk}", "kind": "partner", "name": plot_text(p.name), "local_name": plot_text(p.local_name),
                      "x": round(x, 4), "y": round(y, 4), "size": size,
                      "connections": counts[pk], "url": p.get_absolute_url(),
                      "continent": gettext(CONTINENTS[continent]) if continent in CONTINENTS else "",
                      "label_text": _acronym(p) or p.name})
    for pk in sorted(networks):
        x, y = positions[("network", pk)]
        n = networks[pk]
        nodes.append({"id": f"n{pk}", "kind": "network", "name": plot_text(n.display_name), "local_name": "",
                      "x": round(x, 4), "y": round(y, 4), "size": 14, "url": n.get_absolute_url(), "continent": "",
                      "members": members[pk], "label_text": local_display_name(n.acronym or n.name, n.name_zh)})
    wanted = ([f"i{home.pk}"] if home is not None else []) + [
        f"n{pk}" for pk in sorted(networks, key=lambda pk: (-members[pk], networks[pk].name))
    ] + [f"i{pk}" for pk in top[:labelled] if pk in partners]
    _labels(nodes, wanted)
    edges = []
    if home is not None:
        edges += [{"source": f"i{home.pk}", "target": f"i{pk}", "weight": counts[pk], "kind": "cooperation"}
                  for pk in ordered]
    edges += [{"source": f"i{m.institution_id}", "target": f"n{m.network_id}", "weight": 1, "kind": "membership"}
              for m in memberships if m.institution_id in partners]
    return {"nodes": nodes, "edges": edges, "partners_total": len(counts), "shown": len(ordered),
            "network_url": reverse("registry:network-list"), "canvas": CANVAS, "extent": EXTENT}


def _acronym(institution) -> str:
    acronyms = institution.acronyms()
    return min(acronyms, key=len) if acronyms else ""
