"""AgeRecognizer: ages in lists, after a relative and after a name with a comma."""

import pytest

from recognizers.age_recognizer import AgeRecognizer

REC = AgeRecognizer()


def found(text):
    return [text[r.start:r.end] for r in REC.analyze(text, ["AGE"], None)]


@pytest.mark.parametrize("text,expected", [
    ("Her father (71) lives with them.", ["71"]),
    ("My sister’s twenty-six and still at home.", ["twenty-six"]),
    ("Kids: 3 (ages 9 and 6) — both at school", ["9", "6"]),
    ("Grandchildren (ages 4, 8 and 11).", ["4", "8", "11"]),
    ("two sons (Arlo, 9; Finn, 5) and a dog", ["9", "5"]),
    ("Re: Ms T. Quellby-Marsh, 61 years\n", ["61"]),
    ("RE: ORLA VANTREE, 44 yrs, your referral", ["44"]),
    ("Tobias Harrowgate, fifty-three, a ferry pilot", ["fifty-three"]),
])
def test_age_list_shapes_when_age_then_number(text, expected):
    got = found(text)
    assert all(e in got for e in expected), got


@pytest.mark.parametrize("text", [
    "Okay, twenty, then we stop.",
    "She worked at Tesco, 10 years ago.",
    "my brother's two cents on it",
    "the ages of the houses vary",
    "I waited for 10 years, and then left.",
])
def test_age_list_shapes_when_no_age_then_nothing(text):
    assert found(text) == []
