"""A job phrase around a named place is cut around it, so the place keeps its own type (fictional data)."""

from __future__ import annotations

import pytest

from deid.model import Mention
from deid.nesting import carve


def _m(text: str, surface: str, etype: str) -> Mention:
    s = text.index(surface)
    return Mention(s, s + len(surface), etype, 0.5, "test", surface)


@pytest.mark.parametrize("text,job,inner,expected", [
    ("a nurse at Quellport General Hospital, reports", "nurse at Quellport General Hospital",
     "Quellport General Hospital", ["nurse"]),
    ("a deckhand on the Tarn Island ferry and", "deckhand on the Tarn Island ferry", "Tarn Island",
     ["deckhand", "ferry"]),
    ("a nurse in the burns unit at Kelso General", "nurse in the burns unit at Kelso General", "Kelso General",
     ["nurse in the burns unit"]),
])
def test_carve_when_job_contains_a_place_then_job_keeps_the_words_outside(text, job, inner, expected):
    out = carve(text, [_m(text, job, "PROFESSION"), _m(text, inner, "ORGANIZATION")])
    assert [m.text for m in out if m.entity_type == "PROFESSION"] == expected
    assert [m.text for m in out if m.entity_type == "ORGANIZATION"] == [inner]


def test_carve_when_nothing_overlaps_then_mentions_unchanged():
    text = "a sous-chef in Kelso"
    ms = [_m(text, "sous-chef", "PROFESSION"), _m(text, "Kelso", "LOCATION")]
    assert carve(text, ms) == ms
