"""Step `sentences`: spaCy splits lines into sentences; lines never join."""

from accord.newsroom.pipeline.nlp import get_nlp
import pytest

from tests.newsroom.steps import run_until

pytestmark = pytest.mark.django_db


def test_a_headline_without_a_full_stop_stays_its_own_sentence():
    doc = run_until("sentences", "Valmont hosts forum\nThe forum opened on Monday. It closed on Friday.",
                    title="Valmont hosts forum")
    assert [s.text for s in doc.sentences] == ["Valmont hosts forum", "The forum opened on Monday.", "It closed on Friday."]
    assert doc.sentences[0].is_title and not doc.sentences[1].is_title


def test_sentence_offsets_point_into_the_cleaned_text():
    doc = run_until("sentences", "First line here.\n\nSecond line, after a blank one.")
    assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)


def test_the_model_is_loaded_once():
    assert get_nlp() is get_nlp()


def test_the_parser_for_hedged_sentences_runs_only_what_their_checks_read():
    from accord.newsroom.pipeline.nlp import get_parser

    parser = get_parser()
    assert set(parser.pipe_names) == {"tok2vec", "tagger", "parser"}  # no NER, no attribute ruler: speed
    parse = parser("The two universities will sign an agreement to set up a joint lab.")
    sign = next(t for t in parse if t.lower_ == "sign")
    assert sign.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "will" for c in sign.children)
