"""The context step's token lookup by bisection answers as Presidio's token-by-token walk does."""

from __future__ import annotations

import pytest
import spacy
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from deid.analyze import IndexedContextEnhancer

_TEXTS = [
    "Dana Whitfield met Dr. Okafor in Tacoma on 14 March 2021; call 555-0142.",
    "CLIENT:  i told my sister priya\n\nshe's 47 (a nurse) at St. Mary's.",
    "  leading spaces, trailing ones   ",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_when_any_offset_is_looked_up_then_bisection_gives_presidios_token(text):
    doc = spacy.blank("en")(text)
    starts = [t.idx for t in doc]
    for start in range(len(text)):
        try:
            want = LemmaContextAwareEnhancer._find_index_of_match_token("w", start, doc, starts)
        except ValueError:
            with pytest.raises(ValueError):
                IndexedContextEnhancer._find_index_of_match_token("w", start, doc, starts)
            continue
        assert IndexedContextEnhancer._find_index_of_match_token("w", start, doc, starts) == want


def test_when_tokens_are_not_a_doc_then_presidios_walk_is_used():
    assert IndexedContextEnhancer._find_index_of_match_token("b", 2, ["a", "b"], [0, 2]) == 1
