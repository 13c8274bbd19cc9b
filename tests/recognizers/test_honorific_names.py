"""Honorific recognizer: a title followed by a surname, full name or initials."""

from __future__ import annotations

import pytest

from recognizers.honorific_recognizer import HonorificRecognizer
from recognizers.name_context import load_cues


@pytest.fixture(scope="module")
def rec():
    return HonorificRecognizer(load_cues())


def _found(rec, text):
    return sorted(text[r.start:r.end] for r in rec.analyze(text, ["PERSON"]))


@pytest.mark.parametrize("text,expected", [
    ("I saw Dr. O'Fallon today.", ["Dr. O'Fallon"]),
    ("Ms. K. was late.", ["Ms. K"]),
    ("Ms K was late.", ["Ms K"]),
    ("Mr Van der Zwaag called.", ["Mr Van der Zwaag"]),
    ("Referral from Dr Ottilie Quenby re: sleep.", ["Dr Ottilie Quenby"]),
    ("Prof. T. Vasquez-Rhee said so.", ["Prof. T. Vasquez-Rhee"]),
    ("Rabbi Feld and Pastor Oyelaran met.", ["Pastor Oyelaran", "Rabbi Feld"]),
    ("Mx Penhallow arrived.", ["Mx Penhallow"]),
    ("Dr. de la Fuente agreed.", ["Dr. de la Fuente"]),
])
def test_honorific_when_title_then_title_and_name_found(rec, text, expected):
    assert _found(rec, text) == expected


@pytest.mark.parametrize("text", [
    "The doctor said it was fine.",
    "Mr. I think so.",
    "My doctor Monday said no.",
])
def test_honorific_when_no_name_follows_then_nothing(rec, text):
    assert _found(rec, text) == []


def test_honorific_when_speaker_label_then_title_left_out(rec):
    assert _found(rec, "DR. HALVORSEN: Okay.") == ["HALVORSEN"]


def test_honorific_when_allow_listed_word_follows_title_then_engine_keeps_it(analyzer):
    text = "We met Ms. Joy at the front desk."
    found = {text[m.start:m.end] for m in analyzer.analyze(text) if m.entity_type == "PERSON"}
    assert any("Joy" in f for f in found)


@pytest.mark.parametrize("text,expected", [
    ("individual session, tobin q — 3.6.25 — dr v\n\nso tobin came in", ["v"]),
    ("[whisper transcript, first session, dr s + patient + grandson]", ["s"]),
])
def test_honorific_when_lower_case_title_and_one_letter_then_that_letter_is_a_name(rec, text, expected):
    assert [e for e in _found(rec, text) if len(e) == 1] == expected


@pytest.mark.parametrize("text", ["i saw dr a lot of times", "ask mr a question", "dr visits"])
def test_honorific_when_lower_case_title_then_letter_word_then_nothing(rec, text):
    assert [e for e in _found(rec, text) if len(e) == 1] == []


@pytest.mark.parametrize("text,expected", [
    ("she will miss Tết this year", []),              # lower-case "miss" is the verb
    ("I miss Rotterdam a lot", []),
    ("a doctor Sarah saw once", []),
    ("Miss Quenby rang", ["Miss Quenby"]),             # the title, capitalised
    ("seen by dr v.", ["v"]),                           # lower-case speech-to-text titles still count
])
def test_honorific_when_title_word_is_a_lower_case_verb_then_not_a_title(rec, text, expected):
    assert _found(rec, text) == expected
