"""Dates in article text: absolute ("Aug 30", "September 13, 2017", "14/06/2024"), partial
("June 2024") and relative to the publication date ("on Thursday", "last month", "this past May").

Pure functions, no Django: find_dates() reads text, resolve() places a found date against the
publication date (the anchor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from urllib.parse import urlparse

from accord.newsroom.pipeline.document import DateValue

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_M = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<{0}>(?:19|20)\d\d)"
_SEP = r"\s*(?:-|–|—|to|until|till|through|and)\s*"


def _p(template: str) -> str:
    """Expand {m1} {d1} {y1}... placeholders into named groups."""
    def expand(match):
        kind, n = match.group(1), match.group(2)
        return {"m": _M, "d": _D, "y": _Y}[kind].format(f"{kind}{n}")
    return re.sub(r"\{([mdy])(\d)\}", expand, template)


# Most specific first; a later pattern never takes text an earlier one matched.
PATTERNS = [
    ("iso", _p(r"(?<!\d){y1}-(?P<mm1>[01]?\d)-(?P<dd1>[0-3]?\d)(?!\d)")),
    ("numeric", r"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y1>(?:19|20)\d\d)\b"),
    # Wednesday (1/12): a weekday with its day and month in figures, no year
    ("weekday_numeric", r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*\(?\s*"
                        r"(?P<a>[0-3]?\d)/(?P<b>[01]?\d)\s*\)?(?![/\d])"),
    # September 29 to October 3[, 2024]
    ("mdmd", _p(r"\b{m1}\s+{d1}" + _SEP + r"{m2}\s+{d2}(?:,?\s+{y1})?\b")),
    # 1st March – 1st May 2018
    ("dmdm", _p(r"\b{d1}(?:\s+of)?\s+{m1}" + _SEP + r"{d2}(?:\s+of)?\s+{m2}(?:,?\s+{y1})?\b")),
    # September 29-30, 2024 / Aug 30 / September 3rd 2020 / Oct 27th
    ("md", _p(r"\b{m1}\s+{d1}(?:" + _SEP + r"[0-3]?\d(?:st|nd|rd|th)?)?(?:,?\s+{y1})?(?![\d:])")),
    # the 5th and 6th of August 2021 / 14 May 2025 / 1st March
    ("dm", _p(r"\b{d1}(?:" + _SEP + r"[0-3]?\d(?:st|nd|rd|th)?)?(?:\s+of)?\s+{m1}(?:,?\s+{y1})?\b")),
    # June 2024
    ("my", _p(r"\b{m1},?\s+{y1}\b")),
    # this past May / last May / in May
    ("rel_month", _p(r"\b(?P<rel>this past|last|this|in|early|late|mid|mid-|since|during)\s+{m1}\b(?!\s+\d)")),
    ("rel_weekday", r"\b(?P<rel>last|this|this past|on|on last)?\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    ("rel_period", r"\b(?P<rel>last|this|past|previous)\s+(?P<unit>month|year|week)\b"),
    ("rel_day", r"\b(?P<unit>yesterday|today)\b"),
    ("year", r"\b(?P<y1>(?:19|20)\d\d)\b"),
    ("vague", r"\b(?P<unit>recently|lately|earlier this year|in recent years)\b"),
]
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in PATTERNS]


@dataclass
class DateMatch:
    start: int
    end: int
    text: str
    kind: str
    value: DateValue  # what the text itself says (year may be None)
    relative: str = ""  # "weekday:4", "month:-1", "day:-1", "month-name" ...


def _month(word: str | None) -> int | None:
    return MONTHS.get(word.lower().rstrip(".")) if word else None


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _valid(year, month, day) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    if day is not None:
        try:
            date(year or 2000, month, day)
        except ValueError:
            return False
    return True


def find_dates(text: str) -> list[DateMatch]:
    """Every date expression in `text`, in order, without overlaps."""
    return list(_find_dates(text))


@lru_cache(maxsize=4096)  # a sentence is asked for its dates once per event it holds
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            value, relative = None, ""
            if kind == "iso":
                value = DateValue(int(g["y1"]), int(g["mm1"]), int(g["dd1"]))
            elif kind == "numeric":
                a, b = int(g["a"]), int(g["b"])
                day, month = (a, b) if a > 12 or b <= 12 else (b, a)  # day first, as most of the world writes
                value = DateValue(int(g["y1"]), month, day)
            elif kind == "weekday_numeric":
                a, b = int(g["a"]), int(g["b"])
                day, month = (a, b) if a > 12 or b <= 12 else (b, a)  # day first, as most of the world writes
                value = DateValue(None, month, day)
                relative = f"weekday-date:{WEEKDAYS[g['wd'].lower()]}:{a}:{b}"  # month first: the other reading
            elif kind in ("mdmd", "md"):
                value = DateValue(_int(g.get("y1")), _month(g["m1"]), int(g["d1"]))
            elif kind in ("dmdm", "dm"):
                value = DateValue(_int(g.get("y1")), _month(g["m1"]), int(g["d1"]))
            elif kind == "my":
                value = DateValue(int(g["y1"]), _month(g["m1"]), None)
            elif kind == "rel_month":
                if g["m1"].lower().rstrip(".") == "may" and g["rel"].lower() in ("in", "since", "during"):
                    # "in May" is a month; but "may" is also a verb: require a capital M
                    if not m.group("m1")[0].isupper():
                        continue
                if not m.group("m1")[0].isupper():
                    continue
                value = DateValue(None, _month(g["m1"]), None)
                relative = "month-name:" + g["rel"].lower()
            elif kind == "rel_weekday":
                value = DateValue()
                relative = f"weekday:{WEEKDAYS[g['wd'].lower()]}"
            elif kind == "rel_period":
                rel, unit = g["rel"].lower(), g["unit"].lower()
                value = DateValue()
                relative = f"{unit}:{0 if rel == 'this' else -1}"
            elif kind == "rel_day":
                value = DateValue()
                relative = "day:" + ("-1" if g["unit"].lower() == "yesterday" else "0")
            elif kind == "year":
                value = DateValue(int(g["y1"]), None, None)
            elif kind == "vague":
                value = DateValue()
                relative = "vague"
            if value is None:
                continue
            if value.month is not None and not _valid(value.year, value.month, value.day):
                continue
            if kind in ("md", "dm") and value.year is None and not m.group("m1")[0].isupper():
                continue  # "may 5" in lower case is rarely a date
            taken.append((m.start(), m.end()))
            found.append(DateMatch(m.start(), m.end(), m.group(0), kind, value, relative))
    found.sort(key=lambda d: d.start)
    # "Friday 14/06/2024": the weekday only repeats the date beside it
    absolute = [d for d in found if d.value.month and not d.relative]
    return tuple(
        d for d in found
        if not (d.relative.startswith("weekday:") and any(_beside(text, d, a) for a in absolute))
    )


def _beside(text: str, weekday: DateMatch, date_match: DateMatch) -> bool:
    """"Friday 14/06/2024", "Saturday the 3rd of October", "14 June (Friday)": one date said twice."""
    if date_match.start >= weekday.end:
        return re.fullmatch(r"[\s,(]*(?:the\s+)?", text[weekday.end:date_match.start]) is not None
    return re.fullmatch(r"[\s,(]*", text[date_match.end:weekday.start]) is not None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve(match: DateMatch, anchor: date | None, precision: str = "day") -> DateValue | None:
    """The date a match means, given the publication date (known to the day, or only to the month or
    year: then `anchor` is the period's last day); None when it names no month."""
    value, relative = match.value, match.relative
    if relative == "vague":
        return None
    if relative.startswith(("weekday:", "day:")) and precision != "day":
        return None  # "on Thursday" needs the day of publication
    if relative.startswith("month:") and precision not in ("day", "month"):
        return None
    if relative.startswith("weekday-date:"):
        return _weekday_date(value, relative, anchor, precision)
    if relative.startswith("weekday:"):
        if anchor is None:
            return None
        back = (anchor.weekday() - int(relative.split(":")[1])) % 7
        day = anchor - timedelta(days=back)
        return DateValue(day.year, day.month, day.day)
    if relative.startswith("day:"):
        if anchor is None:
            return None
        day = anchor + timedelta(days=int(relative.split(":")[1]))
        return DateValue(day.year, day.month, day.day)
    if relative.startswith("month:"):
        if anchor is None:
            return None
        year, month = _shift_month(anchor.year, anchor.month, int(relative.split(":")[1]))
        return DateValue(year, month, None)
    if relative.startswith(("year:", "week:")):
        return None  # a year on its own, or a week, is not a date the schema records
    if value.month is None:
        return None
    if value.year is not None:
        return value
    if anchor is None:
        return DateValue(None, value.month, value.day)
    year = anchor.year
    candidate = date(year, value.month, value.day or 1)
    if candidate > anchor + timedelta(days=7):  # a month later than the publication: last year
        year -= 1
    if relative.startswith("month-name:last") and candidate > anchor:
        year = anchor.year - 1
    return DateValue(year, value.month, value.day)


def _weekday_date(value: DateValue, relative: str, anchor: date | None, precision: str) -> DateValue:
    """"Wednesday (1/12)": the year from the anchor; of the two orders of day and month, the one whose
    weekday agrees (day first when both or neither do); with no anchor, --MM-DD day first."""
    weekday, other_month, other_day = (int(x) for x in relative.split(":")[1:])
    if anchor is None or precision == "":
        return DateValue(None, value.month, value.day)
    readings = [(value.month, value.day)]
    if _valid(None, other_month, other_day) and (other_month, other_day) != readings[0]:
        readings.append((other_month, other_day))
    placed = []
    for month, day in readings:
        year = anchor.year
        try:
            when = date(year, month, day)
            if when > anchor + timedelta(days=7):
                when = date(year - 1, month, day)
        except ValueError:
            continue
        placed.append(when)
    for when in placed:
        if when.weekday() == weekday:
            return DateValue(when.year, when.month, when.day)
    return DateValue(placed[0].year, placed[0].month, placed[0].day) if placed else DateValue(None, value.month, value.day)


# -- the publication date ------------------------------------------------------------------------

_HEADER_HINT = re.compile(r"\b(date|posted|published|release time|updated|time)\b\s*:?", re.IGNORECASE)
_URL_DATES = [
    re.compile(r"/((?:19|20)\d\d)[-/_]?([01]\d)[-/_]?([0-3]\d)(?:/|\b)"),  # /2024/06/15/, /20240615, /2021-08/31/
    re.compile(r"/((?:19|20)\d\d)[-/]([01]\d)/([0-3]\d)/"),
    re.compile(r"/((?:19|20)\d\d)/([01]\d)([0-3]\d)/"),  # /2015/1116/
]


def _full(value: DateValue) -> date | None:
    if value.year and value.month and value.day:
        try:
            return date(value.year, value.month, value.day)
        except ValueError:
            return None
    return None


def header_date(raw: str, max_lines: int = 25) -> tuple[date | None, str]:
    """A date line near the top of a page: ' date 2024-06-15', 'Date:2024-10-10', 'August 31, 2021'."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()][:max_lines]
    for line in lines:
        m = re.match(r"^date\s+(\d{4}-\d{2}-\d{2})", line, re.IGNORECASE)
        if m:
            return date.fromisoformat(m.group(1)), "crawler date line"
    for line in lines:
        for match in find_dates(line):
            day = _full(match.value)
            if day is None:
                continue
            prefix = line[: match.start]
            short = len(line) <= 60 or match.start == 0 or match.end == len(line)
            if short or _HEADER_HINT.search(prefix[-30:]):
                return day, f"date line “{line[:80]}”"
    return None, ""


def url_date_value(url: str) -> DateValue | None:
    """The date in a URL's path: to the day (/2024/06/15/), or to the month (/2021-08/)."""
    path = urlparse(url or "").path
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            return DateValue(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"/((?:19|20)\d\d)[-/]([01]\d)(?:/|\b)", path)
    if m and 1 <= int(m.group(2)) <= 12:
        return DateValue(int(m.group(1)), int(m.group(2)))
    return None


def url_date(url: str) -> date | None:
    """The URL's date as a day (the first of the month when it gives only a month)."""
    value = url_date_value(url)
    return date(value.year, value.month, value.day or 1) if value else None


def period_end(value: DateValue) -> date:
    """The last day of a partial date: 2021 -> 2021-12-31, 2021-02 -> 2021-02-28."""
    if value.month is None:
        return date(value.year, 12, 31)
    if value.day is None:
        year, month = _shift_month(value.year, value.month, 1)
        return date(year, month, 1) - timedelta(days=1)
    return date(value.year, value.month, value.day)


def publication_date(raw: str, url: str = "", published: date | DateValue | None = None) -> tuple[date | None, str, str]:
    """(the publication date, where it comes from, its precision: "day", "month" or "year"). A
    `published` value known only to the month or year is the anchor of that precision, unless the page
    or its URL gives the full date within that period; a partial anchor is the period's last day."""
    if isinstance(published, date):
        return published, "published field", "day"
    day, source = header_date(raw)
    in_url = url_date_value(url)
    if not day and in_url and in_url.day:
        day, source = _full(in_url), "URL date path"
    if published and published.year:
        within = day and day.year == published.year and (published.month is None or day.month == published.month)
        if not within:
            return period_end(published), "published field", published.precision
    if day:
        return day, source, "day"
    if in_url:
        return period_end(in_url), "URL date path", "month"
    return None, "", ""


def anchor(doc):
    """The publication date every relative date is resolved against."""
    doc.anchor, doc.anchor_source, doc.anchor_precision = publication_date(doc.raw, doc.url, doc.published)


anchor.needs = ("raw", "url", "published")
anchor.adds = ("anchor", "anchor_source", "anchor_precision")


_SAME_DAY = re.compile(r"\b(?:on )?(?:the same day|that day|the same evening|that morning)\b", re.IGNORECASE)


_DATELINE_BEFORE = re.compile(r"^\W*(?:[A-Z][\w'’.-]*\s*){1,3},\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()]{1,30}\)\s*)?[-–—:]")  # "DHAKA, Nov. 24 (Xinhua) --"


def dateline(text: str, match: DateMatch) -> bool:
    """"Beirut, 06/10/2009 - On Saturday …": the place and date a report is filed from, not an event's."""
    return bool(_DATELINE_BEFORE.match(text[:match.start]) and _DATELINE_AFTER.match(text[match.end:]))


_STAMP_WORD = re.compile(r"[^\W\d_]{2,}")


def stamp(text: str, match: DateMatch) -> bool:
    """"Xinhua) 14:37, November 24, 2023", "Published: 24 Nov 2023": a line that only stamps the page with
    its date (with a clock time or a label, and an agency at most) dates the page, not an event."""
    rest = text[:match.start] + text[match.end:]
    return len(_STAMP_WORD.findall(rest)) <= 2 and bool(_STAMP_MARK.search(rest))


_STAMP_MARK = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:published|updated|posted|date|release date)\b", re.IGNORECASE)


def sentence_date(doc, index: int) -> DateValue | None:
    """The first date in a sentence that names at least a month, resolved against the anchor."""
    sentence = doc.sentences[index]
    for match in find_dates(sentence.text):
        if dateline(sentence.text, match) or stamp(sentence.text, match):
            continue
        value = resolve(match, doc.anchor, doc.anchor_precision or "day")
        if value is not None and value.month:
            return value
    if _SAME_DAY.search(sentence.text) and index > 0:
        return sentence_date(doc, index - 1)
    return None


def event_dates(doc):
    """Adds event.date (absolute, partial, or resolved against the anchor; a headline's date only when
    it is a full date and the body dates nothing)"""
    for event in doc.events:
        event.date, event.date_sentence = None, None
        for index in event.sentences:
            if doc.sentences[index].is_title:
                continue
            years = [m.value.year for m in find_dates(doc.sentences[index].text) if m.kind == "year"
                     and index == event.sentence and abs(m.start - event.trigger_offset) <= 80]
            if years and event.year is None:
                event.year = years[0]
            value = sentence_date(doc, index)
            if value is not None:
                event.date, event.date_sentence = value, index
                break
        else:
            before = event.sentence - 1  # "X signed … on Monday. The agreement was reached after two years."
            if before >= 0 and not doc.sentences[before].is_title and \
                    "\n" not in doc.text[doc.sentences[before].end:doc.sentences[event.sentence].start]:
                value = sentence_date(doc, before)
                if value is not None and (event.year is None or value.year == event.year):
                    event.date, event.date_sentence = value, before
        if event.date is None:  # "Opening of the joint centre, 21 September 2015": a headline's full date
            for index in event.sentences:
                value = sentence_date(doc, index) if doc.sentences[index].is_title else None
                if value is not None and value.day and value.year:
                    event.date, event.date_sentence = value, index
                    break


event_dates.needs = ("text", "events", "sentences", "anchor", "anchor_precision")
event_dates.adds = ("event.date",)
