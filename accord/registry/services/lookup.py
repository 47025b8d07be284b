"""Resolve free text ("Univ. of Manchester", "BMSTU", "Universite de Montpellier") to institutions.

One in-process index, built lazily from the database and rebuilt when the registry changes,
answers the UI typeahead, the JSON endpoint, the `accord lookup` command and (later) the newsroom.

How a query is answered, cheapest first:

1. exact and word-order matches: a dict keyed by the sorted canonical tokens of every name
   (canonical name, local name, labels, aliases, former names);
2. acronyms: stored acronyms (InstitutionName kind=acronym) and the labels of the institution's web
   domains (ucl.ac.uk -> "ucl", bmstu.ru -> "bmstu": very often the acronym people write) first,
   then initials derived from names;
3. fuzzy, skipped when 1 or 2 already named an institution (unless fuzzy=True): a token inverted
   index, rarest tokens first (typo'd tokens corrected against the vocabulary, the last token
   completed as a prefix for typeahead), prefilters a few hundred candidate names that rapidfuzz
   then scores.

Scores are 0-100. A preferred country boosts matches in that country; `only_country` filters.

Freshness: every query compares a cheap version stamp (highest primary keys and the latest history
rows of Institution and InstitutionName, plus a generation counter in the cache) with the one the
index was built from, so a change made by any process is seen by the next query. post_save and
post_delete signals also drop the index of the process that made the change. Writes that bypass
models (queryset.update, raw SQL) should call `invalidate()`.
"""

from __future__ import annotations

import bisect
from bisect import bisect_left
import heapq
import math
import threading
import time
from array import array
from operator import itemgetter
from dataclasses import asdict, dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_delete, post_save
from rapidfuzz import fuzz, process

from accord.lib.normalize import acronym_key, domain_label, fold, initials, tokens

# How each kind of name ranks when it matches exactly (canonical name first).
CANONICAL, LOCAL, LABEL, ALIAS, FORMER, ACRONYM, DOMAIN = range(7)
_KIND_CODES = {"label": LABEL, "alias": ALIAS, "former": FORMER, "acronym": ACRONYM}
_EXACT_SCORE = {CANONICAL: 98, LOCAL: 97, LABEL: 97, ALIAS: 96, FORMER: 94, ACRONYM: 95}
_REORDERED_SCORE = {CANONICAL: 92, LOCAL: 90, LABEL: 90, ALIAS: 90, FORMER: 88, ACRONYM: 88}
_HOW = {CANONICAL: "name", LOCAL: "local name", LABEL: "label", ALIAS: "alias", FORMER: "former name", ACRONYM: "acronym",
        DOMAIN: "domain"}

# The ways a short form matched (`Match.how`): an acronym, a domain label or initials — a short form
# names an institution only where the text also reads as one.
SHORT_FORMS = ("initials", "acronym", "domain")

STORED_ACRONYM_SCORE = 95
# The label of an institution's own web domain ("ucl" of ucl.ac.uk) names it more surely than an
# acronym, which many institutions share; both outrank initials derived from names, in any country.
DOMAIN_LABEL_SCORE = 96
DERIVED_INITIALS_SCORE = 85
FUZZY_WEIGHT = 0.9  # a fuzzy match scores at most 90
COUNTRY_BOOST = 3
MIN_SCORE = 70

CANDIDATES = 250  # names rapidfuzz scores per query
SHORTLIST = 2_000  # names kept while rarer tokens are weighed
COMMON_TOKEN = 20_000  # postings longer than this are only used when nothing rarer matched
TYPO_CUTOFF = 78
PREFIX_COMPLETIONS = 40

GENERATION_KEY = "accord:lookup:generation"


@dataclass(frozen=True)
class Match:
    id: int
    name: str
    country: str
    score: int
    matched_name: str
    how: str

    def as_dict(self) -> dict:
        return asdict(self)


class LookupIndex:
    """Plain-Python index over (institution, name) rows; knows nothing about Django."""

    def __init__(self, institutions, names, domains=()):
        """institutions: (id, name, local_name, country_code); names: (institution_id, name, kind);
        domains: (institution_id, web domain or website URL)."""
        started = time.perf_counter()
        self.inst_id: list[int] = []
        self.inst_name: list[str] = []
        self.inst_country: list[str] = []
        self.name_inst = array("I")
        self.name_kind = array("B")
        self.name_text: list[str] = []
        self.name_key: list[str] = []
        self.by_sorted: dict[str, object] = {}
        self.acronyms: dict[str, object] = {}
        self.initials: dict[str, object] = {}
        self.domain_labels: dict[str, object] = {}
        postings: dict[str, list[int]] = {}
        position: dict[int, int] = {}
        countries: dict[str, str] = {}

        def add_name(pos: int, text: str, kind: int):
            if not text:
                return
            toks = tokens(text)
            if kind == ACRONYM:
                key = acronym_key(text)
                if key:
                    _append(self.acronyms, key, len(self.name_text))
            elif not toks:
                return
            idx = len(self.name_text)
            self.name_inst.append(pos)
            self.name_kind.append(kind)
            self.name_text.append(text)
            key = " ".join(toks)
            self.name_key.append(key)
            if kind == ACRONYM:
                return
            _append(self.by_sorted, " ".join(sorted(toks)), idx)
            for token in set(toks):
                postings.setdefault(token, []).append(idx)
            abbr = initials(text)
            if len(abbr) >= 3:
                _append(self.initials, abbr, idx)

        for inst_id, name, local_name, country in institutions:
            pos = len(self.inst_id)
            position[inst_id] = pos
            self.inst_id.append(inst_id)
            self.inst_name.append(name)
            self.inst_country.append(countries.setdefault(country or "", country or ""))
            add_name(pos, name, CANONICAL)
            if local_name and local_name != name:
                add_name(pos, local_name, LOCAL)
        for inst_id, name, kind in names:
            pos = position.get(inst_id)
            if pos is not None and name != self.inst_name[pos]:
                add_name(pos, name, _KIND_CODES.get(kind, ALIAS))
        labelled: set[tuple[int, str]] = set()
        for inst_id, domain in domains:
            pos = position.get(inst_id)
            label = acronym_key(domain_label(domain)) if pos is not None else ""
            if len(label) >= 2 and (pos, label) not in labelled:
                labelled.add((pos, label))
                _append(self.domain_labels, label, len(self.name_text))
                self.name_inst.append(pos)
                self.name_kind.append(DOMAIN)
                self.name_text.append(domain)
                self.name_key.append(label)

        self.postings = {token: array("I", ids) for token, ids in postings.items()}
        self.vocabulary = sorted(self.postings)
        self.by_prefix: dict[str, list[str]] = {}
        self.by_suffix: dict[str, list[str]] = {}
        for token in self.vocabulary:
            if len(token) >= 4:
                self.by_prefix.setdefault(token[:2], []).append(token)
                self.by_suffix.setdefault(token[-2:], []).append(token)
        self.build_seconds = time.perf_counter() - started

    def __len__(self):
        return len(self.inst_id)

    # -- querying ---------------------------------------------------------------------------

    def search(self, query: str, *, country: str | None = None, limit: int = 10, only_country: bool = False,
               min_score: int = MIN_SCORE, fuzzy: bool = False) -> list[Match]:
        """Best matches first. Similar names are only searched when nothing matched exactly, or with fuzzy=True."""
        folded = fold(query)
        if not folded:
            return []
        country = (country or "").upper() or None
        q_tokens = tokens(query)
        q_key = " ".join(q_tokens)
        best: dict[int, tuple[float, int, str]] = {}  # institution position -> (score, name idx, how)

        def offer(idx: int, score: float, how: str):
            pos = self.name_inst[idx]
            current = best.get(pos)
            if current is None or score > current[0]:
                best[pos] = (score, idx, how)

        # 1. exact and word-order matches
        if q_tokens:
            for idx in _items(self.by_sorted.get(" ".join(sorted(q_tokens)))):
                kind = self.name_kind[idx]
                if self.name_key[idx] == q_key:
                    score = _EXACT_SCORE[kind]
                    if kind == CANONICAL and fold(self.name_text[idx]) == folded:
                        score = 100
                    offer(idx, score, _HOW[kind])
                else:
                    offer(idx, _REORDERED_SCORE[kind], f"{_HOW[kind]}, word order")

        # 2. acronyms: one word, or letters separated by dots or spaces ("B.M.S.T.U."); official ones
        # and domain labels ("ucl" of ucl.ac.uk) before initials derived from names
        words = folded.split()
        abbr = acronym_key(query)
        if len(abbr) >= 2 and (len(query.split()) == 1 or len(words) == 1):  # "uni-bonn" is one label
            for idx in _items(self.domain_labels.get(abbr)):
                offer(idx, DOMAIN_LABEL_SCORE, "domain")
        if 2 <= len(abbr) <= 12 and (len(words) == 1 or all(len(w) == 1 for w in words)):
            for idx in _items(self.acronyms.get(abbr)):
                offer(idx, STORED_ACRONYM_SCORE, "acronym")
            if len(abbr) >= 3:
                for idx in _items(self.initials.get(abbr)):
                    offer(idx, DERIVED_INITIALS_SCORE, "initials")

        # 3. fuzzy, unless the query already names an institution exactly (or by its acronym)
        if q_tokens and (fuzzy or not any(s >= STORED_ACRONYM_SCORE for s, _, _ in best.values())):
            for idx, score in self._fuzzy(q_tokens, q_key):
                if score >= min_score:
                    offer(idx, score, "similar name")

        ranked = []
        for pos, (score, idx, how) in best.items():
            in_country = country is not None and self.inst_country[pos] == country
            if only_country and country and not in_country:
                continue
            if in_country:
                score = min(100.0, score + COUNTRY_BOOST)
            if score < min_score:
                continue
            ranked.append((-score, not in_country, self.name_kind[idx], len(self.inst_name[pos]), pos, idx, how))
        ranked.sort()
        return [
            Match(
                id=self.inst_id[pos],
                name=self.inst_name[pos],
                country=self.inst_country[pos],
                score=int(round(-neg)),
                matched_name=self.name_text[idx],
                how=how,
            )
            for neg, _, _, _, pos, idx, how in ranked[:limit]
        ]

    def _expand(self, token: str, last: bool) -> list[tuple[str, float]]:
        """The vocabulary tokens a query token stands for, with a weight: itself, typo fixes, completions."""
        out = []
        if token in self.postings:
            out.append((token, 1.0))
        elif len(token) >= 4:
            pool = set(self.by_prefix.get(token[:2], ())) | set(self.by_suffix.get(token[-2:], ()))
            for candidate, score, _ in process.extract(
                token, list(pool), scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=3
            ):
                out.append((candidate, score / 100))
        if last and len(token) >= 3 and (token not in self.postings or len(token) <= 4):
            start = bisect.bisect_left(self.vocabulary, token)
            end = bisect.bisect_left(self.vocabulary, token + "\x7f", start, min(start + 2000, len(self.vocabulary)))
            completions = [t for t in self.vocabulary[start:end] if t != token]
            if len(completions) > PREFIX_COMPLETIONS:
                completions = heapq.nlargest(PREFIX_COMPLETIONS, completions, key=lambda t: len(self.postings[t]))
            out.extend((t, 0.8) for t in completions)
        return out

    def _fuzzy(self, q_tokens: list[str], q_key: str):
        n_names = max(len(self.name_text), 1)
        expanded = []
        for i, token in enumerate(dict.fromkeys(q_tokens)):
            for vocab_token, weight in self._expand(token, last=i == len(q_tokens) - 1):
                expanded.append((len(self.postings[vocab_token]), vocab_token, weight))
        if not expanded:
            return []
        expanded.sort()  # rarest first
        weights: dict[int, float] = {}
        if expanded[0][0] > COMMON_TOKEN:
            # every token is common ("national university"): only names with the two rarest are candidates
            if len(expanded) < 2:
                return []
            (df0, t0, w0), (df1, t1, w1) = expanded[:2]
            w = w0 * math.log(1 + n_names / df0) + w1 * math.log(1 + n_names / df1)
            other, n = self.postings[t1], df1
            for idx in self.postings[t0]:
                i = bisect_left(other, idx)
                if i < n and other[i] == idx:
                    weights[idx] = w
                    if len(weights) >= SHORTLIST:
                        break
            expanded = expanded[2:]
        for df, vocab_token, weight in expanded:
            w = weight * math.log(1 + n_names / df)
            ids = self.postings[vocab_token]
            if not weights or (df <= SHORTLIST and len(weights) < SHORTLIST):
                get = weights.get
                for idx in ids:  # the rarest token, or a rare one: every name with it is a candidate
                    weights[idx] = get(idx, 0.0) + w
            else:
                # a commoner token only adds to the best candidates found so far
                if len(weights) > SHORTLIST:
                    weights = dict(heapq.nlargest(SHORTLIST, weights.items(), key=itemgetter(1)))
                if df <= 8 * len(weights):
                    for idx in ids:
                        if idx in weights:
                            weights[idx] += w
                else:
                    n = len(ids)
                    for idx in weights:
                        i = bisect_left(ids, idx)
                        if i < n and ids[i] == idx:
                            weights[idx] += w
        candidates = [idx for idx, _ in heapq.nlargest(CANDIDATES, weights.items(), key=itemgetter(1))]
        if not candidates:
            return []
        choices = [self.name_key[idx] for idx in candidates]
        scores = {}
        for _, score, i in process.extract(q_key, choices, scorer=fuzz.token_sort_ratio, limit=None, score_cutoff=50):
            scores[i] = score
        for _, score, i in process.extract(q_key, choices, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=60):
            scores[i] = max(scores.get(i, 0), 0.95 * score)
        return [(candidates[i], FUZZY_WEIGHT * score) for i, score in scores.items()]


def _append(table: dict, key: str, value: int):
    """Dict of key -> int or list of ints: most keys have one value, which saves memory."""
    current = table.get(key)
    if current is None:
        table[key] = value
    elif isinstance(current, list):
        current.append(value)
    else:
        table[key] = [current, value]


def _items(entry) -> list[int] | tuple[int, ...]:
    if entry is None:
        return ()
    return entry if isinstance(entry, list) else (entry,)


# -- the shared index and its freshness ---------------------------------------------------------

_lock = threading.Lock()
_state: dict = {"index": None, "stamp": None}


_stamp_sql: dict[str, str] = {}


def _stamp_query() -> str:
    sql = _stamp_sql.get(connection.vendor)
    if sql is None:
        from accord.registry.models import Institution, InstitutionName

        parts = []
        for model in (Institution, InstitutionName):
            table = connection.ops.quote_name(model._meta.db_table)
            history = connection.ops.quote_name(model.history.model._meta.db_table)
            parts.append(f"(SELECT MAX(id) FROM {table})")
            parts.append(f"(SELECT MAX(history_id) FROM {history})")
            parts.append(f"(SELECT history_date FROM {history} ORDER BY history_id DESC LIMIT 1)")
        sql = _stamp_sql[connection.vendor] = "SELECT " + ", ".join(parts)
    return sql


def registry_stamp() -> tuple:
    """A cheap value that changes whenever Institution or InstitutionName rows change (index-only reads)."""
    with connection.cursor() as cursor:
        cursor.execute(_stamp_query())
        row = tuple(cursor.fetchone())
    return row + (cache.get(GENERATION_KEY, 0),)


def build_index() -> LookupIndex:
    from accord.registry.models import Institution, InstitutionName, Status

    institutions = (
        Institution.objects.exclude(status=Status.MERGED)
        .order_by()
        .values_list("id", "name", "local_name", "country_id")
        .iterator(chunk_size=10_000)
    )
    names = InstitutionName.objects.order_by().values_list("institution_id", "name", "kind").iterator(chunk_size=10_000)
    return LookupIndex(institutions, names, _domains())


def _domains():
    """(institution id, domain) for every web domain and website of the registry's institutions."""
    from accord.registry.models import Institution, Status

    rows = (
        Institution.objects.exclude(status=Status.MERGED)
        .exclude(domains=[], website="")
        .order_by()
        .values_list("id", "domains", "website")
        .iterator(chunk_size=10_000)
    )
    for inst_id, domains, website in rows:
        for domain in domains or ():
            if isinstance(domain, str):
                yield inst_id, domain
        if website:
            yield inst_id, website


def get_index() -> LookupIndex:
    stamp = registry_stamp()
    index = _state["index"]
    if index is not None and _state["stamp"] == stamp:
        return index
    with _lock:
        if _state["index"] is None or _state["stamp"] != stamp:
            _state["index"] = build_index()
            _state["stamp"] = stamp
        return _state["index"]


def invalidate(**_ignored) -> None:
    """Forget the index here, and (with a shared cache) in every other process."""
    _state["stamp"] = None
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def lookup(query: str, *, country: str | None = None, limit: int = 10, only_country: bool = False,
           min_score: int = MIN_SCORE, fuzzy: bool = False) -> list[Match]:
    """The institutions `query` may mean, best first (see LookupIndex.search)."""
    return get_index().search(
        query, country=country, limit=limit, only_country=only_country, min_score=min_score, fuzzy=fuzzy
    )


def lookup_many(queries, **options) -> dict[str, list[Match]]:
    """Several lookups against one index snapshot (one freshness check): for the newsroom."""
    index = get_index()
    return {q: index.search(q, **options) for q in queries}


def _connect_signals():
    from accord.registry.models import Institution, InstitutionName

    for model in (Institution, InstitutionName):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"lookup-save-{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"lookup-delete-{model.__name__}")


_connect_signals()
