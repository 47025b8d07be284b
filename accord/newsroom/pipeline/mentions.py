"""Step `mentions`: where the article names organisations.

Three sources: the registry gazetteer (names, aliases, stored acronyms), acronyms the article
defines itself ("Xi'an Jiaotong University (XJTU)"), and spaCy's ORG entities plus a few name
patterns for organisations the registry lacks.
"""

from __future__ import annotations

import re

from accord.newsroom.pipeline.document import Mention
from accord.newsroom.pipeline.resources import fold_word, tld_country

# The last word of a company's name ("Huawei Technologies"); linking's COMPANY_WORDS reads it too.
COMPANY_HEADS = ("Company|Corporation|Group|Bank|Technologies|Holdings|Limited|Ltd|Inc|Industries|Pharmaceuticals|"
                 "Electronics|Airlines|Motors|Telecom|Enterprises")
ORG_WORDS = (
    "University|Universities|Universiti|Universitas|Université|Universite|Universität|Università|Universidad|"
    "Universidade|Universiteit|Uniwersytet|Tech|College|Institute|Institut|Instituto|Polytechnic|Politecnico|Academy|"
    "Académie|Akademie|School|École|Ecole|Hochschule|Embassy|Consulate|Ministry|Council|Commission|"
    f"{COMPANY_HEADS}|Foundation|Association|Society|Agency|Federation|Alliance|Laboratory|Hospital|Museum|"
    "Centre|Center|Headquarters|Government|Organization|Organisation|Network|Consortium|"
    r"TU(?=\s+[A-Z][a-z])"  # "TU Dortmund", "TU Delft": a technical university's name begins with it
)
_ORG_WORD = re.compile(rf"\b({ORG_WORDS})\b")
UNIT_START = re.compile(
    r"^(the\s+)?(Confucius Institute|Faculty|Department|Dept\.?|Office|Division|Graduate School|School of|College of|Centre for|"
    r"Center for|Center of|Centre of|Laboratory|Lab|Board|Institute of [A-Z]\w+ (?:and|&) [A-Z]\w+$)", re.IGNORECASE
)
_CAP = r"[A-Z][\w'’.-]*"
_LINK = r"(?:\s+(?:of|for|and|de|du|des|la|le|di|del|der|für|at|in)\s+|\s+|-)"
# "Swansea University", "University of Sao Tome and Principe", "Kazakh Ablai Khan University of International Relations"
_STOP = (r"(?!(?:President|Vice|Rector|Dean|Director|Professor|Prof|Dr|Chancellor|Secretary|Minister|Students?|"
         r"Team|Delegation|Presidents|Leaders|Representatives|Party|Committee|On|In|At|The|And|During)\b)")
# "Vocational and Technical College", "Agricultural and Mechanical University": two describing words
_DESCRIBING_AND = r"(?:\s+and\s+(?=[A-Z]\w*(?:al|ic|ive|ary)\s))"
NAME_PATTERN = re.compile(
    rf"(?:{_CAP}(?:(?:\s+|(?<=al|ic|ve|ry){_DESCRIBING_AND}){_CAP})*\s+)?(?:{ORG_WORDS})\b(?:\s+(?:of|for|de|du|des|at|in)\s+(?:the\s+)?{_CAP}"
    rf"(?:(?:\s+|\s+(?:and|&|of|de|für)\s+){_CAP})*"
    rf"|(?:\s+(?:(?:du|de|des|di|del|della|degli|la|le|do|da|dos|das)\s+)?{_STOP}{_CAP})+)?"
)
COORDINATED = re.compile(rf"\b({_CAP}(?:\s+{_CAP})?)\s+(?:and|&)\s+({_CAP}(?:\s+{_CAP})?)\s+(Universities|Colleges)\b")
ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z&]*[A-Z]|[A-Z]{2,})\s*\)")
ACRONYM = r"(?<![\w-]){}(?![\w-])"
LEADING_NOISE = re.compile(
    r"^(?:the|a|an|this|that|its|their|his|her|our|both|with|and|from|at|by|of|in|to|as|on|for|[\w-]+-based|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|all|other|\d+|"
    r"Prof\.?|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|(?:Vice[- ])?(?:President|Rector|Dean|Director|Chancellor|Head|Chairman|"
    r"Minister|Ambassador|Secretary|Manager)\s+of(?:\s+the)?)\s+", re.IGNORECASE
)
EVENT_NAME = re.compile(
    r"\b(Summer School|Winter School|Spring School|Forum|Conference|Symposium|Summit|Competition|Contest|Cup|Fund|Festival|Week|Games|Olympiad|Award|Awards|"
    r"Prize|Programme|Program|Scholarship|Opens|Held|Ceremony|Day|Camp|Challenge|Session|Report|Ranking|Rankings|"
    r"Inaugurated|Launched|Launches|Unveiled|Signs|Signed|Visits|Visited|Wins|Won|Welcomes|Hosts|Receives)\b"
)
CONNECTORS = {"of", "and", "for", "de", "the", "at", "in", "la", "le", "du", "des", "für", "y", "e", "di", "del", "der", "&",
              "do", "da", "dos", "das", "della", "degli"}
UNIT_BEFORE = re.compile(
    r"\b(?:School|Department|Faculty|College|Institute|Centre|Center|Office|Division|Laboratory|Academy) (?:of|for) (?:the )?$"
)
TRAILING_NOISE = re.compile(r"(?:['’]s|['’])$|\s*\([^)]*$|[\s,.;:“”\"]+$")  # "… (APU": an unclosed parenthesis
TRAILING_CONNECTOR = re.compile(
    r"(?:\s+(?:%s))+\s*$" % "|".join(re.escape(w) for w in sorted(CONNECTORS | {"on", "to", "with"})))
PLACE_HEAD = re.compile(r"\b(?:Building|Hall|Auditorium|Room|Stadium|Gymnasium|Plaza|Square|Tower|Theatre|Theater|Arena)$")
NOT_ORG_WORDS = {"Welcome", "During", "Also", "In", "On", "At", "The", "This", "Through", "As", "Prior", "Since"}


GOVERNING_BODY = re.compile(r"(?:(?<=University)|(?<=College)|(?<=Institute)|(?<=Academy))\s+"
                            r"(?:Council|Senate|Board(?: of \w+)?|Court|Management|Leadership|Administration)$")


_STATE = r"[A-Z][\w'’]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’]+){0,4}"
AMBASSADOR = re.compile(rf"\b(?:(?P<nation>[A-Z][\w'’]+)\s+)?Ambassador(?:\s+of\s+(?:the\s+)?(?P<of>{_STATE}))?"
                        rf"\s+to\s+(?:the\s+)?(?P<to>{_STATE})")
_VISITOR_AFTER = re.compile(r"^[^.;:!?]{0,90}?\b(?:visited|(?:led|headed) (?:a|an|the) (?:[\w-]+ ){0,2}delegation|"
                            r"paid (?:a|an) (?:[\w-]+ )?(?:visit|call)|called on|arrived|came to)\b")
_VISITOR_BEFORE = re.compile(r"\bdelegation\s+(?:[\w-]+\s+){0,2}(?:led|headed)\s+by\s+(?:the\s+)?$")


def _whole_place(phrase: str, countries) -> bool:
    found = list(countries.scan(phrase))
    return bool(found and found[0][0] == 0 and found[0][1] >= len(phrase) - 1) or countries.city(phrase) is not None


def _embassy(text: str, m, countries) -> str | None:
    """"Embassy of X in Y" for an ambassador of X to Y who is a visitor, else None."""
    def state(phrase):
        found = list(countries.scan(phrase or ""))
        return found[0][2] if found and found[0][0] == 0 and found[0][1] >= len(phrase) - 1 else None

    sending = state(m.group("of")) or state(m.group("nation"))
    host = state(m.group("to"))
    if not sending or not host or sending == host:
        return None
    after = re.sub(r"\b(?:H\.\s?E|Mr|Mrs|Ms|Dr|Prof)\.", "", text[m.end():m.end() + 120])
    if not (_VISITOR_AFTER.match(after) or _VISITOR_BEFORE.search(text[max(0, m.start() - 60):m.start()])):
        return None
    return f"Embassy of {countries.states.get(sending, sending)} in {countries.names.get(host, host)}"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in "“”\"‘’'( ":
        start += 1
    span = text[start:end]
    while True:
        m = LEADING_NOISE.match(span)
        if not m:
            break
        start += m.end()
        span = span[m.end():]
    m = TRAILING_NOISE.search(span)
    if m:
        end -= len(span) - m.start()
        span = text[start:end]
    m = TRAILING_CONNECTOR.search(span)
    if m:  # "Joint Centre for Slavic Studies of": a name does not end on a connector
        end -= len(span) - m.start()
        span = text[start:end]
    m = GOVERNING_BODY.search(span)
    if m:
        end -= len(span) - m.start()
    return start, end


def _overlaps(mentions, start, end):
    return any(m.start < end and start < m.end for m in mentions)


def mentions(doc):
    """Adds mentions (registry ids where the gazetteer knows the name)"""
    resources = doc.resources
    gaz = resources.gazetteer
    text = doc.text
    found: list[Mention] = []

    def add(start, end, source, registry_id=None):
        start, end = _trim(text, start, end)
        if end - start < 2 or _overlaps(found, start, end):
            return None
        if source in ("ner", "pattern"):
            start, end = _possessive(text, start, end, resources.countries)
            if not (text[start].isupper() or text[start].isdigit()):
                return None  # a name is a proper noun: "universities in X" is not one
            if EVENT_NAME.search(text[start:end]):
                return None
            sentence = doc.sentences[doc.sentence_at(start)]
            before = text[max(sentence.start, start - 60):start]
            if re.search(r"\b(?:a|an)\s+$", before, re.IGNORECASE):
                return None  # "a Research Intensive University" describes, it does not name
            if re.search(r"[“\"‘][^”\"’]*$", before):
                return None  # inside the quoted title of a talk
        mention = Mention(start, end, text[start:end], doc.sentence_at(start), source, registry_id)
        found.append(mention)
        return mention

    named_countries = {code for _, _, code in resources.countries.scan(text)}
    outlet = tld_country(doc.url, resources.countries.codes)
    if outlet:
        named_countries.add(outlet)
    # 1. "Durham and Tübingen Universities": two names sharing one head noun
    for m in COORDINATED.finditer(text):
        head = "University" if m.group(3) == "Universities" else "College"
        for group in (1, 2):
            name = f"{m.group(group)} {head}"
            ids = _gazetteer_ids(gaz, name)
            mention = add(m.start(group), m.end(group), "coordinated", ids[0] if ids else None)
            if mention:
                mention.text = name
    # 1b. an ambassador who visits or leads a delegation brings the embassy: "the Japanese Ambassador to
    # Indonesia visited …" names the Embassy of Japan in Indonesia as a party
    for m in AMBASSADOR.finditer(text):
        name = _embassy(text, m, resources.countries)
        if name:
            mention = add(m.start(), m.end(), "embassy")
            if mention:
                mention.text = name
    # name shapes of every sentence, found once: step 2 checks registry names against them, step 3 adds them
    shapes_of = [[m.span() for m in NAME_PATTERN.finditer(sentence.text)] for sentence in doc.sentences]
    # 2. registry names, longest first along the text
    for sentence in doc.sentences:
        shapes = [] if sentence.is_title else shapes_of[sentence.index]
        for start, end, ids in gaz.scan(sentence.text):
            if not sentence.text[start].isupper() or LOWER_WORD.search(sentence.text, start, end):
                continue  # "universities in X", "its European university alliance": a name is written as a proper noun
            if UNIT_BEFORE.search(sentence.text[max(0, start - 30):start]):
                continue  # "the School of Finance and Management": a unit's name, not an institution
            if " " not in sentence.text[start:end].strip() and FOLLOWED_BY_NAME.match(sentence.text[end:end + 60]):
                continue  # "the ASEAN Youth Innovation Contest": one word naming an event, not its organiser
            longer = NAME_PATTERN.match(sentence.text, start)
            if longer and longer.end() > end and _continues_name(sentence.text[end:longer.end()]):
                continue  # "European University Viadrina": the registry knows a shorter name
            if any(s < start and e >= end and _begins_name(sentence.text[s:start], resources.countries)
                   for s, e in shapes):
                continue  # "Viadrina European University", "Ivane Javakhishvili Tbilisi State University"
            add(sentence.start + start, sentence.start + end, "registry",
                best_entry(gaz, ids, sentence.text[start:end], named_countries))
    # 3. organisation names from spaCy and from name patterns; the longest reading of a place wins
    per_sentence = []
    for sentence in doc.sentences:
        candidates = []
        persons = []
        for ent in (sentence.span.ents if sentence.span is not None else ()):
            s, e = sentence.block + ent.start_char, sentence.block + ent.end_char
            if ent.label_ == "ORG":
                candidates.append((s, e, "ner"))
            elif ent.label_ == "PERSON":
                persons.append(s)
        for a, b in shapes_of[sentence.index]:
            candidates.append((sentence.start + a, sentence.start + b, "pattern"))
        cut = []
        for s, e, source in candidates:
            for p in persons:
                if s < p < e:
                    e = p
            s = _after_lowercase(text, s, e)
            s, e = _trim(text, s, e)
            e = _before_next_org(text, s, e)
            verb = HEADLINE_VERB.search(text[s:e])
            if verb:
                e = s + verb.start()  # "X University Becomes First …": a title-case headline goes on
            when = TRAILING_WHEN.search(text[s:e])
            if when:
                e = s + when.start()  # "X Government in August"
            located = re.search(r"\s+in\s+([^\n]+)$", text[s:e])
            if located and not re.search(r"\b(?:Embassy|Consulate)\b", text[s:e]) and \
                    _whole_place(located.group(1), resources.countries):
                e = s + located.start()  # "X University in Kazakhstan": the name ends before the country
            mission = re.search(r"\b(?:Embassy|Consulate)(?: General)? of\b", text[s:e]) and \
                re.match(r"\s+in\s+(?:the\s+)?([A-Z][\w'’]+(?:\s+[A-Z][\w'’]+){0,2})", text[e:e + 60])
            if mission and (_whole_place(mission.group(1), resources.countries)):
                e += mission.end()  # "the Embassy of Japan in Indonesia": where the mission is belongs to its name
            if PLACE_HEAD.search(text[s:e]):
                continue  # "the University Administration Center Building" is where, not who
            if e - s > 3 and _ORG_WORD.search(text[s:e]) and len(text[s:e].split()) >= 2 \
                    and not FOLLOWED_BY_NAME.match(text[e:e + 40]):
                cut.append((s, e, source))
        per_sentence.append(cut)
    names: dict[str, set[int]] = {}
    for index, cut in enumerate(per_sentence):
        for s, e, _ in cut:
            names.setdefault(text[s:e], set()).add(index)
    for index, cut in enumerate(per_sentence):
        cut.sort(key=lambda c: (c[0] - c[1], c[0]))
        for s, e, source in cut:
            candidate = text[s:e]
            for known, where in names.items():
                rest = candidate[len(known):]
                if known != candidate and candidate.startswith(known) and re.match(r" [A-Z]", rest) \
                        and not _ORG_WORD.search(rest) and where - {index}:
                    e = s + len(known)  # "University of X Abdollah Hassanzadeh": the name ends where it did elsewhere
                    break
            add(s, e, source)
    # 4. acronyms the article defines, then every use of them; stored registry acronyms
    defined: dict[str, Mention] = {}
    for m in ACRONYM_DEF.finditer(text):
        before = [x for x in found if 0 <= m.start() - x.end <= 2]
        if before:
            defined.setdefault(m.group(1), before[0])
    for acronym, owner in defined.items():
        for m in re.finditer(ACRONYM.format(re.escape(acronym)), text):
            mention = add(m.start(), m.end(), "acronym", owner.registry_id)
            if mention:
                mention.text = acronym
    named_in_full = [x for x in found if x.source != "acronym" and len(x.text.split()) >= 2]
    for acronym, ids in gaz.acronyms.items():
        if acronym in defined or acronym not in text:
            continue
        if any(abbreviates(acronym, x.text) for x in named_in_full):
            continue  # "ITU" after "Istanbul Technical University": the article's own (step 5), not the registry's
        for m in re.finditer(ACRONYM.format(re.escape(acronym)), text):
            add(m.start(), m.end(), "registry-acronym", best_entry(gaz, ids, acronym, named_countries))
    # 5. undefined acronyms that are the initials of an organisation named in the article ("HUBU")
    for m in re.finditer(r"(?<![\w-])([A-Z]{2,7})(?:['’]s)?(?![\w-])", text):
        acronym = m.group(1)
        if acronym in defined or _overlaps(found, m.start(), m.end()):
            continue
        for x in named_in_full:
            if abbreviates(acronym, x.text):
                mention = add(m.start(1), m.end(1), "acronym", x.registry_id)
                if mention:
                    mention.text = acronym
                    defined[acronym] = x
                break
    # 6. undefined acronyms the registry knows: the first label of a university's web domain (KMUTT for
    # kmutt.ac.th; the publisher's own, or one only one university uses), or its initials (UPNVJ) when the
    # article leans on them
    title = next((x for x in doc.sentences if x.is_title), None)
    publisher = set(gaz.publisher(doc.url))
    counts: dict[str, list] = {}
    for m in re.finditer(r"(?<![\w-])([A-Z]{2,7})(?:['’]s)?(?![\w-])", text):
        counts.setdefault(m.group(1), []).append(m)
    matches_by_acronym: dict[str, list[int]] = {}
    for acronym, matches in counts.items():
        if acronym in defined or f"({acronym})" in text:
            continue
        labelled = gaz.labels.get(acronym, [])
        own = [i for i in labelled if i in publisher]  # "AU" on au.dk
        own = own or [i for i in publisher if i in gaz.entries and abbreviates(acronym, gaz.entries[i].name)]  # "USU" on ulsu.ru
        if own or (len(labelled) == 1 and len(acronym) >= 4 and acronym not in NOT_ACRONYMS):
            matches_by_acronym[acronym] = own or labelled
            continue
        in_title = title is not None and any(title.start <= m.start() < title.end for m in matches)
        if len(acronym) < 4 or (not in_title and len(matches) < 2):
            continue
        hits = _initials_lookup(acronym)
        if len(hits) != 1:
            continue
        matches_by_acronym[acronym] = hits
    for acronym, hits in matches_by_acronym.items():
        for m in counts[acronym]:
            before = text[max(0, m.start() - 2):m.start()]
            if re.search(r"[A-Za-z] $", before) and text[max(0, m.start() - 30):m.start()].split()[-1][:1].isupper():
                continue  # part of a longer proper name
            add(m.start(1), m.end(1), "registry-initials", hits[0])
    found.sort(key=lambda x: x.start)
    doc.mentions = found
    doc.acronyms = dict(defined)  # acronym -> the mention it abbreviates


mentions.needs = ("text", "url", "sentences", "resources")
mentions.adds = ("mentions", "acronyms")


# Capitals that are words of news, not a university's acronym, however a web domain is spelt.
NOT_ACRONYMS = frozenset("COVID STEM NASA UNESCO UNICEF NATO ASEAN BRICS OECD WHO CEO MBA PHD USA UAE HTML HTTP NEWS "
                         "AIDS APEC FIFA IELTS TOEFL".split())


FOLLOWED_BY_NAME = re.compile(
    r"^[ -]?(?:(?:[A-Z][\w'’-]*\s+){0,2}(?:Forum|Conference|Symposium|Summit|Competition|Contest|Olympiad|Hackathon|"
    r"Festival|Games|Cup|Fund)|Students?)\b")


def best_entry(gaz, ids: list[int], surface: str, countries: set[str]) -> int:
    """Of the registry entries a name's words fit ("University of Lagos" fits "Universidad de Los Lagos"
    too), the one written the same way, else one in a country the article names, else the first."""
    if len(ids) == 1:
        return ids[0]
    folded = fold_name(surface)
    same = [i for i in ids if fold_name(gaz.entries[i].name) == folded]
    local = [i for i in (same or ids) if gaz.entries[i].country in countries]
    return (local or same or ids)[0]


def fold_name(name: str) -> str:
    return " ".join(fold_word(w) for w in re.findall(r"[^\W_]+", name))


HEADLINE_VERB = re.compile(
    r"\s+(?:Becomes?|Joins?|Signs?|Visits?|Opens?|Hosts?|Launch(?:es)?|Welcomes?|Receives?|Holds?|Wins?|Celebrates?|"
    r"Marks?|Partners|Teams|Inks?|Renews?|Unveils?|Establishes|Sets|Takes|Leads|Meets?|Strengthens?|Deepens?|"
    r"Expands?|Explores?|Discusses|Hands|Honou?rs?|Awards?|Concludes?|Starts?|Begins?|Kicks|Is|Are|Was|Were|Has|Have)\b")
TRAILING_WHEN = re.compile(
    r"\s+(?:in|on|since|during)\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\d\d)\b.*$")


def _begins_name(prefix: str, countries) -> bool:
    """Whether capitalised words before a registry name are the start of a longer name, not a
    nationality, a title or the start of a sentence."""
    prefix = LEADING_NOISE.sub("", prefix.strip()) if prefix.strip() else ""
    words = prefix.split()
    if not words or any(not w[:1].isupper() or not re.match(_STOP, w) or w in CONTINUATION_STOP for w in words):
        return False
    return not any(True for _ in countries.scan(prefix))


def _continues_name(rest: str) -> bool:
    """Whether the words after a registry name belong to a longer name ("… University Viadrina"), not
    to a title, a place or the next clause."""
    m = re.match(r"^\s+([A-Z][\w’'-]+)", rest)
    return bool(m) and bool(re.match(_STOP, m.group(1))) and m.group(1) not in CONTINUATION_STOP and \
        not re.match(r"^\s+(?:in|at|and|of|for|de)\s", rest)


# A lower-case word inside a registry match that is no connector: the match is a description, not a name.
LOWER_WORD = re.compile(r"(?<![\w'’-])(?!(?:%s)\b)[a-z]\w*" % "|".join(
    sorted(w for w in CONNECTORS | {"von", "van", "zu", "am", "an", "i", "d"} if w.isalpha())))
CONTINUATION_STOP = {"School", "Faculty", "Department",  # "Makerere University School of Law": a unit of it
                     "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                     "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                     "Sunday", "Press", "News", "Campus", "Hospital", "Library", "Museum", "Council", "Board", "Senate",
                     "Vice-Chancellor", "Vice-President", "Rector", "Provost", "Chairman", "Secretary", "Prof", "Dr"}
POSSESSIVE = re.compile(r"['’]s\s+")
UNIT_HEAD = re.compile(r"^(?:School|Faculty|Department|College|Institute|Centre|Center|Office|Laboratory|Lab|Division|"
                       r"Graduate School|Confucius Institute|Library|Museum|Hospital|Press)\b")


def _possessive(text: str, start: int, end: int, countries) -> tuple[int, int]:
    """"X University’s School of Y" names X University; "China’s X University" names X University."""
    while True:
        span = text[start:end]
        m = POSSESSIVE.search(span)
        if not m:
            return start, end
        before, after = span[:m.start()], span[m.end():]
        if any(a == 0 and b == len(before) for a, b, _ in countries.scan(before)) or not _ORG_WORD.search(before):
            start += m.end()
        elif UNIT_HEAD.match(after):
            end = start + m.start()
        else:
            return start, end


def _before_next_org(text: str, start: int, end: int) -> int:
    """"University of Kordestan and Koya University" -> "University of Kordestan": cut before an
    "and" that starts another organisation's name."""
    span = text[start:end]
    for m in re.finditer(r"\s+(?:and|&)\s+", span):
        if _ORG_WORD.search(span[m.end():]) and _ORG_WORD.search(span[:m.start()]):
            return start + m.start()
    return end


def _initials_lookup(acronym: str) -> list[int]:
    from accord.registry.services.lookup import SHORT_FORMS, lookup

    return [m.id for m in lookup(acronym, limit=3) if m.how in SHORT_FORMS and m.score >= 85]


def _after_lowercase(text: str, start: int, end: int) -> int:
    """Where a name starts inside a span such as "the MoU between University of X": after its last
    lower-case word that is not a connector."""
    for m in re.finditer(r"\S+", text[start:end]):
        word = m.group(0)
        if word[:1].islower() and word.lower() not in CONNECTORS and not any(c.isupper() for c in word[1:]):  # not "iGEM"
            new = start + m.end()
            while new < end and text[new] == " ":
                new += 1
            start, end_ = new, end
            return _after_lowercase(text, start, end_)
    return start


def _gazetteer_ids(gaz, name: str):
    for start, end, ids in gaz.scan(name):
        if end - start >= len(name) - 1:
            return ids
    return []


def abbreviates(acronym: str, name: str) -> bool:
    """HUBU for Hubei University, WHU for Wuhan University: each significant word gives one or more
    of its letters in order, starting with its first."""
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in {"of", "the", "and", "for", "at", "de"}]
    if not words or len(acronym) < len(words):
        return False
    target = acronym.lower()

    def match(ai: int, wi: int) -> bool:
        if wi == len(words):
            return ai == len(target)
        word = words[wi].lower()
        if ai >= len(target) or target[ai] != word[0]:
            return False
        # take the first letter, then optionally more letters from this word (in order)
        ai += 1
        positions = [ai]
        rest = word[1:]
        j = 0
        k = ai
        while k < len(target) and j < len(rest):
            found = rest.find(target[k], j)
            if found < 0:
                break
            j = found + 1
            k += 1
            positions.append(k)
        return any(match(p, wi + 1) for p in reversed(positions))

    return match(0, 0)
