"""Step `linking`: mentions become entities, each with a registry id and a country, or proposed as a
new institution with its country inferred from the text; the home (publishing) institution is chosen.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from accord.newsroom.pipeline.document import Entity
from accord.newsroom.pipeline.mentions import COMPANY_HEADS, UNIT_START
from accord.newsroom.pipeline.resources import GENERIC, NAME_LANGUAGE, name_key, tld_country

ACCEPT_SCORE = 92  # exact or word-order registry matches
FUZZY_SCORE = 84  # similar names, accepted only when every distinctive word is in the registry name
UNIT_OF = re.compile(r"^(?P<unit>.+?)\s+(?:at|of)\s+(?:the\s+)?(?P<parent>.+)$")
UNIT_AT = re.compile(r"^(?P<unit>.+?)\s+at\s+(?:the\s+)?(?P<parent>.+)$")
PARENT_NAME = re.compile(r"\b(University|Universiti|Universitas|Université|College|Institute|Academy|Polytechnic)\b|^[A-Z]{2,8}$")
EMBASSY = re.compile(r"\b(Embassy|Consulate)\b", re.IGNORECASE)
COMPANY_WORDS = re.compile(rf"\b({COMPANY_HEADS}|Co\.)\b")
GOVERNMENT_WORDS = re.compile(r"\b(Ministry|Government|Embassy|Consulate|Commission|Council|Province|Department of|"
                              r"Municipality|County|Agency|Court|Parliament|Senate)\b")
ASSOCIATION_WORDS = re.compile(r"\b(Foundation|Society|Association|Federation|Alliance|Network|Consortium|Union|League|"
                               r"Committee|Organi[sz]ation|Fund|Trust|Club)\b")
UNIVERSITY_WORDS = re.compile(r"\b(University|Universit\w+|Tech|College|Institute|Polytechnic|Academy|School|Hochschule|"
                              r"École|Ecole)\b")


# Common words of organisation names: a similar registry name sharing only these is not the same one.
COMMON = frozenset(
    "ministry education arts art fine business economics management law foreign affairs languages language "
    "studies normal teachers health agriculture physical sports sport communication communications information "
    "finance financial design music culture development higher open central new public free royal city "
    "government council commission embassy consulate office bureau province provincial municipal people peoples "
    "china chinese union association society foundation federation global world".split()
)


def _distinctive(key) -> set[str]:
    return {k for k in key if k not in GENERIC and len(k) > 1}


def registry_match(name: str, lookup):
    """The registry entry `name` denotes, or None: exact and word-order matches, or a similar name
    holding every distinctive word of `name` (Hohai University -> Hohai University Changzhou)."""
    from accord.registry.services.lookup import SHORT_FORMS

    key = name_key(name)
    mine = _distinctive(key)
    if not mine:
        return None
    for match in lookup(name):
        if match.score >= ACCEPT_SCORE and match.how not in SHORT_FORMS:
            return match
        if match.score >= FUZZY_SCORE and match.how == "similar name" and mine - COMMON and \
                mine <= _distinctive(name_key(match.name)):
            return match
    return None


def _lookup(query):
    from accord.registry.services.lookup import lookup

    return lookup(query, limit=5, min_score=FUZZY_SCORE)


def _snapshot_lookup():
    """_lookup against one index snapshot: the registry's freshness is checked once per article, not per name,
    and not at all for an article that names nothing the gazetteer leaves to the lookup."""
    from accord.registry.services.lookup import get_index

    snapshot = []

    def search(query):
        if not snapshot:
            snapshot.append(get_index())
        return snapshot[0].search(query, limit=5, min_score=FUZZY_SCORE)

    return search


def linking(doc, lookup=None):
    """Adds entities (with countries), mention.entity, home"""
    lookup = lookup or _snapshot_lookup()
    gaz, countries = doc.resources.gazetteer, doc.resources.countries
    entities: list[Entity] = []
    by_registry: dict[int, int] = {}
    by_key: dict[tuple, int] = {}
    text = doc.text

    def entity_for(mention, registry_id):
        if registry_id is not None:
            entry = gaz.entries.get(registry_id)
            while entry is not None and entry.kind == "faculty" and entry.parent_id in gaz.entries:
                entry = gaz.entries[entry.parent_id]
            registry_id = entry.id if entry else registry_id
            if registry_id in by_registry:
                return by_registry[registry_id]
            by_registry[registry_id] = len(entities)
            entities.append(Entity(
                name=mention.text, country=entry.country if entry else None, registry_id=registry_id,
                registry_name=entry.name if entry else "", kind=entry.kind if entry else "university",
                first_offset=mention.start,
            ))
            return by_registry[registry_id]
        key = name_key(mention.text)
        if key in by_key:
            return by_key[key]
        for index, entity in enumerate(entities):  # a shorter or longer form of a name already seen
            theirs = name_key(entity.name)
            short, long_ = sorted((key, theirs), key=len)
            if _distinctive(short) and (long_[: len(short)] == short or sorted(short) == sorted(long_)):
                by_key[key] = index
                if len(mention.text) > len(entity.name) and entity.proposed:
                    entity.name = mention.text
                return index
        by_key[key] = len(entities)
        entities.append(Entity(name=mention.text, proposed=True, first_offset=mention.start,
                               kind=_kind_of(mention.text)))
        return by_key[key]

    acronym_owner = doc.acronyms
    matched: dict[str, object] = {}
    for mention in doc.mentions:
        if mention.source == "acronym":
            continue
        registry_id = mention.registry_id
        if mention.source == "embassy":  # a state's mission, named by the article's words: never a registry entry
            mention.entity = entity_for(mention, None)
            continue
        if re.search(r"\s[Uu]ni$", mention.text):
            mention.text = mention.text[:-3] + "University"  # "Kyushu uni", as news writes it
        name = mention.text
        if registry_id is None:
            unit = UNIT_AT.match(name) or (UNIT_START.match(name) and UNIT_OF.match(name))
            if UNIT_START.match(name) or re.search(r"\bConfucius Institute\b(?! Headquarters)", name) or \
                    (unit and PARENT_NAME.search(unit.group("parent"))):
                parent = unit.group("parent") if unit else None
                if not parent or not PARENT_NAME.search(parent):
                    continue  # a unit of an organisation the text does not name: not a party
                if parent in acronym_owner:
                    mention.text, mention.source = parent, "acronym"
                    mention.start = mention.end - len(parent)
                    continue
                mention.text = name = parent
                mention.start = mention.end - len(parent)
            if name not in matched:  # a name the article repeats is looked up once
                matched[name] = registry_match(name, lookup)
            registry_id = matched[name].id if matched[name] else None
        mention.entity = entity_for(mention, registry_id)

    for mention in doc.mentions:
        if mention.entity is not None:
            continue
        owner = acronym_owner.get(mention.text)
        if owner is not None and owner.entity is None:
            owner = None
        if owner is None and mention.registry_id is not None:
            mention.entity = entity_for(mention, mention.registry_id)
        elif owner is not None:
            mention.entity = owner.entity
            entities[owner.entity].acronyms.add(mention.text)
    doc.mentions = [m for m in doc.mentions if m.entity is not None]
    for index, mention in enumerate(doc.mentions):
        entity = entities[mention.entity]
        entity.mentions.append(index)
        entity.first_offset = min(entity.first_offset, mention.start)
        if doc.sentences and doc.sentences[mention.sentence].is_title:
            entity.in_title = True
        if mention.source != "acronym" and len(mention.text) > len(entity.name) and entity.name.isupper():
            entity.name = mention.text
    _name_linked(doc, entities)
    doc.entities = entities
    _short_mentions(doc)
    for entity in entities:
        if entity.country is None:
            entity.country, entity.country_evidence = infer_country(doc, entity, countries)
    doc.home = choose_home(doc)
    for entity in entities:
        if entity.country is None:
            entity.country, entity.country_evidence = infer_country(doc, entity, countries, from_sentence=True)


linking.needs = ("text", "url", "sentences", "mentions", "acronyms", "resources")
linking.adds = ("mentions", "entities", "home")


def _name_linked(doc, entities) -> None:
    """A registry entity is named by the article's spelling closest to its registry name, a body's before
    a headline's: a headline's span may be cut ("X and Y open ..."), the body names it in full."""
    from rapidfuzz import fuzz

    forms: dict[int, list] = {}
    for m in doc.mentions:
        if m.entity is not None and m.source not in ("acronym", "short") and entities[m.entity].registry_name:
            forms.setdefault(m.entity, []).append(m)
    for index, mentions in forms.items():
        entity = entities[index]
        registry = " ".join(name_key(entity.registry_name))
        entity.name = max(mentions, key=lambda m: (
            fuzz.ratio(" ".join(name_key(m.text)), registry) // 10,
            not (doc.sentences and doc.sentences[m.sentence].is_title), len(m.text))).text


def _kind_of(name: str) -> str:
    if GOVERNMENT_WORDS.search(name):
        return "government"
    if COMPANY_WORDS.search(name):
        return "company"
    head = name.split(" of ")[0]  # "Association of Arab Universities", "Lakeside Universities Network"
    last = max((m for pattern in (ASSOCIATION_WORDS, UNIVERSITY_WORDS) for m in pattern.finditer(head)),
               key=lambda m: m.start(), default=None)
    if last is not None and ASSOCIATION_WORDS.fullmatch(last.group(0)):
        return "nonprofit"  # a network or association of universities is not one of them
    return "university"


def infer_country(doc, entity, countries, *, from_sentence=False) -> tuple[str | None, str]:
    """Where a proposed institution is, from its name and the words around it."""
    name = entity.name
    if EMBASSY.search(name):
        m = re.search(r"\b(?:Embassy|Consulate)(?: General)? of (?:the )?(.+?)(?: in | to |$)", name)
        target = m.group(1) if m else name.split("Embassy")[0]
        for _, _, code in countries.scan(target):
            return code, "the country the embassy represents"
    for _, _, code in countries.scan(name):
        return code, "a country named in the name"
    text = doc.text
    for index in entity.mentions:
        mention = doc.mentions[index]
        after = text[mention.end:mention.end + 40]
        m = re.match(r"\s*(?:,|\(|\bin\b)\s*([A-Z][\w .’'-]+)", after)
        if m:
            for start, _, code in countries.scan(m.group(1)):
                if start == 0:
                    return code, "a country written beside the name"
        before = text[max(0, mention.start - 40):mention.start]
        m = re.search(r"([A-Z][\w’'. -]+?)(?:['’]s)?\s+(?:the\s+)?$", before)
        if m:
            found = list(countries.scan(m.group(1)))
            if found and found[-1][1] >= len(m.group(1)) - 3:
                return found[-1][2], "a country or nationality right before the name"
    code = countries.city(name)
    if code:
        return code, "a city in the name"
    for pattern, code in NAME_LANGUAGE:
        if pattern.search(name):
            return code, "the language of the name"
    if not from_sentence:
        return None, ""
    for index in entity.mentions:
        code = _placed_in(doc, doc.mentions[index], countries)
        if code:
            return code, "the country the sentence places it in"
    named, taken = set(), set()
    for index in entity.mentions:
        number = doc.mentions[index].sentence
        sentence = doc.sentences[number]
        names = [(m.start - sentence.start, m.end - sentence.start) for m in doc.mentions if m.sentence == number]
        found = [(a, b, code) for a, b, code in countries.scan(sentence.text)  # not "Singapore" of "… of Singapore"
                 if not any(s <= a and b <= e and (s, e) != (a, b) for s, e in names)]
        named |= {code for _, _, code in found}
        mine = set(entity.mentions)
        for at, m in enumerate(doc.mentions):  # "X University, Philippines" belongs to X
            if m.sentence == number and m.entity is not None and at not in mine:
                start, end = m.start - sentence.start, m.end - sentence.start
                taken |= {code for a, b, code in found if _BESIDE.fullmatch(sentence.text[end:a] if a >= end else
                                                                            sentence.text[b:start] if start >= b else "x")}
    named -= taken
    if len(named) == 1:
        return named.pop(), "the only country named in the same sentence"
    return None, ""


_BESIDE = re.compile(r"\s*(?:,|\(|\bin\b|\bof\b)?\s*(?:the\s+)?")  # "X, Philippines", "X in Egypt", "Y's X"
_LIST_GAP = re.compile(r"[\s,;()–-]*(?:(?:and|&|on|the|from|to|of)\b[\s,;()–-]*)*")


def _placed_in(doc, mention, countries) -> str | None:
    """"at A and B on 24 to 25 October in the Republic of Korea": the country after a list of names and
    dates that holds this one (never past a verb or another clause)."""
    from accord.newsroom.pipeline.dates import find_dates

    sentence = doc.sentences[mention.sentence]
    rest = doc.text[mention.end:min(sentence.end, mention.end + 120)]
    m = re.search(r"\bin\s+(?:the\s+)?([A-Z][^\n,;.]*)", rest)
    if not m:
        return None
    gap = rest[:m.start()]
    for other in doc.mentions:
        if other.sentence == mention.sentence and mention.end <= other.start and other.end <= mention.end + m.start():
            if not doc.text[other.end:mention.end + m.start()].strip():
                return None  # "A and the B Institute in Egypt": the country is B's alone
            gap = gap.replace(doc.text[other.start:other.end], " ")
    for found in find_dates(gap):
        gap = gap.replace(found.text, " ")
    if not _LIST_GAP.fullmatch(gap):
        return None
    place = list(countries.scan(m.group(1)))
    return place[0][2] if place and place[0][0] == 0 else None


STEM = 6  # "Financial" and "Finance" are one word when the publisher's name is compared with the text's


def choose_home(doc) -> int | None:
    """The publishing institution: the registry's home university when named; else the one whose web
    domain published the article; else, for a wire story, the one in the outlet's country; else the
    first named in the title, else the first named."""
    entities = doc.entities
    if not entities:
        return None
    gaz = doc.resources.gazetteer
    for index, entity in enumerate(entities):
        if entity.registry_id is not None and entity.registry_id == gaz.home_id:
            return index
    host = (urlparse(doc.url or "").hostname or "").lower()
    if host:
        published_by = gaz.publisher(doc.url)
        publisher_names = {gaz.entries[i].name for i in published_by}
        for index, entity in enumerate(entities):
            entry = gaz.entries.get(entity.registry_id)
            if entry and (any(host == d.lower() or host.endswith("." + d.lower()) for d in entry.domains)
                          or entry.name in publisher_names):  # the registry may hold one university twice
                return index
        for entry in (gaz.entries[i] for i in published_by):
            theirs = {k[:STEM] for k in _distinctive(name_key(entry.name))}
            for index, entity in enumerate(entities):
                mine = {k[:STEM] for k in _distinctive(name_key(entity.name))}
                if entity.registry_id is None and mine and mine <= theirs:
                    # "Financial University" on the site of the Financial University under the Government of …
                    entity.registry_id, entity.registry_name, entity.proposed = entry.id, entry.name, False
                    entity.country, entity.kind = entry.country, entry.kind
                    return index
    order = sorted(range(len(entities)), key=lambda i: (not entities[i].in_title, entities[i].first_offset))
    outlet = tld_country(doc.url, doc.resources.countries.codes)
    if outlet:
        local = [i for i in order if entities[i].country == outlet]
        if local:
            return local[0]
        unknown = [i for i in order if entities[i].country is None and entities[i].kind == "university"]
        if unknown:
            entities[unknown[0]].country = outlet
            entities[unknown[0]].country_evidence = "the country of the publishing site"
            return unknown[0]
    universities = [i for i in order if entities[i].kind in ("university", "school", "research")]
    return (universities or order)[0]


def _short_mentions(doc):
    """"Durham" for Durham University, once the article has named it in full: the one distinctive
    word of a name, capitalised, not followed by another capitalised word."""
    from accord.newsroom.pipeline.document import Mention

    owners: dict[str, set[int]] = {}
    for index, entity in enumerate(doc.entities):
        distinctive = _distinctive(name_key(entity.name))
        if len(distinctive) == 1:
            owners.setdefault(next(iter(distinctive)), set()).add(index)
    if not owners:
        return
    taken = [(m.start, m.end) for m in doc.mentions]
    added = []
    for m in re.finditer(r"(?<![\w])([A-Z][^\W\d_]{3,})(?![\w])", doc.text):
        key = name_key(m.group(1))
        owner = owners.get(key[0]) if key else None
        if not owner or len(owner) != 1:
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if any(True for _ in doc.resources.countries.scan(m.group(1))):
            continue  # "Indonesia" is the country, not short for Universitas Indonesia
        if re.match(r"\s+(?:Province|City|County|State|Region|District|Municipality|University|College|Institute|"
                    r"School|Airport|Station|Road|Street)\b", doc.text[m.end():m.end() + 16]):
            continue
        added.append(Mention(m.start(), m.end(), m.group(1), doc.sentence_at(m.start()), "short", entity=next(iter(owner))))
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda x: x.start)
        for entity in doc.entities:
            entity.mentions = []
        for index, mention in enumerate(doc.mentions):
            entity = doc.entities[mention.entity]
            entity.mentions.append(index)
            if doc.sentences and doc.sentences[mention.sentence].is_title:
                entity.in_title = True
