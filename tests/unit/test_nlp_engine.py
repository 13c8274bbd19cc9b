"""ArraySpacyNlpEngine builds the same NlpArtifacts as Presidio's SpacyNlpEngine, faster."""

from __future__ import annotations

import pytest
from presidio_analyzer.nlp_engine import SpacyNlpEngine

_TEXTS = [
    "THERAPIST: Hi Marisol, how was the drive from Quellport on 3 March?\nCLIENT: Fine: tiring.",
    "i told my brother tavish i'd be late -- he's 47 and lives near Lake Orrin.",
    "Dr. Quillon (MRN 4471920) saw the client at St. Brigid's Clinic; e-mail: a.b@example.org",
    "",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", _TEXTS)
def test_array_engine_artifacts_equal_presidios_own(analyzer, text):
    engine = analyzer.engine.nlp_engine
    nlp = engine.nlp["en"]
    ours = engine._doc_to_nlp_artifact(nlp(text), "en")
    theirs = SpacyNlpEngine._doc_to_nlp_artifact(engine, nlp(text), "en")
    assert ours.lemmas == theirs.lemmas
    assert ours.tokens_indices == theirs.tokens_indices
    assert ours.keywords == theirs.keywords
    assert [(e.start_char, e.end_char, e.label_) for e in ours.entities] == \
           [(e.start_char, e.end_char, e.label_) for e in theirs.entities]
    assert ours.scores == theirs.scores
    assert ours.nlp_engine is engine


@pytest.mark.slow
def test_array_engine_streams_one_artifact_per_text_in_order(analyzer):
    engine = analyzer.engine.nlp_engine
    arts = list(engine.artifacts(_TEXTS, language="en", batch_size=2))
    assert [a.tokens.text for a in arts] == _TEXTS
    assert any(a.keywords for a in arts)


@pytest.mark.slow
def test_detection_leaves_no_new_words_in_the_vocabulary(analyzer):
    strings = analyzer.engine.nlp_engine.nlp["en"].vocab.strings
    analyzer.detect_many(["Warm-up: seen with Dana today."])
    before = len(strings)
    texts = [f"Session with Zorquinel{i} Vantrebbe{i} at Quarnish{i} Lane, ph 07700 90{i:04d}." for i in range(30)]
    found = analyzer.detect_many(texts)
    assert all(d.mentions for d in found)  # detection ran and found the names
    assert len(strings) == before          # spaCy's memory zone dropped the corpus's new words
