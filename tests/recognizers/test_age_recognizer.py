"""AgeRecognizer: ages reported as the number only; quantities and scores are not ages."""

import pytest

from recognizers.age_recognizer import AgeRecognizer


def found(rec, text):
    """Surfaces the recognizer reports, in text order (no NLP artifacts needed)."""
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities, None),
                                                key=lambda r: (r.start, -r.end))]


REC = AgeRecognizer()


@pytest.mark.parametrize("text,expected", [
    ("Ms. Vale is a 47-year-old teacher.", "47"),
    ("His grandmother, aged 92, lives alone.", "92"),
    ("she's 47 and raising two boys", "47"),
    ("Pt is a 47 y/o male", "47"),
    ("Age: 29      MRN: XQ-1", "29"),
    ("**Age/Sex:** 36/M", "36"),
    ("left home at age 9", "9"),
    ("Their son Corin (9) attends school", "9"),
    ("Date of birth: 01.02.1980 (43)", "43"),
    ("Eleven years old. He doesn't understand.", "Eleven"),
    ("Mrs Arden, then 40, was on duty", "40"),
    ("a woman in her forties", "forties"),
    ("widower, Scottish, 58\n", "58"),
    ("their 18 year\u2011old daughter", "18"),                  # non-breaking hyphen
    ("the sixteen -year-old Brannoc said", "sixteen"),
    ("who was then fifteen years of age", "fifteen"),
    ("two children of ten and twelve years of age", "ten"),
    ("two children of ten and twelve years of age", "twelve"),
    ("assistance before turning 65 should be reviewed", "65"),
    ("My brother just turned 35", "35"),
    ("my daughter's turning 12, and already", "12"),
    ("the pension age is 65 for men", "65"),
    ("A woman of 60 years or more", "60"),
    ("Case: Q.W., 44, PTSD after a crash", "44"),
    ("February 14, yeah. He'd have been 68.", "68"),
    ("Risk: Tesfaye (nineteen, youngest member) disclosed", "nineteen"),
    ("| DOB | 1990-10-08 | 1988-04-30 |\n| Age | 35 | 37 |\n", "37"),
])
def test_age_recognizer_when_age_then_number_only(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "he's 5 minutes late again",
    "I'm 30 minutes away",
    "PHQ-9 12, GAD-7 15",
    "Session 7 of 12 (3)",
    "she was 2 of 6 applicants",
    "took 20 mg since October",
    "she turned 90 degrees and left",
    "turn 2 pages back",
    "a man of 6 feet",
    "it would have been 20 minutes late",
    "Score A.B., 3 items, then C.D., 4 items",
])
def test_age_recognizer_when_quantity_or_score_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text", [
    "We will revisit in May.",          # keep: month as plain word
    "Grace and Will came to the group.",  # keep: names-as-words are not ages
    "Her Parkinson's started at onset",  # keep: eponym
])
def test_age_recognizer_when_keep_words_then_untouched(text):
    assert found(REC, text) == []


def test_age_recognizer_when_implausible_number_then_nothing():
    assert found(REC, "a 450-year-old oak") == []


@pytest.mark.parametrize("text,expected", [
    ("she came with her cousin (Orla Vance, 23) to session", "23"),
    ("Tavi (24, Métis) joined the group", "24"),
    ("her baby Ness (11 months) was teething", "11"),
    ("her son, now fourteen, refuses school", "fourteen"),
    ("my brother, who is now 16, moved out", "16"),
    ("she left home at nineteen and", "nineteen"),
    ("they married at 22 and divorced", "22"),
    ("diagnosed with epilepsy at six", "six"),
    ("At fifty, he retired", "fifty"),
    ("Age at referral: 36", "36"),
    ("**Age on admission** - 41", "41"),
    ("DOB 08/30/1996 28 F", "28"),
    ("DOB: 3/4/1990, 34 yo M", "34"),
    ("we marked the client's 29th birthday", "29th"),
    ("for her twenty-first birthday", "twenty-first"),
])
def test_age_recognizer_when_bracket_word_field_or_birthday_age_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "let's meet at two",
    "see you at 10 tomorrow",
    "we'll start at twenty past",
    "she was running at fifty percent",
    "they moved at 3pm",
    "married at 12:30 in the registry",
    "as argued by Hale (2019, p. 4)",
    "the score is now 12.",
    "the first birthday party without her",
    "exposure has started; distress peaked at 90 and fell",
    "Session 3 (of 12)",
])
def test_age_recognizer_when_time_citation_or_count_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("She lives with her husband Tobin (Tobias Quill, 36) and daughter", ["36"]),
    ('son Remy Jr. ("Jun-Jun", 9) are well', ["9"]),
    ("Ana saw it. My son is fourteen and he is the one who tells me.", ["fourteen"]),
    ("Age at referral: 36", ["36"]),
    ("plans for the client's 29th birthday party", ["29th"]),
    ("Tobin (24, Cree) said", ["24"]),
])
def test_age_recognizer_when_name_paren_relative_field_or_birthday_then_age(text, expected):
    rec = AgeRecognizer()
    assert [text[r.start:r.end] for r in rec.analyze(text, ["AGE"], None)] == expected


@pytest.mark.parametrize("text", [
    "the score (PHQ-9, 14) fell",
    "my son is fourteen minutes late",
    "(see Table 2, 14)",
    "her brother is 5 foot tall",
])
def test_age_recognizer_when_score_or_quantity_then_no_age(text):
    rec = AgeRecognizer()
    assert rec.analyze(text, ["AGE"], None) == []


@pytest.mark.parametrize("text,expected", [
    ("He has worked there nineteen years and is 61.", "61"),
    ("She was married 30 years and is now 72.", "72"),
    ("I was like eleven when we moved", "eleven"),
    ("when she was six her dad left", "six"),
    ("we used imagery with the child self at seven", "seven"),
    ("Name: Tomas R   Age: 34   Sex: M", "34"),
    ("her son Dov (17) came along", "17"),
    ("Referral for Kezia (age 15) from GP", "15"),
])
def test_age_recognizer_when_spoken_or_form_age_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "PHQ-9 12 today",
    "we talked for 10 min",
    "I was like two minutes late",
    "he is 5 foot tall",
    "the score is 14.",
    "she worked there 12 years and is 3 stops away",
    "the child self at 9:30 session",
])
def test_age_recognizer_when_score_count_or_time_then_nothing(text):
    assert found(REC, text) == []
