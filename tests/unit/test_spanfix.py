"""Span boundary normalisation: NER spans keyed on the name words only (fictional names)."""

from __future__ import annotations

import pytest

from deid.model import Mention
from deid.spanfix import lead_words, trim_spans
from recognizers.name_context import cues_for

NER = "FilteredSpacyRecognizer"


@pytest.fixture(scope="module")
def words():
    cues = cues_for(None)
    return lead_words(cues), cues.honorifics | cues.strong_honorifics


def _ner(text: str, surface: str, entity: str = "PERSON", recognizer: str = NER) -> Mention:
    s = text.index(surface)
    return Mention(s, s + len(surface), entity, 0.85, recognizer, surface)


def _trim(text: str, m: Mention, words) -> list[str]:
    return [x.text for x in trim_spans(text, [m], *words)]


def test_relation_noun_before_name_is_trimmed(words):
    text = "Intake done. Wife Marisol reports poor sleep."
    assert _trim(text, _ner(text, "Wife Marisol"), words) == ["Marisol"]


def test_greeting_before_title_is_trimmed_title_kept(words):
    text = "Dear Dr Okonkwo-Baptiste,\nThank you."
    assert _trim(text, _ner(text, "Dear Dr Okonkwo-Baptiste"), words) == ["Dr Okonkwo-Baptiste"]


def test_sentence_initial_ordinary_word_is_trimmed(words):
    text = "Can we try? Suppose Tavish, years from now, calls."
    assert _trim(text, _ner(text, "Suppose Tavish"), words) == ["Tavish"]


def test_lower_case_words_inside_a_name_span_split_it(words):
    text = 'She quoted "Varganova ne plachet nikogda" at me.'
    assert _trim(text, _ner(text, "Varganova ne plachet nikogda"), words) == ["Varganova"]


def test_lower_case_words_split_but_both_capitalised_parts_stay_detected(words):
    text = "ANN: Salve ora Quillon. Can you hear me?"
    assert _trim(text, _ner(text, "Salve ora Quillon"), words) == ["Salve", "Quillon"]


def test_span_across_a_bracket_becomes_two_mentions(words):
    text = "[00:00:23] [Tobiah] Hmm. Some days okay."
    assert _trim(text, _ner(text, "Tobiah] Hmm", "ORGANIZATION"), words) == ["Tobiah", "Hmm"]


def test_place_keeps_inner_lower_case_words_drops_trailing_ones(words):
    text = "We drove the Bank of Quellport eastbound."
    got = _trim(text, _ner(text, "Bank of Quellport eastbound", "LOCATION"), words)
    assert got == ["Bank of Quellport"]


def test_name_particles_are_kept(words):
    text = "Then Pieter van der Zwaluw arrived."
    assert _trim(text, _ner(text, "Pieter van der Zwaluw"), words) == ["Pieter van der Zwaluw"]


def test_initial_before_surname_is_not_a_role_word(words):
    text = "Speakers: T = therapist (C. Vandermolen), P = client"
    assert _trim(text, _ner(text, "C. Vandermolen"), words) == ["C. Vandermolen"]


def test_lexicon_name_at_sentence_start_is_kept(words):
    text = "Will Harrowgate phoned."
    assert _trim(text, _ner(text, "Will Harrowgate"), words) == ["Will Harrowgate"]


def test_rule_based_mentions_are_left_alone(words):
    text = "Wife Marisol reports poor sleep."
    m = _ner(text, "Wife Marisol", recognizer="RelationNameRecognizer")
    assert trim_spans(text, [m], *words) == [m]


def test_all_lower_case_speech_to_text_span_is_left_alone(words):
    text = "i told marisol quillon about it"
    assert _trim(text, _ner(text, "marisol quillon"), words) == ["marisol quillon"]
