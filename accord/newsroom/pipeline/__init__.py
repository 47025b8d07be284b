"""The extraction pipeline: a news article in, proposed cooperation events out.

`build_pipeline()` is the one place that says which steps run, in which order. Every step is a
function taking the working `Document` and adding to it; it declares what it `needs` and what it
`adds`, so it can be run, tested and timed alone.
"""

from __future__ import annotations

import time
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

__all__ = ["Document", "build_pipeline", "extract", "run", "get_resources"]


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


def run(doc: Document, steps=None, *, timed: bool = False) -> Document:
    for name, step in steps or build_pipeline():
        started = time.perf_counter() if timed else 0.0
        step(doc)
        if timed:
            doc.timings[name] = doc.timings.get(name, 0.0) + time.perf_counter() - started
    return doc


def extract(text: str, *, title: str = "", url: str = "", published: date | None = None, fmt: str = "",
            resources=None, id: str = "") -> Document:
    """Run the whole pipeline over one article."""
    doc = Document(raw=text, id=id, title=title, url=url, published=published, format=fmt,
                   resources=resources or get_resources())
    return run(doc)
