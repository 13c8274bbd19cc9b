"""Address and landmark recognizers: street words of other languages, numbered cross roads, place kinds."""

import pytest

from recognizers.address_recognizer import create

RECS = create()


def found(text):
    return [text[r.start:r.end] for rec in RECS for r in rec.analyze(text, rec.supported_entities, None)]


@pytest.mark.parametrize("text,expected", [
    ("CLINIQUE\n310, rue Beaubien, bureau 4, Laval", "310, rue Beaubien, bureau 4"),
    ("Calle at 22 calle de Ferraz today", "22 calle de Ferraz"),
    ("#7, 5th Cross, Jayanagar", "5th Cross"),
    ("a hui at Tarewa Marae last week", "Tarewa Marae"),
    ("lives on the Kelloway Reservation", "Kelloway Reservation"),
])
def test_address_place_kinds_when_place_then_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text,unexpected", [
    ("the 3rd main point was", "3rd main"),
    ("a cross word between us", "cross"),
    ("at 5 route planning starts", "5 route"),
    ("He said marae protocol matters", "marae"),
])
def test_address_place_kinds_when_no_place_then_not_found(text, unexpected):
    assert not any(unexpected in f for f in found(text))
