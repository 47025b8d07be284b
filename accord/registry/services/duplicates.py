"""Find pairs of institution records that probably describe one institution.

Blocking keeps this far from O(n²): records are only compared within small blocks that share
something specific, namely
- the same identifier (ROR id, SCHAC, Erasmus code or an ExternalId, by value) ..... score 100
- the same web domain (from `domains` or the website host) .......................... score 90
- the same normalised name or alias in the same country ............................. score 95
  (word order ignored: "Manchester University" = "University of Manchester")
- very similar names in the same country: names are blocked by (country, rarest token)
  and compared with rapidfuzz within a block .................................... score 80-94
Pairs already linked (unit/parent, predecessor/successor) and merged records are left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from urllib.parse import urlsplit

from rapidfuzz import fuzz
from rapidfuzz.process import extract

from accord.lib.normalize import tokens
from accord.registry.models import ExternalId, Institution, InstitutionName, Status

SIMILAR_CUTOFF = 90  # token_sort_ratio of normalised names
MAX_BLOCK = 250  # larger similarity blocks are skipped: their token is too common to tell anything
GENERIC_DOMAINS = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "qq.com", "163.com", "wordpress.com",
                   "blogspot.com", "google.com", "facebook.com", "sites.google.com"}


@dataclass
class Pair:
    a: int
    b: int
    score: int
    reasons: list[str] = field(default_factory=list)
    first: Institution | None = None
    second: Institution | None = None

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


class _Pairs:
    def __init__(self, linked: set[tuple[int, int]]):
        self.found: dict[tuple[int, int], Pair] = {}
        self.linked = linked

    def add(self, x: int, y: int, score: float, reason: str):
        if x == y:
            return
        key = (min(x, y), max(x, y))
        if key in self.linked:
            return
        pair = self.found.get(key)
        if pair is None:
            self.found[key] = Pair(key[0], key[1], int(round(score)), [reason])
        else:
            pair.score = max(pair.score, int(round(score)))
            if reason not in pair.reasons:
                pair.reasons.append(reason)


def _host(url: str) -> str:
    try:
        host = (urlsplit(url if "://" in url else f"http://{url}").hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def find_duplicates(*, country: str | None = None, institution: Institution | None = None,
                    limit: int | None = 200, attach: bool = True) -> list[Pair]:
    """Candidate duplicate pairs, best first. `country` restricts to one country; `institution` to pairs with it."""
    qs = Institution.objects.exclude(status=Status.MERGED).order_by()
    if country:
        qs = qs.filter(country_id=country.upper())
    rows = list(qs.values_list("id", "name", "country_id", "website", "domains", "ror_id", "schac", "erasmus_code",
                               "parent_id", "successor_id"))
    ids = {r[0] for r in rows}
    linked = set()
    for pk, _, _, _, _, _, _, _, parent, successor in rows:
        for other in (parent, successor):
            if other:
                linked.add((min(pk, other), max(pk, other)))
    pairs = _Pairs(linked)
    country_of = {r[0]: r[2] or "" for r in rows}

    # identifiers
    by_id = defaultdict(set)
    for pk, _, _, _, _, ror, schac, erasmus, _, _ in rows:
        for scheme, value in (("ror", ror), ("schac", schac), ("erasmus", erasmus)):
            if value:
                by_id[(scheme, value.strip().lower())].add(pk)
    for pk, scheme, value in ExternalId.objects.order_by().values_list("institution_id", "scheme", "value"):
        if pk in ids:
            by_id[(scheme.strip().lower().removesuffix("_id"), value.strip().lower())].add(pk)
    for (scheme, value), members in by_id.items():
        for x, y in combinations(sorted(members), 2):
            pairs.add(x, y, 100, f"same {scheme.upper()} {value}")

    # web domains
    by_domain = defaultdict(set)
    for pk, _, _, website, domains, *_ in rows:
        hosts = {d.strip().lower().removeprefix("www.") for d in (domains or []) if isinstance(d, str)}
        if website:
            hosts.add(_host(website))
        for host in hosts - {""} - GENERIC_DOMAINS:
            by_domain[host].add(pk)
    for host, members in by_domain.items():
        if len(members) <= 20:
            for x, y in combinations(sorted(members), 2):
                pairs.add(x, y, 90, f"same domain {host}")

    # names: exact keys within a country, then similar names blocked by (country, rarest token)
    names = [(pk, name) for pk, name, *_ in rows]
    names += [
        (pk, name)
        for pk, name in InstitutionName.objects.filter(kind__in=["label", "alias", "former"])
        .order_by()
        .values_list("institution_id", "name")
        if pk in ids
    ]
    keyed = []
    for pk, name in names:
        toks = tokens(name)
        if toks:
            keyed.append((pk, country_of[pk], toks))
    by_key = defaultdict(set)
    df = Counter()
    for pk, cc, toks in keyed:
        by_key[(cc, " ".join(sorted(toks)))].add(pk)
        df.update(set(toks))
    for (cc, key), members in by_key.items():
        if cc and 1 < len(members) <= 50:
            for x, y in combinations(sorted(members), 2):
                pairs.add(x, y, 95, "same name" + (f" in {cc}" if cc else ""))

    blocks = defaultdict(dict)  # (country, token) -> {pk: key}
    for pk, cc, toks in keyed:
        if not cc:
            continue
        rare = sorted(set(toks), key=lambda t: (df[t], t))[:2]
        key = " ".join(toks)
        for token in rare:
            blocks[(cc, token)].setdefault(pk, key)
    for (cc, token), members in blocks.items():
        if not 1 < len(members) <= MAX_BLOCK:
            continue
        pks = list(members)
        keys = [members[pk] for pk in pks]
        for i in range(len(keys) - 1):
            rest = keys[i + 1:]
            for _, score, j in extract(keys[i], rest, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR_CUTOFF,
                                       limit=None):
                pairs.add(pks[i], pks[i + 1 + j], 80 + (score - SIMILAR_CUTOFF) * 14 / (100 - SIMILAR_CUTOFF),
                          f"similar names in {cc}")

    found = list(pairs.found.values())
    if institution is not None:
        found = [p for p in found if institution.pk in (p.a, p.b)]
    found.sort(key=lambda p: (-p.score, p.a, p.b))
    if limit is not None:
        found = found[:limit]
    if attach and found:
        objects = Institution.objects.select_related("country").in_bulk({p.a for p in found} | {p.b for p in found})
        for p in found:
            p.first, p.second = objects[p.a], objects[p.b]
    return found
