"""Landmark recognizer: lower-case speech-to-text house numbers with streets, and docks/heights kinds."""

import pytest

from recognizers.address_recognizer import create

RECS = create()


def found(text):
    return [text[r.start:r.end] for rec in RECS for r in rec.analyze(text, rec.supported_entities, None)]


@pytest.mark.parametrize("text,expected", [
    ("visit at 22 rowan close yesterday", "22 rowan close"),
    ("we live at 7 selwood mews now", "7 selwood mews"),
    ("the crash at harwick docks in may", "harwick docks"),
    ("she drove in from maple heights early", "maple heights"),
])
def test_lower_street_shapes_when_place_then_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "i have 2 side streets to cross",
    "she had 2 dogs walk with her",
    "it took 3 long drive days",
    "about 5 minutes down the road",
    "it was 10 in the morning at the docks",
])
def test_lower_street_shapes_when_generic_then_nothing(text):
    assert found(text) == []
