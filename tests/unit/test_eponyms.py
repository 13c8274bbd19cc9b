"""Eponym context: names followed by method/test/syndrome nouns or citations are not persons."""

from __future__ import annotations

import pytest

from deid.eponyms import drop_eponyms, is_eponym
from deid.model import Mention

NOUNS = frozenset({"protocol", "inventory", "stages", "syndrome", "triangle", "dual", "model"})


def _m(text: str, word: str, recognizer: str = "SpacyRecognizer") -> Mention:
    i = text.index(word)
    return Mention(i, i + len(word), "PERSON", 0.85, recognizer, word)


@pytest.mark.parametrize("text,word", [
    ("Following Tamsworth's standard protocol.", "Tamsworth"),
    ("Quellan Anxiety Inventory: 31", "Quellan"),
    ("rather than Orvik-Lund stages.", "Orvik-Lund"),
    ("as Brisco (2018) argued", "Brisco"),
    ("Brisco et al. found", "Brisco"),
    ("the Fennimore and Aske dual process model", "Fennimore"),
])
def test_eponyms_when_method_noun_or_citation_follows_then_eponym(text, word):
    assert is_eponym(text, _m(text, word), NOUNS)


@pytest.mark.parametrize("text,word", [
    ("Tamsworth's mother called.", "Tamsworth"),
    ("Brisco said the protocol was hard.", "Brisco"),
    ("Dana's work schedule changed.", "Dana"),
])
def test_eponyms_when_person_context_then_not_eponym(text, word):
    assert not is_eponym(text, _m(text, word), NOUNS)


def test_eponyms_when_strong_context_recognizer_then_kept():
    text = "my sister Quellan Inventory"
    m = _m(text, "Quellan", "RelationRecognizer")
    assert drop_eponyms(text, [m], NOUNS, keep_from=frozenset({"RelationRecognizer"})) == [m]
