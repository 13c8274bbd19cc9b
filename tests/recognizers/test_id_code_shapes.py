"""RecordNumberRecognizer: registration codes with slashes, card numbers, trailing digits."""

import pytest

from recognizers.id_recognizer import RecordNumberRecognizer

REC = RecordNumberRecognizer()


def found(text):
    return [text[r.start:r.end] for r in REC.analyze(text, ["ID"], None)]


@pytest.mark.parametrize("text,expected", [
    ("Counselling Psychologist (QPB CP/0772)", "CP/0772"),
    ("Dr Enna Vole (BPC/PSY/4410)", "BPC/PSY/4410"),
    ("Health card TRVM 4471 9023 — DOB", "TRVM 4471 9023"),
    ("Passport (last 4): 5521", "5521"),
    ("card ending, last four digits 8890", "8890"),
])
def test_id_code_shapes_when_code_then_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "HIV/AIDS support group",
    "the COVID/2020 lockdown",
    "open 24/7 for calls",
    "the last 4 sessions went well",
    "GAD 7 then PHQ 9",
])
def test_id_code_shapes_when_no_code_then_nothing(text):
    assert found(text) == []
