"""OovNameRecognizer: unknown lower-case names in speech-to-text with strong context (fictional)."""

from types import SimpleNamespace

import pytest

from recognizers.oov_name_recognizer import OovNameRecognizer, lower_case_text

REC = OovNameRecognizer()


def found(analyzer, text):
    arts = SimpleNamespace(tokens=analyzer.nlp(text))
    return [text[r.start:r.end] for r in REC.analyze(text, ["PERSON"], arts)]


@pytest.mark.parametrize("text,expected", [
    ("yeah so i said we named her obiagelix and i cried", ["obiagelix"]),
    ("i told my boyfriend seojun about it and i felt bad", ["seojun"]),
    ("and then seojun came over and i was like ok i guess", ["seojun"]),
])
def test_unknown_lower_case_name_with_context_found(analyzer, text, expected):
    assert found(analyzer, text) == expected


@pytest.mark.parametrize("text", [
    "i think its called serendipity and i was like wow",   # the model knows the word
    "i went to the homemaker thing and i left early",       # two common words run together
    "It's called nicotinic stomatitis. I explained it.",    # edited text: names are capitalised
    "i said we named her grace and i cried",                # lexicon names are the lexicon's job
])
def test_words_are_not_names(analyzer, text):
    assert found(analyzer, text) == []


def test_lower_case_text_is_recognised_by_its_pronoun():
    assert lower_case_text("so i said i would go and i did")
    assert not lower_case_text("So I said I would go, and i did.")
