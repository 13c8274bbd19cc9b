"""Classes of PERSON leaks, end to end through the default engine (all names fictional).

Sign-offs alone on a line, name particles, surname initials, bracketed speaker labels that are
English words, look-alike names used as names, and name form fields in capitals. Each class has
positives (every word of the name is inside a PERSON mention) and negatives (the word stays).
"""

from __future__ import annotations

import pytest

from deid.model import Document

pytestmark = pytest.mark.slow


def _person_words(engine, text: str) -> set[str]:
    """Words of text covered by a PERSON mention."""
    ms = engine.detect([Document(id="t", case="t", text=text)])[0]
    spans = [(m.start, m.end) for m in ms if m.entity_type == "PERSON"]
    import re

    return {w.group(0) for w in re.finditer(r"\w+", text)
            if any(s <= w.start() and w.end() <= e for s, e in spans)}


def _covered(engine, text: str, words: list[str]) -> bool:
    found = _person_words(engine, text)
    return all(w in found for w in words)


# ---- 1. sign-offs -----------------------------------------------------------------------------
@pytest.mark.parametrize("text,words", [
    ("Hi Tamsin,\n\nSee you Thursday.\n\nthanks\nrowan\n", ["rowan"]),
    ("Hi Tamsin,\n\nWorth a conversation.\n\nB.\n\n--\nBerenike Volkov MD\n", ["B"]),
    ("Notes for the group.\nWe survived the winter.\nV.\n", ["V"]),
    ("can't make it. sorry\n\nmika\n\n--\nOn Mon 3 Mar 2025 at 10:00, Tamsin Grey wrote:\n> ok", ["mika"]),
    ("Hope that helps.\n\nCheers,\nwill\n", ["will"]),
    ("I'll bring it in.\n\nThanks a million,\nTavi\n087 555 0100\n", ["Tavi"]),
    ("see you at 5, i will bring the forms.\n\ndrew\n", ["drew"]),
    ("Signed: V. Oduya-Lindqvist\n", ["V", "Oduya", "Lindqvist"]),
])
def test_person_leaks_when_signoff_then_name(engine, text, words):
    assert _covered(engine, text, words)


@pytest.mark.parametrize("text,word", [
    ("Group went fine.\nPlan A.\n", "A"),
    ("THERAPIST: ok\nCLIENT: yeah\nokay\n", "okay"),
    ("Love you.\nx\n", "x"),
    ("Session ended early.\nagain\n", "again"),          # no closing line, no separator
    ("Thanks\nteam\n", "team"),                          # a role word
    ("Thanks,\nEveryone\n", "Everyone"),                  # a stop word
    ("CLIENT: so that was it\nyeah\n", "yeah"),           # a transcript's last word
    ("It went fine.\n\ntomorrow\n", "tomorrow"),
])
def test_person_leaks_when_not_a_signoff_then_kept(engine, text, word):
    assert word not in _person_words(engine, text)


# ---- 2. particles -----------------------------------------------------------------------------
@pytest.mark.parametrize("text,words", [
    ("Client: van Rijn, Marit\nSeen today.", ["van", "Rijn"]),
    ("Therapist: Pieter de Graaf", ["Pieter", "de", "Graaf"]),
    ("session with marit van der rijn today", ["marit", "van", "der", "rijn"]),
    ("Therapist allocated: Eoghan Ó Briain, MIACP", ["Eoghan", "Ó", "Briain"]),
])
def test_person_leaks_when_particle_in_name_then_inside(engine, text, words):
    assert _covered(engine, text, words)


@pytest.mark.parametrize("text,word", [
    ("We talked about the de facto rules at home.", "de"),
    ("She ordered a café au lait and a la carte dinner.", "la"),
])
def test_person_leaks_when_particle_without_name_then_kept(engine, text, word):
    assert word not in _person_words(engine, text)


# ---- 3. trailing initials ---------------------------------------------------------------------
@pytest.mark.parametrize("text,words", [
    ("[12/04/2025, 09:10] Lottie K: hi can we move\n[12/04/2025, 09:12] Lottie K: thanks", ["Lottie", "K"]),
    ("Group: Frank H. shared first and Odile P. listened.", ["Frank", "H"]),
])
def test_person_leaks_when_first_name_and_initial_then_inside(engine, text, words):
    assert _covered(engine, text, words)


@pytest.mark.parametrize("text,word", [
    ("Then Dana said I. Am not going.", "I"),
    ("I told Dana A lot of things.", "A"),
])
def test_person_leaks_when_pronoun_or_article_after_name_then_kept(engine, text, word):
    assert word not in _person_words(engine, text)


# ---- 4. bracketed speaker labels --------------------------------------------------------------
_CUES = ("1\n00:00:01,000 --> 00:00:03,000\n[THERAPIST] How was it?\n\n"
         "2\n00:00:04,000 --> 00:00:06,000\n[{name}] Yeah. I'll try it again.\n\n"
         "3\n00:00:07,000 --> 00:00:09,000\n[{name}] It was fine.\n")


@pytest.mark.parametrize("name", ["HOPE", "DREW", "WILL"])
def test_person_leaks_when_bracketed_label_is_english_word_then_name(engine, name):
    assert name in _person_words(engine, _CUES.format(name=name))


@pytest.mark.parametrize("name", ["THERAPIST", "CLIENT", "T", "P14", "INT", "INTERVIEWER"])
def test_person_leaks_when_bracketed_label_is_role_then_kept(engine, name):
    assert name not in _person_words(engine, _CUES.format(name=name))


# ---- 5. look-alike names ----------------------------------------------------------------------
@pytest.mark.parametrize("text,words", [
    ("THERAPIST: That's a heavy thing to carry, Will.\nCLIENT: Yes.", ["Will"]),
    ("SKY: I was tired.\nTHERAPIST: What happened? Sky, good to see you.", ["Sky"]),
    ("Progress note. Will said he slept badly.", ["Will"]),
    ("Group validated. Joy to meet individually with her therapist.", ["Joy"]),
    ('Client: Benedict "Ben" Okafor   MRN 123', ["Benedict", "Ben", "Okafor"]),
    ('- Rosalind "Roz" Quennell present.\nGroup: Roz and Tam supported each other.', ["Roz", "Quennell"]),
])
def test_person_leaks_when_lookalike_used_as_name_then_name(engine, text, words):
    assert _covered(engine, text, words)


@pytest.mark.parametrize("text,word", [
    ("WILL: hi.\nTHERAPIST: Will you sit down?", "Will"),
    ("HOPE: hi.\nTHERAPIST: Hope you're well.", "Hope"),
    ("She moved back in March and I stayed.", "March"),
    ("I will try. We hope so.", "hope"),
])
def test_person_leaks_when_lookalike_is_ordinary_word_then_kept(engine, text, word):
    assert word not in _person_words(engine, text)


# ---- 6. name form fields ----------------------------------------------------------------------
@pytest.mark.parametrize("text,words", [
    ("Surname: OKONKWO-GREEN          Forename(s): Ada\n", ["OKONKWO", "GREEN"]),
    ("Family name: RHEE     Given name: Min-jun\n", ["RHEE"]),
])
def test_person_leaks_when_name_field_value_then_whole_name(engine, text, words):
    assert _covered(engine, text, words)


def test_person_leaks_when_acronym_in_brackets_after_field_name_then_kept(engine):
    text = "**Supervisee:** Fiona Tallis   **Supervisor:** Rachel Kemp (NZAC)\n"
    assert "NZAC" not in _person_words(engine, text)


# ---- terms of address -------------------------------------------------------------------------
@pytest.mark.parametrize("text,word,is_name", [
    ("CLIENT: Thanks, Doc.\nTHERAPIST: See you next week.", "Doc", False),
    ("I told him okay Doc. Then I left.", "Doc", False),
    ("Thanks Doc, see you Monday.", "Doc", False),
    ("Yes sir, I did the homework, Sir.", "Sir", False),
    ("Honestly, babe, it's fine, Babe.", "Babe", False),
    ("Thanks, Doc. Renata called me.", "Renata", True),
    ("Dr. Darling said the scan was clear.", "Darling", True),
])
def test_person_term_of_address_alone_is_no_name(engine, text, word, is_name):
    assert (word in _person_words(engine, text)) is is_name
