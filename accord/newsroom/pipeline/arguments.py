"""Steps `arguments` (parties with home/partner roles, people with titles, counts) and `mode`
(online, in person or unknown)."""

from __future__ import annotations

import re

from accord.newsroom.pipeline.document import Entity, Mention, Person
from accord.newsroom.pipeline.linking import UNIVERSITY_WORDS

TITLE_WORDS = (
    r"(?:Executive |Deputy |Vice[- ]|Assistant |Associate |Senior |Honorary |Acting |Founding |Chief |Prime |"
    r"First |Party )*(?:President|Rector|Vice-Chancellor|Chancellor|Provost|Dean|Director(?: General)?|"
    r"Director-General|Professor|Prof\.|Dr\.|Minister|Ambassador|Consul(?: General)?|Chairman|Chairwoman|Chair|"
    r"Secretary(?: General)?|Mayor|Governor|Head|Manager|Principal|CEO|Chief Executive|Counsellor|Counselor|"
    r"Attaché|Commissioner|Member)"
)
_TITLE_BEFORE = re.compile(rf"({TITLE_WORDS}(?:\s+(?:of|for)\s+[A-Z][\w’'&-]*(?:\s+(?:and\s+)?[A-Z][\w’'&-]*)*)?)\s*,?\s*$")
_TITLE_AFTER = re.compile(
    rf"^\s*,\s*((?:the\s+)?(?:[a-z-]+\s+)?{TITLE_WORDS.replace('(?:President', '(?:[Pp]resident').replace('|Rector', '|[Rr]ector').replace('|Dean', '|[Dd]ean')}"
    r"[^,.;()]{0,80}?)(?=[,.;()]|\s+(?:said|says|delivered|attended|hosted|signed|unveiled|and)\b)",
)
ONLINE = re.compile(
    r"\b(?:video ?link|video conferenc\w*|videoconferenc\w*|online|virtual(?:ly)?|via zoom|zoom|webinar|"
    r"cloud signing|remotely|teleconferenc\w*|livestream\w*|web ?conferenc\w*)\b", re.IGNORECASE
)
IN_PERSON = re.compile(
    r"\b(?:visit\w*|delegation|held (?:at|in)|took place (?:at|in)|ceremony (?:was )?held|met with|meeting|"
    r"on campus|in person|hall|auditorium|conference room|parliament|building|venue|arriv\w*|welcom\w*|"
    r"attended|hosted|received)\b", re.IGNORECASE
)
SIGNING_IN_PERSON = re.compile(
    r"\b(?:during (?:the|a|an|his|her|their) (?:visit|meeting|trip|stay)|meeting|held (?:at|in)|took place (?:at|in)|"
    r"in person|on campus|face-to-face|visit(?:ed|ing)?\b(?! scholar)|delegation\b)", re.IGNORECASE
)
PHYSICAL_TYPES = {"visit_inbound", "visit_outbound", "exchange_program", "cultural_exchange",
                  "joint_institution_established", "forum_or_conference"}
# Types whose place the text must state in person; a fund, a competition or an alliance is not a meeting.
NO_PLACE_TYPES = {"research_project_or_fund", "competition", "other"}
ORGANISER = re.compile(
    r"(?:^|(?<=\bthe )|(?<=[“\"‘(] )|(?<=[“\"‘(]))([A-Z][a-z][\w&]*)\s+(?:[A-Z]{2,}\s+)?(?:Competition|Contest|Challenge|Cup|Hackathon)\b"
)
NOT_ORGANISER = re.compile(r"^(?:The|A|An|This|International|Global|National|World|Annual|First|Second|Third|Final|"
                           r"Student|University|College|Asia|Asian|European|African)$")


def _people(doc, sentence_index: int) -> list[Person]:
    sentence = doc.sentences[sentence_index]
    if sentence.span is None:
        return []
    out = []
    base = sentence.block
    mentions = [m for m in doc.mentions if m.sentence == sentence_index]
    for ent in sentence.span.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = base + ent.start_char, base + ent.end_char
        name = re.sub(r"^(?:Prof\.?|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s*", "", ent.text).strip()
        if len(name.split()) < 1 or any(m.start <= start < m.end for m in mentions):
            continue
        role, institution = None, None
        before = doc.text[max(sentence.start, start - 80):start]
        after = doc.text[end:min(sentence.end, end + 120)]
        m = _TITLE_AFTER.match(after)
        if m:
            role = m.group(1)
            tail = end + m.end(1)
            org = next((x for x in mentions if end <= x.start <= tail + 3), None)
            institution = org.entity if org else None
            role = re.split(r"\s+(?:of|at)\s+(?:the\s+)?[A-Z(]", role)[0] if org else role
        else:
            m = _TITLE_BEFORE.search(before)
            if m:
                role = m.group(1)
                org = next((x for x in mentions if 0 <= start - m.start() - (start - len(before)) and
                            x.end <= start - len(before) + m.start() + 3 and
                            x.end >= start - len(before) + m.start() - 12), None)
                org = org or next((x for x in mentions if 0 < start - x.end <= len(role) + 6), None)
                institution = org.entity if org else None
        if not role:
            continue
        role = re.sub(r"^(?:the|a|an)\s+", "", role.strip(" ,"), flags=re.IGNORECASE)
        role = role[:1].upper() + role[1:]
        out.append(Person(name=name, role=role, entity=institution, sentence=sentence_index))
    return out


VISIT_VERB = re.compile(r"\b(?:visited|paid (?:a|an) (?:\w+ )?visit to|travel(?:l)?ed to|went to|toured)\b")


def _direction(doc, event) -> int:
    """Votes for inbound (> 0) or outbound (< 0), seen from the home institution."""
    home = doc.home
    votes = 0
    for index in event.sentences:
        sentence = doc.sentences[index]
        lower = sentence.text.lower()
        mentions = [m for m in doc.mentions if m.sentence == index]
        for m in mentions:
            rel_start = m.start - sentence.start
            before = lower[max(0, rel_start - 40):rel_start]
            is_home = m.entity == home
            visiting = re.search(r"\bvisiting\s+(?:the\s+)?$", before) and \
                re.match(r"\s*(?:['’]s\s+)?(?:\w+\s+)?(?:delegation|delegates|team|group|guests)\b", lower[m.end - sentence.start:])
            if visiting or re.search(r"\b(?:delegation|delegates|guests|visitors|team)\s+(?:\w+\s+){0,3}from\s+(?:the\s+)?(?:\w+['’]s\s+)?$", before) \
                    or re.search(r"\bdelegation\s+of\s+(?:the\s+)?$", before):  # "a delegation of X", "a visiting X delegation": X travels
                votes += -1 if is_home else 1
            elif re.search(r"\b(?:visit(?:s|ed|ing)?|visit to|trip to|travel(?:l?ed)? to|delegation to|arrived at|"
                           r"came to|went to|tour(?:ed)?|at|of)\s+(?:the\s+)?(?:\w+\s+){0,3}$", before) and \
                    re.search(r"\b(?:visit|trip|travel|tour|arriv|came|went|delegation)", before):
                votes += 1 if is_home else -1
        if re.search(r"\b(?:received|welcomed|hosted|hosts|receives|welcomes)\b[^.]{0,60}\b(?:delegation|guests|visitors)\b", lower):
            votes += 1
        verb = VISIT_VERB.search(sentence.text)
        if verb:  # "X visited Y": X is the visitor; the nearest party after the verb is the one visited
            at = sentence.start + verb.start()
            after = [m for m in mentions if m.start >= sentence.start + verb.end()]
            if after and not re.search(r"\b(?:by|from)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
                                       doc.text[sentence.start + verb.end():after[0].start].lower()):
                votes += 1 if after[0].entity == home else -1
            before = [m for m in mentions if m.end <= at]
            if before and not after:
                votes += -1 if before[-1].entity == home else 1
        if re.search(r"\b(?:led|leads|leading|headed)\s+(?:a|the|an)\s+(?:\w+\s+)?delegation\s+to\b", lower):
            votes -= 1
    return votes


def _organiser(doc, event) -> int | None:
    for index in event.sentences:
        sentence = doc.sentences[index]
        for m in ORGANISER.finditer(sentence.text):
            name = m.group(1)
            if NOT_ORGANISER.match(name):
                continue
            countries = doc.resources.countries
            if list(countries.scan(name)):
                continue
            start = sentence.start + m.start(1)
            for i, entity in enumerate(doc.entities):
                if entity.name == name:
                    return i
            doc.entities.append(Entity(name=name, proposed=True, kind="company", first_offset=start))
            doc.mentions.append(Mention(start, start + len(name), name, index, "organiser",
                                        entity=len(doc.entities) - 1))
            doc.entities[-1].mentions.append(len(doc.mentions) - 1)
            return len(doc.entities) - 1
    return None


_COUNT = re.compile(
    r"\b(\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|dozens of)\s+(?:more than\s+)?"
    r"(students|participants|universities|institutions|countries|teams|delegates|guests|people)\b", re.IGNORECASE
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


ANAPHORA = re.compile(
    r"\b(?:both (?:sides|parties|universities|institutions)|the two (?:sides|parties|universities|institutions|schools)|"
    r"the guests|the delegation|the visitors|their hosts|the partners?)\b", re.IGNORECASE
)


def _antecedents(doc, event) -> list[int]:
    """The parties "both sides" or "the delegation" refers to: those named in the nearest earlier sentences."""
    index = event.sentence
    for earlier in range(index - 1, max(-1, index - 4), -1):
        if doc.sentences[earlier].is_title:
            continue
        found = sorted({m.entity for m in doc.mentions if m.sentence == earlier})
        if any(e != doc.home for e in found):
            return found
    return []


def _context_parties(doc, event) -> list[int]:
    """The parties of an event its sentence does not name ("First joint lab inaugurated"): for a
    headline, those the lead names; else the one partner university the article names, if only one."""
    sentence = doc.sentences[event.sentence]
    if sentence.is_title:
        window = [s for s in doc.sentences if not s.is_title][:CONTEXT_SENTENCES]
        for at, other in enumerate(window):
            found = sorted({m.entity for m in doc.mentions if m.sentence == other.index})
            if any(e != doc.home for e in found):
                event.sentences += [s.index for s in window[:at + 1]]  # the lead reports the headline's event
                return found
    partners = {m.entity for m in doc.mentions if m.entity != doc.home and doc.entities[m.entity].kind == "university"
                and (doc.entities[m.entity].registry_id or UNIVERSITY_WORDS.search(doc.entities[m.entity].name))}
    return sorted(partners) if len(partners) == 1 else []  # the article names one partner university only


CONTEXT_SENTENCES = 6  # how many lead sentences name a headline's parties

# "Team X, comprising students from A, B and C", "the alliance (integrated by A (Spain), B (Italy) and C)"
GROUP_LIST = re.compile(
    r"\b(?:comprising|comprised of|composed of|consisting of|made up of|integrated by|formed by|"
    r"(?:whose )?members (?:are|were|include|including)|brings together|bringing together)\s+"
    r"(?:(?:the\s+)?(?:students|researchers|teams?|members|representatives|delegates|staff)\s+(?:from|of)\s+)?",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^[\s,;|&]*(?:(?:and|or)\s+)?(?:the\s+)?(?:[A-Z]{2,6}\s*\|\s*(?:The\s+)?)?$")


def _listed(doc, sentence_index: int, start: int) -> list[Mention]:
    """The organisations named one after another from `start`: "A, B (Italy) and the C"."""
    mentions = sorted((m for m in doc.mentions if m.sentence == sentence_index and m.start >= start and
                       m.entity is not None), key=lambda m: m.start)
    out, at = [], start
    for m in mentions:
        if m.start < at:
            continue
        if out and m.entity == out[-1].entity and re.fullmatch(r"\s*\(\s*", doc.text[at:m.start]):
            close = doc.text.find(")", m.end)  # "A (UMS)": the acronym it defines
            at = close + 1 if 0 <= close - m.end <= 2 else m.end
            continue
        gap = re.sub(r"\([^()]*\)", "", doc.text[at:m.start])
        if not _LIST_GAP.match(gap):
            break
        out.append(m)
        at = m.end
    return out


def _group_members(doc) -> set[int]:
    """The institutions of a group the home belongs to or is ("the subject is a group": all home)."""
    if doc.home is None:
        return set()
    members: set[int] = set()
    for sentence in doc.sentences:
        for m in GROUP_LIST.finditer(sentence.text):
            listed = _listed(doc, sentence.index, sentence.start + m.end())
            if len(listed) < 2:
                continue
            entities = {x.entity for x in listed}
            before = [x for x in doc.mentions if x.sentence == sentence.index and
                      0 <= sentence.start + m.start() - x.end <= 3]  # "Alliance X (integrated by …"
            if doc.home in entities or any(x.entity == doc.home for x in before):
                members |= entities
    members.discard(doc.home)
    return {e for e in members if doc.entities[e].kind == "university"}


def arguments(doc):
    """Adds event.entities/roles (home and partners), event.people, event.counts"""
    all_people = {s.index: _people(doc, s.index) for s in doc.sentences}
    # one article reports one trip's direction: the votes of all its visit sentences decide
    visits = [e for e in doc.events if e.type.startswith("visit")]
    for event in visits:
        if not any(e != doc.home for e in event.entities) and ANAPHORA.search(doc.sentences[event.sentence].text):
            event.entities += [e for e in _antecedents(doc, event) if e not in event.entities]
    votes = sum(_direction(doc, e) for e in visits)
    group = _group_members(doc)
    for event in visits:
        event.type = "visit_inbound" if votes >= 0 else "visit_outbound"
    for event in doc.events:
        if not any(e != doc.home for e in event.entities) and ANAPHORA.search(doc.sentences[event.sentence].text):
            event.entities += [e for e in _antecedents(doc, event) if e not in event.entities]
        if not any(e != doc.home for e in event.entities) and not event.support and not event.type.startswith("visit"):
            event.entities += [e for e in _context_parties(doc, event) if e not in event.entities]
        if event.type == "competition":
            organiser = _organiser(doc, event)
            if organiser is not None and organiser not in event.entities:
                event.entities.append(organiser)
        event.entities = [e for e in event.entities if e not in event.founded]
        if doc.home is not None and doc.home not in event.entities and doc.home not in event.founded:
            event.entities.insert(0, doc.home)
        event.entities += sorted(group - set(event.entities) - event.founded)
        event.roles = {i: ("home" if i == doc.home or i in group else "partner") for i in event.entities}
        people = [p for index in event.sentences for p in all_people.get(index, [])]
        seen = {p.name for p in people}
        for index, found in sorted(all_people.items()):
            for person in found:
                if person.name not in seen and person.entity in event.entities:
                    people.append(person)
                    seen.add(person.name)
        event.people = people
        for index in event.sentences:
            for m in _COUNT.finditer(doc.sentences[index].text):
                number = m.group(1).lower().replace(",", "")
                value = _NUMBER_WORDS.get(number) or (int(number) if number.isdigit() else None)
                if value:
                    event.counts.setdefault(m.group(2).lower(), value)


arguments.needs = ("text", "sentences", "mentions", "entities", "home", "events", "resources")
arguments.adds = ("mentions", "entities", "event.roles", "event.people", "event.counts")  # an organiser named only by its competition


def mode(doc):
    """Adds event.mode ("online" for video or virtual, "in_person" when a physical
    meeting or place is stated, else None) with the sentence that says so"""
    for event in doc.events:
        event.mode, event.mode_sentence = None, None
        for index in event.sentences:
            if ONLINE.search(doc.sentences[index].text):
                event.mode, event.mode_sentence = "online", index
                break
        else:
            if event.type in NO_PLACE_TYPES:
                continue
            cue = SIGNING_IN_PERSON if event.type == "agreement_signing" else IN_PERSON
            for index in event.sentences:
                if cue.search(doc.sentences[index].text):
                    event.mode, event.mode_sentence = "in_person", index
                    break
            else:
                if event.type in PHYSICAL_TYPES:
                    event.mode, event.mode_sentence = "in_person", event.sentence


mode.needs = ("sentences", "events")
mode.adds = ("event.mode",)
