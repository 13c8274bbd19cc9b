"""The shipped drug list: generic and brand names from the pinned package, minus names and places."""

from __future__ import annotations

import pytest

from recognizers.drug_data import load_drugs
from recognizers.name_data import load_lexicon


@pytest.mark.parametrize("drug", ["sertraline", "prazosin", "zopiclone", "quetiapine", "seroquel", "xanax"])
def test_drug_list_holds_generic_and_brand_names(drug):
    assert drug in load_drugs()


@pytest.mark.parametrize("word", ["allegra", "camila", "may", "march", "the", "coffee"])
def test_drug_list_leaves_out_names_calendar_and_ordinary_words(word):
    assert word not in load_drugs()


def test_drug_list_has_no_token_of_the_name_lexicon():
    lexicon = load_lexicon()
    assert not [w for w in load_drugs() if lexicon.kind(w)]
