"""Steps `merge` (one event per distinct act) and `proposals` (the schema of ANNOTATION.md, with
confidence and the evidence sentence for every field)."""

from __future__ import annotations

import dataclasses
import re

from accord.newsroom.pipeline.document import DateValue

MODE_RANK = {"online": 2, "in_person": 1, None: 0}
# Types whose parties may all be home (the guide: "more than one home is allowed when the subject is a
# group"): students competing abroad, exchange students arriving at their host.
HOME_ONLY_TYPES = {"competition", "exchange_program"}


def dates_compatible(a: DateValue | None, b: DateValue | None, event_type: str) -> bool:
    if a is None or b is None:
        return True
    if a.year and b.year and a.year != b.year:
        return False
    if a.month != b.month:
        if event_type.startswith("visit") and a.year == b.year and abs((a.month or 0) - (b.month or 0)) == 1:
            return True  # a trip across the turn of a month
        return False
    if a.day and b.day and a.day != b.day:
        return event_type.startswith("visit") or event_type == "forum_or_conference" and abs(a.day - b.day) <= 3
    return True


def _finer(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    if a is None:
        return b
    if b is None:
        return a
    rank = lambda d: (d.month is not None, d.day is not None, d.year is not None)  # noqa: E731
    if rank(b) > rank(a):
        return b
    if rank(a) == rank(b) and (b.year, b.month, b.day or 0) < (a.year, a.month, a.day or 0):
        return b  # a trip is dated by its first stop
    return a


def merge(doc):
    """Adds events merged by type, compatible dates and
    shared parties; events without a partner dropped, except those a group of home institutions reports alone"""
    merged = []
    for event in sorted(doc.events, key=lambda e: e.support):
        target = None
        if event.support and event.date is not None and not any(
                o.type == event.type and dates_compatible(o.date, event.date, o.type) for o in merged):
            event.date = None
        for other in merged:
            if other.type != event.type or not dates_compatible(other.date, event.date, event.type):
                continue
            years = {y for y in (other.year, event.year, other.date and other.date.year, event.date and event.date.year) if y}
            if len(years) > 1:
                continue
            target = other
            break
        if target is None:
            if not event.support:
                merged.append(event)
            continue
        target.founded |= event.founded
        for entity in event.entities:
            if entity not in target.entities:
                target.entities.append(entity)
                target.roles[entity] = event.roles.get(entity, "partner")
        known = {p.name for p in target.people}
        target.people.extend(p for p in event.people if p.name not in known)
        for key, value in event.counts.items():
            target.counts.setdefault(key, value)
        target.sentences.extend(i for i in event.sentences if i not in target.sentences)
        if event.support:
            continue
        finer = _finer(target.date, event.date)
        if finer is not target.date:
            target.date, target.date_sentence = finer, event.date_sentence
        target.year = target.year or event.year
        if MODE_RANK[event.mode] > MODE_RANK[target.mode]:
            target.mode, target.mode_sentence = event.mode, event.mode_sentence
        if not target.strong and event.strong:
            target.sentence, target.trigger, target.strong = event.sentence, event.trigger, True
    kept = []
    for event in merged:
        event.entities = [i for i in event.entities if i not in event.founded]
        partners = [i for i in event.entities if event.roles.get(i) != "home"]
        if not partners and not (event.type in HOME_ONLY_TYPES and event.entities and event.strong):
            continue
        event.confidence = _confidence(doc, event)
        kept.extend(_one_per_partner(doc, event, partners))
    # "A signing during a visit": an event the text does not date shares the date of the nearest dated one
    dated = [e for e in kept if e.date is not None]
    for event in kept:
        if event.date is None and event.year is None and dated:
            nearest = min(dated, key=lambda e: abs(e.sentence - event.sentence))
            event.date, event.date_sentence = nearest.date, nearest.date_sentence
    doc.events = kept


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
# "signed two memorandums of understanding with A and B": one document with each partner
DOCUMENTS_WITH = re.compile(r"\b(two|three|four|five|[2-5])\s+(?:separate\s+|new\s+)?(?:memorand(?:um|a|ums)|mous|moas|"
                            r"agreements|accords|letters of intent|declarations)\b[^.;]*?\bwith\b", re.IGNORECASE)


def _one_per_partner(doc, event, partners: list[int]) -> list:
    """The guide: several documents signed at one ceremony are one event, but agreements with different
    partners are separate events; a sentence saying it signed as many documents as there are partners,
    each with one, reports one signing per partner."""
    if event.type != "agreement_signing" or len(partners) < 2:
        return [event]
    for index in event.sentences:
        m = DOCUMENTS_WITH.search(doc.sentences[index].text)
        if m and _COUNT_WORDS[m.group(1).lower()] == len(partners):
            break
    else:
        return [event]
    homes = [i for i in event.entities if i not in partners]
    out = []
    for partner in sorted(partners, key=lambda i: doc.entities[i].first_offset):
        copy = dataclasses.replace(event, entities=homes + [partner], roles=dict(event.roles),
                                   people=list(event.people), sentences=list(event.sentences))
        out.append(copy)
    return out


merge.needs = ("sentences", "entities", "events")
merge.adds = ("events",)


def _confidence(doc, event) -> float:
    score = 0.45
    score += 0.15 if event.strong else 0.0
    score += 0.1 if any(doc.sentences[i].is_title for i in event.sentences) else 0.0
    score += 0.1 if all(doc.entities[i].registry_id for i in event.entities) else 0.0
    score += 0.1 if event.date else 0.0
    score += 0.05 if len(event.sentences) > 1 else 0.0
    return round(min(score, 0.95), 2)


def _evidence(doc, index):
    if index is None:
        return None
    sentence = doc.sentences[index]
    return {"text": sentence.text, "start": sentence.start, "end": sentence.end}


def proposals(doc):
    """Adds proposals (one dict per event in the ANNOTATION.md schema, plus
    registry ids, confidence and evidence)"""
    out = []
    for event in doc.events:
        institutions = []
        for index in sorted(event.entities, key=lambda i: (event.roles.get(i) != "home", doc.entities[i].first_offset)):
            entity = doc.entities[index]
            name = entity.registry_name if entity.registry_name and re.fullmatch(r"[A-Z&]{2,8}", entity.name) else entity.name
            row = {"name": name, "country": entity.country, "role": event.roles.get(index, "partner")}
            if entity.registry_id:
                row["registry_id"] = entity.registry_id
            else:
                row["proposed"] = True
                row["kind"] = entity.kind
                row["country_evidence"] = entity.country_evidence
            first = doc.mentions[entity.mentions[0]] if entity.mentions else None
            row["evidence"] = _evidence(doc, first.sentence) if first else None
            institutions.append(row)
        people = [
            {
                "name": p.name,
                "role": p.role,
                "institution": doc.entities[p.entity].name if p.entity is not None else None,
                "evidence": _evidence(doc, p.sentence),
            }
            for p in event.people
        ]
        out.append({
            "type": event.type,
            "date": event.date.iso() if event.date else None,
            "date_precision": event.date.precision if event.date else "",
            "institutions": institutions,
            "people": people,
            "mode": event.mode,
            "counts": event.counts,
            "evidence": doc.sentences[event.sentence].text,
            "evidence_span": [doc.sentences[event.sentence].start, doc.sentences[event.sentence].end],
            "field_evidence": {
                "type": _evidence(doc, event.sentence),
                "date": _evidence(doc, event.date_sentence),
                "mode": _evidence(doc, event.mode_sentence),
            },
            "confidence": event.confidence,
        })
    doc.proposals = out


proposals.needs = ("sentences", "mentions", "entities", "events")
proposals.adds = ("proposals",)
