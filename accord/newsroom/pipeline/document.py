"""The working document every pipeline step reads and adds to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Sentence:
    index: int
    start: int  # character offsets in Document.text
    end: int
    text: str
    span: object = None  # the spaCy Span (None when spaCy is not used)
    is_title: bool = False
    block: int = 0  # offset of the line spaCy read, for the span's character offsets
    parse: object = None  # the dependency parse, made only for sentences with an event trigger


@dataclass
class Mention:
    start: int
    end: int
    text: str
    sentence: int
    source: str  # "registry", "acronym", "ner", "pattern"
    registry_id: int | None = None
    entity: int | None = None  # index into Document.entities once linked


@dataclass
class Entity:
    name: str  # the fullest form the text uses
    country: str | None = None
    registry_id: int | None = None
    registry_name: str = ""
    kind: str = "university"
    proposed: bool = False  # not in the registry: a proposed new institution
    country_evidence: str = ""
    mentions: list[int] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)
    first_offset: int = 0
    in_title: bool = False


@dataclass
class Person:
    name: str
    role: str
    entity: int | None
    sentence: int
    institution_name: str | None = None


@dataclass
class DateValue:
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str | None:
        """The schema's date string: 2021-08-30, 2024-06, --08-30, --08; None when only a year (or nothing) is known."""
        if self.month is None:
            return None
        if self.year is None:
            return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year" if self.year else ""


@dataclass
class Event:
    type: str
    sentence: int  # the trigger sentence (the evidence)
    trigger: str
    trigger_offset: int = 0  # where the trigger starts in its sentence
    entities: list[int] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    date: DateValue | None = None
    date_sentence: int | None = None
    year: int | None = None  # a year named on its own: not a date, but keeps events of other years apart
    mode: str | None = None
    mode_sentence: int | None = None
    direction_hint: str | None = None  # "inbound"/"outbound" for visits
    counts: dict[str, int] = field(default_factory=dict)
    sentences: list[int] = field(default_factory=list)  # every sentence merged into this event
    confidence: float = 0.5
    strong: bool = True
    support: bool = False  # only adds parties to an event found elsewhere in the article
    founded: set[int] = field(default_factory=set)  # the institution an opening founds: never its party


@dataclass
class Document:
    """One article on its way through the pipeline."""

    raw: str
    id: str = ""
    title: str = ""
    url: str = ""
    published: date | DateValue | None = None  # a DateValue when known only to the month or year
    format: str = ""  # "text", "html", "markdown"; guessed by clean() when empty
    resources: object = None  # Resources (registry gazetteer, countries), shared by a batch
    text: str = ""
    title_offset: int | None = None  # where the title sentence starts in text, when it is part of it
    sentences: list[Sentence] = field(default_factory=list)
    anchor: date | None = None
    anchor_source: str = ""
    anchor_precision: str = ""  # "day", "month" or "year": a partial publication date anchors at its period's end
    mentions: list[Mention] = field(default_factory=list)
    acronyms: dict[str, Mention] = field(default_factory=dict)  # acronym the article uses -> the name's mention
    entities: list[Entity] = field(default_factory=list)
    home: int | None = None
    events: list[Event] = field(default_factory=list)
    proposals: list[dict] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def sentence_at(self, offset: int) -> int:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence.index
        return len(self.sentences) - 1
