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
    ("I saw Dr. O'Fallon today.", ["O'Fallon"]),
    ("Ms. K. was late.", ["K"]),
    ("Ms K was late.", ["K"]),
    ("Mr Van der Zwaag called.", ["Van der Zwaag"]),
    ("DR. HALVORSEN: Okay.", ["HALVORSEN"]),
    ("Referral from Dr Ottilie Quenby re: sleep.", ["Ottilie Quenby"]),
    ("Prof. T. Vasquez-Rhee said so.", ["T. Vasquez-Rhee"]),
    ("Rabbi Feld and Pastor Oyelaran met.", ["Feld", "Oyelaran"]),
    ("Mx Penhallow arrived.", ["Penhallow"]),
    ("Dr. de la Fuente agreed.", ["de la Fuente"]),
])
def test_honorific_when_title_then_name_found(rec, text, expected):
    assert _found(rec, text) == expected


@pytest.mark.parametrize("text", [
    "The doctor said it was fine.",
    "Mr. I think so.",
    "My doctor Monday said no.",
])
def test_honorific_when_no_name_follows_then_nothing(rec, text):
    assert _found(rec, text) == []
