"""Run the pipeline up to (and including) one named step, to test what that step adds."""

from accord.newsroom.pipeline import Document, build_pipeline, get_resources, run


def run_until(step: str, text: str, **fields) -> Document:
    steps = build_pipeline()
    names = [name for name, _ in steps]
    doc = Document(raw=text, resources=get_resources(), **fields)
    return run(doc, steps[: names.index(step) + 1])


def entity_named(doc, name):
    return next(e for e in doc.entities if e.name == name)
