"""The extraction pipeline: a news article in, proposed cooperation events out.

`build_pipeline()` is the one place that says which steps run, in which order. Every step is a
function taking the working `Document` and adding to it; it declares what it `needs` and what it
`adds`, so it can be run, tested and timed alone. With `check=True` (the tests turn it on for every
run), `run()` holds each step to its declarations: reading a field of the Document it did not declare
in `needs` or `adds`, or changing one it did not declare in `adds`, raises DeclarationError; so does a
pipeline in which a step needs what no input or earlier step provides.
"""

from __future__ import annotations

import time
from dataclasses import fields
from datetime import date

from accord.newsroom.pipeline import arguments as _arguments
from accord.newsroom.pipeline import clean as _clean
from accord.newsroom.pipeline import dates as _dates
from accord.newsroom.pipeline import events as _events
from accord.newsroom.pipeline import linking as _linking
from accord.newsroom.pipeline import mentions as _mentions
from accord.newsroom.pipeline import merge as _merge
from accord.newsroom.pipeline import nlp as _nlp
from accord.newsroom.pipeline.document import Document
from accord.newsroom.pipeline.resources import get_resources

__all__ = ["DeclarationError", "Document", "build_pipeline", "extract", "run", "get_resources"]

INPUTS = ("raw", "id", "title", "url", "published", "format", "resources")  # what the caller gives a Document
METHODS = {"sentence_at": "sentences"}  # Document methods and the field each reads
CHECK_DECLARATIONS = False  # run() checks every step's needs/adds (turned on by the tests)


class DeclarationError(AssertionError):
    """A pipeline step read or changed what it did not declare."""


def build_pipeline() -> list[tuple[str, object]]:
    return [
        ("clean", _clean.clean),
        ("sentences", _nlp.sentences),
        ("anchor", _dates.anchor),
        ("mentions", _mentions.mentions),
        ("linking", _linking.linking),
        ("events", _events.events),
        ("arguments", _arguments.arguments),
        ("dates", _dates.event_dates),
        ("mode", _arguments.mode),
        ("merge", _merge.merge),
        ("proposals", _merge.proposals),
    ]


def run(doc: Document, steps=None, *, timed: bool = False, check: bool | None = None) -> Document:
    steps = steps or build_pipeline()
    if doc.resources is None:
        doc.resources = get_resources()
    if check if check is not None else CHECK_DECLARATIONS:
        check_order(steps)
        for name, step in steps:
            _run_checked(doc, name, step)
        return doc
    for name, step in steps:
        started = time.perf_counter() if timed else 0.0
        step(doc)
        if timed:
            doc.timings[name] = doc.timings.get(name, 0.0) + time.perf_counter() - started
    return doc


def _fields(declared) -> set[str]:
    """Document fields of a declaration: "event.mode" is a change inside `events`."""
    return {"events" if item.startswith("event.") else item for item in declared}


def check_order(steps) -> None:
    """Every step's needs are inputs of the Document or added by an earlier step."""
    available = set(INPUTS)
    for name, step in steps:
        missing = _fields(step.needs) - available
        if missing:
            raise DeclarationError(f"step {name!r} needs {sorted(missing)}, which no input or earlier step adds")
        available |= _fields(step.adds)


def _fingerprint(value):
    if isinstance(value, (list, dict, set)):
        items = value.items() if isinstance(value, dict) else value
        return id(value), len(value), tuple(map(id, items)) if not isinstance(value, dict) else tuple(value.items())
    return value if isinstance(value, (str, int, float, bool, type(None), tuple, date)) else id(value)


class _Checked:
    """The Document as one step may see it: only the fields it declared."""

    def __init__(self, doc, name, readable, writable):
        object.__setattr__(self, "_state", (doc, name, readable, writable))

    def __getattr__(self, attr):
        doc, name, readable, _ = object.__getattribute__(self, "_state")
        if METHODS.get(attr, attr) not in readable:
            raise DeclarationError(f"step {name!r} reads {attr!r} but does not declare it in needs")
        return getattr(doc, attr)

    def __setattr__(self, attr, value):
        doc, name, _, writable = object.__getattribute__(self, "_state")
        if attr not in writable:
            raise DeclarationError(f"step {name!r} sets {attr!r} but does not declare it in adds")
        setattr(doc, attr, value)


def _run_checked(doc: Document, name: str, step) -> None:
    writable = _fields(step.adds) | {"timings"}
    readable = _fields(step.needs) | writable
    names = [f.name for f in fields(doc)]
    before = {f: _fingerprint(getattr(doc, f)) for f in names}
    step(_Checked(doc, name, readable, writable))
    changed = sorted(f for f in names if f not in writable and _fingerprint(getattr(doc, f)) != before[f])
    if changed:
        raise DeclarationError(f"step {name!r} changes {changed} but does not declare it in adds")


def extract(text: str, *, title: str = "", url: str = "", published: date | None = None, fmt: str = "",
            resources=None, id: str = "") -> Document:
    """Run the whole pipeline over one article."""
    doc = Document(raw=text, id=id, title=title, url=url, published=published, format=fmt,
                   resources=resources or get_resources())
    return run(doc)
