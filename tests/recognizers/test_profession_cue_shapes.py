"""ProfessionRecognizer: jobs in brackets, mid-line occupation fields and "works as a" roles."""

import pytest

from recognizers.profession_recognizer import ProfessionRecognizer

REC = ProfessionRecognizer()


def found(text):
    return [text[r.start:r.end] for r in REC.analyze(text, ["PROFESSION"], None)]


@pytest.mark.parametrize("text,expected", [
    ("Mr. Darrow (51, freight estimator) said", "freight estimator"),
    ("Lost shifts at the depot (night firefighter) last month", "night firefighter"),
    ("Age: 38     Occupation: claims analyst, Vellow Mutual", "claims analyst"),
    ("Age: 38 | Occupation: harbour pilot", "harbour pilot"),
    ("She works as a sign-language interpreter for the courts", "sign-language interpreter"),
    ("he worked as a dental technician for years", "dental technician"),
])
def test_profession_cue_shapes_when_job_then_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "results (see nurse) are pending",
    "the session interpreter was late",
    "she works as a volunteer on Sundays",
    "we work as a team on this",
    "give me a (rough) estimate",
])
def test_profession_cue_shapes_when_no_job_then_nothing(text):
    assert found(text) == []
