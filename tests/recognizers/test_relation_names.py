"""Relation recognizer: names next to relation words ("my sister Priya", "Theo, my son")."""

from __future__ import annotations

import pytest

from recognizers.name_context import load_cues
from recognizers.relation_recognizer import RelationRecognizer


@pytest.fixture(scope="module")
def rec():
    return RelationRecognizer(load_cues())


def _found(rec, text):
    return sorted(text[r.start:r.end] for r in rec.analyze(text, ["PERSON"]))


@pytest.mark.parametrize("text,expected", [
    ("my sister Wenna came over.", ["Wenna"]),
    ("her stepdad Corwin yelled.", ["Corwin"]),
    ("our son Brannoc is two.", ["Brannoc"]),
    ("boyfriend Ziggy Alcott texted.", ["Ziggy Alcott"]),
    ("Lunch with roommate (J. Tarrant) once.", ["J. Tarrant"]),
    ("Partner Odile joined late.", ["Odile"]),
    ("Wife Ruvimbo (33) is an architect.", ["Ruvimbo"]),
])
def test_relation_when_name_follows_relation_then_found(rec, text, expected):
    assert _found(rec, text) == expected


def test_relation_when_name_precedes_relation_then_found(rec):
    assert _found(rec, "Wenna, my sister, phoned.") == ["Wenna"]


@pytest.mark.parametrize("text", [
    "my sister said no.",
    "my mum, I think, was upset.",
    "her dad on Monday was fine.",
    "his dog Pickle barked.",
])
def test_relation_when_no_name_then_nothing(rec, text):
    assert _found(rec, text) == []


def test_relation_when_lower_case_name_then_found_with_model(analyzer):
    text = "i went out with my friend jake and we talked"
    found = {text[m.start:m.end] for m in analyzer.analyze(text) if m.entity_type == "PERSON"}
    assert "jake" in found


def test_relation_when_name_is_allow_listed_word_then_engine_keeps_it(analyzer):
    text = "I spoke to my sister Hope about the move."
    found = {text[m.start:m.end] for m in analyzer.analyze(text) if m.entity_type == "PERSON"}
    assert "Hope" in found
