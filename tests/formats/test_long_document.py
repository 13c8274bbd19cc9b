"""A 2 MB transcript is split past the model's size with overlap, so a name cut by a chunk border
is still caught whole."""

from __future__ import annotations

import pytest
import spacy

from deid.analyze import chunk_text

FILLER = "CLIENT: I keep thinking about how the work has been going lately.\nTHERAPIST: Say more about that.\n"
NAME = "Dana Whitfield"


class _Route:
    """Runs the real model on chunks holding the planted name and a tokenizer on the rest (speed)."""

    def __init__(self, real, needles):
        self.real, self.blank, self.needles = real, spacy.blank("en"), needles
        self.vocab = real.vocab
        self.real_chunks = 0

    def pipe(self, texts, **_):
        for t in texts:
            if any(n in t for n in self.needles):
                self.real_chunks += 1
                yield self.real(t)
            else:
                yield self.blank(t)


def _two_mb_with_name_on_border(max_chars: int) -> tuple[str, int]:
    head = FILLER * ((max_chars // 2 - 10_000) // len(FILLER))  # one long line fills the second half
    words = "and then we talked about what happened after that "
    line = words * ((max_chars - len(head) - 40) // len(words))
    line += " " * (max_chars - 1 - len(head) - len(line) - len("She met Dana"))
    line += "She met Dana Whitfield at the door and we talked again " + words * 20 + "\n"
    text = head + line
    text += FILLER * ((2_000_000 - len(text)) // len(FILLER) + 1)
    return text, text.index(NAME)


@pytest.mark.slow
def test_long_document_name_split_by_chunk_border_is_caught(analyzer, monkeypatch):
    max_chars = analyzer.profile.nlp.max_chars
    text, at = _two_mb_with_name_on_border(max_chars)
    assert len(text.encode("utf-8")) >= 2_000_000
    chunks = chunk_text(text, max_chars)
    first_end = len(chunks[0][1])
    assert at < first_end < at + len(NAME)  # the border cuts the name in two
    route = _Route(analyzer.nlp, ("Whitfield",))
    monkeypatch.setitem(analyzer.engine.nlp_engine.nlp, analyzer.profile.detection.language, route)
    mentions = analyzer.analyze_many([text])[0]
    assert route.real_chunks == 1  # only the overlap chunk saw the whole name
    covering = [m for m in mentions if m.start <= at and m.end >= at + len(NAME)]
    assert covering and covering[0].entity_type == "PERSON"
