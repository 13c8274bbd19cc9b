"""LookalikeNameRecognizer: word-like first names are names before a person-only verb or "and I" (fictional)."""

from __future__ import annotations

import pytest

from recognizers.lookalike_recognizer import LookalikeNameRecognizer
from recognizers.name_context import cues_for

REC = LookalikeNameRecognizer(cues_for(None), exclude=["Beck"])


def found(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in REC.find(text, None)]


@pytest.mark.parametrize("text,expected", [
    ("Summer attended alone. Reports low mood.", ["Summer"]),
    ("WILL: I'll go. Hope and I got through a whole dinner.", ["Hope"]),
    ("Grace said the bus was late.", ["Grace"]),
    ("She told me May reported it.", ["May"]),
])
def test_lookalike_when_person_verb_or_and_i_follows_then_name(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Summer is the hardest season for her.",     # an ambiguous verb: not enough
    "I hope and I pray it works.",               # lower case
    "Faith from the credit union rang.",         # not adjacent
    "She said no. You told me. They asked.",     # pronouns are stop words
    "Beck said that thoughts shape mood.",       # a theorist
    "Tobin said hello.",                         # not a word-like name: left to NER
])
def test_lookalike_when_ordinary_word_or_not_lookalike_then_nothing(text):
    assert found(text) == []


def test_lookalike_recognizer_is_exempt_from_the_allow_list_in_the_default_profile():
    from deid.config import load_profile

    det = load_profile("default").detection
    assert "lookalike_names" in det.recognizers and "LookalikeNameRecognizer" in det.allow_list_exempt


@pytest.mark.parametrize("text,expected", [
    ("JUNE: Hi.\nTOBIN: June, glad you're here.", ["June"]),           # addressed, and a speaker
    ("JUNE: Hi.\nTOBIN: June, July and August are busy.", []),        # a list of months
    ("TOBIN: June, glad you're here.", []),                           # no JUNE: label in the document
    ("Hope, she says, is a four-letter word.", []),                   # not a turn after a label
])
def test_lookalike_when_addressed_at_turn_start_and_also_a_speaker_then_name(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Present (7): Autumn R., Tobin L., Ivy S.", ["Autumn R.", "Ivy S."]),
    ("- Autumn shared using cold water on her face.", ["Autumn"]),
    ("Group validated. Joy to meet individually with her therapist.", ["Joy"]),
    ("O: Both engaged. Grace tearful once.", ["Grace"]),
])
def test_lookalike_when_initial_plan_or_note_state_follows_then_name(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "She wants to find joy in small things.",
    "Summer to come, hopefully warmer.",       # 'come' is not a plan of a note
    "In May S. Tobin moved.",                  # 'May S.' is no name-and-initial: May is a month here
])
def test_lookalike_when_no_person_cue_then_nothing(text):
    assert found(text) == []
