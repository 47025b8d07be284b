"""Step `events`: trigger words and dependency checks find the cooperation events a sentence
reports, typed by the annotation guide (../shared/corpus/ANNOTATION.md). Nothing planned or future,
no background statistics."""

from __future__ import annotations

import re

from accord.newsroom.pipeline.document import Event
from accord.newsroom.pipeline.nlp import parsed

AGREEMENT = (r"(?:agreements?|mous?|moas?|m\.o\.u\.?|memorand(?:um|a|ums)|accords?|contracts?|declarations?|letters? of intent|"
             r"protocols?|charters?|treat(?:y|ies)|pacts?|partnership deals?|cooperation deals?)")
# type -> (trigger pattern, confirming pattern or None); both searched in the lower-cased sentence
TRIGGERS: dict[str, list[tuple[str, str | None]]] = {
    "agreement_signing": [
        # "exchanged the signed agreements" reports a signing; "a student exchange agreement" names one
        (r"\b(?:sign(?:s|ed|ing)?|co-sign(?:ed)?|ink(?:s|ed)?|seal(?:s|ed)?|conclud(?:e|ed|es)|renew(?:s|ed)?|"
         rf"exchanged (?:the )?(?:signed )?{AGREEMENT}|exchange (?:the|signed) {AGREEMENT})\b", rf"{AGREEMENT}|\bpartnership\b"),
        (r"\bsigning (?:ceremony|of)\b", None),
        (r"\b(?:put|puts|putting) (?:their )?pens? to paper\b", rf"{AGREEMENT}|\bpartnership\b"),
        (rf"\b(?:{AGREEMENT} (?:was|were|has been|have been) reached|reached an? (?:\w+ )?{AGREEMENT})\b", None),
        (r"\b(?:declaration|letter) of intent\b", r"\b(?:sign\w*|adopt\w*|issu\w*|conclud\w*|exchang\w*)\b"),
    ],
    "visit_inbound": [  # direction decided by the arguments step
        (r"\b(?:visit(?:s|ed)?|paid a visit|(?<!visiting )delegation|trip|toured|study tour|(?:was|were) received by|"
         r"came to (?!study)|travell?ed to (?!study)|(?:was|were) hosted by|play(?:ed|s) host to|"
         r"welcom(?:ed|es|ing) (?:a |the )?(?:\w+ )?(?:delegation|students|guests|visitors|group|team) from|"
         r"received (?:a|the) (?:\w+ )?(?:delegation|visitors|guests)|courtesy (?:call|visit))\b", None),
        # a working meeting in person between the two sides: the guests came (an online one is "other")
        (r"\b(?:held (?:a|an) (?:working|bilateral) meeting|(?:working|bilateral) meeting (?:was |were )?(?:held|took place))\b",
         r"^(?!.*\b(?:online|virtual|video)\b)"),
    ],
    "forum_or_conference": [
        (r"\b(?:forums?|conferences?(?! (?:room|hall|cent(?:re|er)))|symposi(?:um|a)|summits?|congress|colloqui(?:um|a)|seminars?|workshops?|"
         r"webinars?|round[- ]?tables?|conclaves?|general assembl(?:y|ies))\b",
         r"\b(?:held|host(?:ed|s)?|open(?:ed|s)|organi[sz]ed|attend(?:ed|s)?|convened|initiated (?:the|a|an)|took place|"
         r"executed|launched|co-host(?:ed)?|kicked off|concluded|took part|participated|delivered|was staged|welcomed)\b"),
    ],
    "joint_institution_established": [
        (r"\b(?:unveil(?:ed|ing)?|inaugurat(?:ed|ion|es|e|ing)?|opening ceremony|officially opened|co-established|"
         r"co-founded|plaque|was established|were established|was launched|launch(?:ed)? (?:of )?the|"
         r"opening(?: ceremony)? of (?:the|a|an|its)|inauguration of|"
         r"(?:established|set up|founded|opened) (?:a |an |the |their |its )?(?:new |first )?joint|"
         r"(?:cent(?:re|er)|institute|lab(?:oratory)?|school|college|campus|classroom)(?: \([^)]{1,12}\))? opening|"
         r"(?:was|were) (?:officially |formally )?(?:founded|co-founded|set up|opened|created)|"
         # "opened the A-B Battery Research Centre": a verb of founding and, a few words on, what it founded
         r"(?<!to )(?:opened|established|set up|founded|launched|inaugurated)\s+(?:a |an |the |their |its )?(?:[\w'’-]+\s+){0,5}?"
         r"(?<!summer )(?<!winter )(?<!spring )(?:cent(?:re|er)|institute|lab(?:oratory)?|academy|college|school|hub|"
         r"classroom)s?)\b",
         r"\b(?:confucius (?:institute|classroom)|joint (?:school|institute|lab|laboratory|cent(?:re|er)|college|campus)|"
         r"institute|laborator(?:y|ies)|labs?|cent(?:re|er)|college|school|academy|campus|classroom|office|hub)\b"),
    ],
    "exchange_program": [
        (r"\b(?:exchange students?|student exchanges?|exchange program(?:me)?s?|summer (?:school|camp|program(?:me)?)|"
         r"winter (?:school|camp)|inbound students|international students? (?:arrived|from)|"
         r"(?:joint|double|dual) (?:[\w'’-]+ ){0,2}(?:degree|doctoral|master['’]?s|ph\.?d\.?|bachelor['’]?s) "
         r"program(?:me)?s?|visiting (?:scholars?|researchers?|students?|professors?|fellows?) program(?:me)?s?|"
         r"mobility (?:program(?:me)?s?|scheme)|staff (?:training )?weeks?)\b",
         r"\b(?:arriv\w*|welcom\w*|start\w*|began|begun|launch\w*|attend\w*|took part|participat\w*|came from|"
         r"held|hosted|open(?:ed|s)|joined|opening|kick\w* off|commenc\w*|travel\w*|studied|spent|(?:went|came) to study|to study (?:in|at))\b"),
    ],
    "cultural_exchange": [
        (r"\b(?:cultur(?:e|al) (?:exchange )?(?:week|festival|day|immersion|activit\w*|events?|camps?|tours?|"
         r"trips?|program(?:me)?s?)|immersion camps?|\w+ culture exchanges?|"
         r"cultural (?:gala|performance|show|evening|night)s?|"
         r"(?:new year|spring festival|mid-autumn(?: festival)?|lantern festival|diwali|nowruz) (?:gala|celebrations?|party|"
         r"concert|festival))\b", None),
    ],
    "competition": [
        (r"\b(?:competitions?|contests?|hackathons?|olympiads?|challenge cup|championships?)\b",
         r"\b(?:won|wins|win|prize|award\w*|held|organi[sz]ed|finals?|finale|took part|compet\w*|champion\w*|"
         r"emerg\w* (?:first|second|third)|placed|ranked (?:first|second|third))\b"),
        (r"\b(?:won|wins|clinched|bagged|took|secured|awarded|received) (?:the |a )?(?:first|second|third|top|grand|gold|"
         r"silver|bronze|special) (?:prize|place|award|medal)s?\b", None),
    ],
    "research_project_or_fund": [
        (r"\b(?:seed[- ]?corn fund\w*|seed fund\w*|seed (?:money|grants?)|matching funds?|joint fund|research fund|"
         r"call for (?:[\w-]+ ){0,3}(?:proposals|applications|projects)|joint calls?|"
         r"funding (?:call|scheme|program(?:me)?|opportunit\w+)|joint research (?:project|program(?:me)?)|first call opens|"
         r"(?:the|first|joint) call (?:opened|opens|was opened|was launched))\b",
         None),
    ],
    "other": [
        (r"\b(?:alliance|consortium|university network)\b", r"\b(?:launch\w*|establish\w*|found(?:ed|ing)|inaugurat\w*|formed)\b"),
        # a foundation stone is laid before anything opens; a working meeting between two sides is no visit
        (r"\b(?:foundation[- ]stone|corner[- ]?stone|ground-?breaking ceremony)\b", r"\b(?:laid|laying|lay|held|ceremony)\b"),
        (r"\b(?:(?:working|bilateral) )?(?:online|virtual|video) meeting (?:was |were )?(?:held|took place|organi[sz]ed)\b"
         r"|\bheld (?:a|an) (?:(?:working|bilateral) )?(?:online|virtual|video) meeting\b", None),
    ],
}
# A meeting named with capitals ("the Baltic-Nordic Policy Dialogue Meeting") is a forum; a board's or a
# council's meeting is not. Searched in the sentence as written.
NAMED_MEETING = re.compile(r"\b(?:[A-Z][\w'’-]*\s+){2,6}Meeting\b")
GOVERNING_MEETING = re.compile(r"\b(?:Board|Council|Senate|Committee|General|Staff|Faculty|Cabinet)\s+Meeting\b")
# Sentences that add parties to an event the article reports elsewhere, but never report one alone.
SUPPORT = {
    # "X and Y comprise the other half of the exchange program": the members of a programme reported elsewhere
    "exchange_program": re.compile(
        r"\b(?:comprise|make up|makes up|are members of|joined)\s+(?:the\s+)?(?:other\s+)?(?:half\s+of\s+the\s+)?"
        r"(?:[\w-]+\s+){0,3}(?:program|programme|consortium)\b"
        # "200 students from 30 countries, including students from A and B, attend": who took part
        r"|\bincluding (?:students|participants|scholars|delegates) from\b"),
    "forum_or_conference": re.compile(
        r"\b(?:keynote|plenary|panel discussion|session|presided|moderated|chaired|delivered (?:a |the )?(?:speech|"
        r"lecture|report|talk))\b"),
}
_COMPILED = {t: [(re.compile(a), re.compile(b) if b else None) for a, b in rules] for t, rules in TRIGGERS.items()}
# Any trigger at all: one search tells most sentences apart from the few that need every rule tried.
_ANY_TRIGGER = re.compile("|".join(f"(?:{a})" for rules in TRIGGERS.values() for a, _ in rules))

FUTURE_AUX = {"will", "would", "shall", "should", "could", "might", "may", "can", "must", "'ll"}
INTENT_WORDS = {
    "plan", "plans", "planned", "planning", "hope", "hopes", "hoped", "expect", "expects", "expected", "aim", "aims",
    "aimed", "intend", "intends", "intended", "wish", "wishes", "wished", "propose", "proposed", "prepare",
    "prepares", "preparing", "preparatory", "seek", "seeks", "consider", "considered", "explore", "explored",
    "discuss", "discussed", "agree", "agreed", "look", "looked", "looking", "welcome", "potential", "future",
    "upcoming", "next", "possible", "intention", "hoping", "want", "wants", "wanted", "eager", "ready", "prospects",
    "expecting", "aiming", "intending", "seeking", "considering",
}
# "a welcome event / reception for the new students" reports what happened; only a verb "welcome" hopes.
WELCOMING = {"welcome"}
BACKGROUND = re.compile(
    r"\b(?:so far|to date|in total|over the years|in recent years|has established (?:partnerships|cooperative "
    r"relations|relations) with \d+|with more than \d+|\d+ (?:universities|institutions) in \d+ countries)\b"
)
# Headlines are not parsed: "X to sign MoU with Y", "X plans to host forum" announce, they do not report.
HEADLINE_FUTURE = re.compile(
    r"\b(?:to|will|plans? to|set to|aims? to|seeks? to|mulls?|eyes|considers?|prepares? to|upcoming)\s+"
    r"(?:\w+\s+)?(?:sign|ink|visit|launch|host|hold|open|establish|set up|found|co-host|organi[sz]e|start|begin|"
    r"commence|speak|attend|grace|meet|present|deliver|join|partner|collaborate|cooperate|build|create|develop|"
    r"introduce|offer|run|send|receive|welcome)\b|\bsoon\b",
    re.IGNORECASE,
)
# Types whose confirming words must stand near the trigger ("the opening ceremony of the joint lab").
NEAR_CONFIRM = {"joint_institution_established": 70}
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|has been|have been)\s+(?:\w+ly\s+)?$")


def _confirmed(confirm, window: str) -> bool:
    """A confirming word that reports, not one that plans: "to start with", "agreed to launch" confirm nothing."""
    return any(window[max(0, c.start() - 3):c.start()] != "to " for c in confirm.finditer(window))


def _passive(text: str, start: int, trigger: str) -> bool:
    """"… was (officially) opened": the trigger's subject, what was opened, stands before it."""
    return bool(re.match(r"(?:was|were|has been|have been)\b", trigger, re.IGNORECASE)
                or PASSIVE_BEFORE.search(text[max(0, start - 24):start].lower()))


# Types named by a noun that is often an item of a list rather than a reported event.
LISTED_TYPES = {"competition", "forum_or_conference", "exchange_program", "cultural_exchange"}
LIST_ITEM = re.compile(r"(?:,|\band|\bor|including|such as|like)\s+(?:[\w-]+\s+){0,3}$")
PLURAL_VAGUE = re.compile(r"\b(?:delegations|visits)\b(?! to)")


def _token_at(span, offset: int):
    for token in span:
        if token.idx <= offset < token.idx + len(token.text):
            return token
    return None


_HEDGE_WORDS = FUTURE_AUX | INTENT_WORDS
_WORD = re.compile(r"[a-z']+")


def hedged(text: str) -> bool:
    """Whether a sentence holds any modal or intention word: only such sentences need a parse."""
    return any(word in _HEDGE_WORDS for word in _WORD.findall(text.lower()))


def parse_hedged(doc, found: dict | None = None) -> None:
    """Parse, in one batch, the sentences that hold both a trigger and a modal or intention word.
    `found` maps a sentence's index to its candidates, when they are already known."""
    from accord.newsroom.pipeline.nlp import get_parser

    found = found or {}
    todo = [s for s in doc.sentences if s.parse is None and s.span is not None and not s.is_title
            and hedged(s.text) and (found[s.index] if s.index in found else any(True for _ in candidates(s)))]
    for sentence, parse in zip(todo, get_parser().pipe([s.text for s in todo], batch_size=64)):
        sentence.parse = parse


def is_asserted(sentence, start: int) -> bool:
    """False when the trigger at `start` (offset in the sentence) is planned, hoped for or
    conditional: a modal or an intention verb governs it (a dependency pattern)."""
    if not hedged(sentence.text):
        return True  # every pattern below needs one of these words
    if sentence.span is None:
        return not re.search(r"\b(will|would|shall|plan(?:s|ned)? to|to be)\b", sentence.text.lower())
    token = _token_at(parsed(sentence), start)
    if token is None:
        return True
    chain = [token]
    head = token
    for _ in range(8):
        if head.head is head:
            break
        head = head.head
        chain.append(head)
    for node in chain:
        if node.lower_ in INTENT_WORDS:
            return False
        for child in node.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
                return False
            if child.dep_ in ("amod", "compound") and child.lower_ in INTENT_WORDS - WELCOMING:
                return False
        if node.dep_ == "xcomp" or (node.tag_ == "VB" and any(c.lower_ == "to" for c in node.children)):
            if node.head.lower_ in INTENT_WORDS:
                return False
    return True


def detect(sentence, found: list | None = None) -> list[tuple[str, str, int]]:
    """(type, trigger text, offset in the sentence) of every asserted event trigger in a sentence: the
    first asserted candidate of each type. A delegation attending a forum reports the forum only (the
    guide: attending a forum abroad is no separate visit). `found`: the sentence's candidates, if known."""
    out, done = [], set()
    for event_type, m in (candidates(sentence) if found is None else found):
        if event_type in done:
            continue
        if not sentence.is_title and not is_asserted(sentence, m.start()):
            continue
        done.add(event_type)
        out.append((event_type, sentence.text[m.start():m.end()], m.start()))
    if "forum_or_conference" in done:
        out = [found for found in out if found[0] != "visit_inbound"]
    return out


def candidates(sentence):
    """(type, trigger match) of every trigger in a sentence that its context confirms, before the
    check that it is asserted (which may need a parse)."""
    lower = sentence.text.lower()
    if BACKGROUND.search(lower) or (sentence.is_title and HEADLINE_FUTURE.search(lower)):
        return
    for event_type, rules in (_COMPILED.items() if _ANY_TRIGGER.search(lower) else ()):
        for trigger, confirm in rules:
            for m in trigger.finditer(lower):
                window = lower if event_type not in NEAR_CONFIRM else \
                    lower[max(0, m.start() - NEAR_CONFIRM[event_type]):m.end() + NEAR_CONFIRM[event_type]]
                passive = event_type in NEAR_CONFIRM and _passive(lower, m.start(), m.group(0))
                if passive:
                    window += " " + lower[:NEAR_CONFIRM[event_type]]  # "The X Centre of A and B was opened": its subject
                if confirm is not None and not _confirmed(confirm, window) and \
                        (not sentence.is_title or event_type in ("agreement_signing", "other")):
                    continue  # a headline is terse, but "concluded" alone signs nothing
                if passive and re.search(r"\bsince\b[^,;]*$", lower[:m.start()]):
                    continue  # "since the X Institute was founded, …": when something else began
                if event_type in LISTED_TYPES and LIST_ITEM.search(lower[max(0, m.start() - 40):m.start()]) and \
                        re.match(r"\s*(?:,|and\b|or\b|etc)", lower[m.end():]):
                    continue  # "programmes including …, competitions and conferences": an item of a list
                if event_type == "visit_inbound" and re.match(r"(?:field |school |class )", lower[max(0, m.start() - 6):m.start()]):
                    continue  # a field trip is not a delegation's visit
                if event_type == "visit_inbound" and PLURAL_VAGUE.search(m.group(0)):
                    continue
                if event_type == "visit_inbound" and re.match(r"visit(?:s|ed)?$", m.group(0)) and \
                        re.match(r"\s+(?:professor|scholar|student|fellow|researcher)", lower[m.end():]):
                    continue
                yield event_type, m
    meeting = NAMED_MEETING.search(sentence.text)
    if meeting and not GOVERNING_MEETING.search(meeting.group(0)) and \
            (sentence.is_title or _COMPILED["forum_or_conference"][0][1].search(lower)):
        yield "forum_or_conference", meeting


# What an opening founds is named as a school, lab, centre or institute, never as a university.
FOUNDED_NAME = re.compile(r"^(?!.*\bUniversit).*\b(?:Institute|Cent(?:re|er)|Lab(?:oratory)?|School|College|Campus|"
                          r"Classroom|Academy|Hub)\b")


def _founded(doc, sentence, start: int, end: int) -> set[int]:
    """The institution an opening founds ("the inauguration of the X Institute", "X Centre Opening"): a
    name the registry does not hold, right after or right before the trigger. It is the new
    institution, not a party (the guide lists its founders)."""
    out = set()
    passive = _passive(sentence.text, start, sentence.text[start:end])
    first = min((m.start for m in doc.mentions if m.sentence == sentence.index), default=None)
    for m in doc.mentions:
        if m.sentence != sentence.index or m.entity is None or doc.entities[m.entity].registry_id or \
                not FOUNDED_NAME.search(doc.entities[m.entity].name):
            continue
        begin, finish = m.start - sentence.start, m.end - sentence.start
        between = sentence.text[end:begin] if begin >= end else sentence.text[finish:start] if finish <= start else None
        if begin < end and finish > start:  # "… Research Centre Opening": the trigger ends the name
            out.add(m.entity)
        elif passive and m.start == first and finish <= start:
            out.add(m.entity)  # "The X Centre of A and B was opened": the subject is what was opened
        elif between is not None and re.fullmatch(r"\s*(?:of\s+)?(?:the\s+|a\s+|an\s+|its\s+)?(?:\([^)]{1,12}\)\s*)?", between):
            out.add(m.entity)
    return out


def events(doc):
    """Adds events (one per trigger sentence and type, before merging)"""
    triggers = {s.index: list(candidates(s)) for s in doc.sentences}  # found once, read twice
    parse_hedged(doc, triggers)
    found = []
    for sentence in doc.sentences:
        for event_type, trigger, offset in detect(sentence, triggers[sentence.index]):
            ids = sorted({m.entity for m in doc.mentions if m.sentence == sentence.index})
            founded = _founded(doc, sentence, offset, offset + len(trigger)) \
                if event_type == "joint_institution_established" else set()
            found.append(Event(type=event_type, sentence=sentence.index, trigger=trigger, trigger_offset=offset,
                               entities=[i for i in ids if i not in founded], founded=founded,
                               sentences=[sentence.index], strong=not sentence.is_title))
        if sentence.is_title:
            continue
        lower = sentence.text.lower()
        for event_type, pattern in SUPPORT.items():
            if pattern.search(lower) and not BACKGROUND.search(lower):
                ids = sorted({m.entity for m in doc.mentions if m.sentence == sentence.index})
                if ids:
                    found.append(Event(type=event_type, sentence=sentence.index, trigger="", entities=ids,
                                       sentences=[sentence.index], strong=False, support=True))
    doc.events = found


events.needs = ("sentences", "mentions", "entities")
events.adds = ("events",)
