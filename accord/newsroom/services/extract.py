"""`accord extract`: JSONL articles in, JSONL events out (the schema of ANNOTATION.md). Reads the
registry, writes nothing to the database."""

from __future__ import annotations

import json

from accord.newsroom.pipeline import Document, build_pipeline, get_resources, run
from accord.newsroom.services.ingest import InputError, parse_record

OUTPUT_FIELDS = ("type", "date", "institutions", "people", "mode", "evidence", "confidence")
INSTITUTION_FIELDS = ("name", "country", "role", "registry_id")
PERSON_FIELDS = ("name", "role", "institution")


def event_output(proposal: dict) -> dict:
    event = {key: proposal.get(key) for key in OUTPUT_FIELDS}
    event["institutions"] = [
        {k: inst[k] for k in INSTITUTION_FIELDS if k in inst} for inst in proposal.get("institutions", [])
    ]
    event["people"] = [{k: person.get(k) for k in PERSON_FIELDS} for person in proposal.get("people", [])]
    return event


def extract_record(record: dict, resources, steps) -> dict:
    doc = run(Document(raw=record["text"], id=record["id"], title=record["title"], url=record["url"],
                       published=record["published"], resources=resources), steps)
    return {"id": record["id"], "events": [event_output(p) for p in doc.proposals]}


def _records(lines, on_error):
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield parse_record(json.loads(line))
        except json.JSONDecodeError as error:
            if on_error:
                on_error(number, f"not JSON ({error.msg} at column {error.colno})")
        except InputError as error:
            if on_error:
                on_error(number, str(error))


_worker: dict = {}


def _work(record):
    return extract_record(record, _worker["resources"], _worker["steps"])


def extract_lines(lines, *, on_error=None, workers: int = 1):
    """Yield one output dict per good input line, in input order; report bad ones to
    on_error(line number, message). With workers > 1, forked processes share the loaded model and
    registry snapshot and extract in parallel."""
    from accord.newsroom.pipeline.nlp import get_nlp, get_parser

    resources = get_resources()
    steps = build_pipeline()
    records = _records(lines, on_error)
    if workers <= 1:
        for record in records:
            yield extract_record(record, resources, steps)
        return
    import multiprocessing

    from django.db import connections

    from accord.registry.services.lookup import get_index

    get_nlp(), get_parser(), get_index()  # loaded before the fork: the workers share them
    _worker.update(resources=resources, steps=steps)
    connections.close_all()  # each worker opens its own database connection
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_work, records, chunksize=2)
