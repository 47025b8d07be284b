"""run() holds every pipeline step to what it declares it needs and adds (the newsroom tests run
every pipeline with the check on: see conftest.py)."""

import pytest

from accord.newsroom.pipeline import DeclarationError, Document, build_pipeline, check_order, run


def _step(needs, adds):
    def decorator(function):
        function.needs, function.adds = needs, adds
        return function
    return decorator


@pytest.mark.django_db
def test_the_whole_pipeline_keeps_to_its_declarations_on_an_article(registry, article_text):
    doc = run(Document(raw=article_text), check=True)
    assert doc.proposals  # it ran to the end


def test_every_step_needs_only_inputs_or_what_an_earlier_step_adds():
    check_order(build_pipeline())
    assert all(step.needs and step.adds for _, step in build_pipeline())


def test_a_step_reading_a_field_it_does_not_declare_fails():
    @_step(needs=("raw",), adds=("text",))
    def sloppy(doc):
        doc.text = doc.raw + doc.url

    with pytest.raises(DeclarationError, match="reads 'url'"):
        run(Document(raw="x", resources=object()), [("sloppy", sloppy)], check=True)


def test_a_step_setting_a_field_it_does_not_declare_fails():
    @_step(needs=("raw",), adds=("text",))
    def sloppy(doc):
        doc.title = doc.raw

    with pytest.raises(DeclarationError, match="sets 'title'"):
        run(Document(raw="x", resources=object()), [("sloppy", sloppy)], check=True)


def test_a_step_changing_a_list_in_place_that_it_does_not_declare_fails():
    @_step(needs=("raw",), adds=("entities",))
    def first(doc):
        doc.entities = []

    @_step(needs=("raw", "entities"), adds=("text",))
    def sloppy(doc):
        doc.entities.append("an organisation")

    with pytest.raises(DeclarationError, match=r"changes \['entities'\]"):
        run(Document(raw="x", resources=object()), [("first", first), ("sloppy", sloppy)], check=True)


def test_a_step_needing_what_no_earlier_step_adds_fails():
    @_step(needs=("events",), adds=("proposals",))
    def early(doc):
        doc.proposals = []

    with pytest.raises(DeclarationError, match="needs \\['events'\\]"):
        run(Document(raw="x", resources=object()), [("early", early)], check=True)


def test_a_declared_step_runs_unhindered():
    @_step(needs=("raw",), adds=("text",))
    def tidy(doc):
        doc.text = doc.raw.strip()

    assert run(Document(raw=" x ", resources=object()), [("tidy", tidy)], check=True).text == "x"
