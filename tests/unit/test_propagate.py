"""Name propagation: every occurrence of a detected name surface is marked, derived initials too."""

from __future__ import annotations

import pytest

from deid.model import Mention
from deid.propagate import initials, propagate


def _mention(text: str, word: str, nth: int = 0) -> Mention:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return Mention(i, i + len(word), "PERSON", 0.8, "Test", word)


def _covered(text: str, mentions: list[Mention]) -> list[str]:
    """The words of text covered by any mention, in text order."""
    import re

    return [w.group() for w in re.finditer(r"\w+", text)
            if any(m.start <= w.start() and w.end() <= m.end for m in mentions)]


@pytest.mark.parametrize("text,seed,expected", [
    ("Hi Wenna. WENNA: ok. wenna said. Wenna's car.", "Wenna", ["Wenna", "WENNA", "wenna", "Wenna"]),
    ("Orla Quist came. Later Quist left.", "Orla Quist", ["Orla", "Quist", "Quist"]),
    ("Corwin Abels wrote. CA agreed.", "Corwin Abels", ["Corwin", "Abels", "CA"]),
    ("Hi Ysolde, I met Ysolde Brannagh.", "Ysolde", ["Ysolde", "Ysolde", "Brannagh"]),
])
def test_propagate_when_surface_recurs_then_every_occurrence_marked(text, seed, expected):
    out = propagate(text, [_mention(text, seed)])
    assert _covered(text, out) == expected


def test_propagate_when_lookalike_word_then_exact_case_mid_sentence_only():
    text = "Then Hope came. I hope so. Hope is good."
    out = propagate(text, [_mention(text, "Hope")])
    assert [(m.start, m.end) for m in out] == [(5, 9)]


def test_propagate_when_blocked_word_then_not_spread():
    text = "Client came. The client left."
    out = propagate(text, [_mention(text, "Client")], blocked=frozenset({"client"}))
    assert len(out) == 1


def test_propagate_when_word_is_inside_longer_word_then_not_marked():
    text = "Ann came. Annual review. Anne left."
    out = propagate(text, [_mention(text, "Ann")])
    assert _covered(text, out) == ["Ann"]


@pytest.mark.parametrize("name,expected", [
    ("Priya Raman", {"PR", "P.R."}), ("R. Ebrahim", {"RE", "R.E."}), ("Dana", set()),
    ("dana whitfield", set()),
])
def test_propagate_initials_of_full_names(name, expected):
    assert initials(name) == expected


@pytest.mark.parametrize("text,expected", [
    ("My aunt Dolores Ruiz came.\n\nDR. QUILL: And then?", ["Dolores", "Ruiz"]),   # title before a name
    ("My aunt Dolores Ruiz came. DR said no.", ["Dolores", "Ruiz", "DR"]),          # her initials alone
])
def test_propagate_when_initials_equal_a_title_then_title_position_not_marked(text, expected):
    from deid.propagate import not_name_words

    out = propagate(text, [_mention(text, "Dolores Ruiz")], not_names=not_name_words(None))
    assert _covered(text, out) == expected


def test_propagate_when_lower_case_common_word_follows_an_article_then_not_marked():
    text = "STORM: hi. There was a storm the second night. storm said ok."
    out = propagate(text, [Mention(0, 5, "PERSON", 0.9, "SpeakerLabelRecognizer", "STORM")])
    assert _covered(text, out) == ["STORM", "storm"]
