"""deid_pos_guess: the coarse parts of speech, sentence starts and lemmas the recognizers use."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import recognizers.pos_guess  # noqa: F401  (registers the component)
from recognizers.pos_guess import pos_table


@pytest.fixture(scope="module")
def nlp():
    blank = spacy.blank("en")
    blank.add_pipe("deid_pos_guess")
    return blank


def _pos(nlp, text: str, word: str, ents: tuple[tuple[int, int, str], ...] = ()) -> str:
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    doc = nlp.get_pipe("deid_pos_guess")(doc)
    return next(t.pos_ for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,pos", [
    ("Yesterday I drove to Okonjo with them.", "Okonjo", "PROPN"),   # unknown capitalised word
    ("She said that I should rest.", "I", "PRON"),
    ("i told them i was tired", "i", "PRON"),                         # lower-case speech-to-text
    ("we went to the park and it was nice", "the", "DET"),
    ("we went to the park and it was nice", "and", "CCONJ"),
    ("The bell rang twice.", "bell", "NOUN"),                          # a word after a determiner
    ("That is Ana's coat.", "'s", "PART"),
    ("I called 3 times.", "3", "NUM"),
    ("Well, it was fine.", ",", "PUNCT"),
])
def test_pos_guess_gives_the_usual_part_of_speech(nlp, text, word, pos):
    assert _pos(nlp, text, word) == pos


def test_capitalised_word_inside_a_person_entity_is_a_proper_noun(nlp):
    assert _pos(nlp, "Then Hope called me.", "Hope", ents=((1, 2, "PERSON"),)) == "PROPN"


def test_sentence_starts_follow_punctuation_colons_and_line_breaks(nlp):
    doc = nlp("THERAPIST: How are you?\nCLIENT: Fine. Tired")
    starts = {t.text for t in doc if t.is_sent_start}
    assert {"THERAPIST", "How", "CLIENT", "Fine", "Tired"} <= starts
    assert not next(t for t in doc if t.text == "are").is_sent_start


def test_lemmas_are_the_lower_case_forms_for_presidio_context_words(nlp):
    doc = nlp("Call my Phone")
    assert [t.lemma_ for t in doc] == ["call", "my", "phone"]


def test_shipped_table_covers_closed_class_words():
    table = pos_table()
    assert len(table) > 5000
    assert table["the"][0] == "DET" and table["she"][0] == "PRON" and table["because"][0] == "SCONJ"


_MIXED = (
    "THERAPIST: So, Marisol -- how was the week?\n"
    "CLIENT: Honestly? Black Friday at the State Fair was chaos. \"Time\" flies, right.\n"
    "i told my sister the bell rang (twice). Job interview on 3 March, 9:30. The End\n"
    "Dr. Quillon's note: Will will call. May I ask... yes.\n\n  It's fine'\nNext line."
)


def test_pos_guess_fast_path_matches_token_by_token_reference(nlp):
    from recognizers.pos_guess import pos_guess, pos_guess_slow

    for ents in ((), ((4, 5, "PERSON"), (14, 16, "ORG"), (18, 20, "FAC"))):
        fast = nlp.make_doc(_MIXED)
        fast.ents = [Span(fast, s, e, label=lab) for s, e, lab in ents]
        slow = fast.copy()
        pos_guess(fast)
        pos_guess(fast.copy())  # a second pass answers from the memo
        pos_guess_slow(slow)
        assert [(t.pos_, t.is_sent_start, t.lemma_) for t in fast] == \
               [(t.pos_, t.is_sent_start, t.lemma_) for t in slow]
    assert any(t.pos_ == "PROPN" for t in fast) and any(t.is_sent_start for t in fast if t.i)
